// The shared SQL core (issue 3 §2): each construct with the exact end-to-end lineage a user relies on.
import t from 'tap'
import { lineage } from '../helpers/lineage.js'

t.test('joins of every kind', async (t) => {
  const l = lineage(`SELECT a.x, b.y, c.z, d.w FROM ta a CROSS JOIN tb b NATURAL JOIN tc c LEFT JOIN td d USING (k)
    FULL OUTER JOIN te e ON e.id = a.id RIGHT JOIN tf f ON f.id = e.id;`)
  t.same(l.fdd, ['ta.x -> RS-1.x', 'tb.y -> RS-1.y', 'tc.z -> RS-1.z', 'td.w -> RS-1.w'])
  t.ok(l.fdr.includes('te.id -> RS-1.RelationRows') && l.fdr.includes('tf.id -> RS-1.RelationRows') && l.fdr.includes('ta.id -> RS-1.RelationRows'))
  t.ok(l.fdr.includes('td.k -> RS-1.RelationRows'), 'USING columns filter the rows')
  t.same(l.errors, [])
})

t.test('LATERAL subquery sees the preceding FROM item', async (t) => {
  const l = lineage(`SELECT c.name, o.total FROM customers c, LATERAL (SELECT SUM(amount) AS total FROM orders x WHERE x.cid = c.id) o;`)
  t.same(l.fdd, ['customers.name -> RS-1.name', 'orders.amount -> RS-1.total'])
  t.ok(l.fdr.includes('customers.id -> RS-1.RelationRows'))
})

t.test('subqueries in SELECT, WHERE, IN, EXISTS and FROM', async (t) => {
  const l = lineage(`SELECT p.id, (SELECT MAX(q.v) FROM q WHERE q.pid = p.id) AS mx
    FROM (SELECT id, grp FROM p0) p WHERE p.grp IN (SELECT g FROM groups) AND EXISTS (SELECT 1 FROM flags f WHERE f.id = p.id);`)
  t.same(l.fdd, ['p0.id -> RS-1.id', 'q.v -> RS-1.mx'])
  for (const e of ['p0.grp -> RS-1.RelationRows', 'groups.g -> RS-1.RelationRows', 'flags.id -> RS-1.RelationRows', 'q.pid -> RS-1.mx', 'q.RelationRows -> RS-1.mx']) t.ok(l.fdr.includes(e), e)
})

t.test('window functions, CASE, CAST and ::, FILTER', async (t) => {
  const l = lineage(`SELECT ROW_NUMBER() OVER (PARTITION BY s.region ORDER BY s.amt DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS rn,
      CASE s.kind WHEN 'a' THEN s.x ELSE s.y END AS k, CAST(s.c AS numeric(10,2)) AS c2, s.d::text AS d2,
      SUM(s.amt) FILTER (WHERE s.ok) AS okamt
    FROM sales s GROUP BY ROLLUP (s.region), CUBE (s.kind), GROUPING SETS ((s.x), (s.y, s.c, s.d, s.amt));`)
  t.same(l.fdd, ['sales.amt -> RS-1.okamt', 'sales.amt -> RS-1.rn', 'sales.c -> RS-1.c2', 'sales.d -> RS-1.d2', 'sales.kind -> RS-1.k',
    'sales.ok -> RS-1.okamt', 'sales.region -> RS-1.rn', 'sales.x -> RS-1.k', 'sales.y -> RS-1.k'])
  t.ok(l.fdr.includes('sales.region -> RS-1.okamt') && l.fdr.includes('sales.kind -> RS-1.okamt'), 'ROLLUP/CUBE columns feed the aggregate')
  t.notOk(l.fdr.some((e) => e.endsWith('RS-1.rn')), 'a window function is not an aggregate')
})

