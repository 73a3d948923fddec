// SQLFlow analysis sessions (spec §1.4, §2.2.3–2.2.4): the `sessionId` a generation or job response
// hands out, and what later selectedgraph / getSelectedDbObjectInfo calls need from it: the full
// model, the source texts and statement spans, the options it was made with. Stored as JSON in the
// KvStore with a TTL, so any server process sharing the Redis can answer for a session another made.
//
// Use (jobs, routes):
//   const sessions = new SessionService(store, { ttlSeconds: 86400 })
//   const s = await sessions.create({ owner: userId, dbvendor, options, sources, model, statements })
//   const again = await sessions.get(s.id, userId)          // null: unknown, expired or another user's
//   await sessions.cacheSet(s.id, key, value); await sessions.cacheGet(s.id, key)
import { randomBytes } from 'node:crypto'
import type { KvStore } from './ports.js'
import type { AnalysisResult, SqlflowModel, StatementInfo } from '../lineage/model/types.js'
import { encodeResult, lazyResult } from '../lineage/model/codec.js'
import { getParts, putParts } from './kv-parts.js'

export interface SessionSource {
  /** file name (uploads, job files); absent for a plain sqltext */
  name?: string
  text: string
  /** "0" for a single text, md5 hex of the text in multi-file sessions (spec §3.6) */
  hashCode: string
}

export interface Session {
  id: string
  /** userId that created it; nobody else may read it */
  owner: string
  dbvendor: string
  /** the request options the model was made with (free-form, for display and re-projection) */
  options: Record<string, unknown>
  sources: SessionSource[]
  /** the engine's full internal model (generation A with annotations); materialised on first read */
  readonly model: SqlflowModel
  readonly statements: StatementInfo[]
  /** epoch ms */
  createdAt: number
  /** set when the session belongs to a job */
  jobId?: string
}

/**
 * What a session is made from: the model itself (small, hand-made or already materialised), or an
 * analysis result in the engine's encoded form (model/codec.ts), which is stored as it is.
 */
export type NewSession = Omit<Session, 'id' | 'createdAt' | 'model' | 'statements'> & { id?: string } & (
  | { model: SqlflowModel, statements: StatementInfo[], result?: undefined }
  | { result: string[] | AnalysisResult, model?: undefined, statements?: undefined }
)

/** The header every get() reads first (owner check) before the body is loaded. */
type Header = Omit<Session, 'model' | 'statements' | 'sources'> & {
  /** where the encoded result lives when it is not copied into the session (a job's stored result) */
  resultAt?: string
}

export interface SessionServiceOptions {
  ttlSeconds: number
  /** key prefix inside the store (the store may add its own) */
  prefix?: string
}

/** The two published forms: `<40 hex>` (samples) and `<64 hex>_<epoch ms>` (docs). */
const SESSION_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64}_\d{1,16})$/

export function isSessionId (id: string): boolean {
  return SESSION_ID.test(id)
}

export function newSessionId (now = Date.now()): string {
  return `${randomBytes(32).toString('hex')}_${now}`
}

export class SessionService {
  private readonly prefix: string

  constructor (private readonly store: KvStore, private readonly opts: SessionServiceOptions) {
    this.prefix = opts.prefix ?? 'sqlflow:'
  }

  get ttlSeconds (): number {
    return this.opts.ttlSeconds
  }

  private key (id: string): string {
    return `${this.prefix}session:${id}`
  }

  private cacheKey (id: string, key: string): string {
    return `${this.prefix}graph:${id}:${key}`
  }

  private bodyKey (id: string): string {
    return `${this.prefix}session:${id}:body`
  }

  async create (input: NewSession): Promise<Session> {
    const { model, statements, result, sources, ...rest } = input
    const parts = result === undefined ? [JSON.stringify({ model, statements })] : Array.isArray(result) ? result : encodeResult(result)
    const header = await this.write(rest, sources, result === undefined ? 'model' : 'result', parts)
    return result === undefined ? { ...header, sources, model: model!, statements: statements! } : sessionOf(header, sources, result)
  }

  /**
   * A session over a result already in the store as kv-parts (a job's result): nothing is copied,
   * the session reads the parts where they are, and ends when they are deleted. Returns the id.
   */
  async createOver (resultAt: string, input: Omit<NewSession, 'model' | 'statements' | 'result'>): Promise<string> {
    const { sources, ...rest } = input
    return (await this.write({ ...rest, resultAt }, sources, 'ref', [])).id
  }

  /** body first, header last: a session that can be found is complete */
  private async write (rest: Omit<Header, 'id' | 'createdAt'> & { id?: string }, sources: SessionSource[], kind: 'model' | 'result' | 'ref', parts: string[]): Promise<Header> {
    const id = rest.id ?? newSessionId()
    if (!isSessionId(id)) throw new Error(`invalid session id ${id}`)
    const header: Header = { ...rest, id, createdAt: Date.now() }
    await putParts(this.store, this.bodyKey(id), parts, { ttlSeconds: this.opts.ttlSeconds, fields: { kind, sources: JSON.stringify(sources) } })
    await this.store.setJson(this.key(id), header, this.opts.ttlSeconds)
    return header
  }

  /** whether get() would find the session (only its header is read) */
  async exists (id: string, owner: string): Promise<boolean> {
    return (await this.header(id, owner)) !== null
  }

  /** another user's session answers exactly like a missing one: ids are not secrets to probe */
  private async header (id: string, owner: string): Promise<Header | null> {
    if (!isSessionId(id)) return null
    const header = await this.store.getJson<Header>(this.key(id))
    return header === null || header.owner !== owner ? null : header
  }

  /** The session when it exists, has not expired and belongs to `owner`; otherwise null. */
  async get (id: string, owner: string): Promise<Session | null> {
    const header = await this.header(id, owner)
    if (header === null) return null
    const body = await getParts(this.store, this.bodyKey(id))
    if (body === null) return null
    const sources = JSON.parse(body.fields.sources ?? '[]') as SessionSource[]
    if (body.fields.kind === 'ref') {
      const result = header.resultAt === undefined ? null : await getParts(this.store, header.resultAt)
      return result === null ? null : sessionOf(header, sources, result.parts)
    }
    if (body.fields.kind === 'result') return sessionOf(header, sources, body.parts)
    const { model, statements } = JSON.parse(body.parts[0]) as { model: SqlflowModel, statements: StatementInfo[] }
    return { ...header, sources, model, statements }
  }

  async delete (id: string): Promise<void> {
    if (!isSessionId(id)) return
    await this.store.del(this.key(id))
    await this.store.del(this.bodyKey(id))
    for (const k of await this.store.scanPrefix(this.cacheKey(id, ''))) await this.store.del(k)
  }

  /** A cached derived value (a graph response) of a session; it dies with the session. */
  async cacheGet<T> (id: string, key: string): Promise<T | null> {
    return await this.store.getJson<T>(this.cacheKey(id, key))
  }

  async cacheSet (id: string, key: string, value: unknown): Promise<void> {
    const left = await this.store.ttl(this.key(id))
    if (left === -2) return
    await this.store.setJson(this.cacheKey(id, key), value, left > 0 ? left : this.opts.ttlSeconds)
  }
}

/** A session over an analysis result: decoded on first read, its SQLFlow objects made only if `model` is read. */
function sessionOf (header: Header, sources: SessionSource[], body: string[] | AnalysisResult): Session {
  const result = Array.isArray(body) ? lazyResult(body) : () => body
  return { ...header, sources, get statements () { return result().statements }, get model () { return result().model } }
}
