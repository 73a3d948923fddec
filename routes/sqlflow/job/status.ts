// Job status endpoints (spec §2.3). displayUserJobSummary is polled in a busy loop by the Java and
// PHP clients: it is one store read and nothing else.
import type { FastifyInstance } from 'fastify'
import { sqlflowOk } from '../../../plugins/app/sqlflow/index.js'
import { JobEnvelope, JobIdParams, JobsSummaryEnvelope, JobSummaryParams } from '../../../schemas/sqlflow-job.js'
import { SqlflowParamsSchema } from '../../../schemas/sqlflow-common.js'
import { paramsOf, useCase, userOf } from './common.js'

export default async function (fastify: FastifyInstance): Promise<void> {
  fastify.sqlflowRoute({
    url: '/sqlflow/job/displayUserJobsSummary',
    summary: "The caller's jobs with counts per status",
    params: SqlflowParamsSchema({}),
    response: JobsSummaryEnvelope,
    handler: async (request) => sqlflowOk(await fastify.jobs.list(userOf(request))),
  })

  fastify.sqlflowRoute({
    url: '/sqlflow/job/displayUserJobSummary',
    summary: 'One job object (status, errorMessage, sessionId); jobName alone finds the latest job of that name',
    params: JobSummaryParams,
    response: JobEnvelope,
    handler: async (request) => {
      const p = paramsOf(request)
      const jobId = p.str('jobId')
      const user = userOf(request)
      if (jobId === undefined) return sqlflowOk(await useCase(() => fastify.jobs.findByName(user, p.required('jobName'))))
      return sqlflowOk(await useCase(() => fastify.jobs.summary(user, jobId)))
    },
  })

  fastify.sqlflowRoute({
    url: '/sqlflow/job/deleteUserJob',
    summary: 'Delete a job, its files, result and session',
    params: JobIdParams,
    response: JobEnvelope,
    handler: async (request) => {
      const jobId = paramsOf(request).required('jobId')
      const dropSession = (id: string): Promise<void> => fastify.jobSessions.delete(id)
      return sqlflowOk(await useCase(() => fastify.jobs.delete(userOf(request), jobId, dropSession)))
    },
  })
}