t.test('set operations: UNION ALL, INTERSECT, EXCEPT; ORDER BY/LIMIT/OFFSET/FETCH/DISTINCT ON give no fdr', async (t) => {
  const l = lineage(`SELECT DISTINCT ON (a.k) a.k, a.v FROM a ORDER BY a.k, a.v LIMIT 10 OFFSET 5;
    SELECT x FROM u1 INTERSECT SELECT y FROM u2 EXCEPT SELECT z FROM u3 FETCH FIRST 3 ROWS ONLY;`)
  t.same(l.fdd, ['a.k -> RS-1.k', 'a.v -> RS-1.v', 'u1.x -> RS-2.x', 'u2.y -> RS-2.x'])
  t.same(l.fdr, [])
})

t.test('CTEs: recursive with a column list', async (t) => {
  const l = lineage(`WITH RECURSIVE t(n, label) AS (SELECT id, name FROM seeds UNION ALL SELECT n + 1, label FROM t WHERE n < 10) SELECT n, label FROM t;`)
  t.same(l.fdd, ['seeds.id -> RS-1.n', 'seeds.name -> RS-1.label'])
})

t.test('INSERT forms: VALUES, DEFAULT VALUES, column list, positional via DDL', async (t) => {
  const l = lineage(`CREATE TABLE tgt (a int, b text, c date);
    INSERT INTO tgt VALUES (1, 'x', now());
    INSERT INTO tgt DEFAULT VALUES;
    INSERT INTO tgt (c, a) SELECT s.d, s.n FROM src s;
    INSERT INTO tgt SELECT s.n, s.t, s.d FROM src s WHERE s.ok;`)
  t.same(l.fdd, ['src.d -> tgt.c', 'src.n -> tgt.a', 'src.t -> tgt.b'])
  t.same(l.fdr, ['src.ok -> tgt.RelationRows'])
  t.same(l.written, ['tgt'])
})

t.test('UPDATE with expressions, scalar subquery and FROM; DELETE USING', async (t) => {
  const l = lineage(`UPDATE acct a SET bal = a.bal + t.amt, last = (SELECT MAX(ts) FROM log g WHERE g.aid = a.id) FROM tx t WHERE t.aid = a.id;
    DELETE FROM acct USING closed c WHERE acct.id = c.id;`)
  t.same(l.fdd, ['acct.bal -> acct.bal', 'log.ts -> acct.last', 'tx.amt -> acct.bal'])
  t.ok(l.fdr.includes('closed.id -> acct.RelationRows') && l.fdr.includes('tx.aid -> acct.RelationRows') && l.fdr.includes('log.aid -> acct.last'))
})

t.test('DDL: foreign keys (er), CTAS, views, temp tables, rename, drop, truncate', async (t) => {
  const l = lineage(`CREATE TABLE parent (id int PRIMARY KEY);
    CREATE TABLE child (id int, pid int REFERENCES parent(id), CONSTRAINT fk2 FOREIGN KEY (id) REFERENCES parent (id));
    CREATE TEMP TABLE tmp AS SELECT c.pid AS p FROM child c;
    CREATE OR REPLACE VIEW v (pp) AS SELECT p FROM tmp;
    ALTER TABLE tmp RENAME TO tmp2;
    DROP TABLE IF EXISTS tmp2; TRUNCATE TABLE child;
    SELECT pp FROM v;`)
  t.same(l.fdd, ['child.pid -> tmp.p', 'tmp.RelationRows -> tmp2.RelationRows', 'tmp.p -> v.pp', 'v.pp -> RS-1.pp'])
  const er = l.result.model.relations.filter((r) => r.type === 'er')
  t.equal(er.length, 2, 'two foreign-key relations')
  t.same(er.map((r) => `${r.sources[0].parentName}.${r.sources[0].column} -> ${r.target.parentName}.${r.target.column}`).sort(), ['parent.id -> child.id', 'parent.id -> child.pid'])
  t.same(l.errors, [])
})

t.test('quoted identifiers, keywords and semicolons inside literals and comments', async (t) => {
  const l = lineage(`-- SELECT broken FROM nowhere;
    SELECT "Weird;Name" AS "From", 'it''s; SELECT' AS s /* ; DELETE x; */ FROM "Schema"."T";`)
  t.same(l.fdd, ['"Schema"."T"."Weird;Name" -> RS-1.From'])
  t.same(l.errors, [])
})

