// analyze() never throws and never loops: hostile inputs come back quickly with errors (issue 3).
import t, { type Test } from 'tap'
import { analyze } from '../../lineage/index.js'

function rng(seed: number) { return () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff } }
const WORDS = ['SELECT', 'FROM', 'WHERE', '(', ')', ',', ';', 'a', 'b.c', "'s'", '1', 'JOIN', 'ON', '=', 'INSERT', 'INTO', 'VALUES',
  'UPDATE', 'SET', 'CASE', 'WHEN', 'THEN', 'END', 'WITH', 'AS', 'UNION', 'GROUP', 'BY', '*', '+', 'BEGIN', 'DECLARE', '"q"', '[x]', '--c\n', '/*', '*/', 'MERGE', 'USING']

function check(t: Test, label: string, sql: string, vendor = 'dbvpostgresql', maxMs = 5000) {
  const t0 = performance.now()
  let r
  t.doesNotThrow(() => { r = analyze(sql, { dbvendor: vendor, budget: { maxMillis: maxMs } }) }, label)
  const ms = performance.now() - t0
  t.ok(ms < maxMs + 1000, `${label}: returned in ${Math.round(ms)} ms`)
  return r as unknown as ReturnType<typeof analyze>
}

t.test('random token soup in every vendor', async (t) => {
  const r = rng(42)
  const vendors = ['dbvpostgresql', 'dbvoracle', 'dbvmssql', 'dbvmysql', 'dbvhive', 'dbvsnowflake', 'dbvbigquery', 'dbvteradata', 'dbvmdx', 'dbvcouchbase', 'dbvinformix']
  for (let i = 0; i < 200; i++) {
    const n = 5 + Math.floor(r() * 60)
    const sql = Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ')
    check(t, `soup ${i}`, sql, vendors[i % vendors.length])
  }
})

t.test('truncated statements report errors and keep earlier lineage', async (t) => {
  const full = 'INSERT INTO t (a, b) SELECT x.a, CASE WHEN x.b > 1 THEN x.c END FROM x JOIN y ON y.id = x.id WHERE x.d IN (SELECT d FROM z);'
  for (let cut = 1; cut < full.length; cut += 3) {
    const res = check(t, `cut ${cut}`, 'SELECT k FROM ok_table;\n' + full.slice(0, cut))
    t.ok(res.model.relations.some((rel) => rel.sources.some((s) => s.parentName === 'ok_table')), `cut ${cut}: first statement kept`)
  }
})

t.test('10 000 nested parentheses', async (t) => {
  const res = check(t, 'nested', 'SELECT ' + '('.repeat(10000) + 'a' + ')'.repeat(10000) + ' FROM t;')
  t.ok((res.model.errors ?? []).length > 0 || res.model.relations.length > 0)
})

t.test('1 MB identifier, binary garbage, unterminated literals and comments', async (t) => {
  const big = check(t, '1MB identifier', `SELECT ${'x'.repeat(1 << 20)} FROM t;`)
  t.equal(big.model.relations.length, 1)
  const bytes = Buffer.alloc(200_000); const r = rng(7); for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(r() * 256)
  t.ok((check(t, 'binary', bytes.toString('latin1')).model.errors ?? []).length > 0)
  for (const s of ["SELECT 'abc FROM t;", 'SELECT "abc FROM t;', 'SELECT a /* never closed FROM t;', 'SELECT $$ open', "SELECT q'[x FROM dual"]) {
    const res = check(t, s, s, s.includes("q'") ? 'dbvoracle' : 'dbvpostgresql')
    t.ok((res.model.errors ?? []).some((e) => e.errorType === 'SyntaxError'), `${s}: SyntaxError`)
  }
})

t.test('template braces that never close (200 000 unclosed {{ in 1 MB) and one 1 MB tag stay within budget and keep the SQL', async (t) => {
  const res = check(t, 'unclosed {{', 'INSERT INTO t2 (a) SELECT a FROM t1;\n' + "'{{' ".repeat(200_000) + '}}')
  t.ok(res.model.relations.some((r) => r.target.parentName === 't2'))
  const long = check(t, 'long tag', 'INSERT INTO t2 (a) SELECT a FROM t1; {{ ' + 'x'.repeat(1 << 20) + ' }}')
  t.ok(long.model.relations.some((r) => r.target.parentName === 't2'))
})

t.test('budget: statements and time stop the run with an AnalyzeError and keep what finished', async (t) => {
  const sql = Array.from({ length: 50 }, (_, i) => `INSERT INTO t${i} SELECT a FROM s${i};`).join('\n')
  const res = analyze(sql, { dbvendor: 'dbvpostgresql', budget: { maxStatements: 10 } })
  t.equal(res.stats.truncated, true)
  t.equal(res.statements.length, 10)
  t.ok(res.model.errors!.some((e) => e.errorType === 'AnalyzeError' && /budget/.test(e.errorMessage)))
  t.ok(res.model.relations.length >= 10)
  const big = analyze(sql, { dbvendor: 'dbvpostgresql', budget: { maxBytes: 100 } })
  t.equal(big.stats.truncated, true)
})

t.test('unknown vendor is an AnalyzeError listing the accepted values', async (t) => {
  const res = analyze('SELECT 1', { dbvendor: 'dbvfoo' })
  t.match(res.model.errors![0].errorMessage, /unknown dbvendor "dbvfoo"; accepted values: dbvoracle, .*dbvsqlserver/)
})

t.test('a trigger parsed inside its own function body (PostgreSQL DDL read as T-SQL) runs the function once, not until the stack overflows', async (t) => {
  const sql = `CREATE OR REPLACE FUNCTION touch_updated() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$fn$;
CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch_updated();
CREATE OR REPLACE PROCEDURE rebuild() LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO etl_log (step) SELECT name FROM steps;
END;
$$;
`
  const r = check(t, 'trigger in its function', sql, 'dbvmssql')
  t.same((r.model.errors ?? []).filter((e) => e.errorType === 'AnalyzeError'), [])
  t.ok(r.model.relations.some((x) => x.target.parentName === 'etl_log' && x.target.column === 'step'))
})

t.test('a statement prefix with nothing after it (Teradata LOCKING … at the end) is a syntax error, not a crash of the script', async (t) => {
  const r = check(t, 'dangling LOCKING', 'INSERT INTO t2 (a) SELECT a FROM t1;\nLOCKING ROW FOR ACCESS', 'dbvteradata')
  t.same((r.model.errors ?? []).filter((e) => e.errorType === 'AnalyzeError'), [])
  t.match(r.model.errors, [{ errorType: 'SyntaxError', errorMessage: /expected a statement/ }])
})

t.test('a statement truncated where a grammar rule expects one more token is that statement\'s syntax error, not the script\'s', async (t) => {
  for (const vendor of ['dbvsybase', 'dbvteradata', 'dbvpostgresql']) {
    const r = check(t, `truncated CREATE TABLE (${vendor})`, 'INSERT INTO t2 (a) SELECT a FROM t1;\nCREATE TABLE x (a INT,', vendor)
    t.same((r.model.errors ?? []).filter((e) => e.errorType === 'AnalyzeError'), [], vendor)
    t.ok((r.model.errors ?? []).some((e) => e.errorType === 'SyntaxError'), vendor)
    t.ok(r.model.relations.some((x) => x.target.parentName === 't2'), vendor)
  }
})
