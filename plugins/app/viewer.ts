// The graph viewer: plain static files from public/ (index.html, CSS, ES modules), served at `/`.
// `wildcard: false` registers one GET route per file found at boot instead of a catch-all `/*`:
// a catch-all would swallow every unknown GET and answer it with the root 404 handler, bypassing
// the per-family not-found envelopes (Koodrive, Zetyun). The files are found with fromRoot(), so
// the same code serves them from source (tsx) and from dist/.
import fp from 'fastify-plugin'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { fromRoot } from './paths.js'

export default fp(async function viewerPlugin (fastify: FastifyInstance) {
  // encapsulated: reply.sendFile stays private to this context (swagger-ui registers its own copy)
  await fastify.register(async (scope) => {
    await scope.register(fastifyStatic, {
      root: fromRoot('public'),
      prefix: '/',
      wildcard: false,
      index: 'index.html',
      decorateReply: false,
      // the page and its modules change with every release; let the browser revalidate
      cacheControl: true,
      maxAge: 0,
    })
  })
}, { name: 'viewer', dependencies: ['helmet'] })
