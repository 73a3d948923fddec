// Koodrive OSE session endpoints (spec §A.2) under /koodrive/ose/v1/session. JSON bodies only
// (anything else is a 415), 8 KiB body limit, the 'koodrive' error envelope, X-Traceid echoed.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { kdMessage, KoodriveError, parseLanguage } from '../../services/koodrive/index.js'
import {
  AuthCodeUrlQuery, AuthCodeUrlResponse, AuthResponse, CreateSessionBody, CreateSessionResponse, KdError, KdHeaders,
  LogoffResponse, RefreshHeaders, RefreshResponse,
} from '../../schemas/koodrive.js'

export const SESSION_BODY_LIMIT = 8 * 1024

const errors = { 400: KdError, 401: KdError, 413: KdError, 415: KdError, 429: KdError, 500: KdError }
const ok = (request: FastifyRequest): string => kdMessage('success', parseLanguage(request.headers.language))

export default async function sessionRoutes (fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const koodrive = fastify.koodrive
  const config = { family: 'koodrive' }
  const bearerOnly = { security: [{ bearer: [] }] }

  // Only JSON: text/plain and forms are a 415 here; proto-poisoned JSON is a 400.
  fastify.removeAllContentTypeParsers()
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, fastify.getDefaultJsonParser('error', 'error'))

  async function countFailure (request: FastifyRequest): Promise<void> {
    const minute = Math.floor(Date.now() / 60_000)
    const n = await fastify.store.incr(`kd:codefail:${minute}`, 120)
    if (n === (koodrive.settings.failureAlertPerMinute ?? 100)) request.log.warn({ alert: 'koodrive_code_failures', perMinute: n }, 'many failed authorization codes: possible brute force')
  }

  app.post('/', {
    bodyLimit: SESSION_BODY_LIMIT,
    config: { ...config, rateLimit: { max: fastify.config.rateLimit.tokenMax, timeWindow: fastify.config.rateLimit.windowMs } },
    schema: {
      tags: ['koodrive'], summary: 'Create a session from a one-time authorization code',
      description: 'Also served without the trailing slash. Every unknown, expired, replayed, wrong-domain or wrong-verifier code gets the identical 400/11000001 answer; a replayed code also revokes the sessions issued from it.',
      headers: KdHeaders, body: CreateSessionBody, response: { 200: CreateSessionResponse, ...errors },
    },
  }, async (request, reply) => {
    const { code, domain, code_verifier: verifier } = request.body
    try {
      const data = await koodrive.createSession(code, domain, verifier)
      request.log.info({ userId: data.userId }, 'koodrive session created')
      return reply.send({ code: 0 as const, msg: ok(request), data })
    } catch (err) {
      if (err instanceof KoodriveError && err.kind === 'invalid_grant') await countFailure(request)
      throw err
    }
  })

  app.get('/authCodeURL', {
    config,
    schema: { tags: ['koodrive'], summary: 'Authorize URL of the built-in login page for an allow-listed domain', headers: KdHeaders, querystring: AuthCodeUrlQuery, response: { 200: AuthCodeUrlResponse, ...errors } },
  }, async (request) => {
    const redirectUri = koodrive.redirectUriFor(request.query.domain)
    // domain is only ever matched against the allow-list, never used to build a URL (no open redirect).
    if (redirectUri === undefined) throw new KoodriveError('invalid_request', 'domain not in KOODRIVE_CLIENTS')
    const q = new URLSearchParams({ response_type: 'code', client_id: request.query.domain.toLowerCase(), scope: 'phone profile email', redirect_uri: redirectUri })
    return { code: 0 as const, msg: ok(request), uri: `${fastify.prefix}/oauth2/authorize?${q.toString()}`, orgIdHost: '' }
  })

  app.post('/refresh', {
    bodyLimit: SESSION_BODY_LIMIT,
    config,
    preHandler: fastify.auth.bearer,
    schema: { tags: ['koodrive'], summary: 'Rotate the access token (the old one stops working)', ...bearerOnly, headers: RefreshHeaders, response: { 200: RefreshResponse, ...errors } },
  }, async (request) => {
    const { token, session } = await koodrive.sessions.refresh(request.identity!.sessionId!, request.headers['x-session-id'])
    const accessToken = `Bearer ${token}`
    return { code: 0 as const, msg: ok(request), accessToken, data: { accessToken, sessionId: session.sessionId } }
  })

  app.get('/auth', {
    config,
    preHandler: fastify.auth.bearer,
    schema: { tags: ['koodrive'], summary: 'Check the session and return the user (OrgUserInfo)', ...bearerOnly, headers: KdHeaders, response: { 200: AuthResponse, ...errors } },
  }, async (request) => ({ code: 0 as const, msg: ok(request), data: await koodrive.whoAmI(request.identity!.userId) }))

  app.get('/logoff', {
    config,
    preHandler: fastify.auth.bearer,
    schema: { tags: ['koodrive'], summary: 'Sign out: revoke the token and the session', ...bearerOnly, headers: KdHeaders, response: { 200: LogoffResponse, ...errors } },
  }, async (request) => {
    await koodrive.sessions.logoff(request.identity!.sessionId!)
    return { code: 0 as const, msg: ok(request) }
  })
}

