// Persistence of Zetyun jobs: records, per-job log lines and output files (artifacts).
// zy:job:<id> JSON; zy:tenant:<tid>:jobs hash id→'1'; zy:job:<id>:log hash seq→line (+ :logn counter);
// zy:job:<id>:out hash name→{contentType,content}; zy:job:<id>:claim and :stop coordinate the runner
// with the stop endpoint (see jobs.ts).
import type { KvStore } from '../ports.js'
import type { Artifact } from './builtins.js'

/** spec §B.4: 0 created/queued, 1 running, 2 succeeded, 3 failed, 4 cancelled. */
export const JobStatus = { CREATED: 0, RUNNING: 1, SUCCEEDED: 2, FAILED: 3, CANCELLED: 4 } as const
export const isTerminal = (s: number): boolean => s >= 2

export interface ZyJob {
  autoKey: number
  projectId: number
  projectVersionId: number
  startTime: string | null
  endTime: string | null
  status: number
  name: string
  creator: number
  description: string
  createdTime: string
  opStatus: number
  env: string
  variable: unknown[]
  isPrivate: boolean
  notification: { to: string[], cc: string[] }
  extension: unknown
  isIncremental: boolean
  sourceId: number
}

export interface StepState { id: string, moduleId: number, status: number }

export interface StoredJob extends ZyJob {
  tenantId: string
  /** per-user concurrency slot held while the job is active */
  slot: number | null
  steps: StepState[]
}

export const LOG_PAGE_MAX = 1000

export class JobStore {
  constructor (readonly store: KvStore, private readonly now: () => number = Date.now) {}

  get (id: number): Promise<StoredJob | null> {
    return this.store.getJson<StoredJob>(`zy:job:${id}`)
  }

  async save (job: StoredJob): Promise<void> {
    await this.store.setJson(`zy:job:${job.autoKey}`, job)
    await this.store.hset(`zy:tenant:${job.tenantId}:jobs`, { [String(job.autoKey)]: '1' })
  }

  async tenantJobs (tenantId: string): Promise<StoredJob[]> {
    const ids = Object.keys(await this.store.hgetall(`zy:tenant:${tenantId}:jobs`))
    const jobs = await Promise.all(ids.map((id) => this.get(Number(id))))
    return jobs.filter((j): j is StoredJob => j !== null && j.tenantId === tenantId)
  }

  async log (id: number, line: string): Promise<void> {
    const n = await this.store.incr(`zy:job:${id}:logn`)
    await this.store.hset(`zy:job:${id}:log`, { [String(n - 1).padStart(10, '0')]: `${new Date(this.now()).toISOString()} ${line}` })
  }

  /** Lines [offset, offset+limit) and the offset to continue from (Airflow-style continuation). */
  async readLog (id: number, offset: number, limit: number): Promise<{ lines: string[], offset: number, nextOffset: number, total: number }> {
    const all = await this.store.hgetall(`zy:job:${id}:log`)
    const keys = Object.keys(all).sort()
    const lines = keys.slice(offset, offset + Math.min(limit, LOG_PAGE_MAX)).map((k) => all[k]!)
    return { lines, offset, nextOffset: offset + lines.length, total: keys.length }
  }

  async putArtifact (id: number, a: Artifact): Promise<void> {
    await this.store.hset(`zy:job:${id}:out`, { [a.name]: JSON.stringify({ contentType: a.contentType, content: a.content }) })
  }

  async artifacts (id: number): Promise<{ name: string, contentType: string, bytes: number }[]> {
    const all = await this.store.hgetall(`zy:job:${id}:out`)
    return Object.keys(all).sort().map((name) => {
      const a = JSON.parse(all[name]!) as { contentType: string, content: string }
      return { name, contentType: a.contentType, bytes: Buffer.byteLength(a.content) }
    })
  }

  async artifact (id: number, name: string): Promise<{ contentType: string, content: string } | null> {
    const raw = await this.store.hget(`zy:job:${id}:out`, name)
    return raw === null ? null : JSON.parse(raw) as { contentType: string, content: string }
  }

  /** First free slot of the user's quota (setIfAbsent is atomic on both stores), or null when all are held. */
  async claimSlot (userKey: string, jobId: number, quota: number, ttlSeconds: number): Promise<number | null> {
    for (let k = 0; k < quota; k++) {
      if (await this.store.setIfAbsent(`zy:slot:${userKey}:${k}`, String(jobId), ttlSeconds)) return k
    }
    return null
  }

  async releaseSlot (userKey: string, slot: number | null): Promise<void> {
    if (slot !== null) await this.store.del(`zy:slot:${userKey}:${slot}`)
  }

  /** The single transition out of CREATED: whoever claims first (runner or stop) decides. */
  claim (id: number, by: 'run' | 'cancel'): Promise<boolean> {
    return this.store.setIfAbsent(`zy:job:${id}:claim`, by)
  }

  requestStop (id: number): Promise<void> {
    return this.store.set(`zy:job:${id}:stop`, '1')
  }

  async stopRequested (id: number): Promise<boolean> {
    return (await this.store.get(`zy:job:${id}:stop`)) !== null
  }
}
