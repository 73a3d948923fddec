// selectedgraph and getSelectedDbObjectInfo on stored sessions (no parser needed): closure on a
// 3-hop chain, options, caching, both coordinates formats, errors, expiry, and a session created on
// one app instance and read from another sharing the same Redis.
import t from 'tap'
import { randomBytes } from 'node:crypto'
import { buildApp, form, sqlflowLogin } from '../../../helpers/build-app.js'
import { RedisStore } from '../../../../plugins/app/store/index.js'
import { chainModel } from '../../../lineage/graph/fixtures.js'
import { md5, statementsOf, storeSession } from './helpers.js'

const SELECTED = '/gspLive_backend/sqlflow/generation/sqlflow/selectedgraph'
const INFO = '/gspLive_backend/sqlflow/generation/sqlflow/getSelectedDbObjectInfo'
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

interface Node { id: string, label: { content: string }, columns: { id: string }[] }

t.test('selectedgraph', async (t) => {
  const app = await buildApp(t)
  const alice = await sqlflowLogin(app, 'alice')
  const bob = await sqlflowLogin(app, 'bob')
  const session = await storeSession(app, 'alice', chainModel().model, [{ text: '', hashCode: '0' }])
  const post = async (fields: Record<string, string>, who = alice, url = SELECTED) =>
    (await app.inject({ method: 'POST', url, ...form({ ...who, sessionId: session.id, dbvendor: 'dbvoracle', ...fields }) })).json()

  t.test('a table in the middle of a 3-hop chain: its upstream and downstream, not the sibling', async (t) => {
    const body = await post({ table: 'B', database: 'DEFAULT', schema: 'DEFAULT' })
    t.equal(body.code, 200)
    t.notOk('error' in body)
    t.equal(body.sessionId, session.id)
    t.same(body.data.graph.elements.tables.map((n: Node) => n.label.content), ['a', 'b', 'c', 'd'])
    t.equal(body.data.graph.elements.edges.length, 3)
    t.same(Object.keys(body.data).sort(), ['graph', 'mode', 'sqlflow', 'summary'])
    t.equal(body.data.mode, 'global')
    t.equal(body.data.summary.relation, 3)
    t.same(body.data.sqlflow.dbobjs.map((o: { name: string }) => o.name), ['a', 'b', 'c', 'd'])
  })

  t.test('a column; isReturnModel=false; generation C; also under /api', async (t) => {
    const body = await post({ table: 'c', column: 'z', isReturnModel: 'False', modelVersion: 'c' }, alice, `/api${SELECTED}`)
    t.equal(body.code, 200)
    t.notOk('sqlflow' in body.data)
    t.same(body.data.graph.elements.tables.map((n: Node) => n.label.content), ['c', 'e'])
    t.same(body.data.graph.relationshipIdMap, { e0: [chainModel().model.relations[3]!.id, 'fdd'] }, 'e.z → c.z')
    t.equal(body.data.sqlflow, undefined)
    t.equal(body.data.summary.relationship, 1)
  })

  t.test('no selection: the whole session graph; hideColumn and showLinkOnly apply', async (t) => {
    const all = await post({})
    t.equal(all.data.graph.elements.tables.length, 5)
    t.equal(all.data.graph.elements.edges.length, 4)
    const wide = await post({ showLinkOnly: 'false', table: 'a' })
    t.same(wide.data.graph.elements.tables[0].columns.length, 2, 'a.x and a.y')
    const collapsed = await post({ hideColumn: 'true', table: 'a' })
    t.ok(collapsed.data.graph.elements.tables.every((n: Node) => n.columns.length === 1))
  })

  t.test('responses are cached per session, options and selection', async (t) => {
    const before = await app.store.scanPrefix(`sqlflow:graph:${session.id}:`)
    await post({ table: 'd' })
    const again = await post({ table: 'd' })
    const after = await app.store.scanPrefix(`sqlflow:graph:${session.id}:`)
    t.equal(after.length, before.length + 1, 'one new cache entry for two identical calls')
    t.same(again.data.graph.elements.tables.map((n: Node) => n.label.content), ['a', 'b', 'c', 'd'])
  })

  t.test('errors: unknown, malformed and foreign sessions, no match, bad options', async (t) => {
    const unknown = await post({ sessionId: 'f'.repeat(40) })
    t.equal(unknown.code, 404)
    t.match(unknown.error, /session "f{40}" not found: it has expired/)
    t.equal((await post({ sessionId: '../../x' })).code, 404)
    const foreign = await post({}, bob)
    t.equal(foreign.code, 404, "bob cannot read alice's session")
    t.same(await post({ table: 'nope', column: 'x' }), { code: 404, error: 'no database object in this session matches table=nope, column=x' })
    t.same(await post({ showRelationType: 'fdd,bogus' }), { code: 400, error: 'showRelationType: unknown relation type "bogus"; accepted: fdd, fdr, frd, fddi, join, call, er' })
    t.same(await post({ ignoreRecordSet: 'maybe' }), { code: 400, error: 'ignoreRecordSet must be a boolean (true/false), got "maybe"' })
    t.same(await post({ modelVersion: 'B' }), { code: 400, error: 'modelVersion must be A or C, got "B"' })
    const missing = (await app.inject({ method: 'POST', url: SELECTED, ...form({ ...alice }) })).json()
    t.same(missing, { code: 400, error: 'sessionId is required' })
    const noAuth = (await app.inject({ method: 'POST', url: SELECTED, ...form({ sessionId: session.id }) })).json()
    t.equal(noAuth.code, 401)
  })
})

