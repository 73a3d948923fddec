// Koodrive tenants and users (the built-in identity provider behind the login page).
// Keys: kd:tenant:<tid> (JSON), kd:tenant:<tid>:users (hash uid→'1', gives userCount),
// kd:orgname:<lower name> → tid, kd:user:<uid> (JSON), kd:uname:<lower name> → uid.
import type { KvStore } from '../ports.js'
import { dummyPasswordHash, hashPassword, numericId, randomHex, verifyPassword, type ScryptCost } from './secrets.js'

export type KdRole = '0' | '1' | '2'

export interface KdTenant { tenantId: string, orgId: string, orgName: string, xHwSchema: string }

export interface KdUser {
  userId: string
  innerUserId: string
  userName: string
  role: KdRole
  tenantId: string
  deptId: string
  passwordHash: string
}

/** createSession's userInfo: role as a string, every id a string (spec §A.3). */
export interface KdUserInfo {
  role: KdRole
  userName: string
  innerUserId: string
  userId: string
  tenantId: string
  orgId: string
  orgName: string
  xHwSchema: string
  userCount: number
  deptId: string
}

export const USER_NAME = /^[A-Za-z0-9_.@-]{1,64}$/

export class DuplicateError extends Error {}

export class KdDirectory {
  constructor (private readonly store: KvStore, private readonly scryptCost?: ScryptCost) {}

  /** Find the tenant of an organisation by name, creating it on first use. */
  async ensureTenant (orgName: string): Promise<KdTenant> {
    const nameKey = `kd:orgname:${orgName.toLowerCase()}`
    const existing = await this.store.get(nameKey)
    if (existing !== null) {
      const t = await this.tenant(existing)
      if (t !== null) return t
    }
    // xHwSchema would expose an internal schema name; an opaque per-tenant alias keeps the field (§A.6).
    const tenant: KdTenant = { tenantId: numericId(), orgId: numericId(), orgName, xHwSchema: `ts_${randomHex(8)}` }
    if (!(await this.store.setIfAbsent(nameKey, tenant.tenantId))) return this.ensureTenant(orgName)
    await this.store.setJson(`kd:tenant:${tenant.tenantId}`, tenant)
    return tenant
  }

  tenant (tenantId: string): Promise<KdTenant | null> {
    return this.store.getJson<KdTenant>(`kd:tenant:${tenantId}`)
  }

  async createUser (input: { orgName: string, userName: string, password: string, role: KdRole, deptId?: string }): Promise<KdUser> {
    if (!USER_NAME.test(input.userName)) throw new RangeError('userName must match ' + USER_NAME.source)
    if (input.password.length < 8 || input.password.length > 128) throw new RangeError('password must be 8..128 characters')
    const tenant = await this.ensureTenant(input.orgName)
    const user: KdUser = {
      userId: numericId(),
      innerUserId: numericId(),
      userName: input.userName,
      role: input.role,
      tenantId: tenant.tenantId,
      deptId: input.deptId ?? numericId(),
      passwordHash: await hashPassword(input.password, this.scryptCost),
    }
    if (!(await this.store.setIfAbsent(`kd:uname:${user.userName.toLowerCase()}`, user.userId))) {
      throw new DuplicateError(`user ${user.userName} already exists`)
    }
    await this.store.setJson(`kd:user:${user.userId}`, user)
    await this.store.hset(`kd:tenant:${tenant.tenantId}:users`, { [user.userId]: '1' })
    return user
  }

  user (userId: string): Promise<KdUser | null> {
    return this.store.getJson<KdUser>(`kd:user:${userId}`)
  }

  async userByName (userName: string): Promise<KdUser | null> {
    const uid = await this.store.get(`kd:uname:${userName.toLowerCase()}`)
    return uid === null ? null : this.user(uid)
  }

  /** Password login for the built-in login page; null for unknown user or wrong password alike. */
  async authenticate (userName: string, password: string): Promise<KdUser | null> {
    const user = USER_NAME.test(userName) ? await this.userByName(userName) : null
    const ok = await verifyPassword(password, user?.passwordHash ?? await dummyPasswordHash())
    return ok && user !== null ? user : null
  }

  async userInfo (user: KdUser): Promise<KdUserInfo> {
    const tenant = await this.tenant(user.tenantId)
    if (tenant === null) throw new Error('tenant record missing for user')
    const members = await this.store.hgetall(`kd:tenant:${tenant.tenantId}:users`)
    return {
      role: user.role,
      userName: user.userName,
      innerUserId: user.innerUserId,
      userId: user.userId,
      tenantId: tenant.tenantId,
      orgId: tenant.orgId,
      orgName: tenant.orgName,
      xHwSchema: tenant.xHwSchema,
      userCount: Object.keys(members).length,
      deptId: user.deptId,
    }
  }
}
