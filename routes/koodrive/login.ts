// The built-in authorization server's login (GET/POST /oauth2/authorize): a tenant user signs in
// with name + password and is redirected to the domain's allow-listed redirect URI with a one-time
// code (and `state`). The client then exchanges the code at POST /session.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { parse as parseQuery } from 'node:querystring'
import { CHALLENGE_SHAPE } from '../../services/koodrive/index.js'
import { AuthorizeBody, AuthorizeQuery } from '../../schemas/koodrive.js'
import { errorPage, loginPage, type LoginPageFields } from './login-page.js'

type Fields = LoginPageFields & { response_type?: string, scope?: string }

export default async function loginRoutes (fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const koodrive = fastify.koodrive
  const action = `${fastify.prefix}/oauth2/authorize`

  fastify.removeAllContentTypeParsers()
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, parseQuery(body as string))
  })

  // The page's own CSP: browsers apply form-action to the redirect after submit, so the
  // client's registered origin must be allowed; framing is refused (clickjacking of the login).
  const html = (reply: FastifyReply, status: number, body: string, redirectUri?: string) => {
    const formAction = redirectUri === undefined ? "'self'" : `'self' ${new URL(redirectUri).origin}`
    return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8')
      .header('content-security-policy', `default-src 'none'; style-src 'unsafe-inline'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`)
      .send(body)
  }

  /** The client must be allow-listed and any redirect_uri must be exactly the registered one (RFC 6749 §3.1.2). */
  function checkClient (f: Fields): string | null {
    const registered = koodrive.redirectUriFor(f.client_id)
    if (registered === undefined) return null
    if (f.redirect_uri !== undefined && f.redirect_uri !== registered) return null
    if (f.code_challenge !== undefined && !CHALLENGE_SHAPE.test(f.code_challenge)) return null
    return registered
  }

  const pageFields = (f: Fields): LoginPageFields => ({
    client_id: f.client_id, redirect_uri: f.redirect_uri, state: f.state, code_challenge: f.code_challenge, code_challenge_method: f.code_challenge_method,
  })

  app.get('/oauth2/authorize', {
    config: { family: 'koodrive' },
    schema: { tags: ['koodrive'], summary: 'Built-in login page (authorization-code flow)', querystring: AuthorizeQuery, produces: ['text/html'] },
  }, async (request, reply) => {
    // An unverified client or redirect URI is never redirected to (no open redirect).
    const redirectUri = checkClient(request.query)
    if (redirectUri === null) return html(reply, 400, errorPage('Unknown client or redirect URI.'))
    return html(reply, 200, loginPage(action, pageFields(request.query)), redirectUri)
  })

  app.post('/oauth2/authorize', {
    bodyLimit: 8 * 1024,
    config: { family: 'koodrive', rateLimit: { max: fastify.config.rateLimit.tokenMax, timeWindow: fastify.config.rateLimit.windowMs } },
    schema: { tags: ['koodrive'], summary: 'Sign in; redirects to the client with ?code=…&state=…', consumes: ['application/x-www-form-urlencoded'], body: AuthorizeBody },
  }, async (request, reply) => {
    const { username, password, ...f } = request.body
    const redirectUri = checkClient(f)
    if (redirectUri === null) return html(reply, 400, errorPage('Unknown client or redirect URI.'))
    const user = await koodrive.directory.authenticate(username, password)
    if (user === null) {
      request.log.info('koodrive login refused')
      return html(reply, 401, loginPage(action, pageFields(f), 'Wrong user name or password.'), redirectUri)
    }
    const code = await koodrive.codes.issue({ userId: user.userId, domain: f.client_id.toLowerCase(), ...(f.code_challenge === undefined ? {} : { challenge: f.code_challenge }) })
    const target = new URL(redirectUri)
    target.searchParams.set('code', code)
    if (f.state !== undefined) target.searchParams.set('state', f.state)
    request.log.info({ userId: user.userId }, 'koodrive code issued')
    return reply.code(302).header('cache-control', 'no-store').header('location', target.toString()).send()
  })
}
