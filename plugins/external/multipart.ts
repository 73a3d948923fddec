// multipart/form-data (curl -F, java, C#, file uploads). Bodies are not attached: SQLFlow routes read
// parts in their preValidation hook (plugins/app/sqlflow/transport.ts), so limits apply while streaming.
import fp from 'fastify-plugin'
import multipart from '@fastify/multipart'
import type { FastifyInstance } from 'fastify'

export default fp(async function multipartPlugin (fastify: FastifyInstance) {
  const { upload, bodyLimit } = fastify.config
  await fastify.register(multipart, {
    throwFileSizeLimit: true,
    limits: {
      fileSize: upload.maxFileBytes,
      files: upload.maxFiles,
      fields: 1000,
      fieldSize: bodyLimit,
      parts: upload.maxFiles + 1000,
      headerPairs: 200,
    },
  })
}, { name: 'multipart', dependencies: ['config'] })
