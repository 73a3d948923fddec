import { test } from 'tap'
import { toGraphml } from '../../../lineage/export/index.js'
import { dataOf, findAll, parseXml, type XmlElement } from '../../helpers/xml.js'
import { fixtureModel } from './fixture.js'

const label = (n: XmlElement): string | undefined => findAll(n, 'y:NodeLabel')[0]?.text

test('column-level GraphML: yEd groups per table, a ShapeNode per column, typed edges', async (t) => {
  const root = parseXml(toGraphml(fixtureModel()))
  t.equal(root.name, 'graphml')
  t.equal(root.attrs['xmlns:y'], 'http://www.yworks.com/xml/graphml')
  t.ok(findAll(root, 'key').some((k) => k.attrs['yfiles.type'] === 'nodegraphics'), 'yEd node graphics key')
  const groups = findAll(root, 'node').filter((n) => n.attrs['yfiles.foldertype'] === 'group')
  t.same(groups.map((g) => dataOf(g, 'd3')).sort(), ['INSERT-SELECT-1', 'RS-1', 'dw.sales_summary', 'rpt.v,region', 'stg.sales'])
  const sales = groups.find((g) => dataOf(g, 'd3') === 'stg.sales')!
  const columns = findAll(sales, 'node').filter((n) => n !== sales)
  t.same(columns.map((c) => findAll(c, 'y:ShapeNode').length === 1 && label(c)).sort(), ['amount', 'region', 'status'])
  const edges = findAll(root, 'edge')
  t.equal(edges.length, 9)
  const ids = new Set(findAll(root, 'node').map((n) => n.attrs.id))
  t.ok(edges.every((e) => ids.has(e.attrs.source!) && ids.has(e.attrs.target!)), 'every edge end is a node')
  t.same(edges.map((e) => dataOf(e, 'd6')).sort(), ['fdd', 'fdd', 'fdd', 'fdd', 'fdd', 'fdd', 'fdr', 'fdr', 'fdr'])
  const fdr = edges.find((e) => dataOf(e, 'd6') === 'fdr')!
  t.equal(findAll(fdr, 'y:LineStyle')[0]!.attrs.type, 'dashed')
})

test('layers place sources left of targets', async (t) => {
  const root = parseXml(toGraphml(fixtureModel()))
  const x = (name: string): number => {
    const g = findAll(root, 'node').find((n) => dataOf(n, 'd3') === name)!
    return Number(findAll(g, 'y:Geometry')[0]!.attrs.x)
  }
  t.ok(x('stg.sales') < x('INSERT-SELECT-1'))
  t.ok(x('INSERT-SELECT-1') < x('dw.sales_summary'))
  t.ok(x('dw.sales_summary') < x('rpt.v,region'))
})

test('tableToTable GraphML: one ShapeNode per dataset', async (t) => {
  const root = parseXml(toGraphml(fixtureModel(), { tableToTable: true }))
  const nodes = findAll(root, 'node')
  t.same(nodes.map(label).sort(), ['dw.sales_summary', 'rpt.v,region', 'stg.sales'])
  t.same(findAll(root, 'edge').map((e) => [e.attrs.source, e.attrs.target, dataOf(e, 'd7')]), [
    ['n1', 'n3', 'insert'], ['n3', 'n5', 'create_view'],
  ])
})

test('markup in names is escaped', async (t) => {
  const m = fixtureModel()
  m.dbobjs[0]!.name = 'stg."<a&b>"'
  const root = parseXml(toGraphml(m, { tableToTable: true }))
  t.ok(findAll(root, 'node').some((n) => label(n) === 'stg.<a&b>'))
})
