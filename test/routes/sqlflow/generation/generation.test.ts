// /sqlflow/generation/sqlflow and /graph end to end (real engine): envelopes, 203, inputs, options,
// graph invariants, mode fallback, and the session they hand out used by selectedgraph and
// getSelectedDbObjectInfo.
import t from 'tap'
import { buildApp, form, multipart, sqlflowLogin } from '../../../helpers/build-app.js'

const BASE = '/gspLive_backend/sqlflow/generation/sqlflow'
const SCRIPT = [
  'CREATE TABLE a (x int, y int);',
  'INSERT INTO b SELECT x FROM a WHERE y > 1;',
  'INSERT INTO c SELECT x FROM b;',
  'INSERT INTO d SELECT x FROM c;',
].join('\n')

interface Obj { id: string, name: string, type: string, columns?: { id: string, name: string, coordinates: { x: number, y: number, hashCode: string }[] }[] }
interface Rel { type: string, sources: { parentName: string, column: string }[], target: { parentName: string, column: string } }
interface Node { id: string, label: { content: string }, columns: { id: string, label: { content: string } }[] }
const pairs = (rels: Rel[]): string[] => rels.flatMap((r) => r.sources.map((s) => `${s.parentName}.${s.column}>${r.target.parentName}.${r.target.column}`))

