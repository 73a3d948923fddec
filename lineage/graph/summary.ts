// data.summary (spec §6.1): counts over the displayed (projected) model.
import type { DbObj, SqlflowModel } from '../model/types.js'
import { matchKey, objectPath, stripQuotes } from './names.js'
import type { ColumnPair } from './pairs.js'
import type { Generation, MostRelationTable, Summary } from './types.js'

const COUNTED = new Set(['table', 'view', 'pseudoTable'])
const PERSISTENT = new Set(['table', 'view'])

export function buildSummary (model: SqlflowModel, pairs: ColumnPair[], generation: Generation): Summary {
  const schemas = new Set<string>()
  const databases = new Set<string>()
  let table = 0
  let view = 0
  let column = 0
  for (const obj of model.dbobjs) {
    if (!COUNTED.has(obj.type)) continue
    if (obj.type === 'view') view++
    else table++
    column += obj.columns?.length ?? 0
    if (obj.type === 'pseudoTable') continue
    const path = objectPath(obj)
    if (path.schema) schemas.add(matchKey(path.schema))
    if (path.database) databases.add(matchKey(path.database))
  }
  const summary: Summary = { table, view, column, schema: schemas.size, database: databases.size, mostRelationTables: [] }
  if (generation === 'C') {
    summary.relationship = pairs.length
    summary.process = model.dbobjs.filter((o) => o.type === 'process').length
  } else {
    summary.relation = pairs.length
  }
  summary.mostRelationTables = mostRelationTables(model, pairs)
  return summary
}

/**
 * Top 3 tables/views by number of relation endpoints (result sets excluded), upper-cased names.
 * Objects naming the same table (one per statement in some models) count together.
 */
function mostRelationTables (model: SqlflowModel, pairs: ColumnPair[]): MostRelationTable[] {
  const entryOf = new Map<string, MostRelationTable>()
  for (const obj of model.dbobjs) {
    if (PERSISTENT.has(obj.type)) entryOf.set(obj.id, tableEntry(obj))
  }
  const counts = new Map<string, { entry: MostRelationTable, n: number }>()
  for (const p of pairs) {
    for (const end of [p.source, p.target]) {
      const entry = entryOf.get(end.objectId)
      if (!entry) continue
      const key = [entry.database, entry.schema, entry.table].join('.')
      const seen = counts.get(key) ?? { entry, n: 0 }
      seen.n++
      counts.set(key, seen)
    }
  }
  return [...counts.values()].sort((a, b) => b.n - a.n).slice(0, 3).map((c) => c.entry)
}

function tableEntry (obj: DbObj): MostRelationTable {
  const path = objectPath(obj)
  const up = (s: string): string => stripQuotes(s).toUpperCase()
  return {
    ...(path.database ? { database: up(path.database) } : {}),
    ...(path.schema ? { schema: up(path.schema) } : {}),
    table: up(path.table),
  }
}
