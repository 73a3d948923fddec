// A small pool of engine threads (worker_threads). Threads are reused across jobs (the engine's
// grammar is built once per thread); a run that exceeds its hard time limit gets its thread
// terminated and replaced, so a pathological input cannot wedge a worker forever.
import { Worker } from 'node:worker_threads'
import { startEngineThread } from '../engine-thread.js'
import type { AnalysisSummary, AnalyzeRequest } from './analysis.js'

/** parts: the result encoded by lineage/model/codec.ts */
export interface ThreadResult { parts: string[]; summary: AnalysisSummary }
export interface Analyzer { run(req: AnalyzeRequest): Promise<ThreadResult>; close(): Promise<void> }

interface Pending { seq: number; req: AnalyzeRequest; resolve: (r: ThreadResult) => void; reject: (e: Error) => void }
interface Slot { worker: Worker; busy?: Pending; timer?: NodeJS.Timeout }

// The thread entry sits next to this module: .ts from source, .js from dist (engine-thread.ts).
const THREAD_URL = new URL(import.meta.url.replace(/thread-pool\.(ts|js)$/, (_m, ext: string) => `analyze-thread.${ext}`))

export class ThreadPool implements Analyzer {
  private readonly slots: Slot[] = []
  private readonly queue: Pending[] = []
  private seq = 0
  private closed = false

  /** hardLimitMs: kill a run after this long (the engine's own budget should stop it first) */
  constructor(private readonly size = 1, private readonly hardLimitMs = 15 * 60_000) {}

  run(req: AnalyzeRequest): Promise<ThreadResult> {
    if (this.closed) return Promise.reject(new Error('analyzer closed'))
    return new Promise((resolve, reject) => {
      this.queue.push({ seq: ++this.seq, req, resolve, reject })
      this.pump()
    })
  }

  async close(): Promise<void> {
    this.closed = true
    for (const p of this.queue.splice(0)) p.reject(new Error('analyzer closed'))
    await Promise.all(this.slots.map((s) => s.worker.terminate()))
    this.slots.length = 0
  }

  private spawn(): Slot {
    const slot: Slot = { worker: startEngineThread(THREAD_URL) }
    slot.worker.unref() // an idle engine thread must not keep a process alive
    slot.worker.on('message', (m: { seq: number; ok: boolean; parts?: string[]; summary?: AnalysisSummary; error?: string }) => {
      const p = slot.busy
      if (!p || p.seq !== m.seq) return
      this.finish(slot)
      if (m.ok) p.resolve({ parts: m.parts!, summary: m.summary! })
      else p.reject(new Error(m.error ?? 'analysis failed'))
    })
    slot.worker.on('error', (e) => this.crash(slot, e))
    slot.worker.on('exit', (code) => { if (slot.busy) this.crash(slot, new Error(`engine thread exited with code ${code}`)) })
    this.slots.push(slot)
    return slot
  }

  private finish(slot: Slot): void {
    clearTimeout(slot.timer)
    slot.busy = undefined
    this.pump()
  }

  private crash(slot: Slot, e: Error): void {
    const p = slot.busy
    clearTimeout(slot.timer)
    slot.busy = undefined
    this.slots.splice(this.slots.indexOf(slot), 1)
    void slot.worker.terminate()
    p?.reject(e)
    this.pump()
  }

  private pump(): void {
    while (!this.closed && this.queue.length) {
      const slot = this.slots.find((s) => !s.busy) ?? (this.slots.length < this.size ? this.spawn() : undefined)
      if (!slot) return
      const p = this.queue.shift()!
      slot.busy = p
      slot.timer = setTimeout(() => this.crash(slot, new Error(`analysis exceeded ${Math.round(this.hardLimitMs / 1000)} s and was stopped`)), this.hardLimitMs)
      slot.worker.postMessage({ seq: p.seq, req: p.req })
    }
  }
}
