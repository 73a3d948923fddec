// SessionService on both stores: create/get, owner check, id formats, expiry, graph cache, and one
// Redis-stored session read through a second, independent connection (another server process).
import t, { type Test } from 'tap'
import { randomBytes } from 'node:crypto'
import { MemoryStore, RedisStore } from '../../plugins/app/store/index.js'
import { SessionService, isSessionId, newSessionId, type NewSession } from '../../services/sessions.js'
import type { KvStore } from '../../services/ports.js'
import { putParts } from '../../services/kv-parts.js'
import { analyze } from '../../lineage/index.js'
import { encodeResult } from '../../lineage/model/codec.js'

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

const input = (owner = 'alice'): NewSession => ({
  owner,
  dbvendor: 'dbvoracle',
  options: { showRelationType: ['fdd'] },
  sources: [{ text: 'select a from t', hashCode: '0' }],
  model: { dbvendor: 'dbvoracle', dbobjs: [{ id: '1', name: 't', type: 'table', coordinates: [] }], relations: [] },
  statements: [],
})

t.test('ids: <64 hex>_<ms> generated; <40 hex> accepted; anything else refused', async (t) => {
  const id = newSessionId(1700000000000)
  t.match(id, /^[0-9a-f]{64}_1700000000000$/)
  t.ok(isSessionId(id))
  t.ok(isSessionId('a'.repeat(40)))
  for (const bad of ['', 'x', 'A'.repeat(40), '../../etc', `${'a'.repeat(64)}_`, `${'a'.repeat(40)}:*`]) t.notOk(isSessionId(bad), bad)
})

async function contract (t: Test, store: KvStore): Promise<void> {
  const sessions = new SessionService(store, { ttlSeconds: 60 })

  t.test('create, then get by the owner only', async (t) => {
    const s = await sessions.create(input())
    t.ok(isSessionId(s.id))
    t.ok(s.createdAt > 0)
    const got = await sessions.get(s.id, 'alice')
    t.same(got, s)
    t.equal(await sessions.get(s.id, 'bob'), null, 'another user sees nothing')
    t.equal(await sessions.get('f'.repeat(40), 'alice'), null, 'unknown id')
    t.equal(await sessions.get('not-an-id', 'alice'), null, 'malformed id never reaches the store')
    const ttl = await store.ttl(`sqlflow:session:${s.id}`)
    t.ok(ttl > 55 && ttl <= 60, `ttl ${ttl}`)
  })

  t.test('a caller-chosen 40-hex id (job sessions)', async (t) => {
    const id = randomBytes(20).toString('hex')
    await sessions.create({ ...input(), id, jobId: 'j1' })
    t.equal((await sessions.get(id, 'alice'))?.jobId, 'j1')
    await t.rejects(sessions.create({ ...input(), id: 'bad id' }), /invalid session id/)
  })

  t.test('graph cache lives and dies with its session', async (t) => {
    const s = await sessions.create(input())
    t.equal(await sessions.cacheGet(s.id, 'k1'), null)
    await sessions.cacheSet(s.id, 'k1', { graph: 1 })
    t.same(await sessions.cacheGet(s.id, 'k1'), { graph: 1 })
    await sessions.delete(s.id)
    t.equal(await sessions.get(s.id, 'alice'), null)
    t.equal(await sessions.cacheGet(s.id, 'k1'), null)
    await sessions.cacheSet(s.id, 'k2', { graph: 2 })
    t.equal(await sessions.cacheGet(s.id, 'k2'), null, 'no cache for a missing session')
  })

  t.test('a session over a stored result reads it in place and ends with it', async (t) => {
    const r = analyze('INSERT INTO t2 (a) SELECT a FROM t1;', { dbvendor: 'dbvoracle' })
    const key = `test:result:${randomBytes(4).toString('hex')}`
    await putParts(store, key, encodeResult(r))
    const id = await sessions.createOver(key, { owner: 'alice', dbvendor: 'dbvoracle', options: {}, jobId: 'j9', sources: [{ text: 'x', hashCode: '0' }] })
    t.ok(await sessions.exists(id, 'alice'))
    t.notOk(await sessions.exists(id, 'bob'), 'another user: no')
    t.equal(await sessions.get(id, 'bob'), null)
    const got = await sessions.get(id, 'alice')
    t.same(got?.model.relations.map((x) => `${x.type} ${x.sources.map((s) => `${s.parentName}.${s.column}`).join(',')} -> ${x.target.parentName}.${x.target.column}`),
      ['fdd t1.a -> INSERT-SELECT-1.a', 'fdd INSERT-SELECT-1.a -> t2.a', 'fdr INSERT-SELECT-1.RelationRows -> t2.RelationRows'])
    t.equal(got?.statements.length, 1)
    t.equal(got?.jobId, 'j9')
    await store.del(key)
    t.equal(await sessions.get(id, 'alice'), null, 'the result is gone, so is the session')
    await sessions.delete(id)
  })

  t.test('expiry', async (t) => {
    const short = new SessionService(store, { ttlSeconds: 1 })
    const s = await short.create(input())
    await short.cacheSet(s.id, 'k', 1)
    t.ok(await short.get(s.id, 'alice'))
    await sleep(1200)
    t.equal(await short.get(s.id, 'alice'), null, 'expired')
    t.equal(await short.cacheGet(s.id, 'k'), null, 'its cache too')
  })
}

t.test('memory store', async (t) => {
  const store = new MemoryStore()
  t.teardown(() => store.close())
  await contract(t, store)
})

t.test('redis store', async (t) => {
  const prefix = `test:sessions:${randomBytes(6).toString('hex')}:`
  const store = new RedisStore('redis://127.0.0.1:6379', { prefix })
  if (!(await store.ping())) {
    await store.close()
    t.comment('SKIPPED: no Redis answers at 127.0.0.1:6379 — the Redis session store was NOT tested')
    return
  }
  const other = new RedisStore('redis://127.0.0.1:6379', { prefix })
  t.teardown(async () => {
    for (const k of await store.scanPrefix('')) await store.del(k)
    await store.close()
    await other.close()
  })
  await contract(t, store)
  t.test('a session written through one connection is read through another', async (t) => {
    const s = await new SessionService(store, { ttlSeconds: 60 }).create(input('carol'))
    const read = await new SessionService(other, { ttlSeconds: 60 }).get(s.id, 'carol')
    t.same(read, s)
  })
})