t.test('generation endpoints', async (t) => {
  const app = await buildApp(t)
  const who = await sqlflowLogin(app, 'alice')
  const post = async (url: string, fields: Record<string, string>) =>
    (await app.inject({ method: 'POST', url: BASE + url, ...form({ ...who, dbvendor: 'dbvoracle', ...fields }) })).json()

  t.test('/sqlflow: model in data, sessionId, no error key on success', async (t) => {
    const body = await post('', { sqltext: SCRIPT })
    t.same(Object.keys(body).sort(), ['code', 'data', 'sessionId'])
    t.equal(body.code, 200)
    t.match(body.sessionId, /^[0-9a-f]{64}_\d+$/)
    t.equal(body.data.dbvendor, 'dbvoracle')
    t.same(body.data.dbobjs.filter((o: Obj) => o.type === 'table').map((o: Obj) => o.name), ['a', 'b', 'c', 'd'])
    t.ok(body.data.relations.every((r: Rel) => r.type === 'fdd'), 'default showRelationType=fdd')
    t.ok(pairs(body.data.relations).includes('a.x>INSERT-SELECT-1.x'))
    t.notOk(JSON.stringify(body.data).includes('"dataflow"'), 'engine annotations stripped')
  })

  t.test('/sqlflow: options shape the model (showRelationType, simpleOutput, modelVersion=C)', async (t) => {
    const withFdr = await post('?showRelationType=fdd&showRelationType=', { sqltext: SCRIPT, showRelationType: 'fdr' })
    t.same([...new Set(withFdr.data.relations.map((r: Rel) => r.type))].sort(), ['fdd', 'fdr'], 'query and body lists merge')
    const simple = await post('', { sqltext: SCRIPT, simpleOutput: 'True' })
    t.same(pairs(simple.data.relations).sort(), ['a.x>b.x', 'b.x>c.x', 'c.x>d.x'])
    const c = await post('', { sqltext: SCRIPT, modelVersion: 'C' })
    t.equal(c.data.dbvendor, 'dbvoracle')
    t.equal(c.data.dbobjs.servers[0].dbVendor, 'dbvoracle')
    t.ok(Array.isArray(c.data.relationships))
    t.notOk('relations' in c.data)
  })

  t.test('/sqlflow: analysis errors give 203, the first message cut to 40 characters, complete data', async (t) => {
    const sql = 'INSERT INTO t2 SELECT x FROM t1;\nSELECT x FROM WHERE GROUP;\nINSERT INTO t3 SELECT x FROM t2;'
    const body = await post('', { sqltext: sql })
    t.equal(body.code, 203)
    t.equal(body.error, [...body.data.errors[0].errorMessage].slice(0, 40).join(''))
    t.ok(body.error.length <= 40)
    t.equal(body.data.errors[0].errorType, 'SyntaxError')
    t.ok(Array.isArray(body.data.dbobjs))
    t.ok(pairs(body.data.relations).includes('INSERT-SELECT-2.x>t3.x'), 'the statement after the error keeps its lineage')
    t.match(body.sessionId, /^[0-9a-f]{64}_\d+$/)
  })

  t.test('/sqlflow: the sqlfile part wins over sqltext; also multipart and under /api with a trailing slash', async (t) => {
    const mp = multipart([
      { name: 'userId', value: who.userId }, { name: 'token', value: who.token }, { name: 'dbvendor', value: 'oracle' },
      { name: 'sqltext', value: 'INSERT INTO zz SELECT q FROM yy;' },
      { name: 'sqlfile', value: SCRIPT, filename: 'script.sql' },
    ])
    const res = await app.inject({ method: 'POST', url: `/api${BASE}/`, ...mp })
    const body = res.json()
    t.equal(res.statusCode, 200)
    t.equal(body.code, 200)
    const names = body.data.dbobjs.map((o: Obj) => o.name)
    t.ok(names.includes('a') && !names.includes('zz'), 'the file was analysed')
  })

  t.test('bad input answers a clear envelope, HTTP 200, never 500', async (t) => {
    const cases: [Record<string, string>, { code: number, error: string | RegExp }][] = [
      [{ sqltext: '' }, { code: 400, error: 'sqltext is required' }],
      [{ sqltext: 'select 1', dbvendor: 'dbvnope' }, { code: 400, error: /^unknown dbvendor "dbvnope"; accepted values: dbvoracle/ }],
      [{ sqltext: 'select 1', dbvendor: '' }, { code: 400, error: 'dbvendor is required' }],
      [{ sqltext: 'select 1', simpleOutput: 'sometimes' }, { code: 400, error: 'simpleOutput must be a boolean (true/false), got "sometimes"' }],
      [{ sqltext: 'select 1', showRelationType: 'fdd,xyz' }, { code: 400, error: /^showRelationType: unknown relation type "xyz"/ }],
      [{ sqltext: 'select 1', modelVersion: 'Z' }, { code: 400, error: 'modelVersion must be A or C, got "Z"' }],
    ]
    for (const url of ['', '/graph']) {
      for (const [fields, expected] of cases) {
        const res = await app.inject({ method: 'POST', url: BASE + url, ...form({ ...who, dbvendor: 'dbvoracle', ...fields }) })
        t.equal(res.statusCode, 200)
        t.match(res.json(), expected, `${url} ${JSON.stringify(fields)}`)
        t.same(Object.keys(res.json()).sort(), ['code', 'error'])
      }
    }
    const anon = (await app.inject({ method: 'POST', url: BASE, ...form({ dbvendor: 'dbvoracle', sqltext: 'select 1' }) })).json()
    t.equal(anon.code, 401)
  })

  t.test('/graph: data {mode, summary, sqlflow, graph}; §5 invariants; selectedgraph and code view on its session', async (t) => {
    const body = await post('/graph', { sqltext: SCRIPT })
    t.equal(body.code, 200)
    t.same(Object.keys(body.data).sort(), ['graph', 'mode', 'sqlflow', 'summary'])
    const { graph, summary } = body.data
    t.equal(body.data.mode, 'global')
    t.equal(graph.elements.edges.length, summary.relation, 'edges = distinct pairs = summary.relation')
    t.equal(summary.table, 4)
    const tables: Node[] = graph.elements.tables
    t.same(tables.map((n) => n.id), tables.map((_n, i) => `n${i}`))
    const keys = new Set(Object.keys(graph.listIdMap))
    for (const n of tables) {
      t.ok(keys.has(n.id))
      for (const [j, r] of n.columns.entries()) t.ok(keys.has(r.id) && r.id === `${n.id}::n${j}`)
    }
    t.equal(keys.size, tables.length + tables.reduce((k, n) => k + n.columns.length, 0), 'listIdMap covers exactly nodes and rows')
    t.same(new Set(Object.values(graph.relationIdMap)), new Set(['fdd']))

    const sel = (await app.inject({ method: 'POST', url: `${BASE}/selectedgraph`, ...form({ ...who, sessionId: body.sessionId, table: 'C', isReturnModel: 'false' }) })).json()
    t.equal(sel.code, 200)
    const labels = sel.data.graph.elements.tables.map((n: Node) => n.label.content)
    for (const name of ['a', 'b', 'c', 'd']) t.ok(labels.includes(name), `${name} in c's lineage`)

    const b = body.data.sqlflow.dbobjs.find((o: Obj) => o.name === 'b')
    const coords = JSON.stringify([b.coordinates.slice(0, 2)])
    const info = (await app.inject({ method: 'POST', url: `${BASE}/getSelectedDbObjectInfo`, ...form({ ...who, sessionId: body.sessionId, coordinates: coords }) })).json()
    t.equal(info.code, 200)
    t.same(info.data.map((d: { index: number }) => d.index), [1])
    t.match(info.data[0].sql, /^INSERT INTO b SELECT x FROM a WHERE y > 1/)
    t.same(info.data[0].positions, [{ x: 1, y: b.coordinates[0].y }, { x: 1, y: b.coordinates[1].y }])
  })

  t.test('/graph options: ignoreRecordSet and simpleOutput drop result sets; fdr adds RelationRows edges', async (t) => {
    const labels = async (fields: Record<string, string>): Promise<string[]> =>
      (await post('/graph', { sqltext: SCRIPT, ...fields })).data.graph.elements.tables.map((n: Node) => n.label.content)
    t.ok((await labels({})).includes('INSERT-SELECT-1'))
    t.same(await labels({ simpleOutput: 'true' }), ['a', 'b', 'c', 'd'])
    t.notOk((await labels({ ignoreRecordSet: 'true' })).includes('INSERT-SELECT-1'))
    const fdr = await post('/graph', { sqltext: SCRIPT, showRelationType: 'fdd,fdr' })
    t.ok(Object.values(fdr.data.graph.relationIdMap).includes('fdr'))
    t.ok(fdr.data.graph.elements.tables.some((n: Node) => n.columns.some((r) => r.label.content === 'RelationRows')))
    const c = await post('/graph', { sqltext: SCRIPT, modelVersion: 'C' })
    t.notOk('relationIdMap' in c.data.graph)
    // the widget resolves every node through listIdMap to an object somewhere under dbobjs.servers
    const ids = new Set<string>()
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) for (const item of v) { if (item && typeof item === 'object' && 'id' in item) ids.add((item as { id: string }).id); walk(item) }
      else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x)
    }
    walk(c.data.sqlflow.dbobjs.servers)
    for (const n of c.data.graph.elements.tables as Node[]) t.ok(ids.has(c.data.graph.listIdMap[n.id][0]), `${n.id} resolves in the hierarchy`)
    t.ok(Object.values(c.data.graph.relationshipIdMap).every((v) => Array.isArray(v) && (v as string[])[1] === 'fdd'))
    t.equal(c.data.summary.relationship, c.data.graph.elements.edges.length)
  })
})

