// JSON exports. exportLineageAsJson (job) answers `{jobId, code, data:{mode, sqlflow:{relationships}},
// sessionId}` (spec §2.3); tableToTable collapses to datasets with the pseudo column TABLE and empty
// coordinates. The full export is the model itself (`{code, data:<model>}`).
import type { Relation, RelationEndpoint, SqlflowModel } from '../model/types.js'
import { TABLE_COLUMN, qualify, qualifiedString, tableEdges } from './common.js'

export interface LineageJsonOptions {
  jobId?: string
  sessionId?: string
  tableToTable?: boolean
}

export interface LineageJson {
  jobId?: string
  code: number
  data: { mode: 'global'; sqlflow: { dbvendor: string; relationships: Relation[] } }
  sessionId?: string
}

/** Engine-only annotations never leave the server (types.ts: `dataflow`, `persistent`…). */
function wireRelation(r: Relation): Relation {
  const { dataflow: _omit, ...rest } = r
  void _omit
  return rest
}

export function tableLevelRelations(model: SqlflowModel): Relation[] {
  return tableEdges(model).map((e, i) => {
    const endpoint = (obj: typeof e.sourceObj): RelationEndpoint => ({
      id: `${obj.id}_TABLE`, column: TABLE_COLUMN, parentId: obj.id,
      parentName: qualifiedString(qualify(obj)), coordinates: [],
    })
    const rel: Relation = { id: `t${i + 1}`, type: e.type, target: endpoint(e.targetObj), sources: [endpoint(e.sourceObj)] }
    if (e.effectType) rel.effectType = e.effectType
    if (e.processId) rel.processId = e.processId
    return rel
  })
}

export function toLineageJson(model: SqlflowModel, opts: LineageJsonOptions = {}): LineageJson {
  const relationships = opts.tableToTable ? tableLevelRelations(model) : model.relations.map(wireRelation)
  const out: LineageJson = { code: 200, data: { mode: 'global', sqlflow: { dbvendor: model.dbvendor, relationships } } }
  if (opts.jobId) out.jobId = opts.jobId
  if (opts.sessionId) out.sessionId = opts.sessionId
  // jobId first, as in the documented sample, so a saved file reads naturally
  return opts.jobId ? { jobId: opts.jobId, ...out } : out
}

export function toFullLineageJson(wireModel: unknown): { code: number; data: unknown } {
  return { code: 200, data: wireModel }
}
