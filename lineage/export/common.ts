// Shared helpers of the exporters: resolve relation endpoints to their objects, split qualified
// names into db/schema/table, and collapse column lineage to table level (tableToTable).
import type { DbObj, Relation, RelationEndpoint, RelationType, SqlflowModel } from '../model/types.js'

/** What the widget writes for an unknown database or schema (spec §2.2.5). */
export const DEFAULT_NAME = 'DEFAULT'
/** Pseudo column of table-level rows (spec §4.15). */
export const TABLE_COLUMN = 'TABLE'

export interface QualifiedName { db: string; schema: string; table: string }

/** Object types that are real datasets (the ends of end-to-end lineage). */
const DATASET_TYPES = new Set(['table', 'view', 'stream', 'path', 'stage'])

export function isDataset(obj: DbObj | undefined): boolean {
  if (!obj) return false
  return obj.persistent ?? DATASET_TYPES.has(obj.type)
}

/** Split `a.b."c.d"` / `[x].[y]` / `` `p`.`q` `` on dots outside quotes and strip the quotes. */
export function splitIdentifier(name: string): string[] {
  const parts: string[] = []
  let cur = ''
  let close = ''
  for (const ch of name) {
    if (close) {
      if (ch === close) close = ''
      else cur += ch
    } else if (ch === '"' || ch === '`') close = ch
    else if (ch === '[') close = ']'
    else if (ch === '.') { parts.push(cur); cur = '' }
    else cur += ch
  }
  parts.push(cur)
  return parts.map((p) => p.trim())
}

/** db/schema/table of an object: explicit fields win over qualifiers written in the name. */
export function qualify(obj: DbObj): QualifiedName {
  const parts = splitIdentifier(obj.name)
  const table = parts[parts.length - 1] ?? obj.name
  const schema = obj.schema ? splitIdentifier(obj.schema).pop() : parts[parts.length - 2]
  const db = obj.database ? splitIdentifier(obj.database).pop() : parts[parts.length - 3]
  return { db: db || DEFAULT_NAME, schema: schema || DEFAULT_NAME, table }
}

export function qualifiedString(q: QualifiedName): string {
  return [q.db, q.schema, q.table].filter((p) => p !== DEFAULT_NAME).join('.')
}

export function indexObjects(model: SqlflowModel): Map<string, DbObj> {
  return new Map(model.dbobjs.map((o) => [o.id, o]))
}

/** One source → target column pair of a relation, with both owning objects resolved. */
export interface ColumnEdge {
  relation: Relation
  source: RelationEndpoint
  target: RelationEndpoint
  sourceObj: DbObj
  targetObj: DbObj
}

/** Flatten relations into column pairs; endpoints whose object is unknown are skipped. */
export function columnEdges(model: SqlflowModel): ColumnEdge[] {
  const objs = indexObjects(model)
  const out: ColumnEdge[] = []
  for (const relation of model.relations) {
    const targetObj = objs.get(relation.target.parentId)
    if (!targetObj) continue
    for (const source of relation.sources) {
      const sourceObj = objs.get(source.parentId)
      if (sourceObj) out.push({ relation, source, target: relation.target, sourceObj, targetObj })
    }
  }
  return out
}

/** A table-level edge between two datasets, collapsed through intermediate result sets. */
export interface TableEdge {
  sourceObj: DbObj
  targetObj: DbObj
  /** fdr when every path between the two is indirect, else fdd (spec §4.10 collapse rule) */
  type: RelationType
  /** effectType of the hop that writes the target (insert, create_view, update…) */
  effectType?: string
  processId?: string
}

interface Hop { to: string; type: RelationType; effectType?: string; processId?: string }

function objectHops(model: SqlflowModel): Map<string, Hop[]> {
  const hops = new Map<string, Hop[]>()
  const seen = new Set<string>()
  for (const r of model.relations) {
    if (r.type !== 'fdd' && r.type !== 'fdr') continue
    for (const s of r.sources) {
      const key = `${s.parentId}>${r.target.parentId}>${r.type}>${r.effectType ?? ''}`
      if (s.parentId === r.target.parentId || seen.has(key)) continue
      seen.add(key)
      const list = hops.get(s.parentId) ?? []
      list.push({ to: r.target.parentId, type: r.type, effectType: r.effectType, processId: r.processId })
      hops.set(s.parentId, list)
    }
  }
  return hops
}

/**
 * tableToTable: for each dataset, walk forward through non-dataset objects (result sets, functions…)
 * until datasets are reached. Only fdd/fdr count; a path is fdr if any hop is fdr.
 */
export function tableEdges(model: SqlflowModel): TableEdge[] {
  const objs = indexObjects(model)
  const hops = objectHops(model)
  const found = new Map<string, TableEdge>()
  for (const start of model.dbobjs) {
    if (!isDataset(start)) continue
    const queue: Array<{ id: string; direct: boolean }> = [{ id: start.id, direct: true }]
    const visited = new Set<string>([`${start.id}:true`])
    while (queue.length) {
      const cur = queue.shift()!
      for (const hop of hops.get(cur.id) ?? []) {
        const direct = cur.direct && hop.type === 'fdd'
        const target = objs.get(hop.to)
        if (!target) continue
        if (isDataset(target)) { record(found, start, target, direct, hop); continue }
        const key = `${hop.to}:${direct}`
        if (!visited.has(key)) { visited.add(key); queue.push({ id: hop.to, direct }) }
      }
    }
  }
  return [...found.values()]
}

function record(found: Map<string, TableEdge>, src: DbObj, tgt: DbObj, direct: boolean, hop: Hop): void {
  const key = `${src.id}>${tgt.id}>${hop.effectType ?? ''}`
  const prev = found.get(key)
  const type: RelationType = direct ? 'fdd' : 'fdr'
  if (prev) { if (type === 'fdd') prev.type = 'fdd'; return }
  found.set(key, { sourceObj: src, targetObj: tgt, type, effectType: hop.effectType, processId: hop.processId })
}

/** Stable order for exports: by target then source qualified name. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
