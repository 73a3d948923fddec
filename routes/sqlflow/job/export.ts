// Job exports (spec §2.3): downloads named after the job. The clients save the raw body to a file
// (java: any response; php: appends), so every export is the bare file content, not an envelope,
// except exportFullLineageAsJson whose documented body is `{code, data:<model>}`.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { parseDelimiter, toCsv, toFullLineageJson, toGraphml, toLineageJson, toOpenLineageEvents } from '../../../lineage/export/index.js'
import { wireModel } from '../../../lineage/graph/index.js'
import { SqlflowError } from '../../../plugins/app/sqlflow/index.js'
import { DownloadBody, JobExportParams, OpenLineageParams } from '../../../schemas/sqlflow-job.js'
import { SqlflowEnvelope } from '../../../schemas/sqlflow-common.js'
import { Type } from 'typebox'
import { download, downloadName, loadResult, paramsOf, projected, type JobResult } from './common.js'

const jobResult = (request: FastifyRequest): Promise<JobResult> => loadResult(request, paramsOf(request).required('jobId'))
const fileBase = (r: JobResult): string => `${r.record.jobName}_${r.record.jobId}`

export function csvOptions(request: FastifyRequest): { delimiter: string; tableToTable: boolean; includeTable?: string } {
  const p = paramsOf(request)
  const delimiter = parseDelimiter(p.str('delimiter'))
  if (!delimiter.ok) throw new SqlflowError(400, delimiter.error)
  return { delimiter: delimiter.value, tableToTable: p.bool('tableToTable', false), includeTable: p.str('export_include_table') }
}

export function openLineageBody(request: FastifyRequest, events: unknown[]): { type: string; body: string; ext: string } {
  const format = paramsOf(request).str('format', 'ndjson').toLowerCase()
  if (format !== 'ndjson' && format !== 'json') throw new SqlflowError(400, 'format must be ndjson or json')
  if (format === 'json') return { type: 'application/json', body: JSON.stringify(events), ext: 'json' }
  return { type: 'application/x-ndjson', body: events.map((e) => JSON.stringify(e)).join('\n') + '\n', ext: 'ndjson' }
}

export default async function (fastify: FastifyInstance): Promise<void> {
  const route = (url: string, summary: string, handler: Parameters<typeof fastify.sqlflowRoute>[0]['handler']): void => {
    fastify.sqlflowRoute({ url, summary, params: JobExportParams, response: DownloadBody, handler })
  }

  route('/sqlflow/job/exportLineageAsJson', 'Lineage relationships of a job as a JSON file (tableToTable: table level)', async (request, reply) => {
    const r = await jobResult(request)
    const body = toLineageJson(projected(r.result, paramsOf(request), true), {
      jobId: r.record.jobId, sessionId: r.record.sessionId, tableToTable: paramsOf(request).bool('tableToTable', false),
    })
    return download(reply, downloadName(fileBase(r), 'json'), 'application/json; charset=utf-8', JSON.stringify(body))
  })

  for (const name of ['exportLineageAsCsv', 'exportFullLineageAsCsv']) {
    route(`/sqlflow/job/${name}`, 'Lineage of a job as CSV (widget header; delimiter, tableToTable)', async (request, reply) => {
      const r = await jobResult(request)
      const csv = toCsv(projected(r.result, paramsOf(request), true), csvOptions(request))
      return download(reply, downloadName(fileBase(r), 'csv'), 'text/csv; charset=utf-8', csv)
    })
  }

  route('/sqlflow/job/exportLineageAsGraphml', 'Lineage of a job as GraphML for yEd (tableToTable: table level)', async (request, reply) => {
    const r = await jobResult(request)
    const xml = toGraphml(projected(r.result, paramsOf(request), true), { tableToTable: paramsOf(request).bool('tableToTable', false) })
    return download(reply, downloadName(fileBase(r), 'graphml'), 'application/graphml+xml; charset=utf-8', xml)
  })

  fastify.sqlflowRoute({
    url: '/sqlflow/job/exportFullLineageAsJson',
    summary: 'The full lineage model of a job: {code, data:<model>}',
    params: JobExportParams,
    response: SqlflowEnvelope(Type.Any()),
    handler: async (request) => {
      const r = await jobResult(request)
      return toFullLineageJson(wireModel(projected(r.result, paramsOf(request), false), fastify.config.modelGeneration))
    },
  })

  fastify.sqlflowRoute({
    url: '/sqlflow/job/exportLineageAsOpenLineage',
    summary: 'OpenLineage run events (columnLineage facet), one job per statement; NDJSON by default',
    params: OpenLineageParams,
    response: DownloadBody,
    handler: async (request, reply) => {
      const r = await jobResult(request)
      const events = toOpenLineageEvents(r.model, {
        namespace: paramsOf(request).str('namespace'), jobName: r.record.jobName,
        statements: r.statements, sources: await r.sources(),
      })
      const out = openLineageBody(request, events)
      return download(reply, downloadName(`${fileBase(r)}_openlineage`, out.ext), out.type, out.body)
    },
  })
}
