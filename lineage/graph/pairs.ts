// One displayed edge per distinct (source column, target column) pair (spec §5). When several
// relations connect the same pair, the fdd relation names the edge; otherwise the highest id wins.
import type { Relation, RelationEndpoint, SqlflowModel } from '../model/types.js'

export interface ColumnRef { objectId: string, columnId: string, column: string, source?: 'system' }

export interface ColumnPair { key: string, source: ColumnRef, target: ColumnRef, relation: Relation }

export const columnKey = (objectId: string, columnId: string): string => `${objectId}\u0000${columnId}`

const ref = (e: RelationEndpoint): ColumnRef =>
  ({ objectId: e.parentId, columnId: e.id, column: e.column, ...(e.source ? { source: e.source } : {}) })

/** Numeric ids compare as numbers ("10" > "9"); anything else falls back to string order. */
export function compareIds (a: string, b: string): number {
  const na = Number(a)
  const nb = Number(b)
  if (Number.isFinite(na) && Number.isFinite(nb) && a.trim() !== '' && b.trim() !== '') return na - nb
  return a < b ? -1 : a > b ? 1 : 0
}

/** true when `candidate` should replace `current` as the relation behind an edge */
export function wins (candidate: Relation, current: Relation): boolean {
  const cf = candidate.type === 'fdd'
  const of = current.type === 'fdd'
  if (cf !== of) return cf
  return compareIds(candidate.id, current.id) > 0
}

/**
 * Distinct column pairs in first-appearance order. Endpoints whose object is not in the model are
 * skipped: the widget cannot draw a row without its object.
 */
export function columnPairs (model: SqlflowModel): ColumnPair[] {
  const objects = new Set(model.dbobjs.map((o) => o.id))
  const byKey = new Map<string, ColumnPair>()
  for (const relation of model.relations) {
    if (!objects.has(relation.target.parentId)) continue
    const target = ref(relation.target)
    for (const s of relation.sources) {
      if (!objects.has(s.parentId)) continue
      const key = `${columnKey(s.parentId, s.id)}\u0001${columnKey(target.objectId, target.columnId)}`
      const seen = byKey.get(key)
      if (!seen) byKey.set(key, { key, source: ref(s), target, relation })
      else if (wins(relation, seen.relation)) seen.relation = relation
    }
  }
  return [...byKey.values()]
}

/** The edge type string the widget reads: join edges carry their kind (`join:LEFT`). */
export function edgeType (relation: Relation): string {
  if (relation.type !== 'join') return relation.type
  return `join:${relation.joinType ?? 'INNER'}`
}
