// The KvStore plugin: `fastify.store` is Redis when REDIS_URL is set, the in-memory store otherwise.
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import type { KvStore } from '../../../services/ports.js'
import type { AppConfig } from '../../../config.js'
import { MemoryStore } from './memory.js'
import { RedisStore } from './redis.js'

export { MemoryStore } from './memory.js'
export { RedisStore } from './redis.js'

declare module 'fastify' {
  interface FastifyInstance {
    store: KvStore
  }
}

/** Used by the app and by the CLI, so both see the same data for the same environment. */
export function createStore (config: Pick<AppConfig, 'redisUrl'>): KvStore {
  return config.redisUrl === null ? new MemoryStore() : new RedisStore(config.redisUrl)
}

export interface StorePluginOptions {
  /** tests inject a ready store (e.g. a prefixed RedisStore) */
  store?: KvStore
}

export default fp(async function storePlugin (fastify: FastifyInstance, opts: StorePluginOptions) {
  const store = opts.store ?? createStore(fastify.config)
  fastify.decorate('store', store)
  // An injected store belongs to the caller, who closes it.
  if (opts.store === undefined) fastify.addHook('onClose', async () => { await store.close() })
}, { name: 'store', dependencies: ['config'] })
