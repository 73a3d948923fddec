// Module catalogue: the built-ins (visible to every tenant, read-only) plus each tenant's own modules.
// zy:mod:<id> JSON; zy:tenant:<tid>:mods hash id→'1'. Tenant module ids start at 1001.
import type { KvStore } from '../ports.js'
import { BUILTINS, type Builtin, type ModuleSpec } from './builtins.js'
import { ZetyunError, notFound } from './errors.js'
import { matchesKeyword, paginate, type PageQuery, type Paged } from './paging.js'
import type { ZyUser } from './users.js'

export interface ZyModule {
  id: number
  name: string
  description: string
  version: string
  versionId: number
  lastModifyTime: string
  creator: string
  style: { classname: string }
  templateType: number
  spec: ModuleSpec
  type: number
  tags: string[]
  refNum: number
}

interface StoredModule extends ZyModule { tenantId: string | null }

export interface ModuleInput {
  name: string
  description?: string
  version?: string
  type?: number
  tags?: string[]
  spec: ModuleSpec
}

export const MODULE_ORDER_KEYS = ['lastModifyTime', 'name', 'id', 'refNum'] as const
export const MODULE_TYPES: Readonly<Record<string, number>> = { module: 0, datasource: 1, 0: 0, 1: 1 }

/** The catalogue lists built-ins as of this server's release date, so sorting by time is stable. */
const BUILTIN_TIME = '2026-01-01T00:00:00.000Z'

/** Registry of runnable commands; tests may add one, production only has BUILTINS. */
export class BuiltinRegistry {
  private readonly items = new Map<number, Builtin>()
  constructor () { for (const b of BUILTINS) this.add(b) }
  add (b: Builtin): void { this.items.set(b.id, b) }
  all (): Builtin[] { return [...this.items.values()] }
  byCmd (cmd: string): Builtin | undefined { return this.all().find((b) => b.spec.Cmd === cmd) }
}

function builtinModule (b: Builtin): StoredModule {
  return {
    id: b.id, name: b.spec.Name, description: b.spec.Description, version: b.spec.Version, versionId: b.id,
    lastModifyTime: BUILTIN_TIME, creator: 'system', style: { classname: 'builtin-lineage' }, templateType: 0,
    spec: b.spec, type: 0, tags: b.tags, refNum: 0, tenantId: null,
  }
}

export class ZyModules {
  constructor (private readonly store: KvStore, readonly builtins: BuiltinRegistry, private readonly now: () => number = Date.now) {}

  private async tenantModules (tenantId: string): Promise<StoredModule[]> {
    const ids = Object.keys(await this.store.hgetall(`zy:tenant:${tenantId}:mods`))
    const mods = await Promise.all(ids.map((id) => this.store.getJson<StoredModule>(`zy:mod:${id}`)))
    return mods.filter((m): m is StoredModule => m !== null && m.tenantId === tenantId)
  }

  /** Everything the tenant may see; refNum counts the tenant's projects using each module. */
  async visible (tenantId: string, refCounts: Map<number, number> = new Map()): Promise<ZyModule[]> {
    const all = [...this.builtins.all().map(builtinModule), ...await this.tenantModules(tenantId)]
    return all.map(({ tenantId: _t, ...m }) => ({ ...m, refNum: refCounts.get(m.id) ?? 0 }))
  }

  async list (tenantId: string, q: PageQuery & { moduleType?: string, tags?: string, keyword?: string }, refCounts?: Map<number, number>): Promise<Paged<ZyModule>> {
    const type = q.moduleType === undefined || q.moduleType === '' ? undefined : MODULE_TYPES[q.moduleType]
    if (q.moduleType !== undefined && q.moduleType !== '' && type === undefined) throw new ZetyunError('validation', 'moduleType must be module or datasource')
    const tags = (q.tags ?? '').split(',').map((t) => t.trim().toLowerCase()).filter(Boolean)
    const items = (await this.visible(tenantId, refCounts)).filter((m) =>
      (type === undefined || m.type === type) &&
      (tags.length === 0 || m.tags.some((t) => tags.includes(t.toLowerCase()))) &&
      matchesKeyword(q.keyword, m.name, m.description))
    return paginate(items, q, MODULE_ORDER_KEYS, 'lastModifyTime')
  }

  async get (tenantId: string, id: number, refCounts?: Map<number, number>): Promise<ZyModule> {
    const m = (await this.visible(tenantId, refCounts)).find((x) => x.id === id)
    if (m === undefined) throw notFound()
    return m
  }

  async tags (tenantId: string): Promise<string[]> {
    return [...new Set((await this.visible(tenantId)).flatMap((m) => m.tags))].sort()
  }

  async create (user: ZyUser, input: ModuleInput): Promise<ZyModule> {
    const id = 1000 + await this.store.incr('zy:seq:module')
    const m: StoredModule = {
      id, name: input.name, description: input.description ?? '', version: input.version ?? input.spec.Version,
      versionId: 1, lastModifyTime: new Date(this.now()).toISOString(), creator: user.name, style: { classname: 'user-module' },
      templateType: 0, spec: input.spec, type: input.type ?? 0, tags: input.tags ?? input.spec.CategoryTags, refNum: 0, tenantId: user.tenantId,
    }
    await this.store.setJson(`zy:mod:${id}`, m)
    await this.store.hset(`zy:tenant:${user.tenantId}:mods`, { [String(id)]: '1' })
    return this.get(user.tenantId, id)
  }

  private async owned (tenantId: string, id: number): Promise<StoredModule> {
    if (this.builtins.all().some((b) => b.id === id)) throw new ZetyunError('forbidden', 'Built-in modules are read-only.')
    const m = await this.store.getJson<StoredModule>(`zy:mod:${id}`)
    if (m === null || m.tenantId !== tenantId) throw notFound()
    return m
  }

  async update (user: ZyUser, id: number, input: ModuleInput): Promise<ZyModule> {
    const m = await this.owned(user.tenantId, id)
    const next: StoredModule = {
      ...m, name: input.name, description: input.description ?? m.description, version: input.version ?? input.spec.Version,
      versionId: m.versionId + 1, lastModifyTime: new Date(this.now()).toISOString(), spec: input.spec,
      type: input.type ?? m.type, tags: input.tags ?? input.spec.CategoryTags,
    }
    await this.store.setJson(`zy:mod:${id}`, next)
    return this.get(user.tenantId, id)
  }

  async remove (user: ZyUser, id: number, inUse: boolean): Promise<void> {
    await this.owned(user.tenantId, id)
    if (inUse) throw new ZetyunError('conflict', 'The module is used by a project.')
    await this.store.hdel(`zy:tenant:${user.tenantId}:mods`, String(id))
    await this.store.del(`zy:mod:${id}`)
  }
}
