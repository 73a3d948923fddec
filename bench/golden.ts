// Engine regression check for refactors that must not change any output: hashes the full model and
// statements of every conformance case (4 option sets), every vendor fixture (single and multi-file)
// and three warehouse scripts. `save` writes the hashes; a later run compares against them.
// Usage: node --import tsx bench/golden.ts /tmp/golden.json save   …change…   node --import tsx bench/golden.ts /tmp/golden.json
import { createHash } from 'node:crypto'
import { writeFileSync, readFileSync, existsSync } from 'node:fs'
import { analyze } from '../lineage/index.js'
import { loadCases } from '../test/helpers/conformance.js'
import { fixtureFiles, ALL_VENDORS } from '../test/helpers/vendor-fixtures.js'
import { warehouseScript } from './engine-sql.js'
const out: Record<string, string> = {}
const opts = [{}, { simpleOutput: true }, { showConstantTable: true }, { ignoreFunction: true }]
const put = (k: string, sql: string | { files: { name: string; text: string }[] }, vendor: string, o: object) => {
  const r = analyze(sql as never, { dbvendor: vendor, options: o as never })
  const m = r.model
  out[k] = createHash('md5').update(JSON.stringify(m)).update(JSON.stringify(r.statements)).digest('hex')
}
for (const c of loadCases()) for (const [i, o] of opts.entries()) put(`case:${c.id}:${i}`, c.sql, c.dbvendor, { ...c.options, ...o })
for (const v of ALL_VENDORS) {
  const files = fixtureFiles(v)
  const vendor = v === 'mdx' ? 'dbvmdx' : `dbv${v}`
  for (const f of files) put(`vendor:${f.file}`, f.text, vendor, {})
  put(`vendor-multi:${v}`, { files: files.map((f) => ({ name: f.file, text: f.text })) }, vendor, {})
}
put('wh:256k', warehouseScript(256 * 1024), 'dbvpostgresql', {})
put('wh:200k-oracle', warehouseScript(200 * 1024), 'dbvoracle', {})
put('wh:200k-mssql', warehouseScript(200 * 1024), 'dbvmssql', {})
const file = process.argv[2]
if (process.argv[3] === 'save' || !existsSync(file)) { writeFileSync(file, JSON.stringify(out, null, 1)); console.log('saved', Object.keys(out).length) }
else {
  const old = JSON.parse(readFileSync(file, 'utf8')); let diff = 0
  for (const k of Object.keys(old)) if (old[k] !== out[k]) { diff++; if (diff < 20) console.log('DIFF', k) }
  console.log(`${Object.keys(old).length} outputs, ${diff} differ`)
}
