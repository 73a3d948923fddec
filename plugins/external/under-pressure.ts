// Shed load with 503 instead of timing out everyone when the event loop or heap is saturated.
import fp from 'fastify-plugin'
import underPressure from '@fastify/under-pressure'
import type { FastifyInstance } from 'fastify'
import { HttpError } from '../app/errors.js'

export default fp(async function underPressurePlugin (fastify: FastifyInstance) {
  await fastify.register(underPressure, {
    maxEventLoopDelay: 2000,
    maxEventLoopUtilization: 0.98,
    retryAfter: 10,
    // Goes through the one error handler, so each family gets its own envelope.
    pressureHandler: (_req, reply) => {
      reply.send(new HttpError(503, 'Sorry, the service is busy. Please try again later.', 'BUSY'))
    },
  })
}, { name: 'under-pressure', dependencies: ['errors'] })
