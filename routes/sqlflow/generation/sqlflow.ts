// POST /sqlflow/generation/sqlflow (spec §2.2.1) and /sqlflow/generation/sqlflow/graph (§2.2.2).
import type { FastifyInstance } from 'fastify'
import { projectModel } from '../../../lineage/index.js'
import { wireModel } from '../../../lineage/graph/index.js'
import { GenerationParams, GenerationResponse, GraphParams, GraphResponse } from '../../../schemas/sqlflow-generation.js'
import { analyzeRequest, envelope } from './analyze.js'
import { generationOf, graphOptionsOf, modelOptionsOf, paramsOf } from './options.js'

export default async function (fastify: FastifyInstance): Promise<void> {
  fastify.sqlflowRoute({
    url: '/sqlflow/generation/sqlflow',
    summary: 'Column-level lineage model of one SQL text or file',
    description: 'Answers `{code, data:<model>, sessionId}`; code 203 with `error` = the first analysis error (40 characters) when the engine reported errors. ' +
      'The `sqlfile` part (a SQL file or a zip of them) wins over `sqltext`. `modelVersion=C` gives the hierarchical model.',
    params: GenerationParams,
    response: GenerationResponse,
    handler: async (request) => {
      // parse every option before the (costly) analysis, so a bad one fails fast
      const options = modelOptionsOf(paramsOf(request))
      const generation = generationOf(request)
      const { result, session } = await analyzeRequest(request)
      const model = wireModel(projectModel(result.model, options), generation)
      return envelope(model, result.model.errors, session.id)
    },
  })

  fastify.sqlflowRoute({
    url: '/sqlflow/generation/sqlflow/graph',
    summary: 'Lineage model plus the laid-out graph the widget draws',
    description: 'Answers `{code, data:{mode, summary, sqlflow, graph}, sessionId}` (§5–6). Above GRAPH_MAX_RELATIONS column pairs the mode falls back to ignoreRecordSet, then to summary (empty graph).',
    params: GraphParams,
    response: GraphResponse,
    handler: async (request) => {
      const options = graphOptionsOf(request)
      const { result, session } = await analyzeRequest(request)
      const data = await fastify.lineage.graphView(result.model, options)
      return envelope(data, result.model.errors, session.id)
    },
  })
}
