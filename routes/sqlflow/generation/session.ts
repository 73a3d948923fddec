// Reading the caller's session: unknown, expired and other users' sessions answer the same error.
import type { FastifyRequest } from 'fastify'
import { SqlflowError } from '../../../plugins/app/sqlflow/index.js'
import type { Session } from '../../../services/sessions.js'
import type {} from '../../../plugins/app/lineage.js'
import { paramsOf, userOf } from './options.js'

export async function loadSession (request: FastifyRequest): Promise<Session> {
  const id = paramsOf(request).required('sessionId').trim()
  const session = await request.server.lineage.sessions.get(id, userOf(request))
  if (session === null) {
    throw new SqlflowError(404, `session "${id.slice(0, 80)}" not found: it has expired or was never created for this user; ` +
      'analyse the SQL again with /sqlflow/generation/sqlflow/graph', 'SESSION_NOT_FOUND')
  }
  return session
}
