// The end-to-end job scenario shared by the in-process and the BullMQ runs: submit a zip of a
// warehouse → poll → every export (CSV and GraphML parsed back) → another user refused → delete.
import type { Test } from 'tap'
import type { FastifyInstance } from 'fastify'
import { parseCsv, CSV_COLUMNS } from '../../../../lineage/export/index.js'
import { findAll, parseXml } from '../../../helpers/xml.js'
import { caller, lc, post, waitFinished, warehouseZip, type Caller } from './warehouse.js'

export async function jobScenario(t: Test, app: FastifyInstance): Promise<void> {
  const alice = await caller(app, 'alice')
  const bob = await caller(app, 'bob')
  const submitted = await post(app, 'submitUserJob', alice, { jobName: 'wh', dbvendor: 'dbvmssql' },
    [{ name: 'sqlfiles', value: await warehouseZip(), filename: 'warehouse.zip' }])
  const sub = submitted.json()
  t.equal(sub.code, 200)
  t.equal(sub.data.status, 'create')
  t.same(sub.data.fileNames, ['warehouse.zip'])
  t.equal(sub.data.files.length, 5)
  t.same(sub.data.notes, ['warehouse.zip/warehouse/README.md: skipped, not a SQL file'])
  const jobId: string = sub.data.jobId
  const done = await waitFinished(app, alice, jobId)
  t.equal(done.status, 'success', `job finished: ${JSON.stringify(done.errorMessage ?? '')}`)
  t.match(done.sessionId, /^[0-9a-f]{64}_\d+$/)
  await exportsChecked(t, app, alice, jobId)
  await otherUserRefused(t, app, bob, jobId)
  const del = (await post(app, 'deleteUserJob', alice, { jobId })).json()
  t.same([del.code, del.data.status, del.data.jobId], [200, 'delete', jobId])
  t.same((await post(app, 'displayUserJobSummary', alice, { jobId })).json(), { code: 404, error: `job ${jobId} not found` })
}

async function exportsChecked(t: Test, app: FastifyInstance, who: Caller, jobId: string): Promise<void> {
  const csvRes = await post(app, 'exportLineageAsCsv', who, { jobId })
  t.equal(csvRes.headers['content-type'], 'text/csv; charset=utf-8')
  t.equal(csvRes.headers['content-disposition'], `attachment; filename="wh_${jobId}.csv"`)
  const rows = parseCsv(csvRes.body)
  t.same(rows[0], [...CSV_COLUMNS])
  const pairs = rows.slice(1).map((r) => `${lc(r[2]!)}.${lc(r[3]!)}>${lc(r[6]!)}.${lc(r[7]!)}`)
  t.ok(pairs.includes('stg_customers.name>dim_customer.customer_name'), 'column lineage inside one file')
  t.ok(pairs.includes('dim_customer.customer_name>v_customer_sales.customer_name'), 'cross-file column lineage')
  t.ok(pairs.includes('stg_orders.amount>fct_sales.total_amount'))
  const tables = parseCsv((await post(app, 'exportFullLineageAsCsv', who, { jobId, tableToTable: 'true', delimiter: ';' })).body, ';')
  const tpairs = new Set(tables.slice(1).map((r) => `${lc(r[2]!)}>${lc(r[6]!)}:${r[3]}:${r[7]}`))
  for (const p of ['stg_customers>dim_customer', 'stg_orders>fct_sales', 'dim_customer>v_customer_sales', 'fct_sales>v_customer_sales']) {
    t.ok(tpairs.has(`${p}:TABLE:TABLE`), `table-level ${p}`)
  }
  const json = JSON.parse((await post(app, 'exportLineageAsJson', who, { jobId, tableToTable: 'false' })).body)
  t.same([json.jobId, json.code, json.data.mode], [jobId, 200, 'global'])
  t.ok(json.data.sqlflow.relationships.length >= 5)
  const tjson = JSON.parse((await post(app, 'exportLineageAsJson', who, { jobId, tableToTable: 'true' })).body)
  t.ok(tjson.data.sqlflow.relationships.every((r: { target: { column: string } }) => r.target.column === 'TABLE'))
  const graphml = await post(app, 'exportLineageAsGraphml', who, { jobId })
  t.equal(graphml.headers['content-disposition'], `attachment; filename="wh_${jobId}.graphml"`)
  const root = parseXml(graphml.body)
  const labels = new Set(findAll(root, 'y:NodeLabel').map((l) => lc(l.text)))
  t.ok(labels.has('v_customer_sales') && labels.has('stg_customers'), 'yEd labels name the tables')
  t.ok(findAll(root, 'edge').length >= 5)
  const full = (await post(app, 'exportFullLineageAsJson', who, { jobId })).json()
  t.equal(full.code, 200)
  t.ok(full.data.dbobjs, 'the model')
  const ol = (await post(app, 'exportLineageAsOpenLineage', who, { jobId })).body.trim().split('\n').map((l) => JSON.parse(l))
  const view = ol.find((e) => e.outputs.some((o: { name: string }) => lc(o.name).endsWith('v_customer_sales')))
  t.ok(view, 'a run event writes the view')
  t.match(view.job.name, /^wh\.warehouse\.zip\/warehouse\/reports\/v_customer_sales\.sql\.statement-1$/)
  const graph = (await post(app, 'displayUserJobGraph', who, { jobId })).json()
  t.same([graph.code, typeof graph.sessionId, Array.isArray(graph.data.graph.elements.tables)], [200, 'string', true])
  const cache = (await post(app, 'updateUserJobGraphCache', who, { jobId })).json()
  t.equal(cache.code, 200)
  t.equal(cache.data.sessionId, graph.sessionId)
}

async function otherUserRefused(t: Test, app: FastifyInstance, bob: Caller, jobId: string): Promise<void> {
  const notFound = { code: 404, error: `job ${jobId} not found` }
  for (const path of ['displayUserJobSummary', 'exportLineageAsCsv', 'exportLineageAsJson', 'displayUserJobGraph', 'deleteUserJob']) {
    t.same((await post(app, path, bob, { jobId })).json(), notFound, `bob: ${path}`)
  }
  const list = (await post(app, 'displayUserJobsSummary', bob, {})).json()
  t.same([list.code, list.data.total, list.data.jobIds], [200, 0, []])
}
