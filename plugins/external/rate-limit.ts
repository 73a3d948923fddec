// Per-IP request budget; counters in Redis when REDIS_URL is set so all API processes share them.
// Routes can tighten it with `config: { rateLimit: { max, timeWindow } }` (generateToken does).
import fp from 'fastify-plugin'
import rateLimit from '@fastify/rate-limit'
import { Redis } from 'ioredis'
import type { FastifyInstance } from 'fastify'
import { HttpError } from '../app/errors.js'

export default fp(async function rateLimitPlugin (fastify: FastifyInstance) {
  const { rateLimit: limits, redisUrl } = fastify.config
  let redis: Redis | undefined
  if (redisUrl !== null) {
    // A dedicated connection: the limiter must fail fast rather than queue behind store traffic.
    redis = new Redis(redisUrl, { connectTimeout: 2000, maxRetriesPerRequest: 1 })
    fastify.addHook('onClose', async () => { await redis?.quit().catch(() => redis?.disconnect()) })
  }
  await fastify.register(rateLimit, {
    global: true,
    max: limits.max,
    timeWindow: limits.windowMs,
    redis,
    nameSpace: 'lineage-gateway:rl:',
    // Redis down must not take the API down with it.
    skipOnError: true,
    errorResponseBuilder: (_req, ctx) => new HttpError(429, `Rate limit exceeded, retry in ${ctx.after}`, 'RATE_LIMITED'),
  })
}, { name: 'rate-limit', dependencies: ['config', 'errors'] })
