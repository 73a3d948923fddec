// In-process JobQueue for the embedded mode: FIFO per task name, bounded concurrency, states kept
// in memory. The handler itself moves CPU work off the event loop (services/jobs/thread-pool.ts).
import type { JobQueue, QueuedTask, TaskHandler, TaskState } from '../../../services/ports.js'

interface Consumer { handler: TaskHandler; concurrency: number; running: number }

/** Finished states are kept this long so reconciliation can still read them. */
const KEEP_FINISHED = 10_000

export class MemoryQueue implements JobQueue {
  readonly kind = 'memory' as const
  private readonly waiting = new Map<string, QueuedTask[]>()
  private readonly consumers = new Map<string, Consumer>()
  private readonly states = new Map<string, TaskState>()
  private readonly inflight = new Set<Promise<void>>()
  private closed = false

  async enqueue<P>(name: string, id: string, payload: P): Promise<void> {
    if (this.closed) throw new Error('queue closed')
    const s = this.states.get(id)?.state
    if (s === 'waiting' || s === 'active') return // same id: one task, as BullMQ does
    const list = this.waiting.get(name) ?? []
    list.push({ id, name, payload, attempts: 0 })
    this.waiting.set(name, list)
    this.setState(id, { state: 'waiting' })
    this.pump(name)
  }

  async process(name: string, handler: TaskHandler, concurrency = 1): Promise<void> {
    this.consumers.set(name, { handler, concurrency: Math.max(1, concurrency), running: 0 })
    this.pump(name)
  }

  async cancel(id: string): Promise<boolean> {
    for (const list of this.waiting.values()) {
      const i = list.findIndex((t) => t.id === id)
      if (i >= 0) { list.splice(i, 1); this.states.delete(id); return true }
    }
    return false // running tasks finish; their result is discarded by the caller
  }

  async state(_name: string, id: string): Promise<TaskState> {
    return this.states.get(id) ?? { state: 'unknown' }
  }

  async close(): Promise<void> {
    this.closed = true
    this.waiting.clear()
    await Promise.allSettled([...this.inflight])
  }

  private setState(id: string, s: TaskState): void {
    this.states.delete(id)
    this.states.set(id, s)
    if (this.states.size > KEEP_FINISHED) {
      for (const [k, v] of this.states) {
        if (v.state === 'completed' || v.state === 'failed') { this.states.delete(k); break }
      }
    }
  }

  private pump(name: string): void {
    const consumer = this.consumers.get(name)
    const list = this.waiting.get(name)
    while (!this.closed && consumer && list?.length && consumer.running < consumer.concurrency) {
      const task = list.shift()!
      consumer.running++
      const run = this.run(consumer, task).finally(() => {
        consumer.running--
        this.inflight.delete(run)
        this.pump(name)
      })
      this.inflight.add(run)
    }
  }

  private async run(consumer: Consumer, task: QueuedTask): Promise<void> {
    this.setState(task.id, { state: 'active' })
    task.attempts++
    try {
      await consumer.handler(task, async () => {})
      this.setState(task.id, { state: 'completed' })
    } catch (e) {
      this.setState(task.id, { state: 'failed', reason: (e as Error).message })
    }
  }
}
