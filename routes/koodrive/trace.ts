// X-Traceid (spec §A.1/§A.6): a valid client id (exactly 58 of [A-Za-z0-9_]) is adopted, anything
// else is ignored and a fresh one minted, so a raw header value never reaches a log or a response.
import type { FastifyInstance } from 'fastify'
import { randomBytes } from 'node:crypto'

export const TRACE_ID = /^[A-Za-z0-9_]{58}$/

export function newTraceId (): string {
  // 44 base64url chars of randomness, '-' mapped into the allowed alphabet, padded to 58.
  return ('kd' + randomBytes(42).toString('base64url').replace(/-/g, '_')).slice(0, 58).padEnd(58, '0')
}

export function traceIds (fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    const given = request.headers['x-traceid']
    const traceId = typeof given === 'string' && TRACE_ID.test(given) ? given : newTraceId()
    reply.header('X-Traceid', traceId)
    request.log = request.log.child({ traceId })
    reply.log = request.log
  })
}
