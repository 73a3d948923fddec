// The offline CLI: same engine and exporters as the server, with the documented exit codes.
import t from 'tap'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))
const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(root, 'cli/index.ts'), 'analyze', ...args], { encoding: 'utf8', cwd: root })

const dir = mkdtempSync(join(tmpdir(), 'lg-cli-'))
mkdirSync(join(dir, 'etl'))
writeFileSync(join(dir, 'etl', '01_load.sql'), 'INSERT INTO dw.fact (id, amt) SELECT s.id, s.amount FROM stage.sales s WHERE s.ok = 1;\n')
writeFileSync(join(dir, 'etl', '02_report.sql'), 'SELECT f.amt AS total FROM dw.fact f;\n')
writeFileSync(join(dir, 'broken.sql'), 'SELEC oops;\n')

t.test('json of a folder, analysed as one script across files, simple output', async (t) => {
  const r = cli(join(dir, 'etl'), '--vendor', 'dbvpostgresql', '--simple', '--relation-types', 'fdd,fdr')
  t.equal(r.status, 0, r.stderr)
  const model = JSON.parse(r.stdout)
  const edges = model.relations.map((x: { type: string; sources: Array<{ parentName: string; column: string }>; target: { parentName: string; column: string } }) =>
    x.sources.map((s) => `${x.type}:${s.parentName}.${s.column}->${x.target.parentName}.${x.target.column}`)).flat().sort()
  t.same(edges, ['fdd:stage.sales.amount->dw.fact.amt', 'fdd:stage.sales.id->dw.fact.id', 'fdr:stage.sales.ok->dw.fact.RelationRows'])
  t.notOk('persistent' in model.dbobjs[0], 'engine-only fields are stripped')
})

t.test('csv and graphml formats', async (t) => {
  const csv = cli(join(dir, 'etl'), '--vendor', 'postgresql', '--format', 'csv', '--simple', '--delimiter', ';')
  t.equal(csv.status, 0)
  t.match(csv.stdout.split('\n')[0], /^source_db;source_schema;source_table;source_column;target_db;target_schema;target_table;target_column;relation_type;effect_type$/)
  t.ok(csv.stdout.includes('DEFAULT;stage;sales;amount;DEFAULT;dw;fact;amt;fdd'))
  const gml = cli(join(dir, 'etl'), '--vendor', 'postgresql', '--format', 'graphml', '--simple')
  t.equal(gml.status, 0)
  t.match(gml.stdout, /<graphml[\s\S]*<edge /)
})

t.test('exit 1 on analysis errors, 2 on usage errors', async (t) => {
  const bad = cli(join(dir, 'broken.sql'), '--vendor', 'dbvoracle')
  t.equal(bad.status, 1)
  t.match(bad.stderr, /SyntaxError/)
  t.equal(cli(join(dir, 'broken.sql')).status, 2, 'no vendor')
  t.equal(cli(join(dir, 'broken.sql'), '--vendor', 'dbvnope').status, 2, 'unknown vendor')
  t.equal(cli(join(dir, 'missing.sql'), '--vendor', 'dbvoracle').status, 2, 'missing file')
  t.equal(cli(join(dir, 'broken.sql'), '--vendor', 'dbvoracle', '--format', 'pdf').status, 2, 'unknown format')
})