t.test('mode falls back to ignoreRecordSet, then summary, above GRAPH_MAX_RELATIONS', async (t) => {
  // 6 column pairs with result sets, 3 without
  const app = await buildApp(t, { graphMaxRelations: 4 })
  const who = await sqlflowLogin(app, 'alice')
  const post = async (sqltext: string) =>
    (await app.inject({ method: 'POST', url: `${BASE}/graph`, ...form({ ...who, dbvendor: 'dbvoracle', sqltext }) })).json()
  const fallback = await post(SCRIPT)
  t.equal(fallback.data.mode, 'ignoreRecordSet')
  t.equal(fallback.data.graph.elements.edges.length, 3)
  const big = await post(SCRIPT + '\nINSERT INTO e SELECT x FROM d;\nINSERT INTO f SELECT x FROM e;')
  t.equal(big.data.mode, 'summary')
  t.same(big.data.graph.elements, { tables: [], edges: [] })
  t.ok(big.data.summary.relation > 4)
  t.ok(Array.isArray(big.data.sqlflow.dbobjs))
})

t.test('big inputs run in the worker pool with the same answer; the budget stops long runs', async (t) => {
  const inline = await buildApp(t)
  const pooled = await buildApp(t, { analysis: { maxBytes: 67_108_864, maxStatements: 200_000, maxMillis: 60_000, inlineBytes: 0, workers: 1 } })
  const body = async (app: typeof inline, sqltext: string) =>
    (await app.inject({ method: 'POST', url: BASE, ...form({ ...(await sqlflowLogin(app, 'alice')), dbvendor: 'dbvoracle', sqltext }) })).json()
  const a = await body(inline, SCRIPT)
  const b = await body(pooled, SCRIPT)
  t.equal(b.code, 200)
  t.same(b.data, a.data, 'worker and inline agree')
  t.equal(pooled.lineage.pool.stats.workers, 1, 'the pool did the work')

  const limited = await buildApp(t, { analysis: { maxBytes: 67_108_864, maxStatements: 2, maxMillis: 60_000, inlineBytes: 0, workers: 1 } })
  const cut = await body(limited, SCRIPT)
  t.equal(cut.code, 203, 'statement budget: what finished, plus an error')
  t.ok(cut.data.errors.some((e: { errorType: string }) => e.errorType === 'AnalyzeError'))
  t.ok(cut.data.dbobjs.some((o: Obj) => o.name === 'a'))
  t.notOk(cut.data.dbobjs.some((o: Obj) => o.name === 'd'), 'statements past the budget are not analysed')
})

