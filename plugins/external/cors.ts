// CORS for the browser widget (spec §1.2): answer preflights, echo the origin, allow the
// Authorization and Content-Type headers and GET/POST. CORS_ORIGINS narrows the origins.
import fp from 'fastify-plugin'
import cors from '@fastify/cors'
import type { FastifyInstance } from 'fastify'

export default fp(async function corsPlugin (fastify: FastifyInstance) {
  const allowed = fastify.config.corsOrigins
  await fastify.register(cors, {
    // true = reflect the request's Origin; a list = reflect only those
    origin: allowed === '*' ? true : allowed,
    methods: ['GET', 'POST'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Access-Token', 'X-Session-Id', 'X-Traceid', 'Language', 'Request-Origion'],
    exposedHeaders: ['Content-Disposition', 'Retry-After', 'X-Traceid'],
    // Auth travels in headers/fields, never cookies: no credentialed CORS needed.
    credentials: false,
    maxAge: 600,
  })
}, { name: 'cors', dependencies: ['config'] })
