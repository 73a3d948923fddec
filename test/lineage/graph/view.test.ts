// graphView: the /graph `data` (mode, summary, sqlflow, graph) and its layout cache.
import { test } from 'tap'
import { graphView, memoryLayoutCache, resolveGraphOptions, graphKey } from '../../../lineage/graph/index.js'
import type { GenCModel } from '../../../lineage/model/genc.js'
import { chainModel } from './fixtures.js'

test('generation A by default: relationIdMap, flat sqlflow, mode global', async (t) => {
  const data = await graphView(chainModel().model, resolveGraphOptions())
  t.equal(data.mode, 'global')
  t.equal(data.summary.relation, 4)
  t.equal(data.graph.elements.edges.length, 4, 'edge count equals summary.relation')
  t.ok(Array.isArray((data.sqlflow as { dbobjs: unknown }).dbobjs))
  t.same(Object.keys(data.graph.relationIdMap!), ['e0', 'e1', 'e2', 'e3'])
})

test('generation C: hierarchical sqlflow with dbvendor and relationshipIdMap [id, type]', async (t) => {
  const data = await graphView(chainModel().model, resolveGraphOptions({ generation: 'C' }))
  const c = data.sqlflow as GenCModel
  t.equal(c.dbvendor, 'dbvoracle')
  t.equal(c.dbobjs.createdBy, 'lineage-gateway v1')
  t.equal(c.relationships.length, 4)
  t.same(data.graph.relationshipIdMap!.e0, [c.relationships[0]!.id, 'fdd'])
  t.equal(data.summary.relationship, 4)
})

test('above relationLimit: summary mode with an empty graph but the full summary', async (t) => {
  const data = await graphView(chainModel().model, resolveGraphOptions({ relationLimit: 3 }))
  t.equal(data.mode, 'summary')
  t.equal(data.summary.relation, 4)
  t.same(data.graph, { elements: { tables: [], edges: [] }, tooltip: {}, listIdMap: {}, relationIdMap: {} })
  t.equal((await graphView(chainModel().model, resolveGraphOptions({ relationLimit: 4 }))).mode, 'global', 'the limit itself is allowed')
})

test('selection and includeModel=false', async (t) => {
  const data = await graphView(chainModel().model, resolveGraphOptions(), { selection: { table: 'e' }, includeModel: false })
  t.notOk('sqlflow' in data)
  t.same(data.graph.elements.tables.map((n) => n.label.content), ['c', 'e'])
})

test('layout cache: the second identical graph is served from the cache', async (t) => {
  const cache = memoryLayoutCache()
  let runs = 0
  const run = async (): Promise<Record<string, [number, number]>> => { runs++; return { n0: [10, 20] } }
  const first = await graphView(chainModel().model, resolveGraphOptions(), { cache, run })
  const second = await graphView(chainModel().model, resolveGraphOptions(), { cache, run })
  t.equal(runs, 1)
  t.equal(cache.size(), 1)
  t.same(second.graph, first.graph)
  t.same([first.graph.elements.tables[0]!.x, first.graph.elements.tables[0]!.y], [10, 20])
  t.same(first.graph.elements.tables[0]!.columns[0]!.y, 20 + 21.96875)
})

test('graphKey: stable for equal options, different for any option or selection change', async (t) => {
  const o = resolveGraphOptions()
  t.equal(graphKey(o), graphKey(resolveGraphOptions({ showRelationType: ['fdd'] })))
  t.equal(graphKey(resolveGraphOptions({ showRelationType: ['fdr', 'fdd'] })), graphKey(resolveGraphOptions({ showRelationType: ['fdd', 'fdr'] })))
  t.not(graphKey(o), graphKey(resolveGraphOptions({ hideColumn: true })))
  t.not(graphKey(o), graphKey(o, { table: 'a' }))
  t.not(graphKey(o), graphKey(o, undefined, false))
})
