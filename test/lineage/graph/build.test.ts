// Spec §5 invariants of the graph projection, on hand-built models.
import { test, type Test } from 'tap'
import { buildGraph, layoutGraph, shortenLabel, type Graph } from '../../../lineage/graph/index.js'
import { chainModel, ModelBuilder } from './fixtures.js'
import type { SqlflowModel } from '../../../lineage/model/types.js'

const A = { showLinkOnly: true, hideColumn: false, generation: 'A' as const }

/** Every node and row is in listIdMap, and every mapped id exists in the model where it should. */
function checkListIdMap (t: Test, graph: Graph, model: SqlflowModel): void {
  const objs = new Map(model.dbobjs.map((o) => [o.id, o]))
  const expected = new Set<string>()
  for (const node of graph.elements.tables) {
    expected.add(node.id)
    const ids = graph.listIdMap[node.id]
    t.equal(ids?.length, 1, `${node.id} maps to exactly one dbobj`)
    const obj = objs.get(ids![0]!)
    t.ok(obj, `${node.id} → existing dbobj`)
    for (const row of node.columns) {
      expected.add(row.id)
      const cols = graph.listIdMap[row.id] ?? []
      t.ok(cols.length >= 1, `${row.id} maps to columns`)
      for (const c of cols) t.ok(obj!.columns!.some((x) => x.id === c), `${row.id} → column ${c} of its object`)
    }
  }
  t.same(new Set(Object.keys(graph.listIdMap)), expected, 'listIdMap covers exactly the nodes and rows')
}

test('ids: n<i> in order, rows n<i>::n<j> restarting at 0; edges join rows', async (t) => {
  const m = chainModel()
  const g = buildGraph(m.model, A)
  t.same(g.elements.tables.map((n) => n.id), ['n0', 'n1', 'n2', 'n3', 'n4'])
  t.same(g.elements.tables.map((n) => n.label.content), ['a', 'b', 'c', 'd', 'e'])
  t.same(g.elements.tables[2]!.columns.map((r) => [r.id, r.label.content]), [['n2::n0', 'x'], ['n2::n1', 'z']])
  t.same(g.elements.edges.map((e) => e.id), ['e0', 'e1', 'e2', 'e3'])
  t.same(g.elements.edges[0], { id: 'e0', sourceId: 'n0::n0', targetId: 'n1::n0' })
  t.same(g.elements.edges[3], { id: 'e3', sourceId: 'n4::n0', targetId: 'n2::n1' })
  checkListIdMap(t, g, m.model)
})

test('showLinkOnly (default) drops unlinked columns and objects; false keeps table columns', async (t) => {
  const m = chainModel()
  m.obj('lonely', ['q'])
  const linked = buildGraph(m.model, A)
  t.notOk(linked.elements.tables.some((n) => n.label.content === 'lonely'))
  t.same(linked.elements.tables[0]!.columns.map((r) => r.label.content), ['x'], 'a.y has no edge')
  const all = buildGraph(m.model, { ...A, showLinkOnly: false })
  t.same(all.elements.tables[0]!.columns.map((r) => r.label.content), ['x', 'y'], 'system RelationRows stays hidden')
  t.same(all.elements.tables.at(-1)!.label.content, 'lonely')
  t.same(all.elements.edges.length, linked.elements.edges.length, 'edges unchanged')
  checkListIdMap(t, all, m.model)
})

test('one edge per distinct column pair: fdd wins, otherwise the highest id', async (t) => {
  const m = new ModelBuilder()
  m.obj('s', ['a', 'b'])
  m.obj('t', ['a', 'b'])
  m.rel('fdr', ['s.a'], 't.a', { id: '50' })
  const fdd = m.rel('fdd', ['s.a'], 't.a', { id: '30' })
  m.rel('fdr', ['s.b'], 't.b', { id: '9' })
  m.rel('fdr', ['s.b', 's.a'], 't.b', { id: '10' })
  const a = buildGraph(m.model, A)
  t.equal(a.elements.edges.length, 3, 's.a→t.a, s.b→t.b, s.a→t.b')
  t.same(a.relationIdMap, { e0: 'fdd', e1: 'fdr', e2: 'fdr' })
  t.notOk('relationshipIdMap' in a)
  const c = buildGraph(m.model, { ...A, generation: 'C' })
  t.same(c.relationshipIdMap, { e0: [fdd, 'fdd'], e1: ['10', 'fdr'], e2: ['10', 'fdr'] }, '"10" > "9" numerically')
  t.notOk('relationIdMap' in c)
})

