// SQLFlow transport (spec §1): `fastify.sqlflowRoute()` registers one endpoint under
// /gspLive_backend and <API_PREFIX>/gspLive_backend, merges query + body + multipart into
// `request.sqlflow`, validates the merged params against a TypeBox schema, applies auth, and answers
// failures as HTTP 200 `{code, error}`. Trailing slashes are ignored app-wide (app.ts routerOptions).
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods, RouteOptions } from 'fastify'
import type { TObject, TSchema } from 'typebox'
import { Compile } from 'typebox/compile'
import type { ErrorFormatter } from '../errors.js'
import { SqlflowError } from './params.js'
import { readSqlflowRequest, type SqlflowRequestData } from './transport.js'

export { SqlflowError, SqlflowParams, parseBool } from './params.js'
export type { UploadedFile, SqlflowRequestData } from './transport.js'
export { sqlflowOk, sqlflowFail } from './envelope.js'

export const SQLFLOW_BASE = '/gspLive_backend'

export interface SqlflowRouteOptions {
  /** default POST; the widget also uses GET for some endpoints */
  method?: HTTPMethods | HTTPMethods[]
  /** path after /gspLive_backend, e.g. '/sqlflow/generation/sqlflow' */
  url: string
  summary: string
  description?: string
  /** default ['sqlflow'] */
  tags?: string[]
  /** merged-parameter schema (SqlflowParamsSchema({...})): validated, and documented in OpenAPI */
  params?: TObject
  /** success body (HTTP 200) */
  response: TSchema
  /** default 'sqlflow' (userId + token). 'none' only for generateToken itself. */
  auth?: 'sqlflow' | 'none'
  /** error envelope family; default 'sqlflow' */
  family?: string
  bodyLimit?: number
  /** @fastify/rate-limit route options, e.g. { max: 10, timeWindow: 60000 } */
  rateLimit?: Record<string, unknown>
  handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>
}

declare module 'fastify' {
  interface FastifyInstance {
    sqlflowRoute(opts: SqlflowRouteOptions): void
  }
  interface FastifyRequest {
    /** set on routes registered with sqlflowRoute() before auth and the handler run */
    sqlflow: SqlflowRequestData | null
  }
}

// Merged params are validated by us, not by Fastify (bodies may be multipart); the schema on the
// route is kept so @fastify/swagger documents the fields.
const skipFastifyValidation = () => () => true

function firstProblem (check: ReturnType<typeof Compile>, value: Record<string, string>): string | undefined {
  const [e] = check.Errors(value)
  if (e === undefined) return undefined
  if (e.keyword === 'required') {
    const missing = (e.params as { requiredProperties?: string[] }).requiredProperties ?? []
    return `${missing.join(', ')} is required`
  }
  return `${e.instancePath.slice(1).replace(/\//g, '.') || 'parameters'} ${e.message}`
}

function buildRoute (fastify: FastifyInstance, opts: SqlflowRouteOptions, base: string, hide: boolean): RouteOptions {
  const method = opts.method ?? 'POST'
  const hasGet = (Array.isArray(method) ? method : [method]).includes('GET')
  const check = opts.params === undefined ? undefined : Compile(opts.params)
  const paramsDoc = opts.params === undefined ? {} : hasGet ? { querystring: opts.params } : { body: opts.params }
  return {
    method,
    url: base + opts.url,
    bodyLimit: opts.bodyLimit,
    config: { family: opts.family ?? 'sqlflow', ...(opts.rateLimit !== undefined ? { rateLimit: opts.rateLimit } : {}) },
    schema: {
      tags: opts.tags ?? ['sqlflow'],
      summary: opts.summary,
      description: (opts.description ?? '') + '\n\nFailures: HTTP 200 with `{code, error}` (401 userId, 403 token, 400 bad input, 413 too large).',
      hide,
      consumes: ['application/x-www-form-urlencoded', 'multipart/form-data', 'application/json'],
      ...paramsDoc,
      response: { 200: opts.response },
    },
    validatorCompiler: skipFastifyValidation,
    preValidation: async (request) => {
      request.sqlflow = await readSqlflowRequest(request, fastify.config.upload)
      const problem = check === undefined ? undefined : firstProblem(check, request.sqlflow.params.toObject())
      if (problem !== undefined) throw new SqlflowError(400, problem, 'BAD_PARAM')
    },
    preHandler: (opts.auth ?? 'sqlflow') === 'sqlflow' ? fastify.auth.sqlflow : [],
    handler: opts.handler,
  }
}

const sqlflowFormat: ErrorFormatter = (err) => ({ statusCode: 200, body: { code: err.statusCode, error: err.message } })
// generateToken's clients compare code with the string '200' (spec §2.1, §7.1).
const tokenFormat: ErrorFormatter = (err) => ({ statusCode: 200, body: { code: String(err.statusCode), error: err.message } })

export default fp(async function sqlflowPlugin (fastify: FastifyInstance) {
  fastify.decorateRequest('sqlflow', null)
  fastify.errorFormats.set('sqlflow', sqlflowFormat)
  fastify.errorFormats.set('sqlflow-token', tokenFormat)
  const prefixed = fastify.config.apiPrefix === '' ? [] : [fastify.config.apiPrefix + SQLFLOW_BASE]

  fastify.decorate('sqlflowRoute', function (this: FastifyInstance, opts: SqlflowRouteOptions) {
    // `this` is the calling plugin's instance, so its encapsulated hooks apply.
    this.route(buildRoute(this, opts, SQLFLOW_BASE, false))
    // The /api copy serves python/basic without nginx; hidden so /docs lists each endpoint once.
    for (const base of prefixed) this.route(buildRoute(this, opts, base, true))
  })
}, { name: 'sqlflow', dependencies: ['config', 'errors', 'auth'] })
