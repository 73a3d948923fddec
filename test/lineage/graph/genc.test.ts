// Generation C projection (spec §3.1–3.2.2): hierarchy per vendor, every object reachable by id,
// relationships with normalised names, processes.
import { test } from 'tap'
import { toGenC, type GenCModel, type GenCObject } from '../../../lineage/model/genc.js'
import { ModelBuilder } from './fixtures.js'

/** Every object in the hierarchy, as the widget walks it (any list whose items have `id`). */
function allObjects (c: GenCModel): GenCObject[] {
  const out: GenCObject[] = []
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) {
        if (item && typeof item === 'object' && 'id' in item) out.push(item as GenCObject)
        else walk(item)
      }
    } else if (node && typeof node === 'object') {
      for (const v of Object.values(node)) walk(v)
    }
  }
  walk(c.dbobjs.servers)
  return out
}

function model (vendor: string): ModelBuilder {
  const m = new ModelBuilder(vendor)
  m.obj('scott.emp', ['empno', 'ename'], 'table', { schema: 'scott' })
  m.obj('hr.dw.emp_copy', ['"EmpNo"'], 'table', { database: 'hr', schema: 'dw' })
  m.obj('v_emp', ['empno'], 'view')
  m.obj('RS-1', ['empno'], 'select_list')
  m.obj('Query Insert-1', [], 'process', { procedureName: 'batchQueries', queryHashId: 'abc' })
  m.rel('fdd', ['scott.emp.empno'], 'RS-1.empno')
  const p = m.model.dbobjs.find((o) => o.type === 'process')!.id
  m.rel('fdd', ['RS-1.empno'], 'hr.dw.emp_copy."EmpNo"', { processId: p, dataflow: { kind: 'direct', subtype: 'identity' } })
  m.rel('fdr', ['scott.emp.ename'], 'v_emp.RelationRows')
  m.model.errors = [{ errorType: 'SyntaxHint', errorMessage: 'hint', coordinates: [] }]
  return m
}

test('postgresql: servers → databases → schemas; unknown levels are DEFAULT', async (t) => {
  const m = model('dbvpostgresql')
  const c = toGenC(m.model)
  t.equal(c.dbvendor, 'dbvpostgresql')
  const server = c.dbobjs.servers[0]!
  t.match(server, { name: 'DEFAULT_SERVER', dbVendor: 'dbvpostgresql', supportsCatalogs: true, supportsSchemas: true })
  t.same(server.databases!.map((d) => [d.name, d.schemas!.map((s) => s.name)]), [['DEFAULT', ['scott', 'DEFAULT']], ['hr', ['dw']]])
  const scott = server.databases![0]!.schemas![0]!
  t.same(scott.tables.map((o) => [o.name, o.displayName, o.type]), [['emp', 'scott.emp', 'table']])
  const dflt = server.databases![0]!.schemas![1]!
  t.same(dflt.views.map((o) => o.name), ['v_emp'])
  t.same(dflt.others.map((o) => [o.name, o.type]), [['RS-1', 'select_list']])
  t.same(dflt.processes.map((o) => [o.name, o.type, o.uiVisible]), [['Query Insert-1', undefined, false]], 'untyped inside dbobjs')
  t.same(new Set(allObjects(c).map((o) => o.id)), new Set(m.model.dbobjs.map((o) => o.id)), 'every object reachable')
})

test('oracle: no database level; mysql: no schema level', async (t) => {
  const ora = toGenC(model('dbvoracle').model).dbobjs.servers[0]!
  t.match(ora, { supportsCatalogs: false, supportsSchemas: true })
  t.notOk('databases' in ora)
  t.same(ora.schemas!.map((s) => s.name), ['scott', 'dw', 'DEFAULT'])
  const my = toGenC(model('dbvmysql').model).dbobjs.servers[0]!
  t.match(my, { supportsCatalogs: true, supportsSchemas: false })
  t.notOk('schemas' in my)
  t.same(my.databases!.map((d) => d.name), ['DEFAULT', 'hr'])
  t.same(my.databases![1]!.tables!.map((o) => o.displayName), ['hr.dw.emp_copy'])
  for (const vendor of ['dbvoracle', 'dbvmysql']) {
    const m = model(vendor)
    t.same(new Set(allObjects(toGenC(m.model)).map((o) => o.id)), new Set(m.model.dbobjs.map((o) => o.id)), vendor)
  }
})

test('relationships: names normalised per vendor, quoted parts keep case, annotations stripped, processType', async (t) => {
  const ora = toGenC(model('dbvoracle').model)
  t.same(ora.relationships.map((r) => `${r.sources[0]!.parentName}.${r.sources[0]!.column}>${r.target.parentName}.${r.target.column}`),
    ['SCOTT.EMP.EMPNO>RS-1.EMPNO', 'RS-1.EMPNO>HR.DW.EMP_COPY.EmpNo', 'SCOTT.EMP.ENAME>V_EMP.RelationRows'])
  t.notOk('dataflow' in ora.relationships[1]!)
  t.equal(ora.relationships[1]!.processType, 'sstinsert')
  const pg = toGenC(model('dbvpostgresql').model)
  t.equal(pg.relationships[0]!.sources[0]!.parentName, 'scott.emp', 'postgres folds to lower case')
  t.same(pg.processes, [{
    id: m5(pg), name: 'Query Insert-1', procedureName: 'batchQueries', queryHashId: 'abc', type: 'sstinsert',
    coordinates: pg.processes[0]!.coordinates, uiVisible: false,
  }])
  t.same(pg.errors, [{ errorType: 'SyntaxHint', errorMessage: 'hint', coordinates: [] }])
})

test('system columns are hidden from the widget tree', async (t) => {
  const c = toGenC(model('dbvoracle').model)
  const emp = allObjects(c).find((o) => o.displayName === 'scott.emp')!
  t.same(emp.columns!.map((col) => [col.name, col.uiVisible]), [['empno', undefined], ['ename', undefined], ['RelationRows', false]])
})

function m5 (c: GenCModel): string {
  return c.processes[0]!.id
}
