// `fastify.config`: the validated AppConfig, decorated first so every other plugin can depend on it.
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { assertSafe, type AppConfig } from '../../config.js'

declare module 'fastify' {
  interface FastifyInstance {
    config: AppConfig
  }
}

export default fp(async function configPlugin (fastify: FastifyInstance, opts: { config: AppConfig }) {
  assertSafe(opts.config)
  fastify.decorate('config', opts.config)
}, { name: 'config' })
