// OpenLineage export: one COMPLETE RunEvent per statement that moves data between datasets, with the
// columnLineage dataset facet (1-2-0) on each output. Paths through a statement's intermediate result
// sets are collapsed to dataset column → dataset column; row-count (RelationRows) effects become
// dataset-level inputs (`columnLineage.dataset`), which is how OpenLineage models filters and joins.
import type { DbObj, Relation, SqlflowModel, StatementInfo } from '../model/types.js'
import type { SourceFile } from '../analyze.js'
import { indexObjects, isDataset, qualify, qualifiedString } from './common.js'
import { combine, isRowCountColumn, transformationOf, type OlTransformation } from './ol-transform.js'

export const OL_SCHEMA = 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent'
export const OL_PRODUCER = 'https://github.com/lineage-gateway/lineage-gateway'
const COLUMN_LINEAGE_SCHEMA = 'https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json#/$defs/ColumnLineageDatasetFacet'
const SQL_SCHEMA = 'https://openlineage.io/spec/facets/1-1-0/SQLJobFacet.json#/$defs/SQLJobFacet'
const JOB_TYPE_SCHEMA = 'https://openlineage.io/spec/facets/2-0-3/JobTypeJobFacet.json#/$defs/JobTypeJobFacet'

export interface OpenLineageOptions {
  /** dataset namespace; default `<scheme>://default` from the vendor (oracle://default…) */
  namespace?: string
  /** job namespace; default 'lineage-gateway' */
  jobNamespace?: string
  /** prefix of job names (the SQLFlow job name, or 'sqltext') */
  jobName?: string
  producer?: string
  /** ISO time; default now */
  eventTime?: string
  /** run id per job name; default a random UUID */
  runId?: (jobName: string) => string
  statements?: StatementInfo[]
  sources?: SourceFile[]
}

export interface OlInputField { namespace: string; name: string; field: string; transformations: OlTransformation[] }
export interface OlDataset { namespace: string; name: string; facets?: Record<string, unknown> }
export interface OlRunEvent {
  eventType: 'COMPLETE'
  eventTime: string
  run: { runId: string }
  job: { namespace: string; name: string; facets: Record<string, unknown> }
  inputs: OlDataset[]
  outputs: OlDataset[]
  producer: string
  schemaURL: string
}

const SCHEMES: Record<string, string> = {
  dbvoracle: 'oracle', dbvmssql: 'sqlserver', dbvpostgresql: 'postgres', dbvmysql: 'mysql',
  dbvsnowflake: 'snowflake', dbvbigquery: 'bigquery', dbvhive: 'hive', dbvredshift: 'redshift',
  dbvteradata: 'teradata', dbvdb2: 'db2',
}

export function defaultNamespace(dbvendor: string): string {
  return `${SCHEMES[dbvendor] ?? dbvendor.replace(/^dbv/, '')}://default`
}

/** Column node inside one statement: `<objectId>\u0000<column>`. */
type ColKey = string
interface Flow { to: ColKey; t: OlTransformation }

interface StatementGroup { key: string; statementIndex?: number; relations: Relation[] }

/** Which statement produced a relation: the intermediate object it touches, else its process. */
function statementOf(r: Relation, objs: Map<string, DbObj>): number | undefined {
  const process = r.processId ? objs.get(r.processId) : undefined
  if (process?.statementIndex !== undefined) return process.statementIndex
  for (const id of [r.target.parentId, ...r.sources.map((s) => s.parentId)]) {
    const o = objs.get(id)
    if (o && !isDataset(o) && o.statementIndex !== undefined) return o.statementIndex
  }
  return undefined
}

function groupByStatement(model: SqlflowModel, objs: Map<string, DbObj>): StatementGroup[] {
  const groups = new Map<string, StatementGroup>()
  for (const r of model.relations) {
    if (r.type !== 'fdd' && r.type !== 'fdr') continue
    const idx = statementOf(r, objs)
    const key = idx === undefined ? `p${r.processId ?? 'none'}` : `s${idx}`
    const g = groups.get(key) ?? { key, statementIndex: idx, relations: [] }
    g.relations.push(r)
    groups.set(key, g)
  }
  return [...groups.values()].sort((a, b) => (a.statementIndex ?? 1e9) - (b.statementIndex ?? 1e9))
}

function flowsOf(relations: Relation[]): Map<ColKey, Flow[]> {
  const flows = new Map<ColKey, Flow[]>()
  for (const r of relations) {
    const to = `${r.target.parentId}\u0000${r.target.column}`
    for (const s of r.sources) {
      const from = `${s.parentId}\u0000${s.column}`
      const list = flows.get(from) ?? []
      list.push({ to, t: transformationOf(r, s) })
      flows.set(from, list)
    }
  }
  return flows
}

interface ColumnPath { from: ColKey; to: ColKey; t: OlTransformation }

