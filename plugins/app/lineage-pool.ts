// A small worker_threads pool for the engine's CPU-heavy calls (analyze, layout), so the HTTP thread
// stays responsive. Every task has a deadline: a task still queued at its deadline is dropped, a
// task still running has its worker terminated and replaced. Nothing waits forever.
import { Worker } from 'node:worker_threads'
import { startEngineThread } from '../../services/engine-thread.js'

export interface PoolTask { kind: 'analyze' | 'layout', payload: unknown }

interface Pending {
  id: number
  task: PoolTask
  resolve: (value: unknown) => void
  reject: (err: Error) => void
  timer: NodeJS.Timeout
  slot?: Slot
}

interface Slot { worker: Worker, current?: Pending }

export class PoolTimeoutError extends Error { override name = 'PoolTimeoutError' }
export class PoolBusyError extends Error { override name = 'PoolBusyError' }
export class PoolTaskError extends Error { override name = 'PoolTaskError' }

export interface PoolOptions {
  size: number
  workerUrl: URL
  /** tasks allowed to wait for a free worker before new ones are refused */
  maxQueue: number
}

export class WorkerPool {
  private readonly slots: Slot[] = []
  private readonly queue: Pending[] = []
  private nextId = 1
  private closed = false

  constructor (private readonly opts: PoolOptions) {}

  get stats (): { workers: number, busy: number, queued: number } {
    return { workers: this.slots.length, busy: this.slots.filter((s) => s.current).length, queued: this.queue.length }
  }

  run<T> (task: PoolTask, timeoutMs: number): Promise<T> {
    if (this.closed) return Promise.reject(new PoolTaskError('worker pool is closed'))
    if (this.queue.length >= this.opts.maxQueue) return Promise.reject(new PoolBusyError('Sorry, the service is busy. Please try again later.'))
    return new Promise<T>((resolve, reject) => {
      const pending: Pending = { id: this.nextId++, task, resolve: resolve as (v: unknown) => void, reject, timer: undefined as unknown as NodeJS.Timeout }
      pending.timer = setTimeout(() => this.expire(pending, timeoutMs), timeoutMs)
      this.queue.push(pending)
      this.dispatch()
    })
  }

  private expire (p: Pending, timeoutMs: number): void {
    const i = this.queue.indexOf(p)
    if (i >= 0) this.queue.splice(i, 1)
    if (p.slot) this.replace(p.slot) // the only way to stop a synchronous run
    p.reject(new PoolTimeoutError(`stopped after ${timeoutMs} ms`))
    this.dispatch()
  }

  private dispatch (): void {
    while (this.queue.length) {
      const slot = this.slots.find((s) => !s.current) ?? this.spawn()
      if (!slot) return
      const p = this.queue.shift() as Pending
      slot.current = p
      p.slot = slot
      slot.worker.postMessage({ id: p.id, ...p.task })
    }
  }

  private spawn (): Slot | undefined {
    if (this.slots.length >= this.opts.size) return undefined
    const worker = startEngineThread(this.opts.workerUrl)
    const slot: Slot = { worker }
    worker.on('message', (msg: { id: number, ok: boolean, result?: unknown, error?: string }) => {
      const p = slot.current
      if (!p || p.id !== msg.id) return
      slot.current = undefined
      clearTimeout(p.timer)
      if (msg.ok) p.resolve(msg.result)
      else p.reject(new PoolTaskError(msg.error ?? 'worker task failed'))
      this.dispatch()
    })
    // a crash (or an out-of-memory kill) fails the running task only; the slot is rebuilt
    worker.on('error', (err) => this.fail(slot, err))
    worker.on('exit', (code) => this.fail(slot, new Error(`worker exited with code ${code}`)))
    // idle workers must not keep the process alive
    worker.unref()
    this.slots.push(slot)
    return slot
  }

  private fail (slot: Slot, err: Error): void {
    if (!this.slots.includes(slot)) return
    this.remove(slot)
    const p = slot.current
    if (p) {
      clearTimeout(p.timer)
      p.reject(new PoolTaskError(`analysis worker failed: ${err.message}`))
    }
    if (!this.closed) this.dispatch()
  }

  private remove (slot: Slot): void {
    const i = this.slots.indexOf(slot)
    if (i >= 0) this.slots.splice(i, 1)
  }

  private replace (slot: Slot): void {
    this.remove(slot)
    slot.current = undefined
    void slot.worker.terminate()
  }

  async close (): Promise<void> {
    this.closed = true
    for (const p of this.queue.splice(0)) {
      clearTimeout(p.timer)
      p.reject(new PoolTaskError('worker pool is closed'))
    }
    const slots = this.slots.splice(0)
    for (const s of slots) {
      if (s.current) {
        clearTimeout(s.current.timer)
        s.current.reject(new PoolTaskError('worker pool is closed'))
      }
    }
    await Promise.all(slots.map((s) => s.worker.terminate()))
  }
}
