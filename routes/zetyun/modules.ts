// Module catalogue: GET /tf/module/list, /tf/module/tags, /tf/module/:id; POST, PUT, DELETE.
import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ModuleBody, ModuleListQuery, ModuleView, ZyIdParam, ZyOk } from '../../schemas/zetyun.js'
import { ZY_BODY_LIMIT, caller, config, errors, security, toInt } from './common.js'

const PagedModules = ZyOk(Type.Array(ModuleView), { total: Type.Integer(), page: Type.Integer(), num: Type.Integer() })

export default async function moduleRoutes (fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { modules, projects } = fastify.zetyun
  const auth = { config, preHandler: fastify.auth.accessToken }

  app.get('/tf/module/list', {
    ...auth,
    schema: {
      tags: ['zetyun'], summary: 'List modules (built-in and your tenant\'s), paged and sorted', security,
      description: 'Example: `?moduleType=module&num=10&order_key=&order_by=DESC`. `data` stays an array; `total`, `page`, `num` are additions.',
      querystring: ModuleListQuery, response: { 200: PagedModules, ...errors },
    },
  }, async (request) => {
    const me = caller(request)
    const q = request.query
    const page = await modules.list(me.tenantId, { ...q, page: toInt(q.page), num: toInt(q.num) }, await projects.moduleRefs(me.tenantId))
    return { code: 0 as const, ...page }
  })

  app.get('/tf/module/tags', {
    ...auth,
    schema: { tags: ['zetyun'], summary: 'All tags of the modules you can see', security, response: { 200: ZyOk(Type.Array(Type.String())), ...errors } },
  }, async (request) => ({ code: 0 as const, data: await modules.tags(caller(request).tenantId) }))

  app.get('/tf/module/:id', {
    ...auth,
    schema: { tags: ['zetyun'], summary: 'One module of the catalogue (404 when not visible to you)', security, params: ZyIdParam, response: { 200: ZyOk(ModuleView), ...errors } },
  }, async (request) => {
    const { tenantId } = caller(request)
    return { code: 0 as const, data: await modules.get(tenantId, Number(request.params.id), await projects.moduleRefs(tenantId)) }
  })

  app.post('/tf/module', {
    ...auth,
    bodyLimit: ZY_BODY_LIMIT,
    schema: {
      tags: ['zetyun'], summary: 'Create a module', security,
      description: 'Any `spec.Cmd` is stored, but only modules whose Cmd is a built-in (`builtin:sql-lineage`, `builtin:lineage-export`) can run; the gateway never executes commands.',
      body: ModuleBody, response: { 200: ZyOk(ModuleView), ...errors },
    },
  }, async (request) => ({ code: 0 as const, data: await modules.create(caller(request), request.body) }))

  app.put('/tf/module/:id', {
    ...auth,
    bodyLimit: ZY_BODY_LIMIT,
    schema: { tags: ['zetyun'], summary: 'Update one of your tenant\'s modules (built-ins are read-only: 403)', security, params: ZyIdParam, body: ModuleBody, response: { 200: ZyOk(ModuleView), ...errors } },
  }, async (request) => ({ code: 0 as const, data: await modules.update(caller(request), Number(request.params.id), request.body) }))

  app.delete('/tf/module/:id', {
    ...auth,
    schema: { tags: ['zetyun'], summary: 'Delete one of your tenant\'s modules (409 while a project uses it)', security, params: ZyIdParam, response: { 200: ZyOk(Type.Null()), ...errors } },
  }, async (request) => {
    const me = caller(request)
    const id = Number(request.params.id)
    await modules.remove(me, id, ((await projects.moduleRefs(me.tenantId)).get(id) ?? 0) > 0)
    return { code: 0 as const, data: null }
  })
}