/** From every dataset column, follow flows through non-dataset objects to dataset columns. */
function collapse(flows: Map<ColKey, Flow[]>, objs: Map<string, DbObj>): ColumnPath[] {
  const objOf = (k: ColKey): DbObj | undefined => objs.get(k.split('\u0000')[0]!)
  const out = new Map<string, ColumnPath>()
  for (const start of flows.keys()) {
    if (!isDataset(objOf(start))) continue
    const stack: Array<{ at: ColKey; t?: OlTransformation; seen: Set<ColKey> }> = [{ at: start, seen: new Set([start]) }]
    while (stack.length) {
      const cur = stack.pop()!
      for (const f of flows.get(cur.at) ?? []) {
        const t = cur.t ? combine(cur.t, f.t) : f.t
        if (isDataset(objOf(f.to))) {
          const key = `${start}>${f.to}>${t.type}>${t.subtype}`
          if (!out.has(key)) out.set(key, { from: start, to: f.to, t })
        } else if (!cur.seen.has(f.to)) stack.push({ at: f.to, t, seen: new Set([...cur.seen, f.to]) })
      }
    }
  }
  return [...out.values()]
}

export function toOpenLineageEvents(model: SqlflowModel, opts: OpenLineageOptions = {}): OlRunEvent[] {
  const objs = indexObjects(model)
  const ns = opts.namespace ?? defaultNamespace(model.dbvendor)
  const eventTime = opts.eventTime ?? new Date().toISOString()
  const events: OlRunEvent[] = []
  for (const group of groupByStatement(model, objs)) {
    const paths = collapse(flowsOf(group.relations), objs)
    if (!paths.length) continue
    const name = jobNameOf(group, opts)
    events.push({
      eventType: 'COMPLETE', eventTime,
      run: { runId: opts.runId ? opts.runId(name) : crypto.randomUUID() },
      job: { namespace: opts.jobNamespace ?? 'lineage-gateway', name, facets: jobFacets(group, opts) },
      ...datasets(paths, objs, ns, opts.producer ?? OL_PRODUCER),
      producer: opts.producer ?? OL_PRODUCER, schemaURL: OL_SCHEMA,
    })
  }
  return events
}

/** One event per line: what the OpenLineage file transport writes and `curl -d @line` posts. */
export function toOpenLineageNdjson(model: SqlflowModel, opts: OpenLineageOptions = {}): string {
  return toOpenLineageEvents(model, opts).map((e) => JSON.stringify(e)).join('\n') + '\n'
}

function statementInfo(group: StatementGroup, opts: OpenLineageOptions): StatementInfo | undefined {
  return group.statementIndex === undefined ? undefined : opts.statements?.[group.statementIndex]
}

function jobNameOf(group: StatementGroup, opts: OpenLineageOptions): string {
  const st = statementInfo(group, opts)
  const prefix = opts.jobName ?? 'sqltext'
  if (st) return `${prefix}.${st.file ?? 'sql'}.statement-${st.index + 1}`
  return `${prefix}.statement-${group.statementIndex === undefined ? group.key : group.statementIndex + 1}`
}

function jobFacets(group: StatementGroup, opts: OpenLineageOptions): Record<string, unknown> {
  const producer = opts.producer ?? OL_PRODUCER
  const facets: Record<string, unknown> = {
    jobType: { _producer: producer, _schemaURL: JOB_TYPE_SCHEMA, processingType: 'BATCH', integration: 'SQL', jobType: 'QUERY' },
  }
  const st = statementInfo(group, opts)
  const text = st ? (opts.sources?.find((s) => s.name === st.file) ?? opts.sources?.[0])?.text : undefined
  if (st && text !== undefined) {
    facets.sql = { _producer: producer, _schemaURL: SQL_SCHEMA, query: text.slice(st.start.offset, st.end.offset) }
  }
  return facets
}

function datasets(paths: ColumnPath[], objs: Map<string, DbObj>, ns: string, producer: string): { inputs: OlDataset[]; outputs: OlDataset[] } {
  const nameOf = (id: string): string => qualifiedString(qualify(objs.get(id)!))
  const inputs = new Map<string, OlDataset>()
  const lineage = new Map<string, { fields: Record<string, { inputFields: OlInputField[] }>; dataset: OlInputField[] }>()
  for (const p of paths) {
    const [srcId, srcCol] = p.from.split('\u0000') as [string, string]
    const [tgtId, tgtCol] = p.to.split('\u0000') as [string, string]
    inputs.set(srcId, { namespace: ns, name: nameOf(srcId) })
    const out = lineage.get(tgtId) ?? { fields: {}, dataset: [] }
    lineage.set(tgtId, out)
    if (isRowCountColumn(objs.get(srcId)!, srcCol)) continue // the dataset itself is the input
    const field: OlInputField = { namespace: ns, name: nameOf(srcId), field: srcCol, transformations: [p.t] }
    if (isRowCountColumn(objs.get(tgtId)!, tgtCol)) out.dataset.push(field)
    else (out.fields[tgtCol] ??= { inputFields: [] }).inputFields.push(field)
  }
  const outputs = [...lineage].map(([id, cl]) => ({
    namespace: ns, name: nameOf(id),
    facets: { columnLineage: { _producer: producer, _schemaURL: COLUMN_LINEAGE_SCHEMA, fields: cl.fields, ...(cl.dataset.length ? { dataset: cl.dataset } : {}) } },
  }))
  return { inputs: [...inputs.values()], outputs }
}
