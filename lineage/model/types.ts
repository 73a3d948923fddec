// The SQLFlow lineage model, generation A (flat dbobjs + relations), as ../shared/spec/sqlflow-api.md §3 fixes it.
// The engine's internal model is this shape plus the `dataflow` annotations on relations, which the
// wire projection (`toWireModel`) strips; graph, exports and OpenLineage read the annotations.

export interface Coordinate {
  /** 1-based line (lines split on \n only) */
  x: number
  /** 1-based column in UTF-16 code units; end points are exclusive */
  y: number
  /** "0" for a single text, md5 hex of the file text in multi-file analyses */
  hashCode: string
}

export type ObjectType =
  | 'table' | 'view' | 'select_list' | 'insert-select' | 'update-set' | 'update-select'
  | 'merge-insert' | 'merge-update' | 'with_cte' | 'union' | 'function' | 'pseudoTable'
  | 'constantTable' | 'variable' | 'path' | 'stage' | 'process' | 'procedure'
  | 'pivot_table' | 'unpivot_table' | 'alias' | 'cursor' | 'stream'

export interface DbColumn {
  id: string
  name: string
  coordinates: Coordinate[]
  /** 'system' for engine-made columns: RelationRows, stage `unknownPath` */
  source?: 'system'
  dataType?: string
}

export interface DbObj {
  id: string
  name: string
  type: ObjectType
  subType?: string
  database?: string
  schema?: string
  alias?: string
  columns?: DbColumn[]
  coordinates: Coordinate[]
  /** process objects */
  procedureName?: string
  queryHashId?: string
  /** engine bookkeeping, stripped on the wire: true for tables/views/streams (E1) */
  persistent?: boolean
  /** statement index (0-based, in script order) that created this object */
  statementIndex?: number
  /** engine bookkeeping, stripped on the wire: a result set returned to the caller (conformance N4) */
  topLevel?: boolean
}

export type RelationType = 'fdd' | 'fdr' | 'frd' | 'join' | 'er' | 'call'

/** Internal, lossless classification (architecture.md pipeline). */
export type DataflowKind = 'direct' | 'indirect'
export type DataflowSubtype =
  | 'identity' | 'transformation' | 'aggregation' | 'filter' | 'join' | 'group_by' | 'sort'
  | 'window' | 'conditional' | 'row_count' | 'table_event'

export interface RelationEndpoint {
  id: string
  column: string
  parentId: string
  parentName: string
  coordinates: Coordinate[]
  clauseType?: string
  source?: 'system'
}

export interface Relation {
  id: string
  type: RelationType
  effectType?: string
  function?: string
  processId?: string
  joinType?: string
  condition?: string
  clause?: string
  target: RelationEndpoint
  sources: RelationEndpoint[]
  /** internal annotation, stripped on the wire */
  dataflow?: { kind: DataflowKind; subtype: DataflowSubtype }
}

export type ErrorType = 'SyntaxError' | 'SyntaxHint' | 'AnalyzeError' | 'LinkOrphanColumn'

export interface LineageError {
  errorType: ErrorType
  errorMessage: string
  coordinates: Coordinate[]
  /** file name for multi-file analyses */
  file?: string
}

export interface SqlflowModel {
  dbvendor: string
  dbobjs: DbObj[]
  relations: Relation[]
  errors?: LineageError[]
}

/** One statement of the analysed text(s): what getSelectedDbObjectInfo and processes need. */
export interface StatementInfo {
  /** 0-based index within its file */
  index: number
  /** file name (multi-file) or undefined for a single sqltext */
  file?: string
  hashCode: string
  start: { line: number; column: number; offset: number }
  end: { line: number; column: number; offset: number }
  kind: string
  ok: boolean
  /** ids of the persistent objects the statement reads rows or values from / writes (conformance T1, T2) */
  reads: string[]
  writes: string[]
}

export interface AnalysisStats {
  bytes: number
  statements: number
  millis: number
  /** true when the budget stopped the analysis before the end of the input */
  truncated: boolean
  /** the longest dataflow analysis of one statement, in ms (parsing is timed per piece, not per statement) */
  slowestStatementMillis?: number
}

export interface AnalysisResult {
  /** the full internal model (every intermediate object, annotations kept), materialised from `store` on first read */
  readonly model: SqlflowModel
  /** the compact form the engine built: what big results are stored and moved as (model/store.ts) */
  store: import('./store.js').ModelStore
  /** the vendor the text was analysed as (aliases resolved) */
  dbvendor: string
  statements: StatementInfo[]
  stats: AnalysisStats
}

/** Request options of spec §2.2 that shape the model (graph-only options live in lineage/graph). */
export interface ModelOptions {
  showRelationType: RelationType[] | string[]
  simpleOutput: boolean
  ignoreRecordSet: boolean
  ignoreFunction: boolean
  showConstantTable: boolean
  /** treatArgumentsInCountFunctionAsDirectDataflow / dataflowOfAggregateFunction */
  countArgumentsDirect: boolean
}

export const defaultModelOptions: ModelOptions = {
  showRelationType: ['fdd'],
  simpleOutput: false,
  ignoreRecordSet: false,
  ignoreFunction: false,
  showConstantTable: false,
  countArgumentsDirect: true,
}
