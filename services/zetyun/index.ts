// The Zetyun use cases, framework-free: one object the plugin decorates and the routes call.
import type { JobQueue, KvStore } from '../ports.js'
import type { ScryptCost } from '../koodrive/secrets.js'
import type { LineageRunner } from './builtins.js'
import { JobStore } from './jobstore.js'
import { ZyJobs, ZETYUN_TASK, type JobSettings } from './jobs.js'
import { BuiltinRegistry, ZyModules } from './modules.js'
import { ZyProjects } from './projects.js'
import { createZetyunHandler } from './runner.js'
import { ZyUsers } from './users.js'

export * from './errors.js'
export { ZETYUN_TASK, publicJob, JOB_ORDER_KEYS, type JobInput } from './jobs.js'
export { JobStatus, type ZyJob } from './jobstore.js'
export { MODULE_ORDER_KEYS, BuiltinRegistry, type ZyModule, type ModuleInput } from './modules.js'
export { PROJECT_ORDER_KEYS, type ZyProject, type ProjectInput, type WorkflowStep } from './projects.js'
export { publicUser, isAdmin, GROUP_ADMIN, GROUP_USER, type ZyUser } from './users.js'
export { MAX_NUM, DEFAULT_NUM } from './paging.js'
export type { LineageRunner, SourceFile, Builtin, ModuleSpec, Artifact } from './builtins.js'

export interface ZetyunSettings extends JobSettings { scryptCost?: ScryptCost }

export const DEFAULT_ZETYUN: ZetyunSettings = { maxActivePerUser: 10, slotTtlSeconds: 6 * 3600 }

export class ZetyunService {
  readonly users: ZyUsers
  readonly builtins = new BuiltinRegistry()
  readonly modules: ZyModules
  readonly projects: ZyProjects
  readonly jobStore: JobStore
  readonly jobs: ZyJobs

  constructor (readonly store: KvStore, queue: () => JobQueue, settings: ZetyunSettings = DEFAULT_ZETYUN, now: () => number = Date.now) {
    this.users = new ZyUsers(store, settings.scryptCost, now)
    this.modules = new ZyModules(store, this.builtins, now)
    this.projects = new ZyProjects(store, this.modules, now)
    this.jobStore = new JobStore(store, now)
    this.jobs = new ZyJobs(this.jobStore, this.projects, this.modules, this.builtins, queue, settings, now)
  }

  /** Start consuming Zetyun jobs on a queue (API process in embedded mode, or a worker process). */
  async consume (queue: JobQueue, engine: LineageRunner, concurrency = 1): Promise<void> {
    const handler = createZetyunHandler({ jobs: this.jobStore, projects: this.projects, modules: this.modules, builtins: this.builtins, engine })
    await queue.process(ZETYUN_TASK, handler, concurrency)
  }
}
