// selectedgraph closure (spec §6.2) on a 3-hop chain, with column, table and qualified selections.
import { test } from 'tap'
import { selectSubModel, buildGraph } from '../../../lineage/graph/index.js'
import { chainModel, ModelBuilder } from './fixtures.js'
import type { SqlflowModel } from '../../../lineage/model/types.js'

const names = (m: SqlflowModel): string[] => m.dbobjs.map((o) => o.name)
const pairs = (m: SqlflowModel): string[] =>
  m.relations.flatMap((r) => r.sources.map((s) => `${s.parentName}.${s.column}>${r.target.parentName}.${r.target.column}`))

test('a table in the middle: upstream and downstream, not the sibling feeding a downstream table', async (t) => {
  const { model } = selectSubModel(chainModel().model, { table: 'B' })
  t.same(names(model), ['a', 'b', 'c', 'd'])
  t.same(pairs(model), ['a.x>b.x', 'b.x>c.x', 'c.x>d.x'])
})

test('the chain ends: everything upstream of d, everything downstream of a', async (t) => {
  t.same(pairs(selectSubModel(chainModel().model, { table: 'd' }).model), ['a.x>b.x', 'b.x>c.x', 'c.x>d.x'])
  t.same(pairs(selectSubModel(chainModel().model, { table: 'a' }).model), ['a.x>b.x', 'b.x>c.x', 'c.x>d.x'])
  t.same(pairs(selectSubModel(chainModel().model, { table: 'c' }).model), ['a.x>b.x', 'b.x>c.x', 'c.x>d.x', 'e.z>c.z'])
})

test('a column narrows the closure; a column without lineage keeps only its object', async (t) => {
  t.same(pairs(selectSubModel(chainModel().model, { table: 'c', column: 'Z' }).model), ['e.z>c.z'])
  const lonely = selectSubModel(chainModel().model, { table: 'a', column: 'y' })
  t.equal(lonely.matched, true)
  t.same(names(lonely.model), ['a'])
  t.same(lonely.model.relations, [])
})

test('no match: nothing selected, matched=false', async (t) => {
  const none = selectSubModel(chainModel().model, { table: 'nope' })
  t.equal(none.matched, false)
  t.same(none.model.dbobjs, [])
  t.same(none.model.relations, [])
})

test('database/schema: case-insensitive, quotes stripped, DEFAULT and omitted levels match any', async (t) => {
  const m = new ModelBuilder()
  m.obj('sales.orders', ['id'], 'table', { schema: 'sales' })
  m.obj('"Stage".orders', ['id'])
  m.obj('rpt', ['id'], 'view')
  m.rel('fdd', ['sales.orders.id'], 'rpt.id')
  m.rel('fdd', ['"Stage".orders.id'], 'sales.orders.id')
  t.same(names(selectSubModel(m.model, { schema: 'SALES', table: 'ORDERS' }).model), ['sales.orders', '"Stage".orders', 'rpt'])
  t.same(pairs(selectSubModel(m.model, { schema: 'stage', table: 'orders' }).model),
    ['sales.orders.id>rpt.id', '"Stage".orders.id>sales.orders.id'], 'the Stage copy: downstream only')
  t.same(names(selectSubModel(m.model, { database: 'DEFAULT', schema: 'DEFAULT', table: 'rpt' }).model),
    ['sales.orders', '"Stage".orders', 'rpt'])
  t.equal(selectSubModel(m.model, { schema: 'other', table: 'orders' }).matched, false)
  t.equal(selectSubModel(m.model, { database: 'db1', table: 'orders' }).matched, false, 'no database known: no match')
})

test('the selected sub-model builds a valid graph', async (t) => {
  const g = buildGraph(selectSubModel(chainModel().model, { table: 'b' }).model, { showLinkOnly: true, hideColumn: false, generation: 'A' })
  t.same(g.elements.tables.map((n) => n.label.content), ['a', 'b', 'c', 'd'])
  t.equal(g.elements.edges.length, 3)
})