t.test('a run past its time budget is stopped and answers 408 in the envelope, never hangs', async (t) => {
  const { WorkerPool } = await import('../../../../plugins/app/lineage-pool.js')
  const app = await buildApp(t, { analysis: { maxBytes: 67_108_864, maxStatements: 200_000, maxMillis: 100, inlineBytes: 0, workers: 1 } })
  // a worker whose "analysis" never returns, standing in for a pathological statement
  await app.lineage.pool.close()
  app.lineage.pool = new WorkerPool({ size: 1, workerUrl: new URL('../../../plugins/fixtures/pool-test-worker.mjs', import.meta.url), maxQueue: 4 })
  const who = await sqlflowLogin(app, 'alice')
  const started = Date.now()
  const res = await app.inject({ method: 'POST', url: BASE, ...form({ ...who, dbvendor: 'dbvoracle', sqltext: 'SPIN' }) })
  t.equal(res.statusCode, 200)
  t.same(res.json(), { code: 408, error: 'analysis stopped: it exceeded the time budget of 100 ms (ANALYZE_MAX_MS); split the script or raise the budget' })
  t.ok(Date.now() - started < 10_000, 'answered after the budget plus grace')
})

t.test('big graphs are laid out in the worker pool, off the HTTP thread', async (t) => {
  const app = await buildApp(t, { analysis: { maxBytes: 67_108_864, maxStatements: 200_000, maxMillis: 60_000, inlineBytes: 1_000_000, workers: 1 } })
  const who = await sqlflowLogin(app, 'alice')
  const lines = ['CREATE TABLE t0 (x int);']
  for (let i = 1; i <= 90; i++) lines.push(`INSERT INTO t${i} SELECT x FROM t${i - 1};`)
  const body = (await app.inject({ method: 'POST', url: `${BASE}/graph`, ...form({ ...who, dbvendor: 'dbvoracle', sqltext: lines.join('\n') }) })).json()
  t.equal(body.code, 200)
  t.ok(body.data.graph.elements.tables.length > 150, `${body.data.graph.elements.tables.length} nodes`)
  t.equal(app.lineage.pool.stats.workers, 1, 'analysis ran inline (small input), the layout in the pool')
  const xs = Object.fromEntries((body.data.graph.elements.tables as (Node & { x: number })[]).map((n) => [n.label.content, n.x]))
  t.ok(xs.t0! < xs.t1! && xs.t1! < xs.t90!, 'sources left of targets')
})