t.test('a syntax error keeps the other statements and reports coordinates', async (t) => {
  const l = lineage(`SELECT a FROM t1;\nSELEC b FROM t2;\nSELECT c FROM t3;`)
  t.same(l.fdd, ['t1.a -> RS-1.a', 't3.c -> RS-2.c'])
  t.equal(l.errors.length, 1)
  t.equal(l.errors[0].errorType, 'SyntaxError')
  t.same(l.errors[0].coordinates[0], { x: 2, y: 1, hashCode: '0' })
})

t.test('a statement of a routine body that does not parse costs only itself: one error at its token, the body keeps the rest', async (t) => {
  const ora = lineage(`CREATE OR REPLACE PROCEDURE p1 AS\nBEGIN\n  INSERT INTO t2 (a) SELECT a FROM t1;\n  FROBNICATE the widget NOW;\n  INSERT INTO t3 (b) SELECT b FROM t1;\nEND;\n/\nINSERT INTO t4 (c) SELECT c FROM t1;`, 'dbvoracle')
  t.same(ora.fdd, ['t1.a -> t2.a', 't1.b -> t3.b', 't1.c -> t4.c'])
  t.same(ora.errors.map((e) => [e.errorType, e.coordinates[0]]), [['SyntaxError', { x: 4, y: 3, hashCode: '0' }]])
  // T-SQL needs no terminator: the broken statement ends where a line starts the next one, nested blocks included
  const ms = lineage(`CREATE PROCEDURE dbo.p1 AS\nBEGIN\n  INSERT INTO dbo.t2 (a) SELECT a FROM dbo.t1\n  FROBNICATE the widget\n  IF @x > 1\n  BEGIN\n    WEIRDO 1, 2\n    INSERT INTO dbo.t3 (b) SELECT b FROM dbo.t1\n  END\n  INSERT INTO dbo.t5 (c) SELECT c FROM dbo.t1\nEND\nGO\nINSERT INTO dbo.t4 (c) SELECT c FROM dbo.t1`, 'dbvmssql')
  t.same(ms.fdd, ['dbo.t1.a -> dbo.t2.a', 'dbo.t1.b -> dbo.t3.b', 'dbo.t1.c -> dbo.t4.c', 'dbo.t1.c -> dbo.t5.c'])
  t.equal(ms.errors.filter((e) => e.errorType === 'SyntaxError').length, 2)
  // a $$ body is parsed apart: its broken statement is reported too (it was dropped silently), PERFORM is a query
  const pg = lineage(`CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$\nBEGIN\n  PERFORM pg_notify('x', 'y');\n  PERFORM 1 FROM t1 WHERE a > 0;\n  FROBNICATE the widget;\n  INSERT INTO t2 (a) SELECT a FROM t1;\nEND $$;`)
  t.same(pg.fdd.filter((e) => !e.includes('RS-')), ['t1.a -> t2.a'])
  t.same(pg.errors.map((e) => [e.errorType, e.coordinates[0]]), [['SyntaxError', { x: 5, y: 3, hashCode: '0' }]])
})

t.test('positional INSERT with an unexpanded *: the columns around it keep their positions, the * feeds the ones it covers', async (t) => {
  const l = lineage(`CREATE TABLE t2 (a int, b int, c int, d int);\nINSERT INTO t2 SELECT x, *, y FROM u;\nINSERT INTO t2 (d, c) SELECT * FROM u;`)
  t.same(l.fdd, ['u.* -> t2.b', 'u.* -> t2.c', 'u.* -> t2.d', 'u.x -> t2.a', 'u.y -> t2.d'])
})

