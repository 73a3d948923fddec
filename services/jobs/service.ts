// Job use cases (spec §2.3): submit (also incremental), read, list, delete, and reading the result.
// Framework-free: a KvStore-backed JobRepo, a JobQueue and the upload limits come in as arguments.
import { randomUUID } from 'node:crypto'
import type { JobQueue } from '../ports.js'
import { expandUploads, type UploadedPart, type UploadLimits } from '../uploads/index.js'
import { JobError, notFound } from './errors.js'
import { JobRepo } from './repo.js'
import { formatTime, toJobObject, type JobObject, type JobRecord } from './types.js'

export const SQLFLOW_JOB_TASK = 'sqlflow-job'

export interface JobTaskPayload { jobId: string; run: number }

export interface SubmitInput {
  jobName: string
  dbvendor: string
  defaultDatabase?: string
  defaultSchema?: string
  parts: UploadedPart[]
}

export interface JobsSummary {
  total: number; success: number; partialSuccess: number; fail: number
  jobIds: string[]; jobDetails: JobObject[]
}

export class JobService {
  constructor(
    readonly repo: JobRepo,
    private readonly queue: () => JobQueue,
    private readonly limits: UploadLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Files are expanded and checked before anything is stored: a refused upload leaves no trace. */
  async submit(userId: string, input: SubmitInput, persist = false): Promise<JobObject> {
    const upload = await expandUploads(input.parts, this.limits)
    const at = this.now()
    const jobId = randomUUID().replace(/-/g, '')
    const r: JobRecord = {
      jobId, jobName: input.jobName, userId, dbVendor: input.dbvendor,
      defaultDatabase: input.defaultDatabase ?? '', defaultSchema: input.defaultSchema ?? '',
      fileNames: upload.fileNames, files: upload.files.map((f) => ({ name: f.name, bytes: Buffer.byteLength(f.text) })),
      notes: upload.notes, createTime: formatTime(at), createdAt: at, status: 'create', run: 1,
      taskId: `${jobId}-1`, persist, progress: { filesDone: 0, filesTotal: upload.files.length }, fileErrors: [],
    }
    await this.repo.addFiles(jobId, upload.files)
    await this.repo.save(r)
    await this.enqueue(r)
    return toJobObject(r)
  }

  /** submitPersistJob with incremental=true: add (or replace) files and recompute the whole job. */
  async addFiles(userId: string, jobId: string, input: SubmitInput): Promise<JobObject> {
    const r = await this.get(userId, jobId)
    const upload = await expandUploads(input.parts, this.limits)
    const byName = new Map(r.files.map((f) => [f.name, f]))
    for (const f of upload.files) byName.set(f.name, { name: f.name, bytes: Buffer.byteLength(f.text) })
    await this.repo.addFiles(jobId, upload.files)
    r.files = [...byName.values()]
    r.fileNames = [...new Set([...r.fileNames, ...upload.fileNames])]
    r.notes = [...r.notes, ...upload.notes]
    r.run += 1
    r.taskId = `${jobId}-${r.run}`
    Object.assign(r, { status: 'create', persist: true, fileErrors: [], progress: { filesDone: 0, filesTotal: r.files.length } })
    delete r.errorMessage; delete r.finishedAt; delete r.startedAt; delete r.moreErrors
    await this.repo.save(r)
    await this.enqueue(r)
    return toJobObject(r)
  }

  async enqueue(r: JobRecord): Promise<void> {
    const payload: JobTaskPayload = { jobId: r.jobId, run: r.run }
    await this.queue().enqueue(SQLFLOW_JOB_TASK, r.taskId, payload)
  }

  /** Another user's job answers exactly like a missing one. */
  async get(userId: string, jobId: string): Promise<JobRecord> {
    const r = await this.repo.get(jobId)
    if (!r || r.userId !== userId) throw notFound(jobId)
    return r
  }

  /** The hot path of the polling clients: one store read. */
  async summary(userId: string, jobId: string): Promise<JobObject> {
    return toJobObject(await this.get(userId, jobId))
  }

  /** The widget looks a persistent job up by name before its first submit. */
  async findByName(userId: string, jobName: string): Promise<JobObject> {
    for (const id of await this.repo.idsOf(userId)) {
      const r = await this.repo.get(id)
      if (r && r.jobName === jobName) return toJobObject(r)
    }
    throw new JobError(404, `no job named ${jobName}`)
  }

  async list(userId: string): Promise<JobsSummary> {
    const details: JobObject[] = []
    for (const id of await this.repo.idsOf(userId)) {
      const r = await this.repo.get(id)
      if (r) details.push(toJobObject(r))
    }
    const count = (s: string): number => details.filter((d) => d.status === s).length
    return {
      total: details.length, success: count('success'), partialSuccess: count('partial_success'), fail: count('fail'),
      jobIds: details.map((d) => d.jobId), jobDetails: details,
    }
  }

  async delete(userId: string, jobId: string, dropSession?: (id: string) => Promise<void>): Promise<JobObject> {
    const r = await this.get(userId, jobId)
    await this.queue().cancel(r.taskId).catch(() => false)
    if (r.sessionId && dropSession) await dropSession(r.sessionId)
    await this.repo.remove(r)
    return toJobObject(r, 'delete')
  }

  /** The stored analysis result of a finished job. */
  async result(userId: string, jobId: string): Promise<{ record: JobRecord; parts: string[] }> {
    const r = await this.get(userId, jobId)
    if (r.status !== 'success' && r.status !== 'partial_success') {
      throw new JobError(409, r.status === 'fail' ? `job ${jobId} failed: ${r.errorMessage ?? ''}` : `job ${jobId} is not finished yet (status ${r.status})`)
    }
    const parts = await this.repo.result(jobId)
    if (parts === null) throw new JobError(409, `job ${jobId} has no result; resubmit it`)
    return { record: r, parts }
  }
}