t.test('getSelectedDbObjectInfo', async (t) => {
  const app = await buildApp(t)
  const alice = await sqlflowLogin(app, 'alice')
  const post = async (sessionId: string, coordinates: string) =>
    (await app.inject({ method: 'POST', url: INFO, ...form({ ...alice, sessionId, coordinates }) })).json()
  const model = chainModel().model

  t.test("the doc's first example, single-quoted flat list", async (t) => {
    const text = 'select name from user'
    const s = await storeSession(app, 'alice', model, [{ text, hashCode: '0' }], [{ ...statementsOf(text + ';')[0]!, end: { line: 1, column: 22, offset: 21 } }])
    const body = await post(s.id, "[{'x':1,'y':8,'hashCode':'0'},{'x':1,'y':12,'hashCode':'0'}]")
    t.same(body, { code: 200, data: [{ index: 0, positions: [{ x: 1, y: 8 }, { x: 1, y: 12 }], sql: 'select name from user' }] })
  })

  const two = 'Select\n a\nfrom\n b;\n     Select c from d;'
  t.test("the doc's second example: statement 2, line rebased, indentation kept, column unchanged", async (t) => {
    const s = await storeSession(app, 'alice', model, [{ text: two, hashCode: '0' }], statementsOf(two))
    const body = await post(s.id, JSON.stringify([{ x: 5, y: 20, hashCode: '0' }, { x: 5, y: 21, hashCode: '0' }]))
    t.same(body, { code: 200, data: [{ index: 1, positions: [{ x: 1, y: 20 }, { x: 1, y: 21 }], sql: '     Select c from d;' }] })
  })

  t.test("the widget's list of [start,end] pairs; spans in two statements give two items", async (t) => {
    const s = await storeSession(app, 'alice', model, [{ text: two, hashCode: '0' }], statementsOf(two))
    const pairs = [[{ x: 4, y: 2, hashCode: '0' }, { x: 4, y: 3, hashCode: '0' }], [{ x: 5, y: 20, hashCode: '0' }, { x: 5, y: 21, hashCode: '0' }],
      [{ x: 2, y: 2 }, { x: 2, y: 3 }]]
    const body = await post(s.id, JSON.stringify(pairs))
    t.same(body.data, [
      { index: 0, positions: [{ x: 4, y: 2 }, { x: 4, y: 3 }, { x: 2, y: 2 }, { x: 2, y: 3 }], sql: 'Select\n a\nfrom\n b;' },
      { index: 1, positions: [{ x: 1, y: 20 }, { x: 1, y: 21 }], sql: '     Select c from d;' },
    ])
  })

  t.test('multi-file sessions: hashCode picks the file, whose name is returned', async (t) => {
    const a = 'select 1 from x;'
    const b = '\nselect y\n  from z;'
    const s = await storeSession(app, 'alice', model, [{ name: 'a.sql', text: a, hashCode: md5(a) }, { name: 'dir/b.sql', text: b, hashCode: md5(b) }],
      [...statementsOf(a, md5(a), 'a.sql'), ...statementsOf(b, md5(b), 'dir/b.sql')])
    const body = await post(s.id, JSON.stringify([[{ x: 3, y: 8, hashCode: md5(b) }, { x: 3, y: 9, hashCode: md5(b) }]]))
    t.same(body, { code: 200, data: [{ index: 0, positions: [{ x: 2, y: 8 }, { x: 2, y: 9 }], sql: 'select y\n  from z;', file: 'dir/b.sql' }] })
    t.same(await post(s.id, JSON.stringify([[{ x: 1, y: 1, hashCode: 'abc' }, { x: 1, y: 2, hashCode: 'abc' }]])),
      { code: 400, error: 'coordinates: no SQL text with hashCode "abc" in this session' })
  })

  t.test('malformed coordinates and unknown sessions', async (t) => {
    const s = await storeSession(app, 'alice', model, [{ text: two, hashCode: '0' }], statementsOf(two))
    for (const bad of ['not json', '[]', '{}', '[{"x":1,"y":1}]', '[[{"x":1,"y":1}]]', '[{"x":0,"y":1},{"x":1,"y":2}]', '[{"x":"a","y":1},{"x":1,"y":2}]']) {
      const body = await post(s.id, bad)
      t.equal(body.code, 400, bad)
      t.match(body.error, /^coordinates: /, bad)
    }
    t.equal((await post('f'.repeat(40), '[{"x":1,"y":1},{"x":1,"y":2}]')).code, 404)
  })
})