t.test('an expression that starts with a parenthesised subquery: ((SELECT …) + 1), ((SELECT …), 0), ((SELECT …) UNION (SELECT …))', async (t) => {
  const l = lineage(`INSERT INTO r (y, a) SELECT ((SELECT max(x) FROM t) + 1), a FROM u WHERE a IN ((SELECT b FROM v) UNION (SELECT c FROM w));
UPDATE o SET (p, q) = ((SELECT sum(amt) FROM s WHERE s.id = o.id), 0);`)
  t.same(l.errors, [])
  t.same(l.fdd, ['s.amt -> o.p', 't.x -> r.y', 'u.a -> r.a'])
})

t.test('ALTER TABLE … ADD / DROP / RENAME COLUMN changes the columns later statements see', async (t) => {
  const my = lineage(`CREATE TABLE t3 (id int, name text);
ALTER TABLE t3 ADD COLUMN email VARCHAR(255) AFTER id, ADD INDEX ix_e (email), ADD COLUMN zip int FIRST;
INSERT INTO t3 SELECT a, b, c, d FROM s;`, 'dbvmysql')
  t.same(my.fdd, ['s.a -> t3.zip', 's.b -> t3.id', 's.c -> t3.email', 's.d -> t3.name'])
  const ora = lineage(`CREATE TABLE t (a NUMBER, b NUMBER, c NUMBER);
ALTER TABLE t ADD (d NUMBER, e VARCHAR2(10) DEFAULT 'x' NOT NULL);
ALTER TABLE t DROP COLUMN b;
ALTER TABLE t RENAME COLUMN c TO cc;
CREATE VIEW v AS SELECT * FROM t;`, 'dbvoracle')
  t.same(ora.fdd, ['t.a -> v.a', 't.cc -> v.cc', 't.d -> v.d', 't.e -> v.e'])
  // T-SQL: no terminator, the next line's statement is not part of the column definition
  const ms = lineage(`CREATE TABLE dbo.t (a int)\nALTER TABLE dbo.t ADD b int NULL\nINSERT INTO dbo.t SELECT x, y FROM dbo.s`, 'dbvmssql')
  t.same(ms.fdd, ['dbo.s.x -> dbo.t.a', 'dbo.s.y -> dbo.t.b'])
})

t.test('templated SQL (dbt / Jinja, ${var}, SQL*Plus &var) keeps its lineage and its coordinates', async (t) => {
  const dbt = lineage(`{{ config(materialized='table') }}
{# a model #}
INSERT INTO dw.t1 (a, b) SELECT o.a, {{ var("k") }} + o.b FROM {{ ref('stg_orders') }} o
JOIN {{ source('raw', 'cust') }} c ON c.id = o.cid
{% if is_incremental() %} WHERE o.dt > (SELECT max(dt) FROM {{ this }}) {% endif %};`)
  t.same(dbt.errors, [])
  t.same(dbt.fdd, ['stg_orders.a -> dw.t1.a', 'stg_orders.b -> dw.t1.b'])
  t.same(dbt.written, ['dw.t1'])
  t.same(dbt.read.filter((n) => n !== 'dw.t1'), ['raw.cust', 'stg_orders', 'this'])
  // the column after a template on its line keeps its coordinates
  const { analyze } = await import('../../lineage/index.js')
  const r = analyze(`SELECT {{ var('x') }} AS v, o.amount FROM {{ ref('orders') }} o`, { dbvendor: 'dbvsnowflake' })
  const amount = r.model.dbobjs.find((o) => o.name === 'orders')!.columns!.find((c) => c.name === 'amount')!
  t.same(amount.coordinates[0], { x: 1, y: 29, hashCode: '0' })
  const hive = lineage(`INSERT INTO t (a) SELECT a FROM \${db}.src WHERE dt = '\${hivevar:d}' AND x > \${n};`, 'dbvhive')
  t.same([hive.errors, hive.fdd], [[], ['db.src.a -> t.a']])
  const ora = lineage(`INSERT INTO t5 (e) SELECT e FROM &&schema..tab WHERE x = &val;`, 'dbvoracle')
  t.same([ora.errors, ora.fdd], [[], ['schema.tab.e -> t5.e']])
})

