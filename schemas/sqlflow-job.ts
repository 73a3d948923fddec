// TypeBox schemas of the SQLFlow job endpoints (spec §2.3) and the text exports (§2.2.5): request
// parameters (all strings on the wire; typed reads go through SqlflowParams) and response bodies.
import { Type } from 'typebox'
import { SqlflowBool, SqlflowEnvelope, SqlflowParamsSchema, SqlflowString } from './sqlflow-common.js'

const jobId = SqlflowString('job id: 32 lowercase hex characters', { maxLength: 64 })

export const FileErrorSchema = Type.Object({
  file: Type.String(), errorType: Type.String(), message: Type.String(),
  line: Type.Optional(Type.Integer()), column: Type.Optional(Type.Integer()),
})

export const JobObjectSchema = Type.Object({
  jobId: Type.String(), jobName: Type.String(), userId: Type.String(), dbVendor: Type.String(),
  defaultDatabase: Type.String(), defaultSchema: Type.String(),
  dataSource: Type.Object({}, { additionalProperties: true }),
  fileNames: Type.Array(Type.String(), { description: 'uploaded part names' }),
  createTime: Type.String({ description: 'yyyy-MM-dd HH:mm:ss (UTC)' }),
  status: Type.Union(['create', 'process', 'success', 'partial_success', 'fail', 'delete'].map((s) => Type.Literal(s))),
  sessionId: Type.Optional(Type.String({ description: 'when finished: usable with selectedgraph / getSelectedDbObjectInfo' })),
  errorMessage: Type.Optional(Type.String({ description: 'why the job failed, or the first error of a partial success' })),
  executeTime: Type.Optional(Type.String()),
  persist: Type.Boolean(), onTop: Type.Boolean(), lineageType: Type.String(),
  progress: Type.Object({ filesDone: Type.Integer(), filesTotal: Type.Integer() }),
  files: Type.Array(Type.String(), { description: 'SQL files analysed; zip entries as <zip>/<path>' }),
  notes: Type.Array(Type.String(), { description: 'files skipped and why' }),
  fileErrors: Type.Array(FileErrorSchema),
}, { additionalProperties: true })

const submitFields = {
  jobName: SqlflowString('job name', { maxLength: 256 }),
  dbvendor: SqlflowString('database vendor, e.g. dbvoracle'),
  defaultDatabase: Type.Optional(SqlflowString('database of unqualified names')),
  defaultSchema: Type.Optional(SqlflowString('schema of unqualified names')),
  filename: Type.Optional(SqlflowString('sent by the PHP client next to its file part; ignored')),
}

export const SubmitJobParams = SqlflowParamsSchema(submitFields)

export const SubmitPersistJobParams = SqlflowParamsSchema({
  ...submitFields,
  incremental: Type.Optional(SqlflowBool('add the files to the job `jobId` and recompute it', false)),
  jobId: Type.Optional(SqlflowString('the earlier job id on incremental submits; empty on the first', { maxLength: 64 })),
  firstSubmit: Type.Optional(SqlflowBool('sent by the widget helper; ignored', false)),
})

export const JobIdParams = SqlflowParamsSchema({ jobId })

export const JobSummaryParams = SqlflowParamsSchema({
  jobId: Type.Optional(jobId),
  jobName: Type.Optional(SqlflowString('look the latest job up by name (widget helper) when jobId is absent', { maxLength: 256 })),
})

export const JobEnvelope = SqlflowEnvelope(JobObjectSchema)

export const JobsSummaryEnvelope = SqlflowEnvelope(Type.Object({
  total: Type.Integer(), success: Type.Integer(), partialSuccess: Type.Integer(), fail: Type.Integer(),
  jobIds: Type.Array(Type.String()), jobDetails: Type.Array(JobObjectSchema),
}))

/** Options that shape what an export contains (spec §2.2.2, §2.2.5). */
export const exportFields = {
  tableToTable: Type.Optional(SqlflowBool('table-level rows only (column TABLE)', false)),
  delimiter: Type.Optional(SqlflowString('CSV delimiter, one character (or \\t / tab)', { maxLength: 8 })),
  showRelationType: Type.Optional(SqlflowString('relation types: fdd, fdr, frd, join (comma list)')),
  simpleOutput: Type.Optional(SqlflowBool('only end-to-end edges between tables and views', false)),
  ignoreRecordSet: Type.Optional(SqlflowBool('drop intermediate result sets', false)),
  ignoreFunction: Type.Optional(SqlflowBool('connect through function nodes', false)),
  showConstantTable: Type.Optional(SqlflowBool('literals as SQL_CONSTANTS tables', false)),
  treatArgumentsInCountFunctionAsDirectDataflow: Type.Optional(SqlflowBool('aggregate arguments are direct', true)),
  export_include_table: Type.Optional(SqlflowString('keep only rows touching this table')),
}

export const JobExportParams = SqlflowParamsSchema({ jobId, ...exportFields })

export const OpenLineageParams = SqlflowParamsSchema({
  jobId: Type.Optional(jobId),
  sqltext: Type.Optional(SqlflowString('SQL text (instead of jobId)', { maxLength: 10_000_000 })),
  dbvendor: Type.Optional(SqlflowString('database vendor (with sqltext)')),
  namespace: Type.Optional(SqlflowString('dataset namespace, e.g. postgres://db:5432; default <vendor>://default')),
  format: Type.Optional(SqlflowString('ndjson (default: one RunEvent per line) or json (an array)')),
})

export const TextExportParams = SqlflowParamsSchema({
  dbvendor: SqlflowString('database vendor, e.g. dbvoracle'),
  sqltext: Type.Optional(SqlflowString('SQL text (or the sqlfile part)', { maxLength: 10_000_000 })),
  ...exportFields,
})

export const JobGraphParams = SqlflowParamsSchema({
  jobId,
  database: Type.Optional(SqlflowString('select an object: database')),
  schema: Type.Optional(SqlflowString('select an object: schema')),
  table: Type.Optional(SqlflowString('select an object: table')),
  column: Type.Optional(SqlflowString('select an object: column')),
})

/** Downloads (CSV, GraphML, NDJSON, raw JSON) are documented as strings. */
export const DownloadBody = Type.String({ description: 'file content (download)' })
