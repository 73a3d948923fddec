import { test } from 'tap'
import { toLineageJson, toFullLineageJson } from '../../../lineage/export/index.js'
import { fixtureModel } from './fixture.js'

test('job JSON: documented shape, jobId first, annotations stripped', async (t) => {
  const out = toLineageJson(fixtureModel(), { jobId: 'a'.repeat(32), sessionId: 's1' })
  t.same(Object.keys(out), ['jobId', 'code', 'data', 'sessionId'])
  t.equal(out.code, 200)
  t.equal(out.data.mode, 'global')
  t.equal(out.data.sqlflow.dbvendor, 'dbvoracle')
  t.equal(out.data.sqlflow.relationships.length, 9)
  t.ok(out.data.sqlflow.relationships.every((r) => !('dataflow' in r)))
})

test('job JSON tableToTable: TABLE endpoints with empty coordinates', async (t) => {
  const rels = toLineageJson(fixtureModel(), { tableToTable: true }).data.sqlflow.relationships
  t.same(rels.map((r) => [r.sources[0]!.parentName, r.target.parentName, r.type, r.effectType]), [
    ['stg.sales', 'dw.sales_summary', 'fdd', 'insert'],
    ['dw.sales_summary', 'rpt.v,region', 'fdd', 'create_view'],
  ])
  t.ok(rels.every((r) => r.target.column === 'TABLE' && r.sources[0]!.column === 'TABLE'))
  t.ok(rels.every((r) => r.target.coordinates.length === 0))
  t.equal(rels[0]!.processId, '4')
})

test('full JSON wraps the model', async (t) => {
  t.same(toFullLineageJson({ dbobjs: [] }), { code: 200, data: { dbobjs: [] } })
})
