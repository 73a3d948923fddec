// Projects: GET/POST /projects, GET /projects/:id. A project is a workflow of modules + its SQL files.
import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ProjectBody, ProjectListQuery, ProjectView, ZyIdParam, ZyOk } from '../../schemas/zetyun.js'
import { caller, config, errors, security, toInt } from './common.js'

/** Projects carry their SQL files inline, so they get a larger body budget than other Zetyun routes. */
export const PROJECT_BODY_LIMIT = 4 * 1024 * 1024

export default async function projectRoutes (fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { projects } = fastify.zetyun
  const auth = { config, preHandler: fastify.auth.accessToken }

  app.get('/projects', {
    ...auth,
    schema: {
      tags: ['zetyun'], summary: 'Your tenant\'s projects, paged and sorted (orderkey/orderby or order_key/order_by)', security,
      querystring: ProjectListQuery, response: { 200: ZyOk(Type.Array(ProjectView), { total: Type.Integer(), page: Type.Integer(), num: Type.Integer() }), ...errors },
    },
  }, async (request) => {
    const q = request.query
    const page = await projects.list(caller(request), {
      page: toInt(q.page), num: toInt(q.num), order_key: q.order_key ?? q.orderkey, order_by: q.order_by ?? q.orderby, keyword: q.keyword, mine: q.mine === 'true',
    })
    return { code: 0 as const, ...page }
  })

  app.get('/projects/:id', {
    ...auth,
    schema: { tags: ['zetyun'], summary: 'One project (404 when missing or not yours)', security, params: ZyIdParam, response: { 200: ZyOk(ProjectView), ...errors } },
  }, async (request) => ({ code: 0 as const, data: await projects.get(caller(request).tenantId, Number(request.params.id)) }))

  app.post('/projects', {
    ...auth,
    bodyLimit: PROJECT_BODY_LIMIT,
    schema: {
      tags: ['zetyun'], summary: 'Create a project: workflow steps (module + params + input files) and the SQL files', security,
      consumes: ['application/json'], body: ProjectBody, response: { 200: ZyOk(ProjectView), ...errors },
    },
  }, async (request) => {
    const b = request.body
    const workflow = b.workflow.map((s) => ({ id: s.id, moduleId: s.moduleId, params: s.params ?? {}, inputs: s.inputs ?? {} }))
    return { code: 0 as const, data: await projects.create(caller(request), { name: b.name, description: b.description, workflow, files: b.files ?? [] }) }
  })
}
