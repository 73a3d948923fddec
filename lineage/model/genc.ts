// Generation C projection of the SQLFlow model (spec §3.1–3.2.2): the hierarchical form the official
// widget 3.6.2 requires (dbobjs → servers → databases → schemas → tables/views/others/processes) with
// `relationships` and `processes`, plus `dbvendor` where generation A/B clients look for it.
// Input is a (projected) generation A model; the ids are kept, so graph listIdMaps stay valid.
import type { Coordinate, DbColumn, DbObj, LineageError, Relation, RelationEndpoint, SqlflowModel } from './types.js'
import { normaliseName, normalisePart, objectPath, splitQualified, stripQuotes } from '../graph/names.js'

export interface GenCColumn extends Omit<DbColumn, 'source'> { source?: 'system', uiVisible?: false }
export interface GenCObject {
  id: string
  name: string
  displayName: string
  type?: string
  subType?: string
  alias?: string
  columns?: GenCColumn[]
  coordinates: Coordinate[]
  procedureName?: string
  queryHashId?: string
  uiVisible?: false
}
export interface GenCProcess {
  id: string, name: string, procedureName: string, queryHashId: string, type: string, coordinates: Coordinate[], uiVisible: false
}
export interface GenCSchema { name: string, tables: GenCObject[], views: GenCObject[], others: GenCObject[], processes: GenCObject[], procedures: GenCObject[] }
export interface GenCDatabase extends Partial<Omit<GenCSchema, 'name'>> { name: string, schemas?: GenCSchema[] }
export interface GenCServer {
  name: string, dbVendor: string, supportsCatalogs: boolean, supportsSchemas: boolean, databases?: GenCDatabase[], schemas?: GenCSchema[]
}
export type GenCRelation = Omit<Relation, 'dataflow'> & { processType?: string }
export interface GenCModel {
  dbvendor: string
  dbobjs: { createdBy: string, servers: GenCServer[] }
  relationships: GenCRelation[]
  processes: GenCProcess[]
  errors?: LineageError[]
}

export const CREATED_BY = 'lineage-gateway v1'
const DEFAULT = 'DEFAULT'

/** [supportsCatalogs, supportsSchemas]: Oracle-like vendors have no database level, MySQL-like no schema level. */
const CAPABILITIES: Record<string, [boolean, boolean]> = {
  dbvoracle: [false, true], dbvteradata: [false, true], dbvdb2: [false, true], dbvinformix: [false, true],
  dbvmysql: [true, false], dbvhive: [true, false], dbvimpala: [true, false], dbvcouchbase: [true, false],
}

type Bucket = 'tables' | 'views' | 'others' | 'processes' | 'procedures'
const BUCKET: Partial<Record<string, Bucket>> = {
  table: 'tables', pseudoTable: 'tables', view: 'views', process: 'processes', procedure: 'procedures',
}
/** Only real catalog objects sit in their database/schema; result sets and the like go to DEFAULT. */
const PLACED = new Set(['table', 'view', 'procedure', 'stream', 'stage'])

export function toGenC (model: SqlflowModel): GenCModel {
  const vendor = model.dbvendor
  const [supportsCatalogs, supportsSchemas] = CAPABILITIES[vendor] ?? [true, true]
  const tree = new Map<string, Map<string, GenCSchema>>()
  for (const obj of model.dbobjs) {
    const path = PLACED.has(obj.type) ? objectPath(obj) : { database: undefined, schema: undefined }
    const db = supportsCatalogs ? containerName(path.database) : DEFAULT
    const schema = supportsSchemas ? containerName(path.schema) : DEFAULT
    const schemas = tree.get(db) ?? new Map<string, GenCSchema>()
    tree.set(db, schemas)
    const group = schemas.get(schema) ?? emptySchema(schema)
    schemas.set(schema, group)
    group[BUCKET[obj.type] ?? 'others'].push(toObject(obj))
  }
  const server: GenCServer = { name: 'DEFAULT_SERVER', dbVendor: vendor, supportsCatalogs, supportsSchemas }
  const databases = [...tree.entries()].map(([name, schemas]) => ({ name, schemas: [...schemas.values()] }))
  if (!supportsCatalogs) server.schemas = databases.flatMap((d) => d.schemas)
  else if (!supportsSchemas) server.databases = databases.map((d) => ({ ...withoutName(d.schemas[0]!), name: d.name }))
  else server.databases = databases
  const processes = model.dbobjs.filter((o) => o.type === 'process').map(toProcess)
  const processTypes = new Map(processes.map((p) => [p.id, p.type]))
  return {
    dbvendor: vendor,
    dbobjs: { createdBy: CREATED_BY, servers: [server] },
    relationships: model.relations.map((r) => toRelationship(r, vendor, processTypes)),
    processes,
    ...(model.errors ? { errors: model.errors } : {}),
  }
}

const containerName = (name: string | undefined): string => (name ? stripQuotes(name) : DEFAULT)

function emptySchema (name: string): GenCSchema {
  return { name, tables: [], views: [], others: [], processes: [], procedures: [] }
}

function withoutName (s: GenCSchema): Omit<GenCSchema, 'name'> {
  const { name: _name, ...rest } = s
  return rest
}

function toObject (obj: DbObj): GenCObject {
  const parts = splitQualified(obj.name)
  const out: GenCObject = { id: obj.id, name: parts[parts.length - 1] ?? obj.name, displayName: obj.name, coordinates: obj.coordinates }
  // processes inside dbobjs carry no type: the widget forces "process" (§3.2.2)
  if (obj.type === 'process') out.uiVisible = false
  else out.type = obj.type
  if (obj.subType) out.subType = obj.subType
  if (obj.alias) out.alias = obj.alias
  if (obj.procedureName) out.procedureName = obj.procedureName
  if (obj.queryHashId) out.queryHashId = obj.queryHashId
  if (obj.columns) out.columns = obj.columns.map((c) => (c.source === 'system' ? { ...c, uiVisible: false } : { ...c }))
  return out
}

/** GSP statement-type name (`sstinsert`): the engine's subType when it has one, else from "Query Insert-1". */
export function processType (obj: DbObj): string {
  if (obj.subType?.startsWith('sst')) return obj.subType
  const kind = obj.name.replace(/^Query\s+/i, '').replace(/-\d+$/, '')
  return `sst${kind.replace(/[^A-Za-z]/g, '').toLowerCase()}`
}

function toProcess (obj: DbObj): GenCProcess {
  return {
    id: obj.id,
    name: obj.name,
    procedureName: obj.procedureName ?? 'batchQueries',
    queryHashId: obj.queryHashId ?? '',
    type: processType(obj),
    coordinates: obj.coordinates,
    uiVisible: false,
  }
}

function endpoint (e: RelationEndpoint, vendor: string): RelationEndpoint {
  const column = e.source === 'system' ? e.column : normalisePart(e.column, vendor)
  return { ...e, column, parentName: normaliseName(e.parentName, vendor) }
}

function toRelationship (r: Relation, vendor: string, processTypes: Map<string, string>): GenCRelation {
  const { dataflow: _dataflow, ...rest } = r
  const out: GenCRelation = { ...rest, target: endpoint(r.target, vendor), sources: r.sources.map((s) => endpoint(s, vendor)) }
  const type = r.processId ? processTypes.get(r.processId) : undefined
  if (type) out.processType = type
  return out
}
