// The generation endpoints for one SQL text (spec §2.2.1–2.2.4). The text exports of §2.2.5 live in
// export.ts and are registered on their own.
import type { FastifyInstance } from 'fastify'
import sqlflow from './sqlflow.js'
import selected from './selected.js'
import dbObjectInfo from './dbobject-info.js'

export default async function generationRoutes (fastify: FastifyInstance): Promise<void> {
  await fastify.register(sqlflow)
  await fastify.register(selected)
  await fastify.register(dbObjectInfo)
}
