// Koodrive sessions: 20-minute sliding idle timeout plus an absolute cap (spec §A.5).
// kd:sess:<sid> JSON record; kd:tok:<sha256(token)> → sid. Only the token's hash is stored.
// Expiry is decided here from `lastSeen`/`createdAt` with an injectable clock (so it is testable
// and identical on every store); the store TTL only garbage-collects.
import type { KvStore } from '../ports.js'
import type { CodeService } from './codes.js'
import { KoodriveError } from './errors.js'
import { randomHex, safeEqual, sha256Hex } from './secrets.js'

export interface SessionSettings { idleSeconds: number, capSeconds: number }

export interface SessionRecord {
  sessionId: string
  userId: string
  tokenHash: string
  /** hash of the authorization code this session came from (replay revocation) */
  family: string
  createdAt: number
  lastSeen: number
}

export interface Issued { token: string, session: SessionRecord }

const TOKEN = /^[0-9a-f]{48}$/

export class SessionService {
  constructor (
    private readonly store: KvStore,
    private readonly codes: CodeService,
    private readonly settings: SessionSettings,
    private readonly now: () => number = Date.now,
  ) {}

  async create (userId: string, family: string): Promise<Issued> {
    const t = this.now()
    const token = randomHex(24)
    const session: SessionRecord = { sessionId: randomHex(16), userId, tokenHash: sha256Hex(token), family, createdAt: t, lastSeen: t }
    await this.save(session)
    return { token, session }
  }

  /** Resolve a bearer token to a live session and slide its idle window; 401 otherwise. */
  async authenticate (token: string): Promise<SessionRecord> {
    if (!TOKEN.test(token)) throw new KoodriveError('invalid_token', 'malformed bearer token')
    const tokenHash = sha256Hex(token)
    const sid = await this.store.get(`kd:tok:${tokenHash}`)
    const session = sid === null ? null : await this.store.getJson<SessionRecord>(`kd:sess:${sid}`)
    if (session === null || session.tokenHash !== tokenHash) throw new KoodriveError('invalid_token', 'unknown token')
    const t = this.now()
    const reason = t - session.lastSeen > this.settings.idleSeconds * 1000
      ? 'idle timeout'
      : t - session.createdAt >= this.settings.capSeconds * 1000
        ? 'absolute lifetime cap'
        : await this.codes.isRevoked(session.family) ? 'revoked after code replay' : null
    if (reason !== null) {
      await this.destroy(session)
      throw new KoodriveError('invalid_token', reason)
    }
    session.lastSeen = t
    await this.save(session)
    return session
  }

  /** Rotate the token of an authenticated session; x-session-id must name that same session. */
  async refresh (sessionId: string, sessionIdHeader: unknown): Promise<Issued> {
    if (typeof sessionIdHeader !== 'string' || !safeEqual(sessionIdHeader, sessionId)) {
      throw new KoodriveError('invalid_token', 'x-session-id does not match the token')
    }
    const session = await this.store.getJson<SessionRecord>(`kd:sess:${sessionId}`)
    if (session === null) throw new KoodriveError('invalid_token', 'session vanished')
    const token = randomHex(24)
    await this.store.del(`kd:tok:${session.tokenHash}`)
    session.tokenHash = sha256Hex(token)
    await this.save(session)
    return { token, session }
  }

  async logoff (sessionId: string): Promise<void> {
    const session = await this.store.getJson<SessionRecord>(`kd:sess:${sessionId}`)
    if (session !== null) await this.destroy(session)
  }

  private async save (s: SessionRecord): Promise<void> {
    const capLeftMs = s.createdAt + this.settings.capSeconds * 1000 - this.now()
    const ttl = Math.max(1, Math.ceil(Math.min(this.settings.idleSeconds * 1000, capLeftMs) / 1000) + 60)
    await this.store.setJson(`kd:sess:${s.sessionId}`, s, ttl)
    await this.store.set(`kd:tok:${s.tokenHash}`, s.sessionId, ttl)
  }

  private async destroy (s: SessionRecord): Promise<void> {
    await this.store.del(`kd:tok:${s.tokenHash}`)
    await this.store.del(`kd:sess:${s.sessionId}`)
  }
}
