// submitUserJob and submitPersistJob (spec §2.3): multipart `sqlfiles` parts (repeatable; files
// with or without extension; zips with folders), jobName, dbvendor, optional defaults.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { resolveVendor } from '../../../lineage/index.js'
import { SqlflowError, sqlflowOk } from '../../../plugins/app/sqlflow/index.js'
import { JobEnvelope, SubmitJobParams, SubmitPersistJobParams } from '../../../schemas/sqlflow-job.js'
import type { SubmitInput } from '../../../services/jobs/service.js'
import { paramsOf, useCase, userOf } from './common.js'

function submitInput(request: FastifyRequest): SubmitInput {
  const p = paramsOf(request)
  const vendor = resolveVendor(p.required('dbvendor'))
  if (!vendor.ok) throw new SqlflowError(400, vendor.error)
  // every file part counts: the name is `sqlfiles` for all clients, but be lenient with `sqlfile`
  const parts = request.sqlflow!.files.filter((f) => f.field === 'sqlfiles' || f.field === 'sqlfile')
  return {
    jobName: p.required('jobName'),
    dbvendor: vendor.vendor,
    defaultDatabase: p.str('defaultDatabase', ''),
    defaultSchema: p.str('defaultSchema', ''),
    parts: parts.map((f) => ({ filename: f.filename, data: f.data })),
  }
}

export default async function (fastify: FastifyInstance): Promise<void> {
  fastify.sqlflowRoute({
    url: '/sqlflow/job/submitUserJob',
    summary: 'Submit SQL files or zip archives as an asynchronous lineage job',
    params: SubmitJobParams,
    response: JobEnvelope,
    handler: async (request) => {
      const input = submitInput(request)
      return sqlflowOk(await useCase(() => fastify.jobs.submit(userOf(request), input)))
    },
  })

  fastify.sqlflowRoute({
    url: '/sqlflow/job/submitPersistJob',
    summary: 'Submit a persistent job; incremental=true with jobId adds files to that job and recomputes it',
    params: SubmitPersistJobParams,
    response: JobEnvelope,
    handler: async (request) => {
      const p = paramsOf(request)
      const input = submitInput(request)
      const jobId = p.str('jobId', '')
      const user = userOf(request)
      if (p.bool('incremental', false) && jobId !== '') {
        return sqlflowOk(await useCase(() => fastify.jobs.addFiles(user, jobId, input)))
      }
      return sqlflowOk(await useCase(() => fastify.jobs.submit(user, input, true)))
    },
  })
}
