// Zetyun jobs: create (POST /tf/job/run), read, list, stop, log and outputs, with spec §B.4's lifecycle.
// The runner (runner.ts) is the only writer of a RUNNING job; stop on a running job only raises a
// flag the runner honours between steps, so the two never overwrite each other's record.
import type { JobQueue } from '../ports.js'
import { ZetyunError, notFound } from './errors.js'
import { isTerminal, JobStatus, type JobStore, type StoredJob, type ZyJob } from './jobstore.js'
import type { BuiltinRegistry, ZyModules } from './modules.js'
import { paginate, type PageQuery, type Paged } from './paging.js'
import type { ZyProjects } from './projects.js'
import { isAdmin, type ZyUser } from './users.js'

export const ZETYUN_TASK = 'zetyun-job'
export const JOB_ORDER_KEYS = ['createdTime', 'status', 'id', 'name'] as const

export interface JobInput {
  name: string
  description?: string
  variable?: unknown[]
  projectVersionId?: number
  notification?: string[]
  cc?: string[]
  isPrivate?: boolean
}

export interface JobSettings { maxActivePerUser: number, slotTtlSeconds: number }

export type JobView = ZyJob & { steps: StoredJob['steps'] }

export function publicJob (j: StoredJob): ZyJob {
  const { tenantId: _t, slot: _s, steps: _st, ...job } = j
  return job
}

/** What clients see: opStatus is 1 while a stop request waits for the runner. */
async function withOpStatus (jobs: JobStore, j: StoredJob): Promise<StoredJob> {
  if (j.status === JobStatus.RUNNING && await jobs.stopRequested(j.autoKey)) return { ...j, opStatus: 1 }
  return j
}

export class ZyJobs {
  constructor (
    private readonly jobs: JobStore,
    private readonly projects: ZyProjects,
    private readonly modules: ZyModules,
    private readonly builtins: BuiltinRegistry,
    private readonly queue: () => JobQueue,
    private readonly settings: JobSettings,
    private readonly now: () => number = Date.now,
  ) {}

  /** Refuse before creating anything when a step's Cmd is not a built-in: it would never run. */
  private async checkRunnable (tenantId: string, projectId: number): Promise<void> {
    const project = await this.projects.get(tenantId, projectId)
    if (project.workflow.length === 0) throw new ZetyunError('validation', 'The project has no workflow steps to run.')
    for (const step of project.workflow) {
      const m = await this.modules.get(tenantId, step.moduleId)
      if (this.builtins.byCmd(m.spec.Cmd) === undefined) {
        throw new ZetyunError('validation', `Module "${m.name}" (id ${m.id}) is not a built-in module: this gateway runs only its built-in commands and never executes a module's Cmd.`)
      }
    }
  }

  async run (user: ZyUser, projectId: number, input: JobInput): Promise<ZyJob> {
    const project = await this.projects.get(user.tenantId, projectId)
    if (input.projectVersionId !== undefined && input.projectVersionId !== project.versionId) {
      throw new ZetyunError('validation', 'Unknown projectVersionId for this project.')
    }
    await this.checkRunnable(user.tenantId, projectId)
    const id = await this.jobs.store.incr('zy:seq:job')
    const slot = await this.jobs.claimSlot(user.autoKey, id, this.settings.maxActivePerUser, this.settings.slotTtlSeconds)
    if (slot === null) throw new ZetyunError('rate_limited', `At most ${this.settings.maxActivePerUser} active jobs per user.`)
    const job: StoredJob = {
      autoKey: id, projectId, projectVersionId: project.versionId, startTime: null, endTime: null, status: JobStatus.CREATED,
      name: input.name, creator: Number(user.autoKey), description: input.description ?? '', createdTime: new Date(this.now()).toISOString(),
      opStatus: 0, env: 'builtin', variable: input.variable ?? [], isPrivate: input.isPrivate ?? false,
      notification: { to: input.notification ?? [], cc: input.cc ?? [] }, extension: null, isIncremental: false, sourceId: 0,
      tenantId: user.tenantId, slot, steps: project.workflow.map((s) => ({ id: s.id, moduleId: s.moduleId, status: JobStatus.CREATED })),
    }
    await this.jobs.save(job)
    await this.jobs.log(id, `job created by user ${user.autoKey} for project ${projectId}`)
    try {
      await this.queue().enqueue(ZETYUN_TASK, `zetyun-${id}`, { jobId: id })
    } catch (err) {
      await this.jobs.releaseSlot(user.autoKey, slot)
      await this.jobs.save({ ...job, status: JobStatus.FAILED, endTime: new Date(this.now()).toISOString(), slot: null })
      throw err
    }
    return publicJob(job)
  }

