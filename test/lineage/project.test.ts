// simpleOutput / ignoreRecordSet computed on the compact store (what job exports use) must give
// exactly what the SQLFlow-model projection gives: same objects, same end-to-end relations, same
// coordinates, in the same order.
import t from 'tap'
import { readFileSync, readdirSync } from 'node:fs'
import { analyze, projectModel } from '../../lineage/index.js'
import { projectResult } from '../../lineage/model/project.js'
import { decodeResult, encodeResult } from '../../lineage/model/codec.js'
import type { ModelOptions } from '../../lineage/index.js'

const vendors = new URL('../fixtures/vendors/', import.meta.url)
const cases = new URL('../fixtures/conformance/cases/', import.meta.url)
const json = (v: unknown): unknown => JSON.parse(JSON.stringify(v))

const options: Array<Partial<ModelOptions>> = [
  { simpleOutput: true },
  { ignoreRecordSet: true },
  { simpleOutput: true, showRelationType: ['fdd', 'fdr', 'join'] },
  { ignoreRecordSet: true, showRelationType: ['fdd', 'fdr'] },
]

t.test('every vendor fixture: store projection = model projection', async (t) => {
  for (const f of readdirSync(vendors).filter((x) => x.endsWith('.sql'))) {
    const r = analyze(readFileSync(new URL(f, vendors), 'utf8'), { dbvendor: `dbv${f.replace('.sql', '')}` })
    for (const o of options) t.same(json(projectResult(r, o)), json(projectModel(r.model, o)), `${f} ${JSON.stringify(o)}`)
  }
})

t.test('every conformance case: store projection = model projection, also after encode/decode', async (t) => {
  let n = 0
  for (const dir of readdirSync(cases)) {
    for (const f of readdirSync(new URL(`${dir}/`, cases))) {
      const c = JSON.parse(readFileSync(new URL(`${dir}/${f}`, cases), 'utf8')) as { sql?: string; dbvendor: string }
      if (typeof c.sql !== 'string') continue
      const r = analyze(c.sql, { dbvendor: c.dbvendor })
      const back = decodeResult(encodeResult(r))
      for (const o of options) {
        const want = json(projectModel(r.model, o))
        t.same(json(projectResult(r, o)), want, `${dir}/${f} ${JSON.stringify(o)}`)
        t.same(json(projectResult(back, o)), want, `${dir}/${f} decoded ${JSON.stringify(o)}`)
      }
      n++
    }
  }
  t.ok(n >= 150, `${n} cases`)
})

t.test('a chain through a derived table collapses to end-to-end edges between the tables', async (t) => {
  const r = analyze(`
    CREATE TABLE s (a int, b int);
    INSERT INTO d (x, y) SELECT q.a, q.a + q.b FROM (SELECT a, b FROM s WHERE b > 0) q WHERE q.b < 9;`, { dbvendor: 'dbvpostgresql' })
  const p = projectResult(r, { simpleOutput: true, showRelationType: ['fdd', 'fdr'] })
  const edges = p.relations.map((x) => `${x.type} ${x.sources.map((s) => `${s.parentName}.${s.column}`).sort().join(',')} -> ${x.target.parentName}.${x.target.column}`)
  t.same(edges.sort(), ['fdd s.a -> d.x', 'fdd s.a,s.b -> d.y', 'fdr s.b -> d.RelationRows'])
  t.same(json(p), json(projectModel(r.model, { simpleOutput: true, showRelationType: ['fdd', 'fdr'] })))
})
