// KvStore over Redis (ioredis). Keys are prefixed here rather than with ioredis' keyPrefix
// because keyPrefix is not applied to SCAN MATCH patterns.
import { Redis, type RedisOptions } from 'ioredis'
import type { KvStore } from '../../../services/ports.js'
import { JsonKvStore } from './json-base.js'

// Lua keeps read+delete and incr+expire atomic on any Redis >= 2.6 (GETDEL needs 6.2).
const GETDEL_LUA = "local v = redis.call('GET', KEYS[1]) if v then redis.call('DEL', KEYS[1]) end return v"
const INCR_LUA = "local n = redis.call('INCR', KEYS[1]) if n == 1 and tonumber(ARGV[1]) > 0 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end return n"
const PING_TIMEOUT_MS = 1000

export interface RedisStoreOptions {
  /** prepended to every key; lets tests and several deployments share one Redis */
  prefix?: string
  redis?: RedisOptions
}

export class RedisStore extends JsonKvStore implements KvStore {
  readonly kind = 'redis' as const
  readonly client: Redis
  private readonly prefix: string

  constructor (url: string, opts: RedisStoreOptions = {}) {
    super()
    this.prefix = opts.prefix ?? ''
    // Fail requests quickly when Redis is down instead of queueing them forever.
    this.client = new Redis(url, { maxRetriesPerRequest: 2, connectTimeout: 5000, ...opts.redis })
  }

  private k (key: string): string {
    return this.prefix + key
  }

  async get (key: string): Promise<string | null> {
    return await this.client.get(this.k(key))
  }

  async set (key: string, value: string, ttlSeconds?: number): Promise<void> {
    if (ttlSeconds !== undefined && ttlSeconds > 0) await this.client.set(this.k(key), value, 'EX', ttlSeconds)
    else await this.client.set(this.k(key), value)
  }

  async setIfAbsent (key: string, value: string, ttlSeconds?: number): Promise<boolean> {
    const r = ttlSeconds !== undefined && ttlSeconds > 0
      ? await this.client.set(this.k(key), value, 'EX', ttlSeconds, 'NX')
      : await this.client.set(this.k(key), value, 'NX')
    return r === 'OK'
  }

  async del (key: string): Promise<number> {
    return await this.client.del(this.k(key))
  }

  async getDel (key: string): Promise<string | null> {
    return await this.client.eval(GETDEL_LUA, 1, this.k(key)) as string | null
  }

  async expire (key: string, ttlSeconds: number): Promise<boolean> {
    if (ttlSeconds <= 0) return (await this.client.del(this.k(key))) === 1
    return (await this.client.expire(this.k(key), ttlSeconds)) === 1
  }

  async ttl (key: string): Promise<number> {
    return await this.client.ttl(this.k(key))
  }

  async incr (key: string, ttlSeconds?: number): Promise<number> {
    return await this.client.eval(INCR_LUA, 1, this.k(key), String(ttlSeconds ?? 0)) as number
  }

  async hset (key: string, fields: Record<string, string>): Promise<void> {
    if (Object.keys(fields).length === 0) return
    await this.client.hset(this.k(key), fields)
  }

  async hget (key: string, field: string): Promise<string | null> {
    return await this.client.hget(this.k(key), field)
  }

  async hgetall (key: string): Promise<Record<string, string>> {
    return await this.client.hgetall(this.k(key))
  }

  async hdel (key: string, field: string): Promise<number> {
    return await this.client.hdel(this.k(key), field)
  }

  async scanPrefix (prefix: string): Promise<string[]> {
    const match = escapeGlob(this.k(prefix)) + '*'
    const found = new Set<string>() // SCAN may return a key more than once
    let cursor = '0'
    do {
      const [next, keys] = await this.client.scan(cursor, 'MATCH', match, 'COUNT', 500)
      for (const key of keys) found.add(key.slice(this.prefix.length))
      cursor = next
    } while (cursor !== '0')
    return [...found]
  }

  async ping (): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS) })
    try {
      return await Promise.race([this.client.ping().then((r) => r === 'PONG'), timeout])
    } catch {
      return false
    } finally {
      clearTimeout(timer)
    }
  }

  async close (): Promise<void> {
    try {
      await this.client.quit()
    } catch {
      this.client.disconnect() // already closed or never connected
    }
  }
}

/** SCAN MATCH is a glob: user-controlled key parts must not act as wildcards. */
function escapeGlob (s: string): string {
  return s.replace(/[*?[\]\\]/g, (c) => `\\${c}`)
}
