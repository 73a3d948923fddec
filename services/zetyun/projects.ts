// Projects: a workflow of modules with their inputs (the project's SQL files), scoped to a tenant.
// zy:proj:<id> JSON; zy:proj:<id>:files hash name→text; zy:tenant:<tid>:projs hash id→'1'.
import type { KvStore } from '../ports.js'
import type { SourceFile } from './builtins.js'
import { ZetyunError, notFound } from './errors.js'
import type { ZyModules } from './modules.js'
import { matchesKeyword, paginate, type PageQuery, type Paged } from './paging.js'
import type { ZyUser } from './users.js'

export interface WorkflowStep {
  /** step name, unique in the project; prefixes the step's output files */
  id: string
  moduleId: number
  params: Record<string, string>
  /** module input name → project file names */
  inputs: Record<string, string[]>
}

export interface ZyProject {
  id: number
  name: string
  description: string
  creator: number
  createdTime: string
  lastModifyTime: string
  versionId: number
  workflow: WorkflowStep[]
  files: { name: string, size: number }[]
}

interface StoredProject extends ZyProject { tenantId: string }

export interface ProjectInput { name: string, description?: string, workflow: WorkflowStep[], files: SourceFile[] }

export const PROJECT_ORDER_KEYS = ['lastModifyTime', 'createdTime', 'name', 'id'] as const

export class ZyProjects {
  constructor (private readonly store: KvStore, private readonly modules: ZyModules, private readonly now: () => number = Date.now) {}

  async create (user: ZyUser, input: ProjectInput): Promise<ZyProject> {
    await this.checkWorkflow(user.tenantId, input)
    const id = await this.store.incr('zy:seq:project')
    const t = new Date(this.now()).toISOString()
    const p: StoredProject = {
      id, name: input.name, description: input.description ?? '', creator: Number(user.autoKey), createdTime: t, lastModifyTime: t,
      versionId: 1, workflow: input.workflow, files: input.files.map((f) => ({ name: f.name, size: Buffer.byteLength(f.text) })), tenantId: user.tenantId,
    }
    if (input.files.length > 0) await this.store.hset(`zy:proj:${id}:files`, Object.fromEntries(input.files.map((f) => [f.name, f.text])))
    await this.store.setJson(`zy:proj:${id}`, p)
    await this.store.hset(`zy:tenant:${user.tenantId}:projs`, { [String(id)]: '1' })
    return strip(p)
  }

  /** Modules must be visible to the tenant, step ids unique, inputs must name files of the project. */
  private async checkWorkflow (tenantId: string, input: ProjectInput): Promise<void> {
    const names = new Set(input.files.map((f) => f.name))
    if (names.size !== input.files.length) throw new ZetyunError('validation', 'File names must be unique.')
    const steps = new Set<string>()
    for (const step of input.workflow) {
      if (steps.has(step.id)) throw new ZetyunError('validation', `Step id "${step.id}" is used twice.`)
      steps.add(step.id)
      try {
        await this.modules.get(tenantId, step.moduleId)
      } catch {
        throw new ZetyunError('validation', `Step "${step.id}": module ${step.moduleId} does not exist.`)
      }
      const missing = Object.values(step.inputs).flat().filter((f) => !names.has(f))
      if (missing.length > 0) throw new ZetyunError('validation', `Step "${step.id}": unknown input file(s): ${missing.join(', ')}`)
    }
  }

  /** 404 for missing and for another tenant's project alike (no IDOR oracle). */
  async get (tenantId: string, id: number): Promise<ZyProject> {
    const p = await this.store.getJson<StoredProject>(`zy:proj:${id}`)
    if (p === null || p.tenantId !== tenantId) throw notFound()
    return strip(p)
  }

  async files (tenantId: string, id: number): Promise<SourceFile[]> {
    const p = await this.get(tenantId, id)
    const all = await this.store.hgetall(`zy:proj:${id}:files`)
    return p.files.map((f) => ({ name: f.name, text: all[f.name] ?? '' }))
  }

  async all (tenantId: string): Promise<ZyProject[]> {
    const ids = Object.keys(await this.store.hgetall(`zy:tenant:${tenantId}:projs`))
    const ps = await Promise.all(ids.map((id) => this.store.getJson<StoredProject>(`zy:proj:${id}`)))
    return ps.filter((p): p is StoredProject => p !== null && p.tenantId === tenantId).map(strip)
  }

  async list (user: ZyUser, q: PageQuery & { keyword?: string, mine?: boolean }): Promise<Paged<ZyProject>> {
    const items = (await this.all(user.tenantId)).filter((p) =>
      (q.mine !== true || p.creator === Number(user.autoKey)) && matchesKeyword(q.keyword, p.name, p.description))
    return paginate(items, q, PROJECT_ORDER_KEYS, 'lastModifyTime')
  }

  /** How many of the tenant's projects use each module (the catalogue's refNum). */
  async moduleRefs (tenantId: string): Promise<Map<number, number>> {
    const counts = new Map<number, number>()
    for (const p of await this.all(tenantId)) {
      for (const id of new Set(p.workflow.map((s) => s.moduleId))) counts.set(id, (counts.get(id) ?? 0) + 1)
    }
    return counts
  }
}

function strip ({ tenantId: _t, ...p }: StoredProject): ZyProject {
  return p
}
