// Zetyun module catalogue and projects (spec §B.5, §B.8): listing, paging, sorting, filters,
// CRUD, tags, projects and tenant isolation; on both stores.
import t from 'tap'
import { onEachStore } from '../koodrive/stores.js'
import { NOT_FOUND, call, newTenant, uniq, zetyunApp } from './helpers.js'

const SPEC_KEYS = ['Category Tags'.replace(' ', ''), 'Cmd', 'Description', 'Input', 'Name', 'Output', 'Param', 'Version'].sort()
const MODULE_KEYS = ['creator', 'description', 'id', 'lastModifyTime', 'name', 'refNum', 'spec', 'style', 'tags', 'templateType', 'type', 'version', 'versionId']

function moduleBody (name: string, extra: Record<string, unknown> = {}) {
  return {
    name,
    description: `${name} description`,
    tags: ['R'],
    spec: { Name: name, Description: 'r module', Version: '0.1', CategoryTags: ['R'], Cmd: 'Rscript main.R', Param: { alpha: { Default: '1', Type: 'string' } }, Input: { data: ['csv'] }, Output: { result: ['csv'] } },
    ...extra,
  }
}

onEachStore(t, 'zy-catalogue', async (t, store) => {
  const { app, zy } = await zetyunApp(t, store)
  const a = await newTenant(zy)
  const b = await newTenant(zy)
  const created: number[] = []
  for (let i = 0; i < 5; i++) {
    const res = await call(app, 'POST', '/tf/module', a.token, moduleBody(`mod${i}`, i === 3 ? { description: 'cost 100%_off \'quoted" \\ here', tags: ['Python'] } : {}))
    t.equal(res.statusCode, 200)
    created.push(res.json().data.id)
    await new Promise((r) => setTimeout(r, 3)) // distinct lastModifyTime
  }

  t.test('the excerpt\'s query returns ≤ 10 modules by lastModifyTime desc, PascalCase spec', async (t) => {
    const res = await call(app, 'GET', '/tf/module/list?moduleType=module&num=10&order_key=&order_by=DESC', a.token)
    t.equal(res.statusCode, 200)
    const body = res.json()
    t.equal(body.code, 0)
    t.ok(Array.isArray(body.data))
    t.ok(body.data.length <= 10)
    t.equal(body.total, 7, '5 own + 2 built-in')
    t.equal(body.num, 10)
    t.equal(body.page, 1)
    for (const m of body.data) {
      t.same(Object.keys(m).sort(), MODULE_KEYS)
      t.same(Object.keys(m.spec).sort(), SPEC_KEYS)
    }
    const times = body.data.map((m: { lastModifyTime: string }) => m.lastModifyTime)
    t.same(times, [...times].sort().reverse())
    t.same(body.data.slice(0, 5).map((m: { id: number }) => m.id), [...created].reverse())
  })

  t.test('built-in modules carry the seed spec shape', async (t) => {
    const res = (await call(app, 'GET', '/tf/module/1', a.token)).json().data
    t.equal(res.name, 'SQL Lineage')
    t.equal(res.spec.Cmd, 'builtin:sql-lineage')
    t.same(res.spec.Input, { sql: ['sql'] })
    t.same(Object.keys(res.spec.Param).sort(), ['dbvendor', 'ignoreRecordSet', 'showRelationType', 'simpleOutput'])
    t.same(res.spec.Output, { lineage: ['json'], lineage_csv: ['csv'] })
    const exp = (await call(app, 'GET', '/tf/module/2', a.token)).json().data
    t.equal(exp.name, 'Lineage Export')
    t.same(exp.spec.Output, { openlineage: ['ndjson'], graphml: ['graphml'] })
    t.equal((await call(app, 'PUT', '/tf/module/1', a.token, moduleBody('x'))).statusCode, 403, 'built-ins are read-only')
    t.equal((await call(app, 'DELETE', '/tf/module/2', a.token)).statusCode, 403)
  })

  t.test('paging, reverse order, filters', async (t) => {
    const p1 = (await call(app, 'GET', '/tf/module/list?num=3&page=1&order_key=id&order_by=asc', a.token)).json()
    const p2 = (await call(app, 'GET', '/tf/module/list?num=3&page=2&order_key=id&order_by=asc', a.token)).json()
    const p3 = (await call(app, 'GET', '/tf/module/list?num=3&page=3&order_key=id&order_by=asc', a.token)).json()
    const ids = [...p1.data, ...p2.data, ...p3.data].map((m: { id: number }) => m.id)
    t.same(ids, [1, 2, ...created], 'pages continue without duplicates')
    const past = (await call(app, 'GET', '/tf/module/list?num=3&page=9', a.token)).json()
    t.same(past.data, [])
    t.equal(past.total, 7)
    const desc = (await call(app, 'GET', '/tf/module/list?order_key=id&order_by=DESC', a.token)).json().data.map((m: { id: number }) => m.id)
    t.same(desc, [...ids].reverse(), 'DESC reverses')
    const byName = (await call(app, 'GET', '/tf/module/list?order_key=name&order_by=asc', a.token)).json().data.map((m: { name: string }) => m.name)
    t.same(byName, [...byName].sort((x: string, y: string) => x.localeCompare(y)))
    const r = (await call(app, 'GET', '/tf/module/list?tags=R', a.token)).json()
    t.equal(r.total, 4)
    const orTags = (await call(app, 'GET', '/tf/module/list?tags=python,lineage', a.token)).json()
    t.equal(orTags.total, 3, 'tags are OR-ed: 1 python + 2 built-ins')
    const kw = (await call(app, 'GET', `/tf/module/list?keyword=${encodeURIComponent('%_\'"')}`, a.token)).json()
    t.equal(kw.total, 0, 'no module contains the literal sequence')
    const lit = (await call(app, 'GET', `/tf/module/list?keyword=${encodeURIComponent('100%_off \'quoted"')}`, a.token)).json()
    t.same(lit.data.map((m: { name: string }) => m.name), ['mod3'], 'keyword matches literally')
    const pct = (await call(app, 'GET', `/tf/module/list?keyword=${encodeURIComponent('%')}`, a.token)).json()
    t.equal(pct.total, 1, '% is not a wildcard')
    const ds = (await call(app, 'GET', '/tf/module/list?moduleType=datasource', a.token)).json()
    t.equal(ds.total, 0)
    const big = (await call(app, 'GET', '/tf/module/list?num=100000', a.token)).json()
    t.equal(big.num, 200, 'num is clamped')
  })

  t.test('bad paging and sorting are 400', async (t) => {
    for (const q of ['num=0', 'num=-1', 'num=abc', 'num=1e3', 'page=0', 'order_by=DROP', 'order_key=pwdhash', 'order_key=__proto__', 'moduleType=weird', 'num=1&num=2']) {
      const res = await call(app, 'GET', `/tf/module/list?${q}`, a.token)
      t.equal(res.statusCode, 400, q)
      t.equal(res.json().code, 40001, q)
      t.equal(res.json().data, null)
    }
  })

  t.test('module CRUD and tags, tenant-scoped', async (t) => {
    const id = created[0]!
    const upd = await call(app, 'PUT', `/tf/module/${id}`, a.token, moduleBody('renamed', { tags: ['R', 'Stats'] }))
    t.equal(upd.statusCode, 200)
    t.equal(upd.json().data.name, 'renamed')
    t.equal(upd.json().data.versionId, 2)
    t.same((await call(app, 'GET', '/tf/module/tags', a.token)).json().data, ['Export', 'Lineage', 'Python', 'R', 'SQL', 'Stats'])
    t.same((await call(app, 'GET', '/tf/module/tags', b.token)).json().data, ['Export', 'Lineage', 'SQL'], 'other tenant sees built-ins only')
    for (const [method, body] of [['GET', undefined], ['PUT', moduleBody('hijack')], ['DELETE', undefined]] as const) {
      const res = await call(app, method, `/tf/module/${id}`, b.token, body)
      t.equal(res.statusCode, 404, `${method} of another tenant's module`)
      t.same(res.json(), NOT_FOUND)
    }
    t.equal((await call(app, 'GET', '/tf/module/list', b.token)).json().total, 2)
    const del = await call(app, 'DELETE', `/tf/module/${created[4]}`, a.token)
    t.equal(del.statusCode, 200)
    t.equal((await call(app, 'GET', `/tf/module/${created[4]}`, a.token)).statusCode, 404)
    const bad = await call(app, 'POST', '/tf/module', a.token, { name: 'x', spec: { Name: 'x' } })
    t.equal(bad.statusCode, 400)
  })

  t.test('projects: create, get, list, isolation, validation', async (t) => {
    const body = {
      name: uniq('proj'), description: 'p',
      workflow: [{ id: 'lineage', moduleId: 1, params: { dbvendor: 'dbvoracle' }, inputs: { sql: ['a.sql'] } }],
      files: [{ name: 'a.sql', text: 'insert into t2 select * from t1;' }],
    }
    const res = await call(app, 'POST', '/projects', a.token, body)
    t.equal(res.statusCode, 200)
    const p = res.json().data
    t.same(p.files, [{ name: 'a.sql', size: 32 }])
    t.equal(typeof p.id, 'number')
    t.same((await call(app, 'GET', `/projects/${p.id}`, a.token)).json().data, p)
    const other = await call(app, 'GET', `/projects/${p.id}`, b.token)
    t.equal(other.statusCode, 404)
    t.same(other.json(), NOT_FOUND)
    t.equal((await call(app, 'GET', '/projects/999999', a.token)).statusCode, 404)
    const list = (await call(app, 'GET', '/projects?orderkey=name&orderby=asc', a.token)).json()
    t.equal(list.total, 1)
    t.equal((await call(app, 'GET', '/projects', b.token)).json().total, 0)
    t.equal((await call(app, 'GET', '/tf/module/1', a.token)).json().data.refNum, 1, 'refNum counts projects using the module')
    t.equal((await call(app, 'GET', '/tf/module/1', b.token)).json().data.refNum, 0, 'per tenant')
    const mod = created[1]!
    await call(app, 'POST', '/projects', a.token, { name: 'uses r', workflow: [{ id: 'r', moduleId: mod }] })
    t.equal((await call(app, 'DELETE', `/tf/module/${mod}`, a.token)).statusCode, 409, 'a module in use cannot be deleted')
    const bads = [
      { ...body, workflow: [{ id: 'x', moduleId: created[2] }] }, // other tenant's module (for b)
      { ...body, workflow: [{ id: 'x', moduleId: 1, inputs: { sql: ['missing.sql'] } }] },
      { ...body, files: [{ name: '../etc/passwd', text: '' }] },
      { ...body, workflow: [{ id: 'a', moduleId: 1 }, { id: 'a', moduleId: 1 }] },
      { name: '' , workflow: [] },
    ]
    for (const bad of bads) {
      const r = await call(app, 'POST', '/projects', b.token, bad)
      t.equal(r.statusCode, 400, JSON.stringify(bad).slice(0, 80))
      t.equal(r.json().code, 40001)
    }
  })
})
