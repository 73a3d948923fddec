// OpenAPI 3 generated from the routes' TypeBox schemas; Swagger UI at /docs.
import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'

export default fp(async function swaggerPlugin (fastify: FastifyInstance) {
  await fastify.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'lineage-gateway',
        description: 'SQLFlow-compatible column-level lineage API, Koodrive session API and Zetyun platform API.',
        version: '0.1.0',
      },
      tags: [
        { name: 'sqlflow', description: 'Gudu SQLFlow WebAPI (/gspLive_backend, also under /api/gspLive_backend)' },
        { name: 'koodrive', description: 'Koodrive OSE session API' },
        { name: 'zetyun', description: 'Zetyun platform API (X-Access-Token)' },
        { name: 'ops', description: 'Health and readiness' },
      ],
      components: {
        securitySchemes: {
          sqlflowToken: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'Token <token from /user/generateToken>' },
          bearer: { type: 'http', scheme: 'bearer' },
          accessToken: { type: 'apiKey', in: 'header', name: 'X-Access-Token' },
        },
      },
    },
  })
  await fastify.register(swaggerUi, {
    routePrefix: '/docs',
    // Swagger UI sends its own CSP (with hashes for its inline bootstrap) instead of helmet's.
    staticCSP: true,
    // Plain-HTTP deployments (LAN, docker on a host port) must still load the UI's own assets.
    transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/g, ''),
    uiConfig: { docExpansion: 'list', deepLinking: false },
  })
}, { name: 'swagger' })
