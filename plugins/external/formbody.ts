// application/x-www-form-urlencoded bodies (curl -d, python requests data=, PHP, the widget).
// Repeated names arrive as arrays, which SqlflowParams joins (spec §1.2).
import fp from 'fastify-plugin'
import formbody from '@fastify/formbody'
import type { FastifyInstance } from 'fastify'

export default fp(async function formbodyPlugin (fastify: FastifyInstance) {
  await fastify.register(formbody, { bodyLimit: fastify.config.bodyLimit })
}, { name: 'formbody', dependencies: ['config'] })
