// The root plugin: external plugins → app plugins → routes, in a fixed order. Fastify instance
// options (logger, router, limits) come from fastifyOptions() so server.ts and tests agree.
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyServerOptions } from 'fastify'
import type { AppConfig } from './config.js'
import type { KvStore } from './services/ports.js'
import configPlugin from './plugins/app/config.js'
import errors from './plugins/app/errors.js'
import helmet from './plugins/external/helmet.js'
import cors from './plugins/external/cors.js'
import formbody from './plugins/external/formbody.js'
import multipart from './plugins/external/multipart.js'
import jwt from './plugins/external/jwt.js'
import rateLimit from './plugins/external/rate-limit.js'
import underPressure from './plugins/external/under-pressure.js'
import swagger from './plugins/external/swagger.js'
import store from './plugins/app/store/index.js'
import users from './plugins/app/users.js'
import auth from './plugins/app/auth.js'
import sqlflow from './plugins/app/sqlflow/index.js'
import jobs from './plugins/app/jobs.js'
import lineage from './plugins/app/lineage.js'
import routes from './routes/index.js'
import viewer from './plugins/app/viewer.js'

export interface AppOptions {
  config: AppConfig
  /** tests inject a store (e.g. a Redis store with a unique prefix); default from config */
  store?: KvStore
}

/** Secrets must never reach the logs (spec A.6, B.6). */
export const REDACT_PATHS = [
  'req.headers.authorization', 'req.headers["x-access-token"]', 'req.headers["x-session-id"]', 'req.headers.cookie',
  'token', 'secretKey', 'password', 'accessToken',
  '*.token', '*.secretKey', '*.password', '*.accessToken',
  'body.token', 'body.secretKey', 'body.password',
]

// The deprecated python client sends the token in the query string: never log it.
const SECRET_QUERY = /([?&](?:token|secretKey|password|access_token|accessToken|code)=)[^&#]*/gi
export const redactUrl = (url: string): string => url.replace(SECRET_QUERY, '$1[redacted]')

const reqSerializer = (req: { method: string, url: string, host?: string, ip?: string, socket?: { remotePort?: number } }) =>
  ({ method: req.method, url: redactUrl(req.url), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort })

export function fastifyOptions (config: AppConfig, logger: FastifyServerOptions['logger'] = true): FastifyServerOptions {
  return {
    logger: logger === false ? false : { level: config.logLevel, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, serializers: { req: reqSerializer }, ...(typeof logger === 'object' ? logger : {}) },
    // C# posts to `/sqlflow/generation/sqlflow/`; Koodrive documents `/session/` (spec §1.1, A.2).
    routerOptions: { ignoreTrailingSlash: true },
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    // The widget waits up to 120 s; slow-body clients are cut after that.
    requestTimeout: 125_000,
    connectionTimeout: 130_000,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  }
}

async function app (fastify: FastifyInstance, opts: AppOptions): Promise<void> {
  await fastify.register(configPlugin, { config: opts.config })
  await fastify.register(errors)
  // external
  await fastify.register(helmet)
  await fastify.register(cors)
  await fastify.register(formbody)
  await fastify.register(multipart)
  await fastify.register(jwt)
  await fastify.register(rateLimit)
  await fastify.register(underPressure)
  await fastify.register(swagger)
  // app
  await fastify.register(store, { store: opts.store })
  await fastify.register(users)
  await fastify.register(auth)
  await fastify.register(sqlflow)
  await fastify.register(lineage)
  await fastify.register(jobs)
  // routes
  await fastify.register(routes)
  // the static graph viewer at / (public/)
  await fastify.register(viewer)
}

// fp: decorators (store, users, auth, config) stay visible on the instance that registered the app.
export default fp(app, { name: 'lineage-gateway' })
