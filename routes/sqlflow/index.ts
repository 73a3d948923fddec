// SQLFlow endpoints. Each module calls fastify.sqlflowRoute(), which mounts it under
// /gspLive_backend and /api/gspLive_backend. Add one line per module (see CONTRIBUTING.md).
import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import generateToken from './user/generate-token.js'
import misc from './misc.js'
import jobRoutes from './job/index.js'
import textExports from './generation/export.js'
import generation from './generation/index.js'

const modules: FastifyPluginAsync[] = [
  generateToken,
  misc,
  jobRoutes,
  textExports,
  generation,
]

export default async function sqlflowRoutes (fastify: FastifyInstance): Promise<void> {
  for (const mod of modules) await fastify.register(mod)
}