t.test('an external table reads its location: the path or stage feeds its declared columns (spec §4.14)', async (t) => {
  const { analyze } = await import('../../lineage/index.js')
  const edges = (sql: string, dbvendor: string) => {
    const m = analyze(sql, { dbvendor }).model
    return m.relations.filter((r) => r.type === 'fdd').flatMap((r) => r.sources.map((x) => `${x.parentName}.${x.column} -> ${r.target.parentName}.${r.target.column}`)).sort()
  }
  t.same(edges(`CREATE EXTERNAL TABLE s.ext (id int, amt double) ROW FORMAT DELIMITED STORED AS TEXTFILE LOCATION 's3://b/p/';`, 'dbvhive'),
    ['s3://b/p/.* -> s.ext.amt', 's3://b/p/.* -> s.ext.id'])
  t.same(edges(`CREATE EXTERNAL TABLE e (id int) LOCATION ('gpfdist://h:8081/c/*.csv') FORMAT 'CSV';`, 'dbvgreenplum'), ['gpfdist://h:8081/c/*.csv.* -> e.id'])
  t.same(edges(`CREATE TABLE ext_emp (id NUMBER) ORGANIZATION EXTERNAL (TYPE ORACLE_LOADER DEFAULT DIRECTORY d ACCESS PARAMETERS (FIELDS TERMINATED BY ',') LOCATION ('emp.csv')) REJECT LIMIT UNLIMITED;`, 'dbvoracle'),
    ['emp.csv.* -> ext_emp.id'])
  t.same(edges(`CREATE EXTERNAL TABLE ds.ext (id INT64) OPTIONS (format = 'CSV', uris = ['gs://b/x/*.csv']);`, 'dbvbigquery'), ['gs://b/x/*.csv.* -> ds.ext.id'])
  t.same(edges(`CREATE EXTERNAL TABLE s.ext (id INT AS (value:c1::INT)) LOCATION = @s.stage/dir/ FILE_FORMAT = (TYPE = PARQUET);`, 'dbvsnowflake'), ['@s.stage/dir/.* -> s.ext.id'])
  // T-SQL (Synapse serverless) reads a file in FROM: OPENROWSET(BULK 'path', …) [WITH (schema)] AS r
  t.same(edges(`INSERT INTO dbo.o (a) SELECT r.a FROM OPENROWSET(BULK 'lake/f.parquet', FORMAT = 'PARQUET') WITH (a INT) AS r;`, 'dbvmssql'),
    ['INSERT-SELECT-1.a -> dbo.o.a', 'lake/f.parquet.* -> INSERT-SELECT-1.a'])
})

t.test('ALTER TABLE … ADD [CONSTRAINT c] FOREIGN KEY … REFERENCES gives the er relation a CREATE TABLE would', async (t) => {
  const { analyze } = await import('../../lineage/index.js')
  const er = (sql: string, dbvendor: string) => analyze(sql, { dbvendor }).model.relations.filter((r) => r.type === 'er')
    .flatMap((r) => r.sources.map((x) => `${x.parentName}.${x.column} -> ${r.target.parentName}.${r.target.column}`))
  t.same(er(`ALTER TABLE countries ADD ( CONSTRAINT countr_reg_fk FOREIGN KEY (region_id) REFERENCES regions(region_id) ) ;`, 'dbvoracle'),
    ['regions.region_id -> countries.region_id'])
  t.same(er(`ALTER TABLE [dbo].[Orders] WITH CHECK ADD CONSTRAINT [FK_O_C] FOREIGN KEY([CustomerID]) REFERENCES [dbo].[Customers] ([CustomerID])\nGO\n`, 'dbvmssql'),
    ['[dbo].[Customers].CustomerID -> [dbo].[Orders].CustomerID'])
  t.same(er(`ALTER TABLE ONLY public.orders ADD CONSTRAINT orders_fk FOREIGN KEY (cust_id, x) REFERENCES public.customers(id, y) ON DELETE CASCADE;`, 'dbvpostgresql'),
    ['public.customers.id -> public.orders.cust_id', 'public.customers.y -> public.orders.x'])
})