test('join edges carry their kind in the type string', async (t) => {
  const m = new ModelBuilder()
  m.obj('s', ['k'])
  m.obj('t', ['k'])
  m.rel('join', ['s.k'], 't.k', { joinType: 'LEFT', condition: 's.k = t.k' })
  t.same(buildGraph(m.model, A).relationIdMap, { e0: 'join:LEFT' })
})

test('sizes: width 162, height 25.96875 + 16·rows, row offsets and label heights after layout', async (t) => {
  const m = chainModel()
  const g = await layoutGraph(buildGraph(m.model, A))
  for (const n of g.elements.tables) {
    t.equal(n.width, 162)
    t.equal(n.height, 25.96875 + 16 * n.columns.length)
    t.equal(n.label.height, 17.96875)
    t.equal(n.label.fontFamily, 'Segoe UI Symbol')
    t.equal(n.label.fontSize, '12')
    n.columns.forEach((r, j) => {
      t.equal(r.x, n.x + 1)
      t.equal(r.y, n.y + 21.96875 + 16 * j)
      t.equal(r.width, 160)
      t.equal(r.height, 16)
      t.equal(r.label.height, 13.96875)
    })
  }
})

test('layout runs left to right: sources sit left of their targets', async (t) => {
  const g = await layoutGraph(buildGraph(chainModel().model, A))
  const x = Object.fromEntries(g.elements.tables.map((n) => [n.label.content, n.x]))
  t.ok(x.a! < x.b! && x.b! < x.c! && x.c! < x.d!, JSON.stringify(x))
  t.ok(x.e! < x.c!)
})

test('tooltip: labels over 25 characters become first10...last12; empty tooltip is {}', async (t) => {
  const long = 'warehouse.customer_dimension_history'
  t.equal(shortenLabel(long), 'warehouse....sion_history')
  t.equal(shortenLabel('x'.repeat(25)), 'x'.repeat(25), '25 characters stay')
  const m = new ModelBuilder()
  m.obj(long, ['a_rather_long_column_name_here'])
  m.obj('t', ['c'])
  m.rel('fdd', [`${long}.a_rather_long_column_name_here`], 't.c')
  const g = buildGraph(m.model, A)
  t.equal(g.elements.tables[0]!.label.content, 'warehouse....sion_history')
  t.equal(g.elements.tables[0]!.columns[0]!.label.content, 'a_rather_l...mn_name_here')
  t.same(g.tooltip, { 'warehouse....sion_history': long, 'a_rather_l...mn_name_here': 'a_rather_long_column_name_here' })
  t.same(JSON.stringify(buildGraph(chainModel().model, A).tooltip), '{}')
})

test('hideColumn: one "*" row per node standing for its columns, one edge per node pair', async (t) => {
  const m = chainModel()
  m.rel('fdr', ['a.y'], 'b.RelationRows')
  const g = buildGraph(m.model, { ...A, hideColumn: true })
  for (const n of g.elements.tables) t.same(n.columns.map((r) => r.id), [`${n.id}::n0`])
  t.same(g.listIdMap['n0::n0'], [m.col('a', 'x').id, m.col('a', 'y').id])
  t.equal(g.elements.edges.length, 4, 'a→b collapses two column pairs')
  t.same(g.relationIdMap!.e0, 'fdd', 'fdd wins the collapsed pair')
  checkListIdMap(t, g, m.model)
})

test('an endpoint naming a column its object does not list still gets a row; unknown objects are skipped', async (t) => {
  const m = chainModel()
  const b = m.model.dbobjs.find((o) => o.name === 'b')!
  m.model.relations.push({
    id: '99', type: 'fdd',
    target: { id: '777', column: 'extra', parentId: b.id, parentName: 'b', coordinates: [] },
    sources: [{ id: '888', column: 'ghost', parentId: 'nope', parentName: 'ghost', coordinates: [] },
      { id: m.col('a', 'y').id, column: 'y', parentId: m.col('a', 'y').obj.id, parentName: 'a', coordinates: [] }],
  })
  const g = buildGraph(m.model, A)
  t.same(g.elements.tables[1]!.columns.map((r) => r.label.content), ['x', 'extra'])
  t.same(g.listIdMap['n1::n1'], ['777'])
  t.equal(g.elements.edges.length, 5)
})
