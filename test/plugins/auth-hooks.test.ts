// Bearer (Koodrive) and X-Access-Token (Zetyun) hook points on fastify.auth: header parsing,
// registered verifiers, fail-closed without one, identity on the request, no query tokens.
import t from 'tap'
import { Type } from 'typebox'
import type { FastifyInstance } from 'fastify'
import Fastify from 'fastify'
import { fastifyOptions } from '../../app.js'
import { testConfig } from '../helpers/build-app.js'
import configPlugin from '../../plugins/app/config.js'
import errors from '../../plugins/app/errors.js'
import jwt from '../../plugins/external/jwt.js'
import store from '../../plugins/app/store/index.js'
import users from '../../plugins/app/users.js'
import auth, { bearerToken, sqlflowHeaderToken } from '../../plugins/app/auth.js'

// Only the auth layer and its dependencies: the full app already registers the real Koodrive and
// Zetyun verifiers, and a second registration is refused by design.
async function buildAuthOnly (t: { teardown(fn: () => unknown): void }, extra: (f: FastifyInstance) => Promise<void>): Promise<FastifyInstance> {
  const config = testConfig()
  const fastify = Fastify(fastifyOptions(config, false))
  for (const plugin of [errors, jwt, store, users, auth]) {
    if (plugin === errors) await fastify.register(configPlugin, { config })
    await fastify.register(plugin)
  }
  await fastify.register(extra)
  await fastify.ready()
  t.teardown(() => fastify.close())
  return fastify
}

const Whoami = Type.Object({ kind: Type.String(), userId: Type.String(), tenantId: Type.Optional(Type.String()) })

function routes (register: boolean) {
  return async (fastify: FastifyInstance) => {
    if (register) {
      fastify.auth.registerBearerVerifier(async (token) => token === 'a'.repeat(48) ? { userId: 'u1', tenantId: 't1' } : null)
      fastify.auth.registerAccessTokenVerifier(async (token) => token === 'zet-token' ? { userId: 'admin', roles: ['admin'] } : null)
    }
    const schema = { tags: ['ops'], summary: 'test', response: { 200: Whoami } }
    fastify.get('/t/bearer', { schema, preHandler: fastify.auth.bearer }, async (req) => req.identity!)
    fastify.get('/t/access', { schema, preHandler: fastify.auth.accessToken }, async (req) => req.identity!)
  }
}

t.test('verifiers registered', async (t) => {
  const app = await buildAuthOnly(t, routes(true))
  const get = async (url: string, headers: Record<string, string> = {}) => await app.inject({ method: 'GET', url, headers })

  for (const h of [`Bearer ${'a'.repeat(48)}`, `bearer ${'a'.repeat(48)}`, `Bearer+${'a'.repeat(48)}`]) {
    const r = await get('/t/bearer', { authorization: h })
    t.equal(r.statusCode, 200, h.slice(0, 7))
    t.same(r.json(), { kind: 'bearer', userId: 'u1', tenantId: 't1' })
  }
  for (const h of [undefined, 'Bearer ', 'Basic abc', `Bearer ${'b'.repeat(48)}`]) {
    const r = await get('/t/bearer', h === undefined ? {} : { authorization: h })
    t.equal(r.statusCode, 401, `refused: ${String(h)}`)
    t.same(r.json(), { code: 401, error: 'missing or invalid access token' })
    t.equal(r.headers['www-authenticate'], 'Bearer error="invalid_token"')
  }
  t.equal((await get(`/t/bearer?access_token=${'a'.repeat(48)}`)).statusCode, 401, 'never from the query string')

  const ok = await get('/t/access', { 'x-access-token': 'zet-token' })
  t.equal(ok.statusCode, 200)
  t.same(ok.json(), { kind: 'accessToken', userId: 'admin' })
  t.equal((await get('/t/access', { 'x-access-token': 'wrong' })).statusCode, 401)
  t.equal((await get('/t/access')).statusCode, 401)
  t.equal((await get('/t/access?token=zet-token')).statusCode, 401, 'never from the query string')
  t.throws(() => app.auth.registerBearerVerifier(async () => null), /already registered/)
})

t.test('no verifier registered: fail closed', async (t) => {
  const app = await buildAuthOnly(t, routes(false))
  t.equal((await app.inject({ method: 'GET', url: '/t/bearer', headers: { authorization: `Bearer ${'a'.repeat(48)}` } })).statusCode, 401)
  t.equal((await app.inject({ method: 'GET', url: '/t/access', headers: { 'x-access-token': 'zet-token' } })).statusCode, 401)
})

t.test('family error formats apply to auth failures', async (t) => {
  const app = await buildAuthOnly(t, async (fastify) => {
    fastify.errorFormats.set('zetyun-test', (err) => ({ statusCode: err.statusCode, body: { code: err.statusCode === 401 ? 40101 : 50001, msg: err.message, data: null } }))
    fastify.get('/t/z', { schema: { tags: ['zetyun'], summary: 'test', response: { 200: Type.Object({}) } }, config: { family: 'zetyun-test' }, preHandler: fastify.auth.accessToken }, async () => ({}))
  })
  const r = await app.inject({ method: 'GET', url: '/t/z' })
  t.equal(r.statusCode, 401)
  t.same(r.json(), { code: 40101, msg: 'missing or invalid access token', data: null })
})

t.test('header parsers', async (t) => {
  t.equal(sqlflowHeaderToken('Token abc'), 'abc')
  t.equal(sqlflowHeaderToken('token   abc '), 'abc')
  t.equal(sqlflowHeaderToken('Token '), undefined)
  t.equal(sqlflowHeaderToken('Token'), undefined)
  t.equal(sqlflowHeaderToken('abc.def.ghi'), 'abc.def.ghi')
  t.equal(sqlflowHeaderToken('Bearer abc'), undefined)
  t.equal(sqlflowHeaderToken(undefined), undefined)
  t.equal(bearerToken('Bearer x1'), 'x1')
  t.equal(bearerToken('BEARER+x1'), 'x1')
  t.equal(bearerToken('Bearer'), undefined)
  t.equal(bearerToken('Token x1'), undefined)
})
