// With REDIS_URL the rate-limit counters live in Redis, so every API process shares one budget.
import t from 'tap'
import { randomInt } from 'node:crypto'
import { Redis } from 'ioredis'
import Fastify from 'fastify'
import { fastifyOptions } from '../../app.js'
import { testConfig } from '../helpers/build-app.js'
import configPlugin from '../../plugins/app/config.js'
import errors from '../../plugins/app/errors.js'
import rateLimit from '../../plugins/external/rate-limit.js'

t.test('rate limit counters in Redis', async (t) => {
  const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true })
  redis.on('error', () => {})
  try {
    await redis.connect()
    await redis.ping()
  } catch {
    redis.disconnect()
    t.comment('SKIPPED: no Redis answers at 127.0.0.1:6379 — Redis rate limiting was NOT tested')
    return
  }
  t.teardown(() => { redis.disconnect() })
  const ip = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}` // a fresh bucket per run
  const key = `lineage-gateway:rl:${ip}`
  t.teardown(async () => { await redis.del(key) })

  // Only the limiter (not the whole app): with REDIS_URL the full app would also start job queues
  // on the shared Redis.
  const config = testConfig({ redisUrl: 'redis://127.0.0.1:6379', rateLimit: { max: 2, windowMs: 5000, tokenMax: 2 } })
  const app = Fastify(fastifyOptions(config, false))
  await app.register(configPlugin, { config })
  await app.register(errors)
  await app.register(rateLimit)
  app.get('/probe', async () => ({ code: 200 }))
  await app.ready()
  t.teardown(() => app.close())
  const call = async () => await app.inject({ method: 'GET', url: '/probe', remoteAddress: ip })
  await call()
  t.equal(await redis.get(key), '1', 'counter stored in Redis under the client IP')
  await call()
  const third = await call()
  t.same(third.json(), { code: 429, error: 'Rate limit exceeded, retry in 5 seconds' })
  t.equal(third.statusCode, 429)
  t.ok(third.headers['retry-after'] !== undefined, 'Retry-After set')
  const other = await app.inject({ method: 'GET', url: '/probe', remoteAddress: '10.255.255.254' })
  t.equal(other.statusCode, 200, 'another client keeps its own budget')
  await redis.del('lineage-gateway:rl:10.255.255.254')
})
