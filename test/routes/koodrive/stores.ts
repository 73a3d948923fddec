// Runs a test body on the memory store and on the real Redis (127.0.0.1:6379, unique key prefix
// per run, keys removed afterwards). Redis is skipped visibly only when nothing answers there.
import type { Test } from 'tap'
import { randomBytes } from 'node:crypto'
import type { KvStore } from '../../../services/ports.js'
import { MemoryStore, RedisStore } from '../../../plugins/app/store/index.js'

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

async function redisStore (t: Test, label: string): Promise<KvStore | null> {
  const store = new RedisStore(REDIS_URL, { prefix: `test:${label}:${randomBytes(6).toString('hex')}:`, redis: { maxRetriesPerRequest: 0, retryStrategy: () => null } })
  store.client.on('error', () => {}) // reported through ping() below
  if (!(await store.ping().catch(() => false))) {
    await store.close().catch(() => {})
    return null
  }
  t.teardown(async () => {
    for (const key of await store.scanPrefix('')) await store.del(key)
    await store.close()
  })
  return store
}

export type StoreBody = (t: Test, store: KvStore, kind: 'memory' | 'redis') => Promise<void>

export function onEachStore (t: Test, label: string, body: StoreBody): void {
  t.test('memory store', async (t) => {
    const store = new MemoryStore()
    t.teardown(() => store.close())
    await body(t, store, 'memory')
  })
  t.test('redis store', async (t) => {
    const store = await redisStore(t, label)
    if (store === null) {
      t.comment(`SKIPPED: no Redis answers at ${REDIS_URL}; the Redis variant was NOT tested`)
      return
    }
    await body(t, store, 'redis')
  })
}
