import { test } from 'tap'
import { CSV_COLUMNS, parseCsv, parseDelimiter, toCsv } from '../../../lineage/export/index.js'
import { fixtureModel } from './fixture.js'

const HEADER = 'source_db,source_schema,source_table,source_column,target_db,target_schema,target_table,target_column,relation_type,effect_type'

test('column-level CSV: widget header, DEFAULT for unknown db/schema, one row per column pair', async (t) => {
  const csv = toCsv(fixtureModel())
  const rows = parseCsv(csv)
  t.equal(csv.split('\n')[0], HEADER)
  t.same(rows[0], [...CSV_COLUMNS])
  const body = rows.slice(1).map((r) => r.join('|'))
  t.equal(body.length, 9, 'one row per relation source')
  t.ok(body.includes('DEFAULT|stg|sales|amount|DEFAULT|DEFAULT|INSERT-SELECT-1|total|fdd|select'))
  t.ok(body.includes('DEFAULT|stg|sales|status|DEFAULT|DEFAULT|INSERT-SELECT-1|RelationRows|fdr|select'))
  t.ok(body.includes('DEFAULT|DEFAULT|RS-1|region|DEFAULT|rpt|v,region|region|fdd|create_view'))
})

test('a name holding the delimiter is quoted and parses back', async (t) => {
  const csv = toCsv(fixtureModel())
  t.match(csv, /,"v,region",region,fdd,create_view\n/)
  const semi = toCsv(fixtureModel(), { delimiter: ';' })
  t.match(semi, /;v,region;region;fdd;create_view\n/, 'not quoted when the delimiter differs')
  t.same(parseCsv(semi, ';')[0], [...CSV_COLUMNS])
})

test('tableToTable collapses result sets: datasets only, pseudo column TABLE', async (t) => {
  const rows = parseCsv(toCsv(fixtureModel(), { tableToTable: true })).slice(1).map((r) => r.join('|'))
  t.same(rows, [
    'DEFAULT|dw|sales_summary|TABLE|DEFAULT|rpt|v,region|TABLE|fdd|create_view',
    'DEFAULT|stg|sales|TABLE|DEFAULT|dw|sales_summary|TABLE|fdd|insert',
  ])
})

test('tableToTable: a pair connected only through fdr hops is fdr', async (t) => {
  const m = fixtureModel()
  m.relations = m.relations.filter((r) => ['r3', 'r7'].includes(r.id))
  const rows = parseCsv(toCsv(m, { tableToTable: true })).slice(1)
  t.same(rows.map((r) => [r[2], r[6], r[8]]), [['sales', 'sales_summary', 'fdr']])
})

test('includeTable keeps rows touching that table (qualified or bare, any case)', async (t) => {
  const bare = parseCsv(toCsv(fixtureModel(), { includeTable: 'V,REGION' })).slice(1)
  t.equal(bare.length, 1)
  const qualified = parseCsv(toCsv(fixtureModel(), { includeTable: 'stg.sales' })).slice(1)
  t.equal(qualified.length, 4)
  t.ok(qualified.every((r) => r[2] === 'sales'))
})

test('parseDelimiter', async (t) => {
  t.same(parseDelimiter(undefined), { ok: true, value: ',' })
  t.same(parseDelimiter(''), { ok: true, value: ',' })
  t.same(parseDelimiter('\\t'), { ok: true, value: '\t' })
  t.same(parseDelimiter('|'), { ok: true, value: '|' })
  t.equal(parseDelimiter('ab').ok, false)
  t.equal(parseDelimiter('"').ok, false)
})

test('an empty model exports just the header', async (t) => {
  t.equal(toCsv({ dbvendor: 'dbvmysql', dbobjs: [], relations: [] }), HEADER + '\n')
})
