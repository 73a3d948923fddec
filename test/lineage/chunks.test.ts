// Big inputs are analysed in pieces; lineage and coordinates must be exactly those of one pass.
import t from 'tap'
import { analyze, analyzeAsync } from '../../lineage/index.js'
import { splitChunks } from '../../lineage/lexer/chunks.js'
import { dialectOf } from '../../lineage/dialects/spec.js'

const block = (i: number) => `INSERT INTO t${i} (a)\nSELECT s.a FROM src s WHERE s.note <> 'x;\nCREATE y';\n/* a comment;\nINSERT INTO nope */\n`
const parts: string[] = []
let size = 0
for (let i = 0; size < 2.5 * 1024 * 1024; i++) { const b = block(i); parts.push(b); size += b.length }
const sql = parts.join('')

t.test('pieces end only at statement boundaries', async (t) => {
  const chunks = splitChunks(sql, dialectOf('dbvpostgresql'))
  t.ok(chunks.length >= 2, `${chunks.length} pieces`)
  t.equal(chunks.map((c) => c.text).join(''), sql, 'the pieces are the text')
  for (const c of chunks.slice(1)) t.match(c.text.slice(0, 12), /^(\/\* a comment|INSERT INTO)/)
})

t.test('coordinates in a later piece are absolute', async (t) => {
  const r = analyze(sql, { dbvendor: 'dbvpostgresql' })
  t.equal(r.statements.length, parts.length)
  t.same((r.model.errors ?? []).filter((e) => e.errorType !== 'SyntaxHint'), [])
  const last = parts.length - 1
  const obj = r.model.dbobjs.find((o) => o.name === `t${last}`)!
  t.same(obj.coordinates[0], { x: last * 5 + 1, y: 13, hashCode: '0' })
  t.equal(r.statements[last].start.line, last * 5 + 1)
})

t.test('analyzeAsync: the same result, and the event loop gets turns between pieces', async (t) => {
  const sync = analyze(sql, { dbvendor: 'dbvpostgresql' })
  let turns = 0
  const tick = setInterval(() => { turns++ }, 0)
  const r = await analyzeAsync(sql, { dbvendor: 'dbvpostgresql' }, 0)
  clearInterval(tick)
  t.ok(turns > 0, `${turns} timer turns during the analysis`)
  t.equal(JSON.stringify(r.model), JSON.stringify(sync.model))
  t.equal(JSON.stringify(r.statements), JSON.stringify(sync.statements))
})