  /** 404 for missing, other tenant, or another user's private job (admins see all of their tenant). */
  async visible (user: ZyUser, id: number): Promise<StoredJob> {
    const j = await this.jobs.get(id)
    if (j === null || j.tenantId !== user.tenantId) throw notFound()
    if (j.isPrivate && j.creator !== Number(user.autoKey) && !isAdmin(user)) throw notFound()
    return withOpStatus(this.jobs, j)
  }

  async status (user: ZyUser, id: number): Promise<JobView> {
    const j = await this.visible(user, id)
    return { ...publicJob(j), steps: j.steps }
  }

  async onlyStatus (user: ZyUser, id: number): Promise<{ status: number, opStatus: number }> {
    const j = await this.visible(user, id)
    return { status: j.status, opStatus: j.opStatus }
  }

  async list (user: ZyUser, q: PageQuery & { projectId?: number, status?: number }): Promise<Paged<ZyJob>> {
    const mine = Number(user.autoKey)
    const all = (await this.jobs.tenantJobs(user.tenantId)).filter((j) =>
      (!j.isPrivate || j.creator === mine || isAdmin(user)) &&
      (q.projectId === undefined || j.projectId === q.projectId) && (q.status === undefined || j.status === q.status))
    const page = paginate(all.map((j) => ({ ...j, id: j.autoKey })), q, JOB_ORDER_KEYS, 'createdTime')
    const data = await Promise.all(page.data.map(async ({ id: _id, ...j }) => publicJob(await withOpStatus(this.jobs, j))))
    return { ...page, data }
  }

  /** §B.4: queued → cancelled now; running → opStatus 1 until the runner stops; terminal: 200 if cancelled, else 409. */
  async stop (user: ZyUser, id: number): Promise<ZyJob> {
    const j = await this.visible(user, id)
    if (j.status === JobStatus.CANCELLED) return publicJob(j)
    if (isTerminal(j.status)) throw new ZetyunError('conflict', 'The job has already finished.')
    if (j.status === JobStatus.CREATED && await this.jobs.claim(id, 'cancel')) {
      const done: StoredJob = { ...j, status: JobStatus.CANCELLED, opStatus: 0, endTime: new Date(this.now()).toISOString(), slot: null }
      done.steps = done.steps.map((s) => ({ ...s, status: JobStatus.CANCELLED }))
      await this.jobs.releaseSlot(String(j.creator), j.slot)
      await this.jobs.save(done)
      await this.jobs.log(id, 'job cancelled before it started')
      await this.queue().cancel(`zetyun-${id}`)
      return publicJob(done)
    }
    await this.jobs.requestStop(id)
    await this.jobs.log(id, 'stop requested')
    return publicJob(await withOpStatus(this.jobs, (await this.jobs.get(id))!))
  }

  async log (user: ZyUser, id: number, offset: number, limit: number): Promise<Awaited<ReturnType<JobStore['readLog']>> & { complete: boolean }> {
    const j = await this.visible(user, id)
    const page = await this.jobs.readLog(id, offset, limit)
    return { ...page, complete: isTerminal(j.status) && page.nextOffset >= page.total }
  }

  async outputs (user: ZyUser, id: number): Promise<{ name: string, contentType: string, bytes: number }[]> {
    await this.visible(user, id)
    return this.jobs.artifacts(id)
  }

  async output (user: ZyUser, id: number, name: string): Promise<{ contentType: string, content: string }> {
    await this.visible(user, id)
    const a = await this.jobs.artifact(id, name)
    if (a === null) throw notFound()
    return a
  }
}
