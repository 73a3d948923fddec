// TypeBox schemas of the SQLFlow generation endpoints (spec §2.2.1–2.2.4): request parameters (all
// strings on the wire; typed reads go through SqlflowParams) and response bodies.
import { Type } from 'typebox'
import { SqlflowBool, SqlflowEnvelope, SqlflowParamsSchema, SqlflowString } from './sqlflow-common.js'

const modelFields = {
  dbvendor: SqlflowString('database vendor, e.g. dbvoracle (aliases such as dbvsqlserver accepted)'),
  showRelationType: Type.Optional(SqlflowString('comma list of fdd, fdr, frd, fddi, join, call, er (default fdd)')),
  simpleOutput: Type.Optional(SqlflowBool('only end-to-end edges between tables and views', false)),
  ignoreRecordSet: Type.Optional(SqlflowBool('drop intermediate result sets but keep the top-level select list', false)),
  ignoreFunction: Type.Optional(SqlflowBool('connect through function nodes instead of showing them', false)),
  showConstantTable: Type.Optional(SqlflowBool('SQL_CONSTANTS tables for literals', false)),
  treatArgumentsInCountFunctionAsDirectDataflow: Type.Optional(SqlflowBool('aggregate arguments give fdd rather than fdr', true)),
  dataflowOfAggregateFunction: Type.Optional(SqlflowString('direct | indirect (or a boolean): same as treatArgumentsInCountFunctionAsDirectDataflow')),
  modelVersion: Type.Optional(SqlflowString('A = flat model, relationIdMap (default unless SQLFLOW_MODEL_GENERATION=C) | C = hierarchical model the widget 3.6.2 needs, relationshipIdMap', { maxLength: 8 })),
}

const graphFields = {
  showLinkOnly: Type.Optional(SqlflowBool('graph: only columns that take part in a displayed relation', true)),
  hideColumn: Type.Optional(SqlflowBool('graph: table-level diagram, one "*" row per table', false)),
  showTransform: Type.Optional(SqlflowBool('accepted for widget compatibility', false)),
  jobId: Type.Optional(SqlflowString('widget bookkeeping; ignored here')),
  columnLevel: Type.Optional(SqlflowString('widget bookkeeping; ignored here')),
}

const textFields = {
  sqltext: Type.Optional(SqlflowString('the SQL text (or upload it as the sqlfile part, which wins)', { maxLength: 1_073_741_824 })),
}

export const GenerationParams = SqlflowParamsSchema({ ...textFields, ...modelFields })
export const GraphParams = SqlflowParamsSchema({ ...textFields, ...modelFields, ...graphFields })

const selectionFields = {
  sessionId: SqlflowString('from /sqlflow/generation/sqlflow(/graph) or /sqlflow/job/updateUserJobGraphCache', { maxLength: 128 }),
  database: Type.Optional(SqlflowString('database of the selected object; empty or DEFAULT = any')),
  schema: Type.Optional(SqlflowString('schema of the selected object; empty or DEFAULT = any')),
  table: Type.Optional(SqlflowString('table (or view, result set) name, case-insensitive')),
  column: Type.Optional(SqlflowString('column name, case-insensitive: that column\'s lineage only')),
  isReturnModel: Type.Optional(SqlflowBool('include data.sqlflow', true)),
  share: Type.Optional(SqlflowString('widget share links: not supported, ignored')),
}

// dbvendor is optional here: the session knows its vendor.
export const SelectedGraphParams = SqlflowParamsSchema({
  ...modelFields, ...graphFields, ...selectionFields, dbvendor: Type.Optional(SqlflowString('ignored: the session\'s vendor is used')),
})

export const DbObjectInfoParams = SqlflowParamsSchema({
  sessionId: selectionFields.sessionId,
  coordinates: SqlflowString('JSON array: a flat list of start/end points [{x,y,hashCode},…] (single quotes allowed) or a list of [start,end] pairs', { maxLength: 1_048_576 }),
})

/** Generation A or C model: free-form (fields differ per generation; §3). */
const Model = Type.Any({ description: 'the lineage model (§3): generation A {dbvendor, dbobjs, relations, errors} or C {dbvendor, dbobjs:{createdBy, servers}, relationships, processes, errors}' })

export const GenerationResponse = SqlflowEnvelope(Model, { sessionId: Type.Optional(Type.String()) })

export const GraphDataSchema = Type.Object({
  mode: Type.String({ description: 'global | ignoreRecordSet | summary (fallbacks above GRAPH_MAX_RELATIONS)' }),
  summary: Type.Any({ description: 'counts (§6.1)' }),
  sqlflow: Type.Optional(Model),
  graph: Type.Any({ description: 'elements.tables/edges, tooltip, listIdMap, relationIdMap (A) or relationshipIdMap (C) (§5)' }),
}, { additionalProperties: true })

export const GraphResponse = SqlflowEnvelope(GraphDataSchema, { sessionId: Type.Optional(Type.String()) })

export const DbObjectInfoItem = Type.Object({
  index: Type.Integer({ description: '0-based statement index within its file' }),
  positions: Type.Array(Type.Object({ x: Type.Integer(), y: Type.Integer() }), { description: 'start/end points rebased to the statement text' }),
  sql: Type.String({ description: 'the statement, from the beginning of its first line' }),
  file: Type.Optional(Type.String()),
})

export const DbObjectInfoResponse = SqlflowEnvelope(Type.Array(DbObjectInfoItem))
