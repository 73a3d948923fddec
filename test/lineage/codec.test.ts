// The compact result codec: what jobs and sessions store must give back exactly the model the
// analysis made (objects, columns, coordinates, relations with their annotations, errors, statements).
import t, { type Test } from 'tap'
import { readFileSync, readdirSync } from 'node:fs'
import { analyze } from '../../lineage/index.js'
import { decodeResult, encodeResult } from '../../lineage/model/codec.js'
import { ModelStore, analysisResult } from '../../lineage/model/store.js'
import type { AnalysisResult } from '../../lineage/index.js'

const fixtures = new URL('../fixtures/vendors/', import.meta.url)

function roundTrip(t: Test, r: AnalysisResult, what: string): void {
  const parts = encodeResult(r)
  t.ok(parts.every((p) => typeof p === 'string'), `${what}: parts are strings`)
  const back = decodeResult(parts)
  t.same(JSON.parse(JSON.stringify(back.model)), JSON.parse(JSON.stringify(r.model)), `${what}: same model`)
  t.same(back.statements, JSON.parse(JSON.stringify(r.statements)), `${what}: same statements`)
  t.same(back.stats, r.stats, `${what}: same stats`)
  t.equal(back.dbvendor, r.dbvendor)
}

t.test('every vendor fixture survives encode → decode', async (t) => {
  for (const f of readdirSync(fixtures).filter((x) => x.endsWith('.sql'))) {
    const vendor = `dbv${f.replace('.sql', '')}`
    roundTrip(t, analyze(readFileSync(new URL(f, fixtures), 'utf8'), { dbvendor: vendor }), f)
  }
})

t.test('a multi-file job keeps file hash codes, errors and join/function relations', async (t) => {
  const r = analyze({
    files: [
      { name: 'a/load.sql', text: 'CREATE TABLE s (a int, b int);\nINSERT INTO t (x, y) SELECT upper(s.a), count(*) FROM s JOIN u ON s.b = u.b GROUP BY s.a;' },
      { name: 'b/bad.sql', text: 'SELECT FROM WHERE;\nINSERT INTO w SELECT x FROM t;' },
    ],
  }, { dbvendor: 'dbvpostgresql', options: { showConstantTable: true } })
  t.ok(r.model.relations.some((x) => x.type === 'join'), 'has a join relation')
  t.ok(r.model.relations.some((x) => x.function), 'has a function relation')
  t.ok((r.model.errors ?? []).some((e) => e.errorType === 'SyntaxError'), 'has a syntax error')
  roundTrip(t, r, 'multi-file')
  const hashes = new Set(decodeResult(encodeResult(r)).model.dbobjs.flatMap((o) => o.coordinates.map((c) => c.hashCode)))
  t.equal(hashes.size, 2, 'two files, two hash codes')
})

t.test('a model too big for one string is split into parts of bounded size', async (t) => {
  const stmt = (i: number) => `INSERT INTO sink_${i % 50} (a, b) SELECT s.a, s.b + ${i} FROM src_${i % 70} s WHERE s.c > ${i};\n`
  let sql = ''
  for (let i = 0; sql.length < 1_500_000; i++) sql += stmt(i)
  const r = analyze(sql, { dbvendor: 'dbvoracle' })
  const parts = encodeResult(r, { slice: 2000 })
  const manifest = JSON.parse(parts[0]) as { objects: number[]; statements: number[] }
  t.ok(manifest.objects.length >= 5 && manifest.statements.length >= 5, `objects in ${manifest.objects.length} parts`)
  t.ok(Math.max(...parts.map((p) => p.length)) < 16 * 1024 * 1024, 'no part above 16 MB')
  const back = decodeResult(parts)
  t.equal(back.model.relations.length, r.model.relations.length)
  t.same(back.model.relations.at(-1), JSON.parse(JSON.stringify(r.model.relations.at(-1))))
})

t.test('a foreign or damaged result is refused with an error, not a wrong model', async (t) => {
  t.throws(() => decodeResult([]), /unknown format/)
  t.throws(() => decodeResult([JSON.stringify({ v: 99 })]), /unknown format/)
})

t.test('a store with more objects than a call may have arguments decodes (no push(...list))', async (t) => {
  const store = new ModelStore()
  for (let i = 0; i < 300_000; i++) store.addObject(String(i + 1), `t${i}`, 'table', 0, -1)
  const back = decodeResult(encodeResult(analysisResult(store, 'dbvoracle', [], { bytes: 0, statements: 0, millis: 0, truncated: false })))
  t.equal(back.store.objects.length, 300_000)
  t.equal(back.store.objects[299_999].name, 't299999')
})
