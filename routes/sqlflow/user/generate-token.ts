// POST /gspLive_backend/user/generateToken (spec §2.1): userId + secretKey → HS256 JWT, 24 h.
// Success is exactly `{"code":"200","token":"…"}` (code a string, token top level) because the
// python clients compare with '200'; failures `{"code":"401","error":"…"}` via the sqlflow-token family.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { ANONYMOUS_USER_ID } from '../../../services/users.js'
import { SqlflowError } from '../../../plugins/app/sqlflow/index.js'
import { GenerateTokenResponse, SqlflowString } from '../../../schemas/sqlflow-common.js'

const Params = Type.Object({
  userId: SqlflowString('the user id given by `lineage-gateway user create`', { maxLength: 128 }),
  secretKey: SqlflowString('the secret key printed once by `lineage-gateway user create`', { maxLength: 256 }),
}, { additionalProperties: true })

export default async function generateTokenRoute (fastify: FastifyInstance): Promise<void> {
  fastify.sqlflowRoute({
    url: '/user/generateToken',
    summary: 'Exchange userId + secretKey for a 24 h token',
    description: 'urlencoded or multipart. Answers `{"code":"200","token":"…"}`; on failure `{"code":"401","error":"…"}` (code is a string here only).',
    params: Params,
    response: GenerateTokenResponse,
    auth: 'none', // the secret key is the credential
    family: 'sqlflow-token',
    // Each attempt costs a scrypt; a tight per-IP budget also slows key guessing.
    rateLimit: { max: fastify.config.rateLimit.tokenMax, timeWindow: fastify.config.rateLimit.windowMs },
    handler: async (request) => {
      const params = request.sqlflow!.params
      const userId = params.required('userId').trim()
      const secretKey = params.required('secretKey')
      // On-prem: the anonymous user needs no key (clients skip this call for it anyway).
      const anonymous = fastify.auth.mode === 'onprem' && userId === ANONYMOUS_USER_ID
      if (!anonymous && !await fastify.users.verify(userId, secretKey)) {
        throw new SqlflowError(401, 'userId or secretKey is invalid', 'AUTH_BAD_SECRET')
      }
      return { code: '200', token: fastify.auth.issueSqlflowToken(userId) }
    },
  })
}
