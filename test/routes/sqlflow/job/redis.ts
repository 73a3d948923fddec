// Redis wiring for job tests: a unique store prefix and BullMQ prefix per run, cleaned up after.
import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import type { Test } from 'tap'
import { RedisStore } from '../../../../plugins/app/store/index.js'

export const REDIS_URL = 'redis://127.0.0.1:6379'

export async function redisUp(): Promise<boolean> {
  const c = new Redis(REDIS_URL, { maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true, connectTimeout: 500 })
  c.on('error', () => {})
  try { await c.connect(); return (await c.ping()) === 'PONG' } catch { return false } finally { c.disconnect() }
}

export interface RedisRun { storePrefix: string; queuePrefix: string; store: RedisStore }

export function redisRun(t: Test): RedisRun {
  const id = randomBytes(5).toString('hex')
  const run = { storePrefix: `test:jobs:${id}:`, queuePrefix: `{test-jobs-${id}}`, store: new RedisStore(REDIS_URL, { prefix: `test:jobs:${id}:` }) }
  t.teardown(async () => {
    const c = new Redis(REDIS_URL)
    for (const pattern of [`${run.storePrefix}*`, `${run.queuePrefix}*`]) {
      let cursor = '0'
      do {
        const [next, keys] = await c.scan(cursor, 'MATCH', pattern, 'COUNT', 1000)
        cursor = next
        if (keys.length) await c.del(...keys)
      } while (cursor !== '0')
    }
    c.disconnect()
    await run.store.close()
  })
  return run
}
