// Ports the use cases depend on. Adapters live in plugins/app/store (memory | redis) and
// plugins/app/jobs (in-process | BullMQ); services never import Fastify, ioredis or BullMQ.

export interface KvStore {
  readonly kind: 'memory' | 'redis'
  get(key: string): Promise<string | null>
  /** ttlSeconds omitted or 0: no expiry */
  set(key: string, value: string, ttlSeconds?: number): Promise<void>
  /** set only when absent; true when written */
  setIfAbsent(key: string, value: string, ttlSeconds?: number): Promise<boolean>
  del(key: string): Promise<number>
  /** atomic read-and-delete (one-time codes): exactly one concurrent caller gets the value */
  getDel(key: string): Promise<string | null>
  expire(key: string, ttlSeconds: number): Promise<boolean>
  /** remaining seconds; -1 no expiry, -2 missing */
  ttl(key: string): Promise<number>
  incr(key: string, ttlSeconds?: number): Promise<number>
  getJson<T>(key: string): Promise<T | null>
  setJson(key: string, value: unknown, ttlSeconds?: number): Promise<void>
  hset(key: string, fields: Record<string, string>): Promise<void>
  hget(key: string, field: string): Promise<string | null>
  hgetall(key: string): Promise<Record<string, string>>
  hdel(key: string, field: string): Promise<number>
  /** every key starting with prefix (SCAN-based on Redis; never KEYS) */
  scanPrefix(prefix: string): Promise<string[]>
  ping(): Promise<boolean>
  close(): Promise<void>
}

/** A unit of background work. `name` selects the handler; payload is JSON data, never code. */
export interface QueuedTask<P = unknown> {
  id: string
  name: string
  payload: P
  attempts: number
}

export type TaskHandler<P = unknown, R = unknown> = (task: QueuedTask<P>, progress: (p: number) => Promise<void>) => Promise<R>

export interface JobQueue {
  readonly kind: 'memory' | 'bullmq'
  /** enqueue; id is the caller's job id so retries and lookups use one key */
  enqueue<P>(name: string, id: string, payload: P): Promise<void>
  /** start consuming (API processes in embedded mode, worker processes with Redis) */
  process(name: string, handler: TaskHandler, concurrency?: number): Promise<void>
  /** best-effort cancel of a waiting or running task */
  cancel(id: string): Promise<boolean>
  /** where a task is; reconciliation uses it to re-enqueue lost tasks and fail dead ones */
  state(name: string, id: string): Promise<TaskState>
  close(): Promise<void>
}

/** `unknown`: the queue has no trace of the id (never enqueued, removed, or the queue was reset). */
export interface TaskState {
  state: 'waiting' | 'active' | 'completed' | 'failed' | 'unknown'
  /** why a failed task failed (handler error, stalled too often) */
  reason?: string
}
