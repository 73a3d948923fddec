// POST /user (admin only), GET /user (admin listing), POST /user/login, POST /user/gentoken.
import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ZetyunError, isAdmin, publicUser } from '../../services/zetyun/index.js'
import { CreateUserBody, LoginBody, TokenView, UserView, ZyOk } from '../../schemas/zetyun.js'
import { ZY_BODY_LIMIT, caller, config, errors, security } from './common.js'

export default async function userRoutes (fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { users } = fastify.zetyun
  const attempts = { max: fastify.config.rateLimit.tokenMax, timeWindow: fastify.config.rateLimit.windowMs }

  app.post('/user', {
    bodyLimit: ZY_BODY_LIMIT,
    config: { ...config, rateLimit: attempts },
    preHandler: fastify.auth.accessToken,
    schema: {
      tags: ['zetyun'], summary: 'Create a secondary user (administrators only)', security,
      description: 'Form or JSON. The password is stored as a scrypt hash; `pwdhash` and `token` are always null in the answer. Client-sent group/status/info are ignored.',
      consumes: ['application/x-www-form-urlencoded', 'application/json'],
      body: CreateUserBody, response: { 200: ZyOk(UserView), ...errors },
    },
  }, async (request) => {
    const admin = caller(request)
    if (!isAdmin(admin)) throw new ZetyunError('forbidden', 'Only administrators can create users.')
    const user = await users.createSecondary(admin, request.body)
    request.log.info({ autoKey: user.autoKey }, 'zetyun user created')
    return { code: 0 as const, data: publicUser(user) as never }
  })

  app.get('/user', {
    config,
    preHandler: fastify.auth.accessToken,
    schema: { tags: ['zetyun'], summary: 'Users of your tenant (administrators only)', security, response: { 200: ZyOk(Type.Array(UserView)), ...errors } },
  }, async (request) => {
    const me = caller(request)
    if (!isAdmin(me)) throw new ZetyunError('forbidden', 'Only administrators can list users.')
    return { code: 0 as const, data: (await users.listTenant(me.tenantId)).map(publicUser) as never }
  })

  app.post('/user/login', {
    bodyLimit: ZY_BODY_LIMIT,
    config: { ...config, rateLimit: attempts },
    schema: {
      tags: ['zetyun'], summary: 'Name + password → a new X-Access-Token (the previous one stops working)',
      consumes: ['application/x-www-form-urlencoded', 'application/json'], body: LoginBody, response: { 200: ZyOk(TokenView), ...errors },
    },
  }, async (request) => {
    const found = await users.login(request.body.name, request.body.password)
    if (found === null) throw new ZetyunError('unauthorized', 'Wrong name or password.')
    return { code: 0 as const, data: { token: found.token } }
  })

  app.post('/user/gentoken', {
    config,
    preHandler: fastify.auth.accessToken,
    schema: { tags: ['zetyun'], summary: 'Rotate your X-Access-Token; the old one is revoked at once', security, response: { 200: ZyOk(TokenView), ...errors } },
  }, async (request) => ({ code: 0 as const, data: { token: await users.rotateToken(caller(request)) } }))
}
