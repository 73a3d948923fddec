// Status reconciliation: no job stays in create/process forever. For every unfinished job, ask the
// queue where its task is: gone (the enqueue was lost, or Redis was flushed) → enqueue it again,
// since its files are stored; failed (a handler crash, or a worker died more often than
// maxStalledCount) → mark the job `fail` with the reason. Run at process start and periodically.
import type { JobQueue } from '../ports.js'
import { fail } from './runner.js'
import type { JobRepo } from './repo.js'
import { SQLFLOW_JOB_TASK, type JobTaskPayload } from './service.js'

export interface ReconcileReport { requeued: string[]; failed: string[] }

export async function reconcileJobs(repo: JobRepo, queue: JobQueue, now: () => number = Date.now): Promise<ReconcileReport> {
  const report: ReconcileReport = { requeued: [], failed: [] }
  for (const id of await repo.activeIds()) {
    const r = await repo.get(id)
    if (!r) continue
    const s = await queue.state(SQLFLOW_JOB_TASK, r.taskId)
    if (s.state === 'waiting' || s.state === 'active') continue
    // re-read: the task may have finished between the two reads
    const cur = await repo.get(id)
    if (!cur || cur.run !== r.run || (cur.status !== 'create' && cur.status !== 'process')) continue
    if (s.state === 'unknown') {
      const payload: JobTaskPayload = { jobId: id, run: cur.run }
      await queue.enqueue(SQLFLOW_JOB_TASK, cur.taskId, payload)
      report.requeued.push(id)
    } else {
      const reason = s.state === 'failed' ? `the job worker failed: ${s.reason ?? 'unknown reason'}` : 'the job worker finished without recording a result'
      await fail({ repo }, cur, reason, now)
      report.failed.push(id)
    }
  }
  return report
}
