// The shared auth decorator `fastify.auth`, used by all three API families:
//   preHandler: fastify.auth.sqlflow      userId + token (form/query) or `Authorization: Token <t>`
//   preHandler: fastify.auth.bearer       `Authorization: Bearer <t>` → registered verifier (Koodrive)
//   preHandler: fastify.auth.accessToken  `X-Access-Token: <t>` → registered verifier (Zetyun)
// On success `request.identity` is set; on failure an HttpError goes to the one error handler,
// which formats it per route family. Verifiers are plugged in later; until then those hooks fail closed.
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyRequest, FastifyReply } from 'fastify'
import type { AuthMode } from '../../config.js'
import { ANONYMOUS_USER_ID } from '../../services/users.js'
import { HttpError } from './errors.js'
import { SqlflowError } from './sqlflow/params.js'
import { paramsFromParsed } from './sqlflow/transport.js'

export interface Identity {
  kind: 'sqlflow' | 'bearer' | 'accessToken'
  userId: string
  tenantId?: string
  roles?: string[]
  /** true for the on-prem anonymous user `gudu|0123456789` */
  anonymous?: boolean
  sessionId?: string
  /** verifier-specific data (Koodrive user info, Zetyun user record, …) */
  claims?: Record<string, unknown>
}

/** Returns the identity for a valid token, or null to refuse. Never throw for a merely bad token. */
export type TokenVerifier = (token: string, request: FastifyRequest) => Promise<Omit<Identity, 'kind'> | null>
type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<void>

export interface AuthDecorator {
  readonly mode: AuthMode
  sqlflow: Guard
  bearer: Guard
  accessToken: Guard
  registerBearerVerifier(fn: TokenVerifier): void
  registerAccessTokenVerifier(fn: TokenVerifier): void
  /** HS256 JWT, 24 h, `sub` = userId */
  issueSqlflowToken(userId: string): string
}

declare module 'fastify' {
  interface FastifyInstance { auth: AuthDecorator }
  interface FastifyRequest { identity: Identity | null }
}

export const SQLFLOW_TOKEN_TTL = '24h'
const AUDIENCE = 'gudusoft' // as in the official sample tokens

/** `Token <t>` (widget, C#) or a bare `<t>` (deprecated python client); "Token " alone = none. */
export function sqlflowHeaderToken (header: string | undefined): string | undefined {
  if (header === undefined) return undefined
  const m = /^\s*Token(?:\s+(.*))?$/i.exec(header)
  const token = (m === null ? header : m[1] ?? '').trim()
  // Anything else with a scheme (Bearer, Basic) is not a SQLFlow token.
  return token === '' || /\s/.test(token) ? undefined : token
}

/** `Bearer <t>` or the docs' literal `Bearer+<t>`, scheme case-insensitive. */
export function bearerToken (header: string | undefined): string | undefined {
  const m = header === undefined ? null : /^\s*Bearer[ +]+(\S+)\s*$/i.exec(header)
  return m?.[1]
}

export default fp(async function authPlugin (fastify: FastifyInstance) {
  const mode = fastify.config.authMode
  const verifiers: { bearer?: TokenVerifier, accessToken?: TokenVerifier } = {}
  fastify.decorateRequest('identity', null)

  function verifyJwt (token: string): string {
    let claims: { sub?: unknown }
    try {
      claims = fastify.jwt.verify<{ sub?: unknown }>(token, { allowedAud: AUDIENCE })
    } catch (err) {
      const expired = (err as { code?: string }).code === 'FAST_JWT_EXPIRED'
      throw new SqlflowError(403, expired ? 'token has expired, generate a new one' : 'token is invalid', expired ? 'AUTH_TOKEN_EXPIRED' : 'AUTH_TOKEN_INVALID')
    }
    if (typeof claims.sub !== 'string') throw new SqlflowError(403, 'token is invalid', 'AUTH_TOKEN_INVALID')
    return claims.sub
  }

  async function sqlflow (request: FastifyRequest): Promise<void> {
    const params = request.sqlflow?.params ?? paramsFromParsed(request)
    const userId = params.str('userId')?.trim()
    const known = async (id: string) => (mode === 'onprem' && id === ANONYMOUS_USER_ID) || await fastify.users.exists(id)
    if (userId !== undefined && !await known(userId)) throw new SqlflowError(401, 'userId is invalid', 'AUTH_UNKNOWN_USER')
    if (mode === 'onprem') {
      // spec §1.3: on-prem accepts any token, including none, but needs a userId
      if (userId === undefined) throw new SqlflowError(401, 'userId is required', 'AUTH_NO_USER')
      request.identity = { kind: 'sqlflow', userId, anonymous: userId === ANONYMOUS_USER_ID }
      return
    }
    const token = params.str('token')?.trim() || sqlflowHeaderToken(request.headers.authorization)
    if (token === undefined) {
      if (userId === undefined) throw new SqlflowError(401, 'userId is required', 'AUTH_NO_USER')
      throw new SqlflowError(403, 'token is required', 'AUTH_NO_TOKEN')
    }
    const subject = verifyJwt(token)
    // A token is bound to its user: someone else's token never works with your userId.
    if (userId !== undefined && subject !== userId) throw new SqlflowError(403, 'token was not issued to this userId', 'AUTH_TOKEN_USER')
    if (userId === undefined && !await known(subject)) throw new SqlflowError(401, 'userId is invalid', 'AUTH_UNKNOWN_USER')
    request.identity = { kind: 'sqlflow', userId: subject }
  }

  function viaVerifier (kind: 'bearer' | 'accessToken', extract: (r: FastifyRequest) => string | undefined): Guard {
    return async function (request, reply) {
      const token = extract(request)
      const verify = verifiers[kind]
      if (verify === undefined) request.log.warn({ kind }, 'no token verifier registered; refusing')
      const found = token === undefined || verify === undefined ? null : await verify(token, request)
      if (found === null) {
        if (kind === 'bearer') reply.header('WWW-Authenticate', 'Bearer error="invalid_token"')
        // One message for missing/wrong/expired so the answer is not an oracle.
        throw new HttpError(401, 'missing or invalid access token', kind === 'bearer' ? 'AUTH_BEARER' : 'AUTH_ACCESS_TOKEN')
      }
      request.identity = { ...found, kind }
    }
  }

  const register = (kind: 'bearer' | 'accessToken') => (fn: TokenVerifier) => {
    if (verifiers[kind] !== undefined) throw new Error(`a ${kind} verifier is already registered`)
    verifiers[kind] = fn
  }

  fastify.decorate('auth', {
    mode,
    sqlflow: async (request: FastifyRequest) => { await sqlflow(request) },
    bearer: viaVerifier('bearer', (r) => bearerToken(r.headers.authorization)),
    // Header only: tokens in query strings end up in logs and browser history.
    accessToken: viaVerifier('accessToken', (r) => {
      const h = r.headers['x-access-token']
      const v = (Array.isArray(h) ? h[0] : h)?.trim()
      return v === undefined || v === '' ? undefined : v
    }),
    registerBearerVerifier: register('bearer'),
    registerAccessTokenVerifier: register('accessToken'),
    issueSqlflowToken: (userId: string) => fastify.jwt.sign({ sub: userId, aud: AUDIENCE }, { expiresIn: SQLFLOW_TOKEN_TTL }),
  } satisfies AuthDecorator)
}, { name: 'auth', dependencies: ['config', 'jwt', 'users', 'errors'] })
