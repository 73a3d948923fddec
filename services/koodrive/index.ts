// The Koodrive session use cases, framework-free: routes translate HTTP to these calls.
import type { KvStore } from '../ports.js'
import { CodeService } from './codes.js'
import { KdDirectory, type KdUserInfo } from './directory.js'
import { KoodriveError } from './errors.js'
import type { ScryptCost } from './secrets.js'
import { SessionService } from './sessions.js'

export * from './errors.js'
export { KdDirectory, DuplicateError, type KdUser, type KdUserInfo, type KdRole } from './directory.js'
export type { SessionRecord } from './sessions.js'
export { CHALLENGE_SHAPE } from './codes.js'

export interface KoodriveSettings {
  codeTtlSeconds: number
  idleSeconds: number
  capSeconds: number
  /** allow-listed front-end domains (host[:port]) → the redirect URI codes are delivered to */
  clients: ReadonlyMap<string, string>
  /** failed code redemptions per minute (all clients) at which an alert is logged */
  failureAlertPerMinute?: number
  scryptCost?: ScryptCost
}

export const DEFAULT_KOODRIVE: Omit<KoodriveSettings, 'clients'> = { codeTtlSeconds: 60, idleSeconds: 20 * 60, capSeconds: 12 * 3600 }

/** `KOODRIVE_CLIENTS="app.example.com=https://app.example.com/cb,localhost:8080=http://localhost:8080/cb"` */
export function parseClients (value: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const entry of value.split(',').map((e) => e.trim()).filter(Boolean)) {
    const eq = entry.indexOf('=')
    const domain = entry.slice(0, eq)
    const uri = entry.slice(eq + 1)
    if (eq < 1 || !DOMAIN.test(domain) || !/^https?:\/\/[^\s]+$/.test(uri)) throw new RangeError(`bad KOODRIVE_CLIENTS entry: ${entry}`)
    out.set(domain.toLowerCase(), uri)
  }
  return out
}

/**
 * The time source of every Koodrive instance in this process. Tests move it to exercise the idle
 * timeout and the hard cap through the HTTP routes; nothing else writes it.
 */
export const kdClock = { now: (): number => Date.now() }

export const DOMAIN = /^[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?$/

export interface SessionAnswer { accessToken: string, sessionId: string, userId: string, userInfo: KdUserInfo }

export class KoodriveService {
  readonly directory: KdDirectory
  readonly codes: CodeService
  readonly sessions: SessionService

  clock: () => number = () => kdClock.now()

  constructor (store: KvStore, readonly settings: KoodriveSettings) {
    this.directory = new KdDirectory(store, settings.scryptCost)
    this.codes = new CodeService(store, { codeTtlSeconds: settings.codeTtlSeconds, replayWindowSeconds: settings.capSeconds })
    this.sessions = new SessionService(store, this.codes, settings, () => this.clock())
  }

  redirectUriFor (domain: string): string | undefined {
    return this.settings.clients.get(domain.toLowerCase())
  }

  /** Mint a code for a known user and allow-listed domain (login page and admin CLI). */
  async mintCode (userName: string, domain: string, challenge?: string): Promise<string> {
    if (this.redirectUriFor(domain) === undefined) throw new RangeError(`domain ${domain} is not in KOODRIVE_CLIENTS`)
    const user = await this.directory.userByName(userName)
    if (user === null) throw new RangeError(`no Koodrive user ${userName}`)
    return this.codes.issue({ userId: user.userId, domain: domain.toLowerCase(), ...(challenge === undefined ? {} : { challenge }) })
  }

  async createSession (code: string, domain: string | undefined, verifier: string | undefined): Promise<SessionAnswer> {
    const redeemed = await this.codes.redeem(code, domain?.toLowerCase(), verifier)
    const user = await this.directory.user(redeemed.userId)
    if (user === null) throw new KoodriveError('invalid_grant', 'user of the code no longer exists')
    const { token, session } = await this.sessions.create(user.userId, redeemed.family)
    return { accessToken: `Bearer ${token}`, sessionId: session.sessionId, userId: user.userId, userInfo: await this.directory.userInfo(user) }
  }

  /** GET /auth: OrgUserInfo, where role is a number and xHwSchema is absent (spec §A.3). */
  async whoAmI (userId: string): Promise<Omit<KdUserInfo, 'role' | 'xHwSchema'> & { role: number }> {
    const user = await this.directory.user(userId)
    if (user === null) throw new KoodriveError('invalid_token', 'user of the session no longer exists')
    const { xHwSchema: _omit, role, ...rest } = await this.directory.userInfo(user)
    return { ...rest, role: Number(role) }
  }
}
