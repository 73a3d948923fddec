// The queue handler of Zetyun jobs: runs a project's workflow step by step with the built-in modules.
// Module commands are looked up in the built-in registry and nothing else: no shell, no process.
// Job variables only ever become parameter *values* of a built-in (data), never part of a command.
import type { QueuedTask } from '../ports.js'
import type { LineageRunner, SourceFile } from './builtins.js'
import { isTerminal, JobStatus, type JobStore, type StoredJob } from './jobstore.js'
import type { BuiltinRegistry, ZyModules } from './modules.js'
import type { WorkflowStep, ZyProjects } from './projects.js'

export interface RunnerDeps {
  jobs: JobStore
  projects: ZyProjects
  modules: ZyModules
  builtins: BuiltinRegistry
  engine: LineageRunner
  now?: () => number
}

/** Variables `{name, value}` (or `{key, value}`) whose name is a Param of the module override it. */
export function variableOverrides (variable: unknown[], paramNames: string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const v of variable) {
    if (v === null || typeof v !== 'object') continue
    const rec = v as Record<string, unknown>
    const name = typeof rec.name === 'string' ? rec.name : typeof rec.key === 'string' ? rec.key : undefined
    if (name !== undefined && paramNames.includes(name) && typeof rec.value === 'string') out[name] = rec.value
  }
  return out
}

export function createZetyunHandler (deps: RunnerDeps): (task: QueuedTask) => Promise<{ status: number }> {
  const now = deps.now ?? Date.now
  const iso = (): string => new Date(now()).toISOString()

  async function finish (job: StoredJob, status: number, line: string): Promise<{ status: number }> {
    const done: StoredJob = { ...job, status, opStatus: 0, endTime: iso(), slot: null }
    // Slot first: a client that sees the terminal state may start its next job at once.
    await deps.jobs.releaseSlot(String(job.creator), job.slot)
    await deps.jobs.save(done)
    await deps.jobs.log(job.autoKey, line)
    return { status }
  }

  async function runStep (job: StoredJob, step: WorkflowStep, files: SourceFile[]): Promise<void> {
    const mod = await deps.modules.get(job.tenantId, step.moduleId)
    const builtin = deps.builtins.byCmd(mod.spec.Cmd)
    if (builtin === undefined) throw new Error(`module "${mod.name}" is not a built-in module; its command is never executed`)
    const defaults = Object.fromEntries(Object.entries(mod.spec.Param).map(([k, p]) => [k, p.Default]))
    const params = { ...defaults, ...step.params, ...variableOverrides(job.variable, Object.keys(mod.spec.Param)) }
    const wanted = new Set(Object.values(step.inputs).flat())
    const ctx = { files: files.filter((f) => wanted.has(f.name)), params, log: (l: string) => deps.jobs.log(job.autoKey, `[${step.id}] ${l}`) }
    for (const a of await builtin.run(deps.engine, ctx)) await deps.jobs.putArtifact(job.autoKey, { ...a, name: `${step.id}/${a.name}` })
  }

  return async function handle (task) {
    const jobId = Number((task.payload as { jobId?: unknown }).jobId)
    const loaded = Number.isSafeInteger(jobId) ? await deps.jobs.get(jobId) : null
    // A cancelled-while-queued job, or a retry after the job already started, has nothing to do.
    if (loaded === null || isTerminal(loaded.status) || !(await deps.jobs.claim(jobId, 'run'))) return { status: loaded?.status ?? -1 }
    let job: StoredJob = { ...loaded, status: JobStatus.RUNNING, startTime: iso() }
    await deps.jobs.save(job)
    await deps.jobs.log(jobId, 'job started')
    try {
      const project = await deps.projects.get(job.tenantId, job.projectId)
      const files = await deps.projects.files(job.tenantId, job.projectId)
      for (const step of project.workflow) {
        if (await deps.jobs.stopRequested(jobId)) return await finish(job, JobStatus.CANCELLED, 'job cancelled on request')
        job = await setStep(deps.jobs, job, step.id, JobStatus.RUNNING)
        await runStep(job, step, files)
        job = await setStep(deps.jobs, job, step.id, JobStatus.SUCCEEDED)
      }
      return await finish(job, JobStatus.SUCCEEDED, 'job succeeded')
    } catch (err) {
      const failedAt = job.steps.find((s) => s.status === JobStatus.RUNNING)
      if (failedAt !== undefined) job = await setStep(deps.jobs, job, failedAt.id, JobStatus.FAILED)
      return await finish(job, JobStatus.FAILED, `job failed: ${(err as Error).message}`)
    }
  }
}

async function setStep (jobs: JobStore, job: StoredJob, stepId: string, status: number): Promise<StoredJob> {
  const next = { ...job, steps: job.steps.map((s) => (s.id === stepId ? { ...s, status } : s)) }
  await jobs.save(next)
  return next
}
