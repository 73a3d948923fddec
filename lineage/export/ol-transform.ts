// Map the engine's dataflow annotation (direct/indirect + subtype) onto OpenLineage transformations,
// and combine the hops of a collapsed path into one transformation.
import type { DbObj, Relation, RelationEndpoint } from '../model/types.js'

export interface OlTransformation {
  type: 'DIRECT' | 'INDIRECT'
  subtype: string
  description?: string
  masking: boolean
}

const DIRECT_SUBTYPES = ['IDENTITY', 'TRANSFORMATION', 'AGGREGATION'] as const
const INDIRECT_BY_CLAUSE: Record<string, string> = {
  where: 'FILTER', joinCondition: 'JOIN', groupBy: 'GROUP_BY', having: 'FILTER', orderBy: 'SORT',
}

/** Row-count pseudo columns (RelationRows / PseudoRows): they stand for the dataset, not a field. */
export function isRowCountColumn(obj: DbObj, column: string): boolean {
  const col = obj.columns?.find((c) => c.name === column)
  if (col?.source === 'system') return true
  return /^(relationrows|pseudorows)$/i.test(column)
}

export function transformationOf(r: Relation, source: RelationEndpoint): OlTransformation {
  const df = r.dataflow
  if (df) {
    const direct = df.kind === 'direct'
    return { type: direct ? 'DIRECT' : 'INDIRECT', subtype: subtypeOf(df.subtype, direct), ...describe(r), masking: false }
  }
  // no annotation (e.g. a model read from a file): fall back on the relation type and clause
  if (r.type === 'fdd') return { type: 'DIRECT', subtype: r.function ? 'TRANSFORMATION' : 'IDENTITY', ...describe(r), masking: false }
  const subtype = INDIRECT_BY_CLAUSE[source.clauseType ?? ''] ?? 'FILTER'
  return { type: 'INDIRECT', subtype, ...describe(r), masking: false }
}

function subtypeOf(subtype: string, direct: boolean): string {
  if (subtype === 'row_count') return direct ? 'AGGREGATION' : 'FILTER'
  if (subtype === 'table_event') return 'IDENTITY'
  return subtype.toUpperCase()
}

function describe(r: Relation): { description?: string } {
  return r.function ? { description: r.function } : {}
}

/**
 * A path is INDIRECT if any hop is (its subtype is the first indirect reason); a direct path keeps
 * the strongest change of value: IDENTITY < TRANSFORMATION < AGGREGATION.
 */
export function combine(a: OlTransformation, b: OlTransformation): OlTransformation {
  if (a.type === 'INDIRECT') return a
  if (b.type === 'INDIRECT') return b
  const rank = (t: OlTransformation): number => DIRECT_SUBTYPES.indexOf(t.subtype as (typeof DIRECT_SUBTYPES)[number])
  const strongest = rank(b) > rank(a) ? b : a
  const description = [a.description, b.description].filter(Boolean).join(', ')
  return { ...strongest, ...(description ? { description } : {}), masking: a.masking || b.masking }
}
