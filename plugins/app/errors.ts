// The one error handler. Every failure becomes a clean JSON envelope; 5xx details go to the log
// only, never to the client. Each API family formats its own envelope through `fastify.errorFormats`,
// selected by the route's `config.family` (SQLFlow: HTTP 200 + `{code, error}`, see sqlflow/).
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

declare module 'fastify' {
  interface FastifyInstance {
    /** family name → formatter; routes pick a family with `config: { family }` */
    errorFormats: Map<string, ErrorFormatter>
  }
  interface FastifyContextConfig {
    /** which envelope errors on this route use; see CONTRIBUTING.md */
    family?: string
  }
}

/** What a formatter gets: status and a message that is safe to show. */
export interface PublicError {
  statusCode: number
  message: string
  /** machine code from Fastify/plugins/auth, e.g. FST_ERR_VALIDATION, AUTH_TOKEN_EXPIRED */
  code?: string
}

export type ErrorFormatter = (err: PublicError, request: FastifyRequest, reply: FastifyReply) => { statusCode: number, body: unknown }

/** Throw this from handlers/hooks for an expected failure with a status and a user-facing message. */
export class HttpError extends Error {
  constructor (readonly statusCode: number, message: string, readonly code?: string) { super(message) }
}

const defaultFormat: ErrorFormatter = (err) => ({ statusCode: err.statusCode, body: { code: err.statusCode, error: err.message } })

interface RawError { statusCode?: number, status?: number, code?: string, message?: string, validation?: unknown }

export function toPublicError (raw: unknown): PublicError {
  const err = (typeof raw === 'object' && raw !== null ? raw : { message: String(raw) }) as RawError
  const status = Number(err.statusCode ?? err.status)
  if (err.validation !== undefined) return { statusCode: 400, message: err.message ?? 'invalid request', code: 'FST_ERR_VALIDATION' }
  if (Number.isInteger(status) && status >= 400 && status < 500) {
    return { statusCode: status, message: err.message ?? 'bad request', code: err.code }
  }
  // 503 is deliberate (busy / under pressure); its message is written by us.
  if (status === 503) return { statusCode: 503, message: err.message ?? 'Sorry, the service is busy. Please try again later.', code: err.code }
  return { statusCode: 500, message: 'Internal server error', code: 'INTERNAL' }
}

function familyOf (request: FastifyRequest, fastify: FastifyInstance): ErrorFormatter {
  const family = request.routeOptions?.config?.family
  return (family !== undefined && fastify.errorFormats.get(family)) || defaultFormat
}

export default fp(async function errorsPlugin (fastify: FastifyInstance) {
  fastify.decorate('errorFormats', new Map<string, ErrorFormatter>())

  fastify.setErrorHandler(function (raw, request, reply) {
    const pub = toPublicError(raw)
    if (pub.statusCode >= 500) request.log.error({ err: raw }, 'request failed')
    else request.log.info({ statusCode: pub.statusCode, code: pub.code, reason: pub.message }, 'request refused')
    const { statusCode, body } = familyOf(request, fastify)(pub, request, reply)
    // Own serializer: the route's 200 schema describes success and would strip `error`.
    return reply.code(statusCode).type('application/json; charset=utf-8').serializer(JSON.stringify).send(body)
  })

  fastify.setNotFoundHandler(function (request, reply) {
    const pub = { statusCode: 404, message: `Route ${request.method}:${request.url.split('?')[0]} not found`, code: 'NOT_FOUND' }
    // Unknown SQLFlow endpoints answer in the SQLFlow envelope so its clients can read `error`.
    const sqlflow = /^(\/[^/]+)?\/gspLive_backend(\/|$)/.test(request.url) ? fastify.errorFormats.get('sqlflow') : undefined
    const { statusCode, body } = (sqlflow ?? defaultFormat)(pub, request, reply)
    return reply.code(statusCode).type('application/json; charset=utf-8').serializer(JSON.stringify).send(body)
  })
}, { name: 'errors', dependencies: ['config'] })
