// Jobs: POST /tf/job/run/:projectId; GET status, onlystatus, list, log, outputs; POST stop (spec §B.4).
import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import {
  JobListQuery, JobLogQuery, JobRunBody, JobStatusView, JobLogView, JobView, OutputList, ZyIdParam, ZyOk, ZyProjectIdParam,
} from '../../schemas/zetyun.js'
import { ZY_BODY_LIMIT, caller, config, emailList, errors, security, toInt, variableList } from './common.js'

const OutputParams = Type.Object({ id: ZyIdParam.properties.id, '*': Type.String({ minLength: 1, maxLength: 300 }) })

export default async function jobRoutes (fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { jobs } = fastify.zetyun
  const auth = { config, preHandler: fastify.auth.accessToken }

  app.post('/tf/job/run/:projectId', {
    ...auth,
    bodyLimit: ZY_BODY_LIMIT,
    schema: {
      tags: ['zetyun'], summary: 'Run a project: creates a job (status 0) and queues it', security,
      description: 'Form or JSON. Only built-in modules run; a project using any other module is refused with 400. `variable` is data handed to the modules, never executed. At most 10 active jobs per user (429).',
      consumes: ['application/x-www-form-urlencoded', 'application/json'],
      params: ZyProjectIdParam, body: JobRunBody, response: { 200: ZyOk(JobView), ...errors },
    },
  }, async (request) => {
    const b = request.body
    const job = await jobs.run(caller(request), Number(request.params.projectId), {
      name: b.name,
      description: b.description,
      variable: variableList(b.variable),
      projectVersionId: b.projectVersionId === undefined ? undefined : Number(b.projectVersionId),
      notification: emailList(b.notification, 'notification'),
      cc: emailList(b.cc, 'cc'),
      isPrivate: b.isPrivate === true || b.isPrivate === 'true',
    })
    request.log.info({ jobId: job.autoKey }, 'zetyun job created')
    return { code: 0 as const, data: job }
  })

  app.get('/tf/job/status/:id', {
    ...auth,
    schema: { tags: ['zetyun'], summary: 'The job with its per-step states', security, params: ZyIdParam, response: { 200: ZyOk(JobStatusView), ...errors } },
  }, async (request) => ({ code: 0 as const, data: await jobs.status(caller(request), Number(request.params.id)) }))

  app.get('/tf/job/onlystatus/:id', {
    ...auth,
    schema: { tags: ['zetyun'], summary: 'Cheap poll: {status, opStatus}', security, params: ZyIdParam, response: { 200: ZyOk(Type.Object({ status: Type.Integer(), opStatus: Type.Integer() })), ...errors } },
  }, async (request) => ({ code: 0 as const, data: await jobs.onlyStatus(caller(request), Number(request.params.id)) }))

  app.get('/tf/job/list', {
    ...auth,
    schema: {
      tags: ['zetyun'], summary: 'Jobs you can see, paged, filtered by projectId/status', security,
      querystring: JobListQuery, response: { 200: ZyOk(Type.Array(JobView), { total: Type.Integer(), page: Type.Integer(), num: Type.Integer() }), ...errors },
    },
  }, async (request) => {
    const q = request.query
    const page = await jobs.list(caller(request), { page: toInt(q.page), num: toInt(q.num), order_key: q.order_key, order_by: q.order_by, projectId: toInt(q.projectId), status: toInt(q.status) })
    return { code: 0 as const, ...page }
  })

  app.post('/tf/job/stop/:id', {
    ...auth,
    schema: {
      tags: ['zetyun'], summary: 'Stop a job: queued → cancelled now; running → opStatus 1, then cancelled', security,
      description: 'Idempotent on a cancelled job (200); 409 on a succeeded or failed job.',
      params: ZyIdParam, response: { 200: ZyOk(JobView), ...errors },
    },
  }, async (request) => ({ code: 0 as const, data: await jobs.stop(caller(request), Number(request.params.id)) }))

  app.get('/tf/job/log/:id', {
    ...auth,
    schema: { tags: ['zetyun'], summary: 'Job log lines from `offset`; continue with `nextOffset`', security, params: ZyIdParam, querystring: JobLogQuery, response: { 200: ZyOk(JobLogView), ...errors } },
  }, async (request) => ({
    code: 0 as const,
    data: await jobs.log(caller(request), Number(request.params.id), toInt(request.query.offset) ?? 0, toInt(request.query.limit) ?? 1000),
  }))

  app.get('/tf/job/output/:id', {
    ...auth,
    schema: { tags: ['zetyun'], summary: 'Files the job produced (`<step>/<file>`)', security, params: ZyIdParam, response: { 200: ZyOk(OutputList), ...errors } },
  }, async (request) => ({ code: 0 as const, data: await jobs.outputs(caller(request), Number(request.params.id)) }))

  app.get('/tf/job/output/:id/*', {
    ...auth,
    schema: { tags: ['zetyun'], summary: 'Download one output file, e.g. /tf/job/output/12/lineage/lineage.json', security, params: OutputParams, produces: ['application/json', 'text/csv', 'application/graphml+xml'], response: { 200: Type.String(), ...errors } },
  }, async (request, reply) => {
    const name = request.params['*']
    const file = await jobs.output(caller(request), Number(request.params.id), name)
    const base = name.split('/').pop()!.replace(/[^A-Za-z0-9._-]/g, '_')
    return reply.type(file.contentType).header('content-disposition', `attachment; filename="${base}"`).send(file.content)
  })
}
