// Zetyun users: tenants, admins and secondary users, API tokens (spec §B.3, §B.6).
// zy:user:<autoKey> JSON; zy:tenant:<tid>:users hash; zy:uname:<lower> / zy:email:<lower> → autoKey
// (global, so login by name is unambiguous); zy:tok:<sha256(token)> → autoKey.
import type { KvStore } from '../ports.js'
import { dummyPasswordHash, hashPassword, randomHex, sha256Hex, verifyPassword, type ScryptCost } from '../koodrive/secrets.js'
import { ZetyunError } from './errors.js'

/** group: 0 administrator, 1 secondary user (the vendor's values are unpublished; ours). */
export const GROUP_ADMIN = 0
export const GROUP_USER = 1

export interface ZyUser {
  autoKey: string
  tenantId: string
  name: string
  email: string
  passwordHash: string
  avatar: string | null
  createtime: string
  status: number
  group: number
  info: unknown
  phone: string | null
  ehcUser: unknown
  tokenHash: string | null
}

/** The documented response shape: the hash and token keys stay, always null (§B.6). */
export function publicUser (u: ZyUser): Record<string, unknown> {
  return {
    autoKey: u.autoKey, name: u.name, pwdhash: null, email: u.email, avatar: u.avatar, token: null,
    createtime: u.createtime, status: u.status, group: u.group, info: u.info, phone: u.phone, ehcUser: u.ehcUser,
  }
}

export const isAdmin = (u: ZyUser): boolean => u.group === GROUP_ADMIN

export class ZyUsers {
  constructor (private readonly store: KvStore, private readonly scryptCost?: ScryptCost, private readonly now: () => number = Date.now) {}

  /** A new tenant with its first administrator (admin CLI). Returns the admin's API token once. */
  async createTenantAdmin (input: { name: string, email: string, password: string }): Promise<{ user: ZyUser, token: string }> {
    const user = await this.insert(randomHex(8), GROUP_ADMIN, input)
    return { user, token: await this.rotateToken(user) }
  }

  /** POST /user: a secondary user in the admin's tenant. group/status come from here, never from the body. */
  async createSecondary (admin: ZyUser, input: { name: string, email: string, password: string }): Promise<ZyUser> {
    if (!isAdmin(admin)) throw new ZetyunError('forbidden')
    return this.insert(admin.tenantId, GROUP_USER, input)
  }

  private async insert (tenantId: string, group: number, input: { name: string, email: string, password: string }): Promise<ZyUser> {
    const passwordHash = await hashPassword(input.password, this.scryptCost)
    const autoKey = String(await this.store.incr('zy:seq:user'))
    const nameKey = `zy:uname:${input.name.toLowerCase()}`
    const emailKey = `zy:email:${input.email.toLowerCase()}`
    if (!(await this.store.setIfAbsent(nameKey, autoKey))) throw duplicate()
    if (!(await this.store.setIfAbsent(emailKey, autoKey))) {
      await this.store.del(nameKey)
      throw duplicate()
    }
    const user: ZyUser = {
      autoKey, tenantId, name: input.name, email: input.email, passwordHash, avatar: null,
      createtime: new Date(this.now()).toISOString(), status: 1, group, info: null, phone: null, ehcUser: null, tokenHash: null,
    }
    await this.store.setJson(`zy:user:${autoKey}`, user)
    await this.store.hset(`zy:tenant:${tenantId}:users`, { [autoKey]: '1' })
    return user
  }

  async exists (name: string): Promise<boolean> {
    return (await this.store.get(`zy:uname:${name.toLowerCase()}`)) !== null
  }

  get (autoKey: string): Promise<ZyUser | null> {
    return this.store.getJson<ZyUser>(`zy:user:${autoKey}`)
  }

  async listTenant (tenantId: string): Promise<ZyUser[]> {
    const ids = Object.keys(await this.store.hgetall(`zy:tenant:${tenantId}:users`))
    const users = await Promise.all(ids.map((id) => this.get(id)))
    return users.filter((u): u is ZyUser => u !== null).sort((a, b) => Number(a.autoKey) - Number(b.autoKey))
  }

  /** X-Access-Token → user; null for anything unknown (the caller answers one identical 401). */
  async byToken (token: unknown): Promise<ZyUser | null> {
    if (typeof token !== 'string' || !/^[0-9a-f]{48}$/.test(token)) return null
    const hash = sha256Hex(token)
    const id = await this.store.get(`zy:tok:${hash}`)
    const user = id === null ? null : await this.get(id)
    return user !== null && user.tokenHash === hash ? user : null
  }

  /** New API token; the previous one stops working at once (gentoken, §B.6). */
  async rotateToken (user: ZyUser): Promise<string> {
    const token = randomHex(24)
    if (user.tokenHash !== null) await this.store.del(`zy:tok:${user.tokenHash}`)
    user.tokenHash = sha256Hex(token)
    await this.store.setJson(`zy:user:${user.autoKey}`, user)
    await this.store.set(`zy:tok:${user.tokenHash}`, user.autoKey)
    return token
  }

  /** POST /user/login: name + password → a fresh token; null for unknown name or wrong password alike. */
  async login (name: string, password: string): Promise<{ user: ZyUser, token: string } | null> {
    const id = await this.store.get(`zy:uname:${name.toLowerCase()}`)
    const user = id === null ? null : await this.get(id)
    const ok = await verifyPassword(password, user?.passwordHash ?? await dummyPasswordHash())
    if (!ok || user === null) return null
    return { user, token: await this.rotateToken(user) }
  }
}

const duplicate = (): ZetyunError => new ZetyunError('conflict', 'A user with this name or email already exists.')
