// The Zetyun route family (X-Access-Token): users, module catalogue, projects, jobs.
// Bodies: JSON or urlencoded only (anything else 415); strict validation; path-only request logs.
import type { FastifyInstance } from 'fastify'
import { parse as parseQuery } from 'node:querystring'
import zetyunAuth from '../../plugins/app/zetyun-auth.js'
import { pathOnlyRequestLogs, useStrictValidation } from '../koodrive/strict-validation.js'
import userRoutes from './users.js'
import moduleRoutes from './modules.js'
import projectRoutes from './projects.js'
import jobRoutes from './jobs.js'

export default async function zetyunRoutes (fastify: FastifyInstance): Promise<void> {
  if (!fastify.hasDecorator('zetyun')) await fastify.register(zetyunAuth)
  await fastify.register(async function zetyunFamily (scope) {
    useStrictValidation(scope)
    pathOnlyRequestLogs(scope)
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, scope.getDefaultJsonParser('error', 'error'))
    // node:querystring gives a null-prototype object, so `__proto__=` cannot pollute anything.
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
      done(null, parseQuery(body as string))
    })
    await scope.register(userRoutes)
    await scope.register(moduleRoutes)
    await scope.register(projectRoutes)
    await scope.register(jobRoutes)
  })
}