t.test('session expiry', async (t) => {
  const app = await buildApp(t, { sessionTtlSeconds: 1 })
  const alice = await sqlflowLogin(app, 'alice')
  const s = await storeSession(app, 'alice', chainModel().model, [{ text: '', hashCode: '0' }])
  const post = async () => (await app.inject({ method: 'POST', url: SELECTED, ...form({ ...alice, sessionId: s.id, table: 'b' }) })).json()
  t.equal((await post()).code, 200)
  await sleep(1300)
  const gone = await post()
  t.equal(gone.code, 404)
  t.match(gone.error, /not found: it has expired/)
})

t.test('a session made on one app instance is answered by another sharing the Redis', async (t) => {
  const prefix = `test:gen-sessions:${randomBytes(6).toString('hex')}:`
  const storeA = new RedisStore('redis://127.0.0.1:6379', { prefix })
  if (!(await storeA.ping())) {
    await storeA.close()
    t.comment('SKIPPED: no Redis answers at 127.0.0.1:6379 — cross-instance sessions were NOT tested')
    return
  }
  const storeB = new RedisStore('redis://127.0.0.1:6379', { prefix })
  t.teardown(async () => {
    for (const k of await storeA.scanPrefix('')) await storeA.del(k)
    await storeA.close()
    await storeB.close()
  })
  const appA = await buildApp(t, {}, { store: storeA })
  const appB = await buildApp(t, {}, { store: storeB })
  // same JWT secret in tests, users live in the shared store: a token from A is valid on B
  const alice = await sqlflowLogin(appA, 'alice')
  const two = 'Select\n a\nfrom\n b;\n     Select c from d;'
  const s = await storeSession(appA, 'alice', chainModel().model, [{ text: two, hashCode: '0' }], statementsOf(two))
  const graph = (await appB.inject({ method: 'POST', url: SELECTED, ...form({ ...alice, sessionId: s.id, table: 'b' }) })).json()
  t.equal(graph.code, 200)
  t.same(graph.data.graph.elements.tables.map((n: Node) => n.label.content), ['a', 'b', 'c', 'd'])
  const info = (await appB.inject({ method: 'POST', url: INFO, ...form({ ...alice, sessionId: s.id, coordinates: '[[{"x":5,"y":20},{"x":5,"y":21}]]' }) })).json()
  t.same(info.data, [{ index: 1, positions: [{ x: 1, y: 20 }, { x: 1, y: 21 }], sql: '     Select c from d;' }])
})
