// HS256 signer/verifier for SQLFlow tokens (`fastify.jwt`). The secret comes from JWT_SECRET or is
// random per process (see config.ts); algorithms are pinned so a token cannot pick its own.
import fp from 'fastify-plugin'
import jwt from '@fastify/jwt'
import type { FastifyInstance } from 'fastify'

export default fp(async function jwtPlugin (fastify: FastifyInstance) {
  await fastify.register(jwt, {
    secret: fastify.config.jwtSecret,
    sign: { algorithm: 'HS256' },
    verify: { algorithms: ['HS256'] },
  })
}, { name: 'jwt', dependencies: ['config'] })
