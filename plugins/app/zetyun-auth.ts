// Zetyun on the shared auth layer: `fastify.zetyun` (use cases on fastify.store), the X-Access-Token
// verifier behind `fastify.auth.accessToken` with a per-IP failure budget (token brute force → 429),
// the 'zetyun' error envelope `{code, msg, data:null}`, and the job consumer on the JobQueue.
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { DEFAULT_ZETYUN, ZY_ERRORS, ZetyunError, ZetyunService, kindOfZyCode, type ZyErrorKind } from '../../services/zetyun/index.js'
import { createLineageRunner } from '../../services/zetyun/lineage-runner.js'
import type { ErrorFormatter } from './errors.js'

declare module 'fastify' {
  interface FastifyInstance { zetyun: ZetyunService }
}

const KIND_BY_STATUS: Record<number, ZyErrorKind> = {
  400: 'validation', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 413: 'too_large', 415: 'unsupported_media', 429: 'rate_limited',
}

export const zetyunFormat: ErrorFormatter = (err, _request, reply) => {
  const own = kindOfZyCode(err.code)
  const kind = own ?? KIND_BY_STATUS[err.statusCode] ?? 'internal'
  if (kind === 'rate_limited' && !reply.hasHeader('retry-after')) reply.header('retry-after', '60')
  // Our own errors and schema messages are written for clients; anything else gets the generic text.
  const msg = own !== undefined || err.code === 'FST_ERR_VALIDATION' ? err.message : ZY_ERRORS[kind].msg
  return { statusCode: ZY_ERRORS[kind].status, body: { code: ZY_ERRORS[kind].code, msg, data: null } }
}

/** Failed X-Access-Token lookups allowed per IP per minute before every attempt gets 429. */
export const TOKEN_FAILURES_PER_MINUTE = Number(process.env.ZETYUN_TOKEN_FAILURES_PER_MINUTE ?? '') || 20

/**
 * Embedded mode: a first tenant administrator from ZETYUN_BOOTSTRAP_ADMIN="name:email" +
 * ZETYUN_BOOTSTRAP_PASSWORD (once). Its X-Access-Token is obtained with POST /user/login.
 */
async function bootstrapAdmin (zetyun: ZetyunService, fastify: FastifyInstance, env = process.env): Promise<void> {
  const spec = env.ZETYUN_BOOTSTRAP_ADMIN
  const password = env.ZETYUN_BOOTSTRAP_PASSWORD
  if (spec === undefined || spec === '' || password === undefined) return
  const [name = '', email = ''] = spec.split(':')
  if (await zetyun.users.exists(name)) return
  await zetyun.users.createTenantAdmin({ name, email, password })
  fastify.log.info({ name }, 'zetyun bootstrap administrator created')
}

export default fp(async function zetyunAuth (fastify: FastifyInstance) {
  // The same engine facade (inline or worker_threads, same budget) and the same JobQueue as the
  // SQLFlow API and its jobs: a Zetyun lineage job gives exactly the SQLFlow lineage.
  const engine = createLineageRunner((files, dbvendor) => fastify.lineage.analyze({ files }, { dbvendor }))
  const queue = fastify.jobQueue
  const zetyun = new ZetyunService(fastify.store, () => queue, DEFAULT_ZETYUN)
  // Like SQLFlow jobs: consumed here in embedded mode, otherwise by `npm run worker`.
  if (fastify.jobsConfig.embeddedWorker) await zetyun.consume(queue, engine, fastify.jobsConfig.concurrency)
  fastify.decorate('zetyun', zetyun)
  await bootstrapAdmin(zetyun, fastify)
  fastify.errorFormats.set('zetyun', zetyunFormat)

  fastify.auth.registerAccessTokenVerifier(async (token, request) => {
    const key = `zy:authfail:${request.ip}`
    if (Number(await fastify.store.get(key) ?? 0) >= TOKEN_FAILURES_PER_MINUTE) {
      fastify.log.warn({ alert: 'zetyun_token_bruteforce' }, 'access token failures over budget for a client')
      throw new ZetyunError('rate_limited', 'Too many failed access tokens. Try again later.')
    }
    const user = await zetyun.users.byToken(token)
    if (user === null) {
      await fastify.store.incr(key, 60)
      return null
    }
    return { userId: user.autoKey, tenantId: user.tenantId, roles: [user.group === 0 ? 'admin' : 'user'], claims: { user } }
  })
}, { name: 'zetyun', dependencies: ['config', 'store', 'auth', 'errors', 'jobs', 'lineage'] })
