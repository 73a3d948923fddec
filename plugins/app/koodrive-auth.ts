// Koodrive on the shared auth layer: `fastify.koodrive` (the session use cases on fastify.store),
// the Bearer verifier behind `fastify.auth.bearer`, and the 'koodrive' error envelope `{code, msg}`.
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import {
  DEFAULT_KOODRIVE, KD_ERRORS, KoodriveError, KoodriveService, kdMessage, kindOfCode, parseClients, parseLanguage, type KdErrorKind, type KdRole,
} from '../../services/koodrive/index.js'
import type { ErrorFormatter } from './errors.js'

declare module 'fastify' {
  interface FastifyInstance { koodrive: KoodriveService }
}

const KIND_BY_STATUS: Record<number, KdErrorKind> = {
  400: 'invalid_request', 401: 'invalid_token', 403: 'forbidden', 404: 'not_found', 413: 'too_large', 415: 'unsupported_media', 429: 'rate_limited',
}

export const koodriveFormat: ErrorFormatter = (err, request) => {
  const kind = kindOfCode(err.code) ?? KIND_BY_STATUS[err.statusCode] ?? 'internal'
  const lang = parseLanguage(request.headers.language)
  return { statusCode: KD_ERRORS[kind].status, body: { code: KD_ERRORS[kind].code, msg: kdMessage(kind, lang) } }
}

/** Settings from the environment (documented in README "Koodrive / Zetyun"). */
export function koodriveSettings (env: Record<string, string | undefined> = process.env): KoodriveService['settings'] {
  const int = (name: string, def: number): number => {
    const v = Number(env[name] ?? '')
    return Number.isInteger(v) && v > 0 ? v : def
  }
  return {
    codeTtlSeconds: int('KOODRIVE_CODE_TTL_SECONDS', DEFAULT_KOODRIVE.codeTtlSeconds),
    idleSeconds: int('KOODRIVE_IDLE_SECONDS', DEFAULT_KOODRIVE.idleSeconds),
    capSeconds: int('KOODRIVE_MAX_SESSION_SECONDS', DEFAULT_KOODRIVE.capSeconds),
    failureAlertPerMinute: int('KOODRIVE_FAILURE_ALERT_PER_MINUTE', 100),
    clients: parseClients(env.KOODRIVE_CLIENTS ?? 'localhost:8080=http://localhost:8080/callback'),
  }
}

/**
 * Embedded mode has no shared store the CLI could write to, so a first login-page user can come
 * from the environment: KOODRIVE_BOOTSTRAP_USER="name:organisation[:role]" + KOODRIVE_BOOTSTRAP_PASSWORD.
 * Created once; an existing user is left alone.
 */
async function bootstrapUser (koodrive: KoodriveService, fastify: FastifyInstance, env = process.env): Promise<void> {
  const spec = env.KOODRIVE_BOOTSTRAP_USER
  const password = env.KOODRIVE_BOOTSTRAP_PASSWORD
  if (spec === undefined || spec === '' || password === undefined) return
  const [userName = '', orgName = '', role = '1'] = spec.split(':')
  if (await koodrive.directory.userByName(userName) !== null) return
  if (!['0', '1', '2'].includes(role) || orgName === '') throw new Error('KOODRIVE_BOOTSTRAP_USER must be name:organisation[:0|1|2]')
  await koodrive.directory.createUser({ userName, orgName, password, role: role as KdRole })
  fastify.log.info({ userName }, 'koodrive bootstrap user created')
}

export default fp(async function koodriveAuth (fastify: FastifyInstance) {
  const koodrive = new KoodriveService(fastify.store, koodriveSettings())
  fastify.decorate('koodrive', koodrive)
  await bootstrapUser(koodrive, fastify)
  fastify.errorFormats.set('koodrive', koodriveFormat)

  fastify.auth.registerBearerVerifier(async (token, request) => {
    try {
      const s = await koodrive.sessions.authenticate(token)
      const user = await koodrive.directory.user(s.userId)
      if (user === null) return null
      return { userId: user.userId, tenantId: user.tenantId, roles: [user.role], sessionId: s.sessionId }
    } catch (err) {
      if (!(err instanceof KoodriveError)) throw err
      request.log.info({ reason: err.message }, 'koodrive bearer refused')
      return null
    }
  })
}, { name: 'koodrive', dependencies: ['config', 'store', 'auth', 'errors'] })
