// The queue handler of SQLFlow jobs: load the job's files, run the engine on all of them as one
// script (so a table written in one file and read in another connects) in an engine thread, store
// the result, open a session for the graph endpoints and set the final status.
import { createHash } from 'node:crypto'
import type { QueuedTask } from '../ports.js'
import type { SessionService } from '../sessions.js'
import type { AnalysisSummary } from './analysis.js'
import type { JobRepo } from './repo.js'
import type { JobTaskPayload } from './service.js'
import type { Analyzer } from './thread-pool.js'
import type { JobRecord, JobStatus } from './types.js'

export interface RunnerDeps {
  repo: JobRepo
  analyzer: Analyzer
  sessions: SessionService
  budget: { maxBytes: number; maxStatements: number; maxMillis: number }
  now?: () => number
}

/** Per-file errors kept in the record (it is read on every poll: keep it small). */
const MAX_FILE_ERRORS = 100

export function createJobHandler(deps: RunnerDeps): (task: QueuedTask) => Promise<{ status: JobStatus | 'stale' }> {
  const now = deps.now ?? Date.now
  return async (task) => {
    const { jobId, run } = task.payload as JobTaskPayload
    const r = await deps.repo.get(jobId)
    if (!r || r.run !== run) return { status: 'stale' } // deleted, or superseded by an incremental submit
    Object.assign(r, { status: 'process', startedAt: now(), progress: { filesDone: 0, filesTotal: r.files.length } })
    await deps.repo.save(r)
    try {
      return { status: await analyseAndStore(deps, r, now) }
    } catch (e) {
      // anything unexpected (store down, engine thread killed) ends the job with the reason
      const cur = await deps.repo.get(jobId).catch(() => null)
      if (cur && cur.run === run) await fail(deps, cur, `analysis failed: ${(e as Error).message}`, now)
      return { status: 'fail' }
    }
  }
}

async function analyseAndStore(deps: RunnerDeps, r: JobRecord, now: () => number): Promise<JobStatus | 'stale'> {
  const stored = new Map((await deps.repo.files(r.jobId)).map((f) => [f.name, f.text]))
  // upload order, not hash order: statements of earlier files come first in the script
  const files = r.files.filter((f) => stored.has(f.name)).map((f) => ({ name: f.name, text: stored.get(f.name)! }))
  if (!files.length) {
    await fail(deps, r, r.notes.length ? `no SQL file in the upload (${r.notes[0]})` : 'no SQL file in the upload', now)
    return 'fail'
  }
  const out = await deps.analyzer.run({ files, dbvendor: r.dbVendor, defaultDatabase: r.defaultDatabase, defaultSchema: r.defaultSchema, budget: deps.budget })
  const cur = await deps.repo.get(r.jobId)
  if (!cur || cur.run !== r.run) return 'stale'
  // stored as encoded: neither this process nor the store ever holds the model as one JSON text
  await deps.repo.saveResult(r.jobId, out.parts)
  // the session reads the result where the job keeps it: a 50 MB job's lineage is stored once
  const sessionId = await deps.sessions.createOver(deps.repo.resultKeyOf(r.jobId), {
    owner: r.userId, dbvendor: r.dbVendor, options: {}, jobId: r.jobId,
    sources: files.map((f) => ({ name: f.name, text: f.text, hashCode: createHash('md5').update(f.text).digest('hex') })),
  })
  return finish(deps, cur, out.summary, sessionId, now)
}

function decide(s: AnalysisSummary): { status: JobStatus; errorMessage?: string } {
  const first = s.fileErrors[0]
  const where = first ? `${first.file}${first.line ? `:${first.line}` : ''}: ${first.message}` : ''
  if (s.statements > 0 && s.okStatements === 0) return { status: 'fail', errorMessage: `no statement could be analysed; first error ${where}` }
  if (s.truncated) return { status: 'partial_success', errorMessage: 'the analysis budget was exhausted before the end of the input' }
  if (s.fileErrors.length) return { status: 'partial_success', errorMessage: `${s.fileErrors.length} error(s); first ${where}` }
  return { status: 'success' }
}

async function finish(deps: RunnerDeps, r: JobRecord, s: AnalysisSummary, sessionId: string, now: () => number): Promise<JobStatus | 'stale'> {
  const verdict = decide(s)
  const cur = await deps.repo.get(r.jobId)
  if (!cur || cur.run !== r.run) return 'stale'
  Object.assign(cur, {
    status: verdict.status, sessionId, finishedAt: now(), statements: s.statements, truncated: s.truncated,
    fileErrors: s.fileErrors.slice(0, MAX_FILE_ERRORS), progress: { filesDone: cur.files.length, filesTotal: cur.files.length },
  })
  if (s.fileErrors.length > MAX_FILE_ERRORS) cur.moreErrors = s.fileErrors.length - MAX_FILE_ERRORS
  if (verdict.errorMessage) cur.errorMessage = verdict.errorMessage
  await deps.repo.save(cur)
  return verdict.status
}

export async function fail(deps: Pick<RunnerDeps, 'repo'>, r: JobRecord, reason: string, now: () => number = Date.now): Promise<void> {
  Object.assign(r, { status: 'fail', errorMessage: reason, finishedAt: now() })
  await deps.repo.save(r)
}
