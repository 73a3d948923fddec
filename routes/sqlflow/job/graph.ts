// Job graphs (spec §2.3): updateUserJobGraphCache hands out a session usable with selectedgraph and
// getSelectedDbObjectInfo (recreated from the stored result when the old one expired);
// displayUserJobGraph answers /graph-shaped data, optionally restricted to a selected object.
import { createHash } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { graphView, resolveGraphOptions, type Generation, type GraphOptions, type Selection } from '../../../lineage/graph/index.js'
import { sqlflowOk } from '../../../plugins/app/sqlflow/index.js'
import { SqlflowEnvelope } from '../../../schemas/sqlflow-common.js'
import { JobGraphParams, JobIdParams } from '../../../schemas/sqlflow-job.js'
import { Type } from 'typebox'
import { exportModelOptions, loadResult, paramsOf, userOf, type JobResult } from './common.js'

/** The job's session, reopened from the stored result when it has expired. */
async function ensureSession(fastify: FastifyInstance, user: string, res: JobResult): Promise<string> {
  if (res.record.sessionId && await fastify.jobSessions.exists(res.record.sessionId, user)) return res.record.sessionId
  const sessionId = await fastify.jobSessions.createOver(fastify.jobs.repo.resultKeyOf(res.record.jobId), {
    owner: user, dbvendor: res.record.dbVendor, options: {}, jobId: res.record.jobId,
    sources: (await res.sources()).map((s) => ({ name: s.name, text: s.text, hashCode: createHash('md5').update(s.text).digest('hex') })),
  })
  const record = await fastify.jobs.repo.get(res.record.jobId)
  if (record && record.userId === user) await fastify.jobs.repo.save({ ...record, sessionId })
  return sessionId
}

function graphOptions(request: FastifyRequest): GraphOptions {
  const p = paramsOf(request)
  const version = p.str('modelVersion', '').toUpperCase()
  const generation: Generation = version === 'C' || version === 'A' ? version : request.server.config.modelGeneration
  return resolveGraphOptions({
    ...exportModelOptions(p, false),
    showLinkOnly: p.bool('showLinkOnly', true),
    hideColumn: p.bool('hideColumn', false),
    generation,
  } as Partial<GraphOptions>)
}

function selectionOf(request: FastifyRequest): Selection | undefined {
  const p = paramsOf(request)
  // the widget sends DEFAULT for unknown levels and means "any"
  const pick = (name: string): string | undefined => {
    const v = p.str(name)
    return v === undefined || v.toUpperCase() === 'DEFAULT' ? undefined : v
  }
  const s: Selection = { database: pick('database'), schema: pick('schema'), table: pick('table'), column: pick('column') }
  return s.table || s.column || s.schema || s.database ? s : undefined
}

export default async function (fastify: FastifyInstance): Promise<void> {
  fastify.sqlflowRoute({
    url: '/sqlflow/job/updateUserJobGraphCache',
    summary: 'A session id for the finished job, for selectedgraph / getSelectedDbObjectInfo',
    params: JobIdParams,
    response: SqlflowEnvelope(Type.Object({ sessionId: Type.String() }), { sessionId: Type.Optional(Type.String()) }),
    handler: async (request) => {
      const res = await loadResult(request, paramsOf(request).required('jobId'))
      const sessionId = await ensureSession(fastify, userOf(request), res)
      return sqlflowOk({ sessionId }, { sessionId })
    },
  })

  fastify.sqlflowRoute({
    url: '/sqlflow/job/displayUserJobGraph',
    summary: "The job's lineage graph (graph options and an optional database/schema/table/column selection)",
    params: JobGraphParams,
    response: SqlflowEnvelope(Type.Any(), { sessionId: Type.Optional(Type.String()), jobId: Type.Optional(Type.String()) }),
    handler: async (request) => {
      const res = await loadResult(request, paramsOf(request).required('jobId'))
      const sessionId = await ensureSession(fastify, userOf(request), res)
      const options = graphOptions(request)
      const data = await graphView(res.model, options, { selection: selectionOf(request) })
      return sqlflowOk(data, { sessionId, jobId: res.record.jobId })
    },
  })
}

