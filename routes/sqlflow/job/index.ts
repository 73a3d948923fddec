// The SQLFlow job endpoints (spec §2.3).
import type { FastifyInstance } from 'fastify'
import submit from './submit.js'
import status from './status.js'
import graph from './graph.js'
import exports from './export.js'

export default async function jobRoutes(fastify: FastifyInstance): Promise<void> {
  await fastify.register(submit)
  await fastify.register(status)
  await fastify.register(graph)
  await fastify.register(exports)
}
