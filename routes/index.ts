// Every route family, registered in this order. Add one line per family (see CONTRIBUTING.md).
import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import health from './health.js'
import sqlflow from './sqlflow/index.js'
import koodrive from './koodrive/index.js'
import zetyun from './zetyun/index.js'

const families: FastifyPluginAsync[] = [
  health,
  sqlflow,
  koodrive,
  zetyun,
]

export default async function routes (fastify: FastifyInstance): Promise<void> {
  for (const family of families) await fastify.register(family)
}