t.test('Snowflake COPY INTO t (cols) FROM (SELECT $1, $2:x FROM @stage): the stage named as written feeds each column through its item', async (t) => {
  const { analyze } = await import('../../lineage/index.js')
  const m = analyze(`COPY INTO raw.t (a, b) FROM (SELECT $1, $2:name::string FROM @raw.stg/x/ s) FILE_FORMAT = (TYPE = JSON);
INSERT INTO raw.u (a) SELECT t.$1 FROM @raw.stg t;`, { dbvendor: 'dbvsnowflake' }).model
  const edges = m.relations.filter((r) => r.type === 'fdd').flatMap((r) => r.sources.map((x) => `${x.parentName}.${x.column} -> ${r.target.parentName}.${r.target.column}`))
  t.same(m.errors ?? [], [])
  t.ok(edges.includes('@raw.stg/x/.* -> INSERT-SELECT-1.$1'))
  t.ok(edges.includes('INSERT-SELECT-1.$1 -> raw.t.a'))
  t.ok(edges.includes('INSERT-SELECT-1.$2:name::string -> raw.t.b'))
  t.ok(edges.includes('@raw.stg.* -> INSERT-SELECT-2.$1'))
  t.same(m.dbobjs.filter((o) => o.type === 'stage').map((o) => o.name).sort(), ['@raw.stg', '@raw.stg/x/'])
})

t.test('orphan columns go to the pseudo table with a SyntaxHint', async (t) => {
  const l = lineage(`SELECT amount FROM t1, t2;`)
  t.same(l.fdd, [])
  const hint = l.errors.find((e) => e.errorType === 'SyntaxHint')
  t.match(hint?.errorMessage, /^find orphan column\(10500\) near: amount\(1,8\)$/)
  t.ok(l.result.model.dbobjs.some((o) => o.type === 'pseudoTable' && o.name === 'pseudo_table_include_orphan_column'))
})

t.test('metadata from the request resolves columns and expands stars', async (t) => {
  const { analyze } = await import('../../lineage/index.js')
  const r = analyze('SELECT * FROM sales.orders o JOIN customers c ON c.id = o.cid', { dbvendor: 'dbvpostgresql',
    metadata: [{ schema: 'sales', name: 'orders', columns: ['id', 'cid'] }, { name: 'customers', columns: ['id', 'name'] }] })
  const rs = r.model.dbobjs.find((o) => o.topLevel)!
  t.same(rs.columns!.filter((c) => !c.source).map((c) => c.name), ['id', 'cid', 'name'])
})

t.test('recovery: unbalanced parentheses do not swallow the next statement; a keyword is not a table', async (t) => {
  const l = lineage(`INSERT INTO t1 SELECT a FROM s1;\nSELECT ((( FROM;\nINSERT INTO t3 SELECT c FROM s3;\nSELECT FROM WHERE;`)
  t.same(l.fdd, ['s1.a -> t1.a', 's3.c -> t3.c'])
  t.equal(l.errors.filter((e) => e.errorType === 'SyntaxError').length, 2)
})

t.test('function nodes by default; ignoreFunction connects through them', async (t) => {
  const { analyze, projectModel } = await import('../../lineage/index.js')
  const r = analyze('SELECT ROUND(e.salary) AS sal, CASE WHEN e.x > 0 THEN e.y END AS c FROM emp e WHERE e.ok = 1', { dbvendor: 'dbvoracle' })
  const fns = r.model.dbobjs.filter((o) => o.type === 'function').map((o) => o.name).sort()
  t.same(fns, ['ROUND', 'case-when'])
  const show = (m: ReturnType<typeof projectModel>) => m.relations.flatMap((x) => x.sources.map((s) => `${x.type}:${s.parentName}.${s.column}->${x.target.parentName}.${x.target.column}`)).sort()
  const full = show(projectModel(r.model, { showRelationType: ['fdd'] }))
  t.ok(full.includes('fdd:emp.salary->ROUND.ROUND') && full.includes('fdd:ROUND.ROUND->RS-1.sal'))
  const flat = show(projectModel(r.model, { showRelationType: ['fdd'], ignoreFunction: true }))
  t.same(flat, ['fdd:emp.salary->RS-1.sal', 'fdd:emp.x->RS-1.c', 'fdd:emp.y->RS-1.c'])
})

