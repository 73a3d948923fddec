// data.summary (spec §6.1) on hand-built models.
import { test } from 'tap'
import { buildSummary, columnPairs } from '../../../lineage/graph/index.js'
import { ModelBuilder } from './fixtures.js'

function warehouse (): ModelBuilder {
  const m = new ModelBuilder()
  m.obj('Sales.SalesPerson', ['id', 'ytd'], 'table', { schema: 'Sales' })
  m.obj('dw.dbo.Target', ['id', 'ytd'], 'table', { database: 'dw', schema: 'dbo' })
  m.obj('dbo.v', ['id'], 'view')
  m.obj('RS-1', ['id', 'ytd'], 'select_list')
  m.obj('pseudo_table_include_orphan_column', ['ghost'], 'pseudoTable')
  m.obj('other', ['k'])
  m.rel('fdd', ['Sales.SalesPerson.id'], 'RS-1.id')
  m.rel('fdd', ['Sales.SalesPerson.ytd'], 'RS-1.ytd')
  m.rel('fdr', ['Sales.SalesPerson.ytd'], 'RS-1.RelationRows')
  m.rel('fdd', ['RS-1.id'], 'dw.dbo.Target.id')
  m.rel('fdd', ['RS-1.ytd', 'pseudo_table_include_orphan_column.ghost'], 'dw.dbo.Target.ytd')
  m.rel('fdd', ['dw.dbo.Target.id'], 'dbo.v.id')
  m.rel('fdd', ['dw.dbo.Target.id'], 'dbo.v.id', { id: '500' })
  return m
}

test('generation A: counts, distinct pairs as `relation`, top tables upper-cased', async (t) => {
  const m = warehouse()
  const s = buildSummary(m.model, columnPairs(m.model), 'A')
  t.same(s, {
    table: 4, // 3 tables + the pseudo table
    view: 1,
    column: 3 + 3 + 2 + 2 + 2, // with RelationRows on each; result sets not counted
    schema: 2, // SALES, DBO
    database: 1,
    relation: 7,
    mostRelationTables: [
      { database: 'DW', schema: 'DBO', table: 'TARGET' },
      { schema: 'SALES', table: 'SALESPERSON' },
      { schema: 'DBO', table: 'V' },
    ],
  })
})

test('generation C: `relationship` and `process`', async (t) => {
  const m = warehouse()
  m.obj('Query Insert-1', [], 'process')
  const s = buildSummary(m.model, columnPairs(m.model), 'C')
  t.equal(s.relationship, 7)
  t.equal(s.process, 1)
  t.notOk('relation' in s)
})

test('an empty model', async (t) => {
  const m = new ModelBuilder()
  t.same(buildSummary(m.model, [], 'A'), { table: 0, view: 0, column: 0, schema: 0, database: 0, relation: 0, mostRelationTables: [] })
})
