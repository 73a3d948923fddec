// Liveness (/health: the process answers) and readiness (/ready: the store answers a ping).
// Both are open by design: orchestrators probe them without credentials, and they reveal nothing.
import type { FastifyInstance } from 'fastify'
import { HealthResponse, ReadyResponse } from '../schemas/common.js'

export default async function healthRoutes (fastify: FastifyInstance): Promise<void> {
  fastify.get('/health', {
    schema: { tags: ['ops'], summary: 'Liveness: the process is up', response: { 200: HealthResponse } },
    config: { rateLimit: false },
  }, async () => ({ status: 'ok' as const, uptimeSeconds: Math.round(process.uptime()) }))

  fastify.get('/ready', {
    schema: { tags: ['ops'], summary: 'Readiness: the store answers a ping (503 otherwise)', response: { 200: ReadyResponse, 503: ReadyResponse } },
    config: { rateLimit: false },
  }, async (_request, reply) => {
    const storeOk = await fastify.store.ping()
    return reply.code(storeOk ? 200 : 503).send({ status: storeOk ? 'ready' : 'unavailable', store: fastify.store.kind, storeOk })
  })
}
