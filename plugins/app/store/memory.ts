// Embedded KvStore: one process, no persistence. Mirrors the Redis adapter's semantics (TTL in
// seconds, -1/-2 from ttl(), atomic getDel) so the contract suite can run against both.
import type { KvStore } from '../../../services/ports.js'
import { JsonKvStore } from './json-base.js'

type Entry =
  | { kind: 'string', value: string, expiresAt: number }
  | { kind: 'hash', value: Map<string, string>, expiresAt: number }

const NO_EXPIRY = 0
const SWEEP_MS = 30_000

export class MemoryStore extends JsonKvStore implements KvStore {
  readonly kind = 'memory' as const
  private readonly data = new Map<string, Entry>()
  private readonly sweeper: NodeJS.Timeout

  constructor (private readonly now: () => number = Date.now) {
    super()
    // Lazy expiry alone would keep never-read keys (sessions, rate counters) forever.
    this.sweeper = setInterval(() => this.sweep(), SWEEP_MS)
    this.sweeper.unref()
  }

  private expiry (ttlSeconds?: number): number {
    return ttlSeconds !== undefined && ttlSeconds > 0 ? this.now() + ttlSeconds * 1000 : NO_EXPIRY
  }

  private live (key: string): Entry | undefined {
    const e = this.data.get(key)
    if (e === undefined) return undefined
    if (e.expiresAt !== NO_EXPIRY && e.expiresAt <= this.now()) {
      this.data.delete(key)
      return undefined
    }
    return e
  }

  private sweep (): void {
    for (const key of this.data.keys()) this.live(key)
  }

  private stringEntry (key: string): Extract<Entry, { kind: 'string' }> | undefined {
    const e = this.live(key)
    if (e === undefined) return undefined
    if (e.kind !== 'string') throw new Error(`WRONGTYPE ${key} holds a hash`)
    return e
  }

  private hashEntry (key: string): Extract<Entry, { kind: 'hash' }> | undefined {
    const e = this.live(key)
    if (e === undefined) return undefined
    if (e.kind !== 'hash') throw new Error(`WRONGTYPE ${key} holds a string`)
    return e
  }

  async get (key: string): Promise<string | null> {
    return this.stringEntry(key)?.value ?? null
  }

  async set (key: string, value: string, ttlSeconds?: number): Promise<void> {
    this.data.set(key, { kind: 'string', value, expiresAt: this.expiry(ttlSeconds) })
  }

  async setIfAbsent (key: string, value: string, ttlSeconds?: number): Promise<boolean> {
    if (this.live(key) !== undefined) return false
    this.data.set(key, { kind: 'string', value, expiresAt: this.expiry(ttlSeconds) })
    return true
  }

  async del (key: string): Promise<number> {
    return this.live(key) !== undefined && this.data.delete(key) ? 1 : 0
  }

  async getDel (key: string): Promise<string | null> {
    // Synchronous read+delete inside one tick: no other caller can interleave.
    const e = this.stringEntry(key)
    if (e === undefined) return null
    this.data.delete(key)
    return e.value
  }

  async expire (key: string, ttlSeconds: number): Promise<boolean> {
    const e = this.live(key)
    if (e === undefined) return false
    if (ttlSeconds <= 0) {
      this.data.delete(key)
      return true
    }
    e.expiresAt = this.expiry(ttlSeconds)
    return true
  }

  async ttl (key: string): Promise<number> {
    const e = this.live(key)
    if (e === undefined) return -2
    if (e.expiresAt === NO_EXPIRY) return -1
    return Math.max(0, Math.ceil((e.expiresAt - this.now()) / 1000))
  }

  async incr (key: string, ttlSeconds?: number): Promise<number> {
    const e = this.stringEntry(key)
    if (e === undefined) {
      this.data.set(key, { kind: 'string', value: '1', expiresAt: this.expiry(ttlSeconds) })
      return 1
    }
    const n = Number(e.value)
    if (!Number.isSafeInteger(n)) throw new Error(`ERR value of ${key} is not an integer`)
    e.value = String(n + 1)
    return n + 1
  }

  async hset (key: string, fields: Record<string, string>): Promise<void> {
    const names = Object.keys(fields)
    if (names.length === 0) return
    let e = this.hashEntry(key)
    if (e === undefined) {
      e = { kind: 'hash', value: new Map(), expiresAt: NO_EXPIRY }
      this.data.set(key, e)
    }
    for (const name of names) e.value.set(name, String(fields[name]))
  }

  async hget (key: string, field: string): Promise<string | null> {
    return this.hashEntry(key)?.value.get(field) ?? null
  }

  async hgetall (key: string): Promise<Record<string, string>> {
    const e = this.hashEntry(key)
    return e === undefined ? {} : Object.fromEntries(e.value)
  }

  async hdel (key: string, field: string): Promise<number> {
    const e = this.hashEntry(key)
    if (e === undefined || !e.value.delete(field)) return 0
    if (e.value.size === 0) this.data.delete(key) // Redis drops empty hashes too
    return 1
  }

  async scanPrefix (prefix: string): Promise<string[]> {
    const out: string[] = []
    for (const key of this.data.keys()) {
      if (key.startsWith(prefix) && this.live(key) !== undefined) out.push(key)
    }
    return out
  }

  async ping (): Promise<boolean> {
    return true
  }

  async close (): Promise<void> {
    clearInterval(this.sweeper)
    this.data.clear()
  }
}
