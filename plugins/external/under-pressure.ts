// Shed load with 503 instead of timing out everyone when the event loop or heap is saturated.
import fp from 'fastify-plugin'
import underPressure from '@fastify/under-pressure'
import type { FastifyInstance } from 'fastify'
import { HttpError } from '../app/errors.js'

export default fp(async function underPressurePlugin (fastify: FastifyInstance) {
  const maxDelay = fastify.config.maxEventLoopDelayMs
  if (maxDelay === 0) return
  await fastify.register(underPressure, {
    // Event-loop delay only: utilization is ~1 on any busy-but-healthy process and sheds good load.
    maxEventLoopDelay: maxDelay,
    sampleInterval: Math.min(1000, Math.max(10, Math.floor(maxDelay / 2))),
    retryAfter: 10,
    // Goes through the one error handler, so each family gets its own envelope.
    pressureHandler: (_req, reply) => {
      reply.header('retry-after', '10')
      reply.send(new HttpError(503, 'Sorry, the service is busy. Please try again later.', 'BUSY'))
    },
  })
}, { name: 'under-pressure', dependencies: ['config', 'errors'] })
