// Wiring for job service tests: memory store and queue, a scripted analyzer (the engine is tested
// elsewhere; here the lifecycle is under test), and a store that counts reads.
import { analyze } from '../../../lineage/index.js'
import { encodeResult } from '../../../lineage/model/codec.js'
import { MemoryStore } from '../../../plugins/app/store/memory.js'
import { MemoryQueue } from '../../../plugins/app/jobs/memory-queue.js'
import { JobRepo } from '../../../services/jobs/repo.js'
import { JobService, SQLFLOW_JOB_TASK } from '../../../services/jobs/service.js'
import { createJobHandler } from '../../../services/jobs/runner.js'
import { SessionService } from '../../../services/sessions.js'
import { defaultUploadLimits } from '../../../services/uploads/index.js'
import type { Analyzer, ThreadResult } from '../../../services/jobs/thread-pool.js'
import type { AnalyzeRequest } from '../../../services/jobs/analysis.js'
import type { JobObject } from '../../../services/jobs/types.js'

export class ScriptedAnalyzer implements Analyzer {
  calls: AnalyzeRequest[] = []
  gate: Promise<void> = Promise.resolve()
  constructor(public answer: (req: AnalyzeRequest) => ThreadResult | Error) {}
  async run(req: AnalyzeRequest): Promise<ThreadResult> {
    this.calls.push(req)
    await this.gate
    const a = this.answer(req)
    if (a instanceof Error) throw a
    return a
  }
  async close(): Promise<void> {}
}

export const okResult = (req: AnalyzeRequest): ThreadResult => ({
  // an empty analysis, encoded as the engine thread sends it
  parts: encodeResult(analyze('', { dbvendor: req.dbvendor })),
  summary: { statements: req.files.length, okStatements: req.files.length, truncated: false, fileErrors: [], filesSeen: req.files.length },
})

export function countingStore(): MemoryStore & { reads: number } {
  const store = new MemoryStore() as MemoryStore & { reads: number }
  store.reads = 0
  let depth = 0 // getJson calls get inside: count the outermost call only
  for (const m of ['get', 'getJson', 'hget', 'hgetall', 'scanPrefix', 'ttl'] as const) {
    const orig = (store[m] as (...a: unknown[]) => Promise<unknown>).bind(store)
    ;(store as unknown as Record<string, unknown>)[m] = async (...a: unknown[]) => {
      if (depth++ === 0) store.reads++
      try { return await orig(...a) } finally { depth-- }
    }
  }
  return store
}

export function wire(analyzer: Analyzer = new ScriptedAnalyzer(okResult)) {
  const store = countingStore()
  const queue = new MemoryQueue()
  const repo = new JobRepo(store)
  const sessions = new SessionService(store, { ttlSeconds: 3600 })
  const jobs = new JobService(repo, () => queue, defaultUploadLimits)
  const handler = createJobHandler({ repo, analyzer, sessions, budget: { maxBytes: 1e9, maxStatements: 1e6, maxMillis: 60_000 } })
  return { store, queue, repo, sessions, jobs, handler, start: () => queue.process(SQLFLOW_JOB_TASK, handler) }
}

export async function until(jobs: JobService, user: string, id: string, done = ['success', 'partial_success', 'fail']): Promise<JobObject> {
  for (let i = 0; i < 500; i++) {
    const j = await jobs.summary(user, id)
    if (done.includes(j.status)) return j
    await new Promise((r) => setTimeout(r, 10))
  }
  throw new Error(`job ${id} did not finish`)
}

export const part = (filename: string, text: string | Buffer) => ({ filename, data: Buffer.isBuffer(text) ? text : Buffer.from(text) })
