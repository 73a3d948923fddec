// Exports for one SQL text or file (spec §2.2.5): exportLineageAsCsv / exportFullLineageAsCsv answer
// the CSV as the raw body (the clients save or print it as is), exportFullLineageAsJson the
// `{code, data:<model>}` envelope, exportLineageAsOpenLineage NDJSON run events.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { analyze, resolveVendor, type AnalysisResult } from '../../../lineage/index.js'
import { toCsv, toFullLineageJson, toOpenLineageEvents } from '../../../lineage/export/index.js'
import { wireModel } from '../../../lineage/graph/index.js'
import { SqlflowError } from '../../../plugins/app/sqlflow/index.js'
import { SqlflowEnvelope, SqlflowParamsSchema, SqlflowString } from '../../../schemas/sqlflow-common.js'
import { DownloadBody, OpenLineageParams, TextExportParams } from '../../../schemas/sqlflow-job.js'
import { download, paramsOf, projected } from '../job/common.js'
import { csvOptions, openLineageBody } from '../job/export.js'

interface TextInput { sql: string; name?: string; dbvendor: string }

function textInput(request: FastifyRequest): TextInput {
  const p = paramsOf(request)
  const vendor = resolveVendor(p.required('dbvendor'))
  if (!vendor.ok) throw new SqlflowError(400, vendor.error)
  const file = request.sqlflow!.file('sqlfile')
  // a file wins over sqltext when both are sent (spec §1.2)
  const sql = file !== undefined ? file.data.toString('utf8') : p.required('sqltext')
  if (sql.trim() === '') throw new SqlflowError(400, 'sqltext is empty')
  return { sql, name: file?.filename || undefined, dbvendor: vendor.vendor }
}

/** The engine facade (worker pool + budget) when the lineage plugin is loaded, else inline. */
async function run(fastify: FastifyInstance, input: TextInput): Promise<AnalysisResult> {
  const f = fastify as FastifyInstance & { lineage?: { analyze: (i: string, o: { dbvendor: string }) => Promise<AnalysisResult> } }
  if (f.lineage) return f.lineage.analyze(input.sql, { dbvendor: input.dbvendor })
  return analyze(input.sql, { dbvendor: input.dbvendor })
}

export default async function (fastify: FastifyInstance): Promise<void> {
  for (const name of ['exportLineageAsCsv', 'exportFullLineageAsCsv']) {
    fastify.sqlflowRoute({
      url: `/sqlflow/generation/sqlflow/${name}`,
      summary: 'Lineage of one SQL text as CSV (raw body; widget header, delimiter, tableToTable)',
      params: TextExportParams,
      response: DownloadBody,
      handler: async (request, reply) => {
        const input = textInput(request)
        const opts = csvOptions(request)
        const result = await run(fastify, input)
        return download(reply, 'lineage.csv', 'text/csv; charset=utf-8', toCsv(projected(result, paramsOf(request), false), opts))
      },
    })
  }

  fastify.sqlflowRoute({
    url: '/sqlflow/generation/sqlflow/exportFullLineageAsJson',
    summary: 'The lineage model of one SQL text: {code, data:<model>}',
    params: TextExportParams,
    response: SqlflowEnvelope(Type.Any()),
    handler: async (request) => {
      const result = await run(fastify, textInput(request))
      return toFullLineageJson(wireModel(projected(result, paramsOf(request), false), fastify.config.modelGeneration))
    },
  })

  fastify.sqlflowRoute({
    url: '/sqlflow/generation/sqlflow/exportLineageAsOpenLineage',
    summary: 'OpenLineage run events (columnLineage facet) for one SQL text, one job per statement',
    params: SqlflowParamsSchema({ ...OpenLineageParams.properties, dbvendor: SqlflowString('database vendor, e.g. dbvoracle') }),
    response: DownloadBody,
    handler: async (request, reply) => {
      const input = textInput(request)
      const result = await run(fastify, input)
      const events = toOpenLineageEvents(result.model, {
        namespace: paramsOf(request).str('namespace'), jobName: paramsOf(request).str('jobName', 'sqltext'),
        statements: result.statements, sources: [{ name: input.name ?? 'sql', text: input.sql }],
      })
      const out = openLineageBody(request, events)
      return download(reply, `lineage_openlineage.${out.ext}`, out.type, out.body)
    },
  })
}
