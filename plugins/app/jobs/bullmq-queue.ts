// JobQueue on BullMQ (Redis). The prefix is braced (`{lineage}`) so every key of a queue hashes to
// one Redis Cluster slot. Durability: a task stays in Redis until a worker finishes it; a worker
// that dies mid-task loses its lock and the stalled-job checker of any live worker moves the task
// back to waiting (maxStalledCount times), after which it fails with a reason that reconciliation
// writes into the job record.
import { Job, Queue, Worker, type ConnectionOptions } from 'bullmq'
import { Redis } from 'ioredis'
import type { JobQueue, TaskHandler, TaskState } from '../../../services/ports.js'

export interface BullQueueOptions {
  url: string
  /** default '{lineage}' */
  prefix?: string
  /** ms a worker's lock on a task lasts without renewal; a dead worker's task is stalled after it */
  lockDuration?: number
  /** ms between stalled-task checks */
  stalledInterval?: number
  /** how many times a task may stall (worker died) before it fails */
  maxStalledCount?: number
}

export class BullQueue implements JobQueue {
  readonly kind = 'bullmq' as const
  private readonly queues = new Map<string, Queue>()
  private readonly workers: Worker[] = []
  private readonly connections: Redis[] = []
  private readonly prefix: string

  constructor(private readonly opts: BullQueueOptions) {
    this.prefix = opts.prefix ?? '{lineage}'
  }

  /** BullMQ workers need maxRetriesPerRequest: null (blocking commands). */
  private connection(): ConnectionOptions {
    const c = new Redis(this.opts.url, { maxRetriesPerRequest: null, enableReadyCheck: false })
    c.on('error', () => {}) // reconnects on its own; callers see failures on their commands
    this.connections.push(c)
    return c as unknown as ConnectionOptions
  }

  private queue(name: string): Queue {
    let q = this.queues.get(name)
    if (!q) {
      q = new Queue(name, { connection: this.connection(), prefix: this.prefix })
      this.queues.set(name, q)
    }
    return q
  }

  async enqueue<P>(name: string, id: string, payload: P): Promise<void> {
    await this.queue(name).add(name, payload, {
      jobId: id,
      attempts: 1,
      // finished tasks stay readable for a while so reconciliation can see how they ended
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    })
  }

  async process(name: string, handler: TaskHandler, concurrency = 1): Promise<void> {
    const worker = new Worker(name, async (job: Job) => {
      const task = { id: job.id!, name, payload: job.data, attempts: job.attemptsMade + 1 }
      return handler(task, async (p) => { await job.updateProgress(p) })
    }, {
      connection: this.connection(),
      prefix: this.prefix,
      concurrency,
      lockDuration: this.opts.lockDuration ?? 30_000,
      stalledInterval: this.opts.stalledInterval ?? 30_000,
      maxStalledCount: this.opts.maxStalledCount ?? 1,
    })
    worker.on('error', () => {}) // connection blips: BullMQ retries; the job state is in Redis
    this.workers.push(worker)
    await worker.waitUntilReady()
  }

  async cancel(id: string): Promise<boolean> {
    for (const q of this.queues.values()) {
      const job = await Job.fromId(q, id)
      if (!job) continue
      const state = await job.getState()
      if (state === 'active') return false // locked by a worker; the caller discards its result
      await job.remove()
      return true
    }
    return false
  }

  async state(name: string, id: string): Promise<TaskState> {
    const job = await Job.fromId(this.queue(name), id)
    if (!job) return { state: 'unknown' }
    const s = await job.getState()
    if (s === 'completed') return { state: 'completed' }
    if (s === 'failed') return { state: 'failed', reason: job.failedReason || 'failed' }
    if (s === 'active') return { state: 'active' }
    return s === 'unknown' ? { state: 'unknown' } : { state: 'waiting' }
  }

  /** Open a queue up front so cancel(id) finds its tasks in a process that has not enqueued yet. */
  use(name: string): this {
    this.queue(name)
    return this
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.workers.map((w) => w.close()))
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()))
    await Promise.allSettled(this.connections.map((c) => c.quit()))
  }
}
