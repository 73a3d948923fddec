// The Koodrive route family: /koodrive/ose/v1/session/… (session API + built-in login page).
// Strict (non-coercing) validation, path-only request logs, X-Traceid, no-store on every answer.
import type { FastifyInstance } from 'fastify'
import koodriveAuth, { koodriveFormat } from '../../plugins/app/koodrive-auth.js'
import sessionRoutes from './session.js'
import loginRoutes from './login.js'
import { pathOnlyRequestLogs, useStrictValidation } from './strict-validation.js'
import { traceIds } from './trace.js'

export const KOODRIVE_PREFIX = '/koodrive/ose/v1/session'

export default async function koodriveRoutes (fastify: FastifyInstance): Promise<void> {
  // app.ts normally registers the plugin at the root (so tests and the CLI see fastify.koodrive);
  // registering it here as well keeps the family self-contained when mounted on its own.
  if (!fastify.hasDecorator('koodrive')) await fastify.register(koodriveAuth)
  await fastify.register(async function koodriveFamily (scope) {
    useStrictValidation(scope)
    pathOnlyRequestLogs(scope)
    traceIds(scope)
    // RFC 6749 §5.1: token-bearing answers must not be cached; simplest to say it on all of them.
    scope.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'no-store').header('pragma', 'no-cache')
    })
    // Unknown paths under the prefix answer in the family's envelope too.
    scope.setNotFoundHandler((request, reply) => {
      const { statusCode, body } = koodriveFormat({ statusCode: 404, message: 'not found', code: 'NOT_FOUND' }, request, reply)
      return reply.code(statusCode).send(body)
    })
    await scope.register(sessionRoutes)
    await scope.register(loginRoutes)
  }, { prefix: KOODRIVE_PREFIX })
}
