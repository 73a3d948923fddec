// POST /sqlflow/generation/sqlflow/selectedgraph (spec §2.2.3, §6.2): the lineage of one database
// object (upstream and downstream) from a stored session. Responses are cached per session, options
// and selection; the session may come from another server process or from a job.
import type { FastifyInstance } from 'fastify'
import { graphKey, selectionSeeds, type GraphData } from '../../../lineage/graph/index.js'
import { SqlflowError, sqlflowOk } from '../../../plugins/app/sqlflow/index.js'
import { GraphResponse, SelectedGraphParams } from '../../../schemas/sqlflow-generation.js'
import { graphOptionsOf, paramsOf, selectionOf } from './options.js'
import { loadSession } from './session.js'

export default async function (fastify: FastifyInstance): Promise<void> {
  fastify.sqlflowRoute({
    url: '/sqlflow/generation/sqlflow/selectedgraph',
    summary: 'Graph of the selected database/schema/table[/column] and everything up- and downstream of it',
    description: 'Same shape as /graph. `isReturnModel=false` leaves out data.sqlflow. Levels left empty (or DEFAULT) match any; names match case-insensitively. ' +
      'Without any selection the whole session graph is answered.',
    params: SelectedGraphParams,
    response: GraphResponse,
    handler: async (request) => {
      const p = paramsOf(request)
      const options = graphOptionsOf(request)
      const includeModel = p.bool('isReturnModel', true)
      const selection = selectionOf(p)
      const session = await loadSession(request)
      const sessions = fastify.lineage.sessions
      const key = graphKey(options, selection, includeModel)
      let data = await sessions.cacheGet<GraphData>(session.id, key)
      if (data === null) {
        if (selection && selectionSeeds(session.model, selection).size === 0) {
          const what = Object.entries(selection).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${String(v)}`).join(', ')
          throw new SqlflowError(404, `no database object in this session matches ${what.slice(0, 300)}`, 'NOT_FOUND')
        }
        data = await fastify.lineage.graphView(session.model, options, { selection, includeModel })
        await sessions.cacheSet(session.id, key, data)
      }
      // the analysis errors were reported (203) when the session was made; they stay in data.sqlflow.errors
      return sqlflowOk(data, { sessionId: session.id })
    },
  })
}