t.test('showRelationType=join links the compared columns with the join type and condition', async (t) => {
  const { analyze, projectModel } = await import('../../lineage/index.js')
  const r = analyze('SELECT b.teur FROM tbl a LEFT JOIN TT b ON a.key = b.key', { dbvendor: 'dbvoracle' })
  const joins = projectModel(r.model, { showRelationType: ['join'] }).relations
  t.equal(joins.length, 1)
  t.match(joins[0], { type: 'join', joinType: 'LEFT', condition: 'a.key = b.key', clause: 'on', target: { parentName: 'tbl', column: 'key' } })
  t.same(joins[0].sources.map((s) => `${s.parentName}.${s.column}`), ['TT.key'])
  t.equal(projectModel(r.model, { showRelationType: ['fdd'] }).relations.some((x) => x.type === 'join'), false)
})

t.test('showConstantTable: literals become SQL_CONSTANTS columns, never for INSERT … VALUES', async (t) => {
  const { analyze, projectModel } = await import('../../lineage/index.js')
  const sql = "SELECT NVL(e.bonus, 0) AS b FROM emp e WHERE e.city = 'NYC';\nINSERT INTO t (a) VALUES (42);"
  const r = analyze(sql, { dbvendor: 'dbvoracle', options: { showConstantTable: true } })
  const consts = r.model.dbobjs.filter((o) => o.type === 'constantTable')
  t.equal(consts.length, 1)
  t.same(consts[0].columns!.map((c) => c.name).sort(), ["'NYC'", '0'])
  const rels = projectModel(r.model, { showRelationType: ['fdd', 'fdr'], ignoreFunction: true }).relations
  t.ok(rels.some((x) => x.type === 'fdr' && x.sources.some((s) => s.column === "'NYC'")), "'NYC' filters the rows")
  t.ok(rels.some((x) => x.type === 'fdd' && x.target.column === 'b' && x.sources.some((s) => s.column === '0')))
  t.equal(analyze(sql, { dbvendor: 'dbvoracle' }).model.dbobjs.some((o) => o.type === 'constantTable'), false, 'off by default')
})

t.test("Redshift UNLOAD ('…') whose query writes its quotes \\' reads that query (backslash escapes)", async (t) => {
  const { analyze } = await import('../../lineage/index.js')
  const m = analyze(`UNLOAD ('SELECT id, amt FROM sales WHERE ts > \\'2020-01-01\\' AND region = \\'EU\\'') TO 's3://b/p/' IAM_ROLE 'arn:aws:iam::1:role/r' PARALLEL OFF;`, { dbvendor: 'dbvredshift' }).model
  t.same((m.errors ?? []).map((e) => e.errorMessage), [])
  const fdd = m.relations.filter((r) => r.type === 'fdd').flatMap((r) => r.sources.map((x) => `${x.parentName}.${x.column} -> ${r.target.parentName}.${r.target.column}`))
  t.ok(fdd.includes('sales.id -> RS-1.id') && fdd.includes('sales.amt -> RS-1.amt') && fdd.includes('RS-1.amt -> s3://b/p/.*'))
})

t.test('a pg_dump header: SET name = on / TO value are settings, their words no orphan columns (PostgreSQL family, Netezza)', async (t) => {
  for (const v of ['dbvpostgresql', 'dbvgreenplum', 'dbvredshift', 'dbvvertica', 'dbvnetezza']) {
    const l = lineage(`SET standard_conforming_strings = on;\nSET xmloption = content;\nSET client_min_messages TO warning;\nINSERT INTO t2 (a) SELECT a FROM t1;`, v)
    t.same([l.errors.map((e) => e.errorMessage), l.fdd], [[], ['t1.a -> t2.a']], v)
  }
})
