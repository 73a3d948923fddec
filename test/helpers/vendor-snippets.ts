// Lineage snippets for the vendor test (issue 4): small vendor-specific statements with their exact
// end-to-end fdd edges, derived by hand from test/fixtures/conformance/README.md §3–§6.
import { checkCase, type Case } from './conformance.js'

export type Edge = [string, string]
export interface Snippet { title: string; sql: string; fdd: Edge[]; tablesWritten?: string[] }

export const SNIPPETS: Record<string, Snippet[]> = {
  oracle: [
    {
      title: 'UPDATE / DELETE of one partition, t PARTITION (p) | SUBPARTITION FOR (key): the statement failed at PARTITION',
      sql: `UPDATE sales PARTITION (p_2024) s SET s.net = s.gross * 0.8 WHERE s.net IS NULL;
DELETE FROM sales SUBPARTITION FOR (DATE '2019-01-01', 'EU') WHERE gross IS NULL;
INSERT INTO sales_2024 (net) SELECT net FROM sales PARTITION (p_2024);
`,
      fdd: [['sales.gross', 'sales.net'], ['sales.net', 'sales_2024.net']],
    },
    {
      title: 'Oracle\'s own package functions called without parentheses (DBMS_RANDOM.VALUE, DBMS_UTILITY.FORMAT_ERROR_BACKTRACE) are calls: dbms_random.value was read as column dbms_random of the FROM table, the backtrace an orphan',
      sql: `INSERT INTO sample_rows (id, rnd) SELECT id, dbms_random.value FROM big_t ORDER BY DBMS_RANDOM.VALUE FETCH FIRST 10 ROWS ONLY;
INSERT INTO err_log (msg, bt) VALUES (SQLERRM, DBMS_UTILITY.FORMAT_ERROR_BACKTRACE);
`,
      fdd: [['big_t.id', 'sample_rows.id']],
    },
    {
      title: 'a PL/SQL function called without parentheses (get_rate inside its package, util_pkg.get_rate outside) is a call: it was read as a column of the FROM table (payments.get_rate) or an orphan; outside the package a bare name stays a column',
      sql: `CREATE OR REPLACE PACKAGE BODY util_pkg AS
  FUNCTION get_rate(p_cur IN VARCHAR2 DEFAULT 'EUR') RETURN NUMBER DETERMINISTIC RESULT_CACHE IS
    v NUMBER;
  BEGIN
    SELECT rate INTO v FROM fx_rates WHERE cur = p_cur;
    RETURN v;
  END get_rate;
  PROCEDURE load_fx IS
  BEGIN
    INSERT INTO fx_log (val, conv_val) SELECT amount, amount * get_rate FROM payments;
  END load_fx;
END util_pkg;
/
INSERT INTO fx_usd (val, conv_val) SELECT amount, amount * util_pkg.get_rate FROM payments;
INSERT INTO rate_copy (rate) SELECT get_rate FROM rate_snapshots;
`,
      fdd: [['payments.amount', 'fx_log.val'], ['payments.amount', 'fx_log.conv_val'], ['payments.amount', 'fx_usd.val'], ['payments.amount', 'fx_usd.conv_val'],
        ['rate_snapshots.get_rate', 'rate_copy.rate']],
    },
    {
      title: 'TYPE t IS RECORD (f, …) and TABLE OF t: FETCH c INTO r and SELECT … [BULK COLLECT] INTO r | l fill the declared fields by position (r.amt had no source when the cursor said amount); a variable qualified by its package or routine (etl_pkg.g_run_id) is that variable (it was an orphan column)',
      sql: `CREATE OR REPLACE PACKAGE BODY etl_pkg IS
  g_run_id NUMBER;
  PROCEDURE load_orders IS
    TYPE t_rec IS RECORD (id orders.order_id%TYPE, amt NUMBER(12,2) := 0);
    TYPE t_tab IS TABLE OF t_rec INDEX BY PLS_INTEGER;
    l_tab t_tab;
    r t_rec;
    CURSOR c IS SELECT order_id, amount FROM orders WHERE status = 'NEW';
  BEGIN
    SELECT run_id INTO g_run_id FROM etl_runs WHERE active = 'Y';
    OPEN c;
    LOOP
      FETCH c INTO r;
      EXIT WHEN c%NOTFOUND;
      INSERT INTO order_stage (id, amt, run_id) VALUES (r.id, r.amt, etl_pkg.g_run_id);
    END LOOP;
    CLOSE c;
    SELECT order_id, amount BULK COLLECT INTO l_tab FROM orders_hist;
    FORALL i IN 1 .. l_tab.COUNT
      INSERT INTO order_hist_stage (id, amt) VALUES (l_tab(i).id, l_tab(i).amt);
  END load_orders;
END etl_pkg;
/
`,
      fdd: [['orders.order_id', 'order_stage.id'], ['orders.amount', 'order_stage.amt'], ['etl_runs.run_id', 'order_stage.run_id'],
        ['orders_hist.order_id', 'order_hist_stage.id'], ['orders_hist.amount', 'order_hist_stage.amt']],
    },
    {
      title: 'MERGE INTO (SELECT … FROM t WHERE …) alias merges t\'s rows (it failed at the parenthesis); a db link named by a domain, t@hq_link.example.com, is one link (the statement failed at its first dot)',
      sql: `MERGE INTO (SELECT * FROM dw.accounts WHERE active = 'Y') a
USING dw.account_updates u ON (a.id = u.id)
WHEN MATCHED THEN UPDATE SET a.balance = u.balance;
INSERT INTO dw.emp_copy (empno, sal) SELECT r.empno, r.sal FROM hr.emp@hq_link.example.com r;
`,
      fdd: [['dw.account_updates.balance', 'dw.accounts.balance'], ['hr.emp.empno', 'dw.emp_copy.empno'], ['hr.emp.sal', 'dw.emp_copy.sal']],
    },
    {
      title: 'PL/SQL FROM TABLE(l) / TABLE(CAST(l AS t)) over a collection of records: its columns are the fields (every column read all of l\'s sources); SELECT t(a, b) BULK COLLECT INTO l with t an object type fills the fields t\'s attributes name',
      sql: `CREATE OR REPLACE TYPE t_id_name AS OBJECT (id NUMBER, name VARCHAR2(100));
/
CREATE OR REPLACE TYPE t_id_name_tab AS TABLE OF t_id_name;
/
CREATE OR REPLACE PROCEDURE sync_names IS
  l_rows t_id_name_tab;
  TYPE t_rec IS RECORD (id NUMBER, amt NUMBER);
  TYPE t_tab IS TABLE OF t_rec;
  l_tab t_tab;
BEGIN
  SELECT t_id_name(c.customer_id, c.full_name) BULK COLLECT INTO l_rows FROM customers c WHERE c.active = 'Y';
  INSERT INTO customer_names (id, name) SELECT t.id, t.name FROM TABLE(l_rows) t;
  MERGE INTO customer_names d USING (SELECT id, name FROM TABLE(CAST(l_rows AS t_id_name_tab))) s ON (d.id = s.id)
    WHEN MATCHED THEN UPDATE SET d.name = s.name;
  SELECT order_id, amount BULK COLLECT INTO l_tab FROM orders;
  INSERT INTO order_copy (id, amt) SELECT * FROM TABLE(l_tab);
  INSERT INTO order_amounts (amt) SELECT x.amt FROM TABLE(l_tab) x;
END;
/
`,
      fdd: [['customers.customer_id', 'customer_names.id'], ['customers.full_name', 'customer_names.name'], ['orders.order_id', 'order_copy.id'],
        ['orders.amount', 'order_copy.amt'], ['orders.amount', 'order_amounts.amt']],
    },
    {
      title: 'pipelined table functions: FROM TABLE(f(…)) reads the rows the body pipes, PIPE ROW (t_row(a, b)) by the object type\'s attributes, PIPE ROW (r) by the record\'s fields (its table\'s, r from SELECT *), PIPE ROW (scalar) as COLUMN_VALUE; a package function without parentheses, TABLE(pkg.f), too (the rows had no source and pkg.f was an orphan column)',
      sql: `CREATE OR REPLACE TYPE t_sales_row AS OBJECT (
  region VARCHAR2(10),
  month DATE,
  total NUMBER,
  MEMBER FUNCTION label RETURN VARCHAR2
) NOT FINAL;
/
CREATE OR REPLACE TYPE t_sales_tab AS TABLE OF t_sales_row;
/
CREATE OR REPLACE FUNCTION f_sales_by_month (p_year IN NUMBER) RETURN t_sales_tab PIPELINED IS
BEGIN
  FOR r IN (SELECT region, TRUNC(sale_date, 'MM') AS m, SUM(amount) AS amt FROM sales WHERE EXTRACT(YEAR FROM sale_date) = p_year GROUP BY region, TRUNC(sale_date, 'MM')) LOOP
    PIPE ROW (t_sales_row(r.region, r.m, r.amt));
  END LOOP;
  RETURN;
END;
/
CREATE OR REPLACE PACKAGE BODY pkg_cust AS
  FUNCTION get_active RETURN t_cust_tab PIPELINED IS
  BEGIN
    FOR r IN (SELECT * FROM customers WHERE status = 'A') LOOP
      PIPE ROW (r);
    END LOOP;
    RETURN;
  END get_active;
  FUNCTION order_ids RETURN sys.odcinumberlist PIPELINED IS
  BEGIN
    FOR o IN (SELECT order_id FROM orders) LOOP
      PIPE ROW (o.order_id);
    END LOOP;
  END order_ids;
END pkg_cust;
/
INSERT INTO sales_month_rpt (region, month, total)
SELECT t.region, t.month, t.total FROM TABLE(f_sales_by_month(2024)) t;
INSERT INTO active_snapshot (id, name) SELECT a.id, a.name FROM TABLE(pkg_cust.get_active) a;
INSERT INTO order_list (id) SELECT column_value FROM TABLE(pkg_cust.order_ids());
`,
      fdd: [['sales.region', 'sales_month_rpt.region'], ['sales.sale_date', 'sales_month_rpt.month'], ['sales.amount', 'sales_month_rpt.total'],
        ['customers.id', 'active_snapshot.id'], ['customers.name', 'active_snapshot.name'], ['orders.order_id', 'order_list.id']],
    },
    {
      title: 'MODEL … MEASURES (amt AS sales, 0 AS forecast) RULES (forecast[ANY, 2005] = sales[CV(), 2004] * 1.1): the select list reads the measures by their aliases (sales and forecast were columns of the FROM table), a rule gives its measure the value, and the cell dimensions are no values',
      sql: `INSERT INTO sales_forecast (country, product, year, sales, forecast)
SELECT country, product, year, sales, forecast
  FROM sales_hist
 MODEL RETURN UPDATED ROWS
   PARTITION BY (country)
   DIMENSION BY (prod AS product, year)
   MEASURES (amount_sold AS sales, 0 AS forecast)
   IGNORE NAV
   RULES UPSERT ITERATE (2) (
     forecast[ANY, 2005] = sales[CV(product), 2004] * 1.1,
     sales['Total', FOR year IN (2004, 2005)] = SUM(sales)[ANY, CV(year)]
   )
 ORDER BY country, product, year;
`,
      fdd: [['sales_hist.country', 'sales_forecast.country'], ['sales_hist.prod', 'sales_forecast.product'], ['sales_hist.year', 'sales_forecast.year'],
        ['sales_hist.amount_sold', 'sales_forecast.sales'], ['sales_hist.amount_sold', 'sales_forecast.forecast']],
    },
    {
      title: 'TREAT(x AS [REF] type) and x IS [NOT] OF [TYPE] ([ONLY] t, …): the type names are no columns (IS OF failed the statement, TREAT read the type as a column)',
      sql: `INSERT INTO circle_areas (id, radius, r)
SELECT s.id, TREAT(s.shape AS circle_typ).radius, TREAT(s.shape_ref AS REF circle_typ)
  FROM shapes s
 WHERE s.shape IS OF (circle_typ) AND s.shape IS NOT OF TYPE (ONLY square_typ, triangle_typ);
`,
      fdd: [['shapes.id', 'circle_areas.id'], ['shapes.shape', 'circle_areas.radius'], ['shapes.shape_ref', 'circle_areas.r']],
    },
    {
      title: 'FETCH c [BULK COLLECT] INTO r of a cursor over SELECT * FROM t (columns unknown): r.col is t.col (the fetch gave r only t.* and FORALL … VALUES (l(i).col) lost its source)',
      sql: `DECLARE
  TYPE t_rows IS TABLE OF sales_stage%ROWTYPE;
  l_rows t_rows;
  CURSOR c_src IS SELECT * FROM sales_stage WHERE sale_date = TRUNC(SYSDATE);
BEGIN
  OPEN c_src;
  LOOP
    FETCH c_src BULK COLLECT INTO l_rows LIMIT 1000;
    EXIT WHEN l_rows.COUNT = 0;
    FORALL i IN 1 .. l_rows.COUNT SAVE EXCEPTIONS
      INSERT INTO sales_fact (sale_id, amount) VALUES (l_rows(i).sale_id, l_rows(i).amount);
  END LOOP;
  CLOSE c_src;
END;
/
`,
      fdd: [['sales_stage.sale_id', 'sales_fact.sale_id'], ['sales_stage.amount', 'sales_fact.amount']],
    },
    {
      title: 'CREATE [PUBLIC] SYNONYM s FOR owner.t[@link]: later reads and writes of s are of owner.t (s was a table of its own)',
      sql: `CREATE OR REPLACE PUBLIC SYNONYM emp_syn FOR hr.employees;
CREATE SYNONYM app.dept FOR hr.departments@hq_link;
INSERT INTO emp_copy (id, name) SELECT employee_id, last_name FROM emp_syn;
INSERT INTO dept_copy (id, name) SELECT d.department_id, d.department_name FROM dept d;
UPDATE emp_syn e SET e.salary = (SELECT MAX(b.amount) FROM bonus b WHERE b.emp_id = e.employee_id);
`,
      fdd: [['hr.employees.employee_id', 'emp_copy.id'], ['hr.employees.last_name', 'emp_copy.name'], ['hr.departments.department_id', 'dept_copy.id'],
        ['hr.departments.department_name', 'dept_copy.name'], ['bonus.amount', 'hr.employees.salary']],
    },
    {
      title: 'JSON_VALUE … RETURNING type and JSON_QUERY … PRETTY WITH CONDITIONAL ARRAY WRAPPER: the type and the words are no columns',
      sql: `INSERT INTO doc_fields (amount, tags, obj)
SELECT JSON_VALUE(d.body, '$.amount' RETURNING NUMBER DEFAULT 0 ON ERROR),
       JSON_QUERY(d.body, '$.tags' RETURNING VARCHAR2(4000) PRETTY WITH CONDITIONAL ARRAY WRAPPER),
       JSON_OBJECT(KEY 'id' VALUE d.id RETURNING CLOB)
FROM docs d;
`,
      fdd: [['docs.body', 'doc_fields.amount'], ['docs.body', 'doc_fields.tags'], ['docs.id', 'doc_fields.obj']],
    },
    {
      title: 'SQL*Plus abbreviations and commands DEF, UNDEF, DESC, START, COMPUTE, QUIT end with their line (DEF x = y ran on to the next `;` and swallowed the INSERT after it)',
      sql: `DEF stage_owner = STAGE
UNDEF p_dept
DESC emp
START set_env.sql
COMPUTE SUM OF sal ON deptno
INSERT INTO emp_stage (empno, ename) SELECT empno, ename FROM emp WHERE deptno = 10;
QUIT
`,
      fdd: [['emp.empno', 'emp_stage.empno'], ['emp.ename', 'emp_stage.ename']],
    },
    {
      title: 'INSERT … SELECT … FROM src LOG ERRORS INTO err$ REJECT LIMIT n: LOG is no alias of src (the statement failed at ERRORS)',
      sql: `INSERT INTO sales_fact (sale_id, amount)
SELECT sale_id, amount FROM sales_stage LOG ERRORS INTO err$_sales_fact ('nightly') REJECT LIMIT UNLIMITED;
`,
      fdd: [['sales_stage.sale_id', 'sales_fact.sale_id'], ['sales_stage.amount', 'sales_fact.amount']],
    },
    {
      title: 'a record filled from SELECT * of one table (FOR r IN (SELECT * FROM t), FOR r IN c, SELECT * INTO r): r.col is t.col (it was t.*); a join keeps the `*`',
      sql: `DECLARE
  CURSOR c_emp IS SELECT * FROM emp FOR UPDATE;
BEGIN
  FOR r IN c_emp LOOP
    UPDATE emp SET sal = r.sal * 1.05 WHERE CURRENT OF c_emp;
  END LOOP;
  FOR d IN (SELECT * FROM dept WHERE loc = 'DALLAS') LOOP
    INSERT INTO dept_log (deptno, dname) VALUES (d.deptno, d.dname);
  END LOOP;
  FOR x IN (SELECT * FROM emp e JOIN dept d ON d.deptno = e.deptno) LOOP
    INSERT INTO emp_dept_log (ename) VALUES (x.ename);
  END LOOP;
END;
/
`,
      fdd: [['emp.sal', 'emp.sal'], ['dept.deptno', 'dept_log.deptno'], ['dept.dname', 'dept_log.dname'], ['emp.*', 'emp_dept_log.ename'], ['dept.*', 'emp_dept_log.ename']],
    },
    {
      title: 'CREATE AND COMPILE JAVA SOURCE … AS <class>: the Java\'s `;` and braces are skipped to the `/` line (the class failed statement by statement and the next statement was lost)',
      sql: `CREATE OR REPLACE AND COMPILE JAVA SOURCE NAMED "TextUtil" AS
public class TextUtil {
  public static String clean(String s) { return s == null ? null : s.trim(); }
};
/
INSERT INTO cust_clean (cust_id, name) SELECT cust_id, name FROM cust_raw;
`,
      fdd: [['cust_raw.cust_id', 'cust_clean.cust_id'], ['cust_raw.name', 'cust_clean.name']],
    },
    {
      title: 'CREATE TYPE BODY: its MEMBER / STATIC / MAP MEMBER / CONSTRUCTOR … RETURN SELF AS RESULT methods are routines like a package body\'s (the body was skipped to its first `;` and every later method failed)',
      sql: `CREATE OR REPLACE TYPE BODY order_t AS
  CONSTRUCTOR FUNCTION order_t (p_id NUMBER) RETURN SELF AS RESULT IS
  BEGIN
    SELF.order_id := p_id;
    RETURN;
  END;
  MAP MEMBER FUNCTION sort_key RETURN NUMBER IS BEGIN RETURN SELF.order_id; END;
  STATIC PROCEDURE archive (p_id NUMBER) IS
  BEGIN
    INSERT INTO order_arch (order_id, total) SELECT order_id, total FROM orders WHERE order_id = p_id;
  END;
END;
/
`,
      fdd: [['orders.order_id', 'order_arch.order_id'], ['orders.total', 'order_arch.total']],
    },
    {
      title: 'XMLELEMENT(e, c || \',\') / XMLELEMENT("tag", …) name their element without NAME (the RTRIM(XMLAGG(XMLELEMENT(e, …)).EXTRACT(…)) string aggregation): the tag was a column; JSON_OBJECT(… RETURNING CLOB) returns a type, not a column',
      sql: `INSERT INTO dept_names (deptno, names, doc)
SELECT d.deptno,
       RTRIM(XMLAGG(XMLELEMENT(e, e.ename || ',') ORDER BY e.ename).EXTRACT('//text()').getClobVal(), ','),
       JSON_OBJECT('dept' VALUE d.dname RETURNING CLOB)
  FROM dept d JOIN emp e ON e.deptno = d.deptno
 GROUP BY d.deptno, d.dname;
INSERT INTO emp_xml (empno, x)
SELECT empno, XMLELEMENT("emp", XMLATTRIBUTES(empno AS "id"), XMLFOREST(ename AS "name")) FROM emp;
`,
      fdd: [['dept.deptno', 'dept_names.deptno'], ['emp.ename', 'dept_names.names'], ['dept.dname', 'dept_names.doc'], ['emp.empno', 'emp_xml.empno'], ['emp.empno', 'emp_xml.x'], ['emp.ename', 'emp_xml.x']],
    },
    {
      title: 'nested-table operators (c MULTISET INTERSECT l IS NOT EMPTY, x MEMBER OF l, SUBMULTISET OF, IS A SET) and SEARCH DEPTH FIRST BY c DESC, … SET ord parse; a cursor parameter is a variable, not a column of the cursor\'s table',
      sql: `CREATE OR REPLACE PACKAGE BODY tag_pkg AS
  CURSOR c_items (p_owner VARCHAR2) IS SELECT item_id, item_path FROM items WHERE owner = p_owner;
  PROCEDURE pick (p_tags tag_list) IS
  BEGIN
    INSERT INTO picked (item_id, item_path)
    SELECT i.item_id, i.item_path FROM items i
     WHERE i.tags MULTISET INTERSECT p_tags IS NOT EMPTY AND 'X' NOT MEMBER OF i.tags AND i.tags IS A SET;
    FOR r IN c_items('ME') LOOP
      UPDATE picked SET item_path = r.item_path WHERE item_id = r.item_id;
    END LOOP;
  END;
END tag_pkg;
/
INSERT INTO tree_order (node_id, ord)
WITH t (node_id, parent_id, seq) AS (
  SELECT node_id, parent_id, seq FROM nodes WHERE parent_id IS NULL
  UNION ALL
  SELECT n.node_id, n.parent_id, n.seq FROM nodes n JOIN t ON n.parent_id = t.node_id)
SEARCH DEPTH FIRST BY seq DESC, node_id NULLS LAST SET ord
SELECT node_id, ord FROM t;
`,
      fdd: [['items.item_id', 'picked.item_id'], ['items.item_path', 'picked.item_path'], ['nodes.node_id', 'tree_order.node_id']],
    },
    {
      title: 'INSERT INTO t VALUES r into a table of unknown columns: the record\'s fields name them (`*` when the record came from SELECT * of an unknown table); it gave no lineage',
      sql: `CREATE OR REPLACE PROCEDURE archive_orders IS
  l_last orders%ROWTYPE;
BEGIN
  SELECT * INTO l_last FROM orders WHERE ROWNUM = 1;
  INSERT INTO orders_last VALUES l_last;
  FOR r IN (SELECT order_id, amount FROM orders WHERE status = 'C') LOOP
    INSERT INTO orders_arch VALUES r;
  END LOOP;
END archive_orders;
/
`,
      fdd: [['orders.*', 'orders_last.*'], ['orders.order_id', 'orders_arch.order_id'], ['orders.amount', 'orders_arch.amount']],
    },
    {
      title: 'positional bind variables :1 in dynamic SQL and a bind variable assigned in a dynamic block (:r := f(:p)) parse; they failed the statement',
      sql: `UPDATE accounts SET balance = :1 WHERE acct_id = :2;
DECLARE
  v_total NUMBER;
BEGIN
  EXECUTE IMMEDIATE 'INSERT INTO acct_hist (acct_id, balance) SELECT acct_id, balance FROM accounts WHERE acct_id = :1' USING 7;
  EXECUTE IMMEDIATE 'BEGIN :r := calc_total(:p); END;' USING OUT v_total, IN 7;
END;
/
`,
      fdd: [['accounts.acct_id', 'acct_hist.acct_id'], ['accounts.balance', 'acct_hist.balance']],
    },
    {
      title: 'partitioned outer join: FROM t PARTITION BY (c) RIGHT OUTER JOIN m ON … (data densification) parses',
      sql: `INSERT INTO dense_sales (deptno, mon, sal)
SELECT e.deptno, m.mon, NVL(e.sal, 0) FROM emp_month e PARTITION BY (e.deptno) RIGHT OUTER JOIN months m ON (e.mon = m.mon);
`,
      fdd: [['emp_month.deptno', 'dense_sales.deptno'], ['months.mon', 'dense_sales.mon'], ['emp_month.sal', 'dense_sales.sal']],
    },
    {
      title: 'UPDATE t SET ROW = r: each column of t takes the record field of its name (it wrote a column named ROW)',
      sql: `CREATE TABLE emp (empno NUMBER, ename VARCHAR2(10), sal NUMBER);
CREATE TABLE emp_src (empno NUMBER, ename VARCHAR2(10), sal NUMBER);
DECLARE
  r emp%ROWTYPE;
BEGIN
  SELECT * INTO r FROM emp_src WHERE empno = 1;
  UPDATE emp SET ROW = r WHERE empno = r.empno;
END;
/
`,
      fdd: [['emp_src.empno', 'emp.empno'], ['emp_src.ename', 'emp.ename'], ['emp_src.sal', 'emp.sal']],
    },
    {
      title: 'MATCH_RECOGNIZE: its rows are the PARTITION BY columns and the MEASURES (pattern-variable qualifiers name the item); the measures were orphan columns',
      sql: `CREATE TABLE ticks (sym VARCHAR2(10), ts DATE, price NUMBER);
INSERT INTO runs (sym, start_price, end_price)
SELECT m.sym, m.start_price, m.end_price
FROM ticks MATCH_RECOGNIZE (
  PARTITION BY sym ORDER BY ts
  MEASURES FIRST(a.price) AS start_price, LAST(b.price) AS end_price, COUNT(*) AS n
  ONE ROW PER MATCH
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (a b+)
  DEFINE b AS b.price > PREV(b.price)
) m;
`,
      fdd: [['ticks.sym', 'runs.sym'], ['ticks.price', 'runs.start_price'], ['ticks.price', 'runs.end_price']],
    },
    {
      title: 'USER / UID and DDL-trigger event attributes (ora_sysevent, ora_dict_obj_name) read the session: no orphan column in an audit insert',
      sql: `CREATE OR REPLACE TRIGGER trg_emp_del AFTER DELETE ON emp FOR EACH ROW
BEGIN
  INSERT INTO emp_del (empno, deleted_by, deleted_uid) VALUES (:old.empno, USER, UID);
END;
/
CREATE OR REPLACE TRIGGER trg_ddl BEFORE DDL ON SCHEMA
BEGIN
  INSERT INTO ddl_log (evt, obj) VALUES (ora_sysevent, ora_dict_obj_name);
END;
/
`,
      fdd: [['emp.empno', 'emp_del.empno']],
    },
    {
      title: 'CREATE MATERIALIZED VIEW LOG ON t … no longer takes the next statement as its query; WITH CHECK OPTION CONSTRAINT c; package spec CURSOR c RETURN t%ROWTYPE;',
      sql: `CREATE MATERIALIZED VIEW LOG ON emp WITH ROWID, SEQUENCE (sal) INCLUDING NEW VALUES;
CREATE MATERIALIZED VIEW mv_emp REFRESH FAST ON DEMAND AS SELECT empno, sal FROM emp;
CREATE OR REPLACE VIEW v_emp AS SELECT empno, ename FROM emp WITH CHECK OPTION CONSTRAINT v_emp_ck;
CREATE OR REPLACE PACKAGE pkg_emp AS
  CURSOR c_emp RETURN emp%ROWTYPE;
  g_max CONSTANT NUMBER := 100;
  PROCEDURE load;
END pkg_emp;
/
`,
      fdd: [['emp.empno', 'mv_emp.empno'], ['emp.sal', 'mv_emp.sal'], ['emp.empno', 'v_emp.empno'], ['emp.ename', 'v_emp.ename']],
    },
    {
      title: "EXECUTE IMMEDIATE with a literal holding doubled quotes ('' … '') or a q'[…]' literal: the dynamic INSERT … SELECT gives lineage",
      sql: `BEGIN
  EXECUTE IMMEDIATE 'INSERT INTO t_active (id, nm) SELECT s.id, s.nm FROM src s WHERE s.status = ''A''';
  EXECUTE IMMEDIATE q'[INSERT INTO t_closed (id) SELECT id FROM src WHERE status = 'C']';
END;
/
`,
      fdd: [['src.id', 't_active.id'], ['src.nm', 't_active.nm'], ['src.id', 't_closed.id']],
    },
    {
      title: 'SQL*Plus host shortcut lines (!ls, !rm …) between statements are skipped',
      sql: `!rm -f /tmp/load.log
INSERT INTO fact_sales (sale_id) SELECT s.id FROM stg_sales s;
!echo done
`,
      fdd: [['stg_sales.id', 'fact_sales.sale_id']],
    },
    {
      title: 'INSERT INTO (SELECT cols FROM t WHERE …) VALUES … / SELECT …, also under FORALL: the rows go into t, the view names the columns',
      sql: `INSERT INTO (SELECT e.empno, e.ename FROM tb_emp e WHERE e.deptno = 10) v SELECT s.id, s.nm FROM src s;
DECLARE
  TYPE t_rows IS TABLE OF emp_test%ROWTYPE;
  l t_rows;
BEGIN
  SELECT empno, ename BULK COLLECT INTO l FROM emp_test;
  FORALL i IN 1 .. l.COUNT INSERT INTO (SELECT empno, ename FROM tb_emp_test) VALUES l(i);
END;
/
`,
      fdd: [['src.id', 'tb_emp.empno'], ['src.nm', 'tb_emp.ename'], ['emp_test.empno', 'tb_emp_test.empno'], ['emp_test.ename', 'tb_emp_test.ename']],
    },
    {
      title: 'comparison operators written with a space (> =, < =, < >) in a MERGE source query parse as one operator',
      sql: `MERGE INTO dim_addr dm
USING (SELECT da.id AS scr_id, da.street FROM ce_addr da WHERE da.id > = 0 AND da.zone < > 'X') ce
ON (dm.source_id = ce.scr_id)
WHEN MATCHED THEN UPDATE SET dm.street = ce.street WHERE dm.street < = ce.street
WHEN NOT MATCHED THEN INSERT (source_id, street) VALUES (ce.scr_id, ce.street);
`,
      fdd: [['ce_addr.street', 'dim_addr.street'], ['ce_addr.id', 'dim_addr.source_id']],
    },
    {
      title: 'COMPOUND TRIGGER: the DML of each timing-point section (AFTER EACH ROW, AFTER STATEMENT) gives lineage',
      sql: `CREATE OR REPLACE TRIGGER trg_ord FOR INSERT OR UPDATE ON orders COMPOUND TRIGGER
  g_cnt PLS_INTEGER := 0;
  BEFORE STATEMENT IS
  BEGIN
    g_cnt := 0;
  END BEFORE STATEMENT;
  AFTER EACH ROW IS
    l_note VARCHAR2(30);
  BEGIN
    INSERT INTO order_audit (order_id, amount) VALUES (:NEW.order_id, :NEW.amount);
  END AFTER EACH ROW;
  AFTER STATEMENT IS
  BEGIN
    INSERT INTO order_totals (total) SELECT SUM(amount) FROM orders;
  END AFTER STATEMENT;
END trg_ord;
/
`,
      fdd: [['orders.order_id', 'order_audit.order_id'], ['orders.amount', 'order_audit.amount'], ['orders.amount', 'order_totals.total']],
    },
    {
      title: 'collection element assignments l(i) := …, l(l.LAST).f := … and SQL%BULK_EXCEPTIONS(j).ERROR_INDEX parse; the element carries the value',
      sql: `DECLARE
  TYPE t_rows IS TABLE OF src%ROWTYPE;
  l_src t_rows;
  l_out t_rows := t_rows();
BEGIN
  SELECT * BULK COLLECT INTO l_src FROM src;
  l_out.EXTEND;
  l_out(l_out.LAST).a := l_src(1).a;
  FORALL i IN 1 .. l_out.COUNT SAVE EXCEPTIONS
    INSERT INTO t2 (a) VALUES (l_out(i).a);
EXCEPTION WHEN OTHERS THEN
  FOR j IN 1 .. SQL%BULK_EXCEPTIONS.COUNT LOOP
    INSERT INTO err_log (idx) VALUES (SQL%BULK_EXCEPTIONS(j).ERROR_INDEX);
  END LOOP;
END;
/
`,
      fdd: [['src.a', 't2.a']],
    },
    {
      title: 'conditional compilation ($IF … $THEN, $ELSE, $END) and $$PLSQL_UNIT: the directives are dropped, every branch keeps its lineage',
      sql: `CREATE OR REPLACE PROCEDURE p_load IS
  l_unit VARCHAR2(100) := $$PLSQL_UNIT;
BEGIN
  $IF DBMS_DB_VERSION.VER_LE_11 $THEN
    INSERT INTO t_old (a) SELECT a FROM src;
  $ELSE
    INSERT INTO t_new (a) SELECT a FROM src;
  $END
  log_pkg.info($$PLSQL_UNIT || ': done');
END;
/
`,
      fdd: [['src.a', 't_old.a'], ['src.a', 't_new.a']],
    },
    {
      title: "FOR r IN c(args) LOOP over a cursor with parameters",
      sql: `DECLARE
  CURSOR c_cust(p_region VARCHAR2) IS SELECT id, name FROM customers WHERE region = p_region;
BEGIN
  FOR r IN c_cust('EU') LOOP
    INSERT INTO cust_totals (cust_id, name) VALUES (r.id, r.name);
  END LOOP;
END;
/
`,
      fdd: [['customers.id', 'cust_totals.cust_id'], ['customers.name', 'cust_totals.name']],
    },
    {
      title: 'FORALL … INSERT INTO t VALUES l(i): a record (or collection element) fills the columns by name',
      sql: `CREATE TABLE src (a NUMBER, b NUMBER);
CREATE TABLE t2 (a NUMBER, b NUMBER);
DECLARE
  TYPE t_rows IS TABLE OF src%ROWTYPE INDEX BY PLS_INTEGER;
  l_rows t_rows;
  r src%ROWTYPE;
BEGIN
  SELECT * BULK COLLECT INTO l_rows FROM src;
  FORALL i IN l_rows.FIRST .. l_rows.LAST INSERT INTO t2 VALUES l_rows(i);
  SELECT * INTO r FROM src WHERE ROWNUM = 1;
  INSERT INTO t3 (a) VALUES r;
END;
/
`,
      fdd: [['src.a', 't2.a'], ['src.b', 't2.b'], ['src.a', 't3.a']],
      tablesWritten: ['t2', 't3'],
    },
    {
      title: 'BULK COLLECT into scalars and into a collection of records (FETCH … LIMIT), FORALL over l(i).col, SELECT * INTO a %ROWTYPE record',
      sql: `DECLARE
  TYPE t_rows IS TABLE OF src%ROWTYPE;
  l_rows t_rows;
  v_a NUMBER; v_b NUMBER;
  v_rec src%ROWTYPE;
  CURSOR c IS SELECT a, b FROM src;
BEGIN
  SELECT a, b BULK COLLECT INTO v_a, v_b FROM src;
  INSERT INTO t3 (a, b) VALUES (v_a, v_b);
  OPEN c;
  LOOP
    FETCH c BULK COLLECT INTO l_rows LIMIT 100;
    EXIT WHEN l_rows.COUNT = 0;
    FORALL i IN 1..l_rows.COUNT INSERT INTO t2 (a) VALUES (l_rows(i).a);
    FORALL i IN INDICES OF l_rows UPDATE t2 SET b = l_rows(i).b WHERE a = l_rows(i).a;
  END LOOP;
  CLOSE c;
  SELECT * INTO v_rec FROM src2 WHERE ROWNUM = 1;
  INSERT INTO t4 (a) VALUES (v_rec.a);
END;
/
`,
      fdd: [['src.a', 't3.a'], ['src.b', 't3.b'], ['src.a', 't2.a'], ['src.b', 't2.b'], ['src2.a', 't4.a']],
      tablesWritten: ['t2', 't3', 't4'],
    },
    {
      title: 'CONNECT_BY_ROOT c in a hierarchical query; j.* of JSON_TABLE … COLUMNS expands to the declared columns',
      sql: `INSERT INTO emp_tree (ename, root) SELECT e.ename, CONNECT_BY_ROOT e.ename FROM emp e START WITH e.mgr IS NULL CONNECT BY PRIOR e.empno = e.mgr;
INSERT INTO items (id, sku, qty) SELECT t.id, j.* FROM orders t, JSON_TABLE(t.doc, '$.items[*]' COLUMNS (sku VARCHAR2(20) PATH '$.sku', qty NUMBER PATH '$.qty')) j;
`,
      fdd: [['emp.ename', 'emp_tree.ename'], ['emp.ename', 'emp_tree.root'], ['orders.id', 'items.id'], ['orders.doc', 'items.sku'], ['orders.doc', 'items.qty']],
    },
    {
      title: 'PIVOT makes one column per IN value (alias, or the value as written), fed by the aggregate; multiple aggregates name value_alias; UNPIVOT (single and multi-column) feeds the value column from the IN list; PIVOT XML … ANY keeps the source columns',
      sql: `CREATE TABLE sales (region VARCHAR2(10), month VARCHAR2(3), amount NUMBER);
SELECT p.jan, p.region, feb, p."3" FROM sales PIVOT (SUM(amount) FOR month IN ('JAN' AS jan, 'FEB' feb, 3)) p;
INSERT INTO out_x (region, xs, xv) SELECT * FROM (SELECT region, m, a, b FROM src2) PIVOT (SUM(a) AS s, AVG(b) AS v FOR m IN ('X' AS x));
SELECT customer_key, quarter, amount FROM cq UNPIVOT INCLUDE NULLS (amount FOR quarter IN (q1_amount AS 'Q1', q2_amount AS 'Q2'));
SELECT * FROM (SELECT k, a1, a2, b1, b2 FROM w) UNPIVOT ((v1, v2) FOR n IN ((a1, a2) AS 'A', (b1, b2) AS 'B'));
SELECT * FROM t PIVOT XML (SUM(x) FOR y IN (ANY));
`,
      fdd: [['sales.amount', 'RS-1.jan'], ['sales.amount', 'RS-1.feb'], ['sales.amount', 'RS-1."3"'], ['sales.region', 'RS-1.region'],
        ['src2.region', 'out_x.region'], ['src2.a', 'out_x.xs'], ['src2.b', 'out_x.xv'],
        ['cq.customer_key', 'RS-2.customer_key'], ['cq.q1_amount', 'RS-2.amount'], ['cq.q2_amount', 'RS-2.amount'],
        ['w.k', 'RS-3.k'], ['w.a1', 'RS-3.v1'], ['w.b1', 'RS-3.v1'], ['w.a2', 'RS-3.v2'], ['w.b2', 'RS-3.v2'], ['t.*', 'RS-4.*']],
    },
    {
      title: 'JOIN … USING (id): an unqualified id is the join column; SQL%ROWCOUNT is no column; MERGE INSERT VALUES without a column list; EXECUTE IMMEDIATE of a literal',
      sql: `INSERT INTO t2 SELECT id, a.x FROM t1 a JOIN t3 b USING (id);
DECLARE n NUMBER; BEGIN DELETE FROM t2 WHERE x < 0; n := SQL%ROWCOUNT; EXECUTE IMMEDIATE 'INSERT INTO t4 (a) SELECT a FROM t1'; END;
/
MERGE INTO t5 USING t1 s ON (t5.id = s.id) WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.a);
`,
      fdd: [['t1.id', 't2.id'], ['t1.x', 't2.x'], ['t1.a', 't4.a'], ['t1.id', 't5.id'], ['t1.a', 't5.a']],
    },
    {
      title: 'OPEN c FOR a query, a variable, a variable USING binds',
      sql: `DECLARE
  c SYS_REFCURSOR;
  v_sql VARCHAR2(100) := 'SELECT a FROM t WHERE b = :1';
  x NUMBER := 1;
BEGIN
  OPEN c FOR SELECT a FROM t;
  OPEN c FOR v_sql;
  OPEN c FOR v_sql USING x;
  INSERT INTO out (a) SELECT a FROM t;
END;
/
`,
      fdd: [['t.a', 'out.a']],
    },
    {
      title: 'WITH FUNCTION (12c inline PL/SQL function) before the SELECT; a parameter named like a column',
      sql: `WITH FUNCTION f(x NUMBER) RETURN NUMBER IS BEGIN RETURN x * 2; END; SELECT f(a) AS y FROM t;
WITH
  FUNCTION g(b NUMBER) RETURN NUMBER IS
  BEGIN
    RETURN b + 1;
  END;
  recent AS (SELECT b FROM u)
SELECT g(b) AS z FROM recent
/
`,
      fdd: [['t.a', 'RS-1.y'], ['u.b', 'RS-2.z']],
    },
    {
      title: 'FLASHBACK TABLE is skipped; the next statement keeps its lineage',
      sql: `FLASHBACK TABLE t TO BEFORE DROP;
FLASHBACK TABLE u TO TIMESTAMP SYSTIMESTAMP - INTERVAL '1' HOUR;
INSERT INTO v (a) SELECT a FROM t;
`,
      fdd: [['t.a', 'v.a']],
    },
    {
      title: 'FORALL: the index is a loop variable, not a column; l_ids(i) is an element of the collection filled by BULK COLLECT',
      sql: `DECLARE
  TYPE t_ids IS TABLE OF NUMBER;
  l_ids t_ids;
BEGIN
  SELECT id BULK COLLECT INTO l_ids FROM src;
  FORALL i IN 1..l_ids.COUNT INSERT INTO t (id) VALUES (l_ids(i));
  FORALL j IN INDICES OF l_ids SAVE EXCEPTIONS
    INSERT INTO t_log (id, pos) SELECT s.id, j FROM src s WHERE s.id = l_ids(j);
END;
/
`,
      fdd: [['src.id', 't.id'], ['src.id', 't_log.id']],
      tablesWritten: ['t', 't_log'],
    },
    {
      title: 'SQL*Plus commands without ; (SET DEFINE OFF, PROMPT with an apostrophe, WHENEVER, SPOOL, @@script, EXEC), SELECT … BULK COLLECT INTO',
      sql: `SET DEFINE OFF
PROMPT Loading the customer's rows
WHENEVER SQLERROR EXIT 1
SPOOL /tmp/load.log
@@grants.sql
EXEC dbms_output.put_line('start')
INSERT INTO dw_customers (id) SELECT cust_id FROM stg_customers;
DECLARE
  TYPE t_ids IS TABLE OF NUMBER;
  l_ids t_ids;
BEGIN
  SELECT cust_id BULK COLLECT INTO l_ids FROM stg_customers;
END;
/
SPOOL OFF
`,
      fdd: [['stg_customers.cust_id', 'dw_customers.id']],
    },
    {
      title: 'trigger :NEW.col := …, PIPE ROW in a pipelined function',
      sql: `CREATE OR REPLACE TRIGGER trg_orders BEFORE INSERT ON orders FOR EACH ROW
BEGIN
  :NEW.updated_at := SYSDATE;
  INSERT INTO orders_audit (order_id) VALUES (:NEW.order_id);
END;
/
CREATE OR REPLACE FUNCTION order_ids RETURN t_ids PIPELINED IS
BEGIN
  FOR r IN (SELECT order_id FROM orders) LOOP PIPE ROW (r.order_id); END LOOP;
  RETURN;
END;
/
`,
      // :NEW is the row of the trigger's table; :NEW.updated_at := SYSDATE moves no column
      fdd: [['orders.order_id', 'orders_audit.order_id']],
    },
    {
      title: 'XMLTABLE … PASSING doc COLUMNS name type PATH …',
      sql: `INSERT INTO parsed_orders (order_no, amount) SELECT x.order_no, x.amount FROM raw_xml r, XMLTABLE('/orders/order' PASSING r.doc COLUMNS order_no VARCHAR2(20) PATH '@no', amount NUMBER PATH 'amount') x;
`,
      fdd: [['raw_xml.doc', 'parsed_orders.order_no'], ['raw_xml.doc', 'parsed_orders.amount']],
    },
    {
      title: 'INSERT FIRST with ELSE',
      sql: `INSERT FIRST
  WHEN order_date < DATE '2023-01-01' THEN INTO orders_archive (order_id, total) VALUES (order_id, order_total)
  ELSE INTO orders_current (order_id, total) VALUES (order_id, order_total)
SELECT order_id, order_date, order_total FROM order_stage;
`,
      fdd: [
        ['order_stage.order_id', 'orders_archive.order_id'], ['order_stage.order_total', 'orders_archive.total'],
        ['order_stage.order_id', 'orders_current.order_id'], ['order_stage.order_total', 'orders_current.total'],
      ],
    },
    {
      title: 'anonymous block: cursor FOR loop record feeds an UPDATE',
      sql: `BEGIN
  FOR rec IN (SELECT customer_key, revenue_ytd FROM customer_revenue) LOOP
    UPDATE dim_customer SET revenue = rec.revenue_ytd WHERE customer_key = rec.customer_key;
  END LOOP;
END;
/
`,
      fdd: [['customer_revenue.revenue_ytd', 'dim_customer.revenue']],
    },
    {
      title: 'INSERT ALL maps each INTO from the subquery',
      sql: `INSERT ALL
  WHEN order_total >= 10000 THEN INTO large_orders (order_id, amount) VALUES (order_id, order_total)
  ELSE INTO small_orders (order_id, amount) VALUES (order_id, order_total)
SELECT order_id, order_total FROM order_stage;
`,
      fdd: [
        ['order_stage.order_id', 'large_orders.order_id'], ['order_stage.order_total', 'large_orders.amount'],
        ['order_stage.order_id', 'small_orders.order_id'], ['order_stage.order_total', 'small_orders.amount'],
      ],
    },
    {
      title: 'MERGE with DELETE WHERE and a sequence NEXTVAL',
      sql: `MERGE INTO dim_customer d
USING crm_customers s ON (d.customer_id = s.cust_id)
WHEN MATCHED THEN UPDATE SET d.customer_name = s.cust_name DELETE WHERE d.segment = 'CLOSED'
WHEN NOT MATCHED THEN INSERT (customer_key, customer_id, customer_name)
  VALUES (seq_customer_key.NEXTVAL, s.cust_id, s.cust_name);
`,
      fdd: [['crm_customers.cust_name', 'dim_customer.customer_name'], ['crm_customers.cust_id', 'dim_customer.customer_id']],
    },
    {
      title: 'PL/SQL procedure: SELECT INTO a %TYPE variable then INSERT VALUES, "/" terminator',
      sql: `CREATE OR REPLACE PROCEDURE log_revenue(p_key IN NUMBER) IS
  v_revenue customer_revenue.revenue_ytd%TYPE;
BEGIN
  SELECT revenue_ytd INTO v_revenue FROM customer_revenue WHERE customer_key = p_key;
  INSERT INTO revenue_log (customer_key, revenue) VALUES (p_key, v_revenue);
END;
/
`,
      fdd: [['customer_revenue.revenue_ytd', 'revenue_log.revenue']],
    },
    {
      title: 'CTAS over a (+) outer join with NVL and a q-quoted string',
      sql: `CREATE TABLE customer_orders AS
SELECT c.customer_name, NVL(o.order_total, 0) AS total, q'[it's open]' AS note
  FROM dim_customer c, orders o
 WHERE c.customer_id = o.customer_id(+);
`,
      fdd: [['dim_customer.customer_name', 'customer_orders.customer_name'], ['orders.order_total', 'customer_orders.total']],
    },
  ],
  mssql: [
    {
      title: "FROM OPENDATASOURCE('provider', 'connection').db.schema.t: the table after the ad hoc server is the source (the statement failed at the dot)",
      sql: `INSERT INTO dbo.RemoteOrders (Id, Total)
SELECT o.Id, o.Total FROM OPENDATASOURCE('MSOLEDBSQL', 'Data Source=srv2;Integrated Security=SSPI').Sales.dbo.Orders AS o;
`,
      fdd: [['Sales.dbo.Orders.Id', 'dbo.RemoteOrders.Id'], ['Sales.dbo.Orders.Total', 'dbo.RemoteOrders.Total']],
    },
    {
      title: "methods of the geometry / geography / hierarchyid types on a column (s.Shape.STAsText(), OrgNode.GetLevel(), OrgNode.ToString()) read that column (they were calls of a function named by the column)",
      sql: `INSERT INTO dbo.ShapeText (Id, Wkt, Dist) SELECT s.Id, s.Shape.STAsText(), s.Shape.STDistance(@p) FROM dbo.Shapes s;
INSERT INTO dbo.OrgLevels (Node, Lvl, Path) SELECT OrgNode, OrgNode.GetLevel(), OrgNode.ToString() FROM dbo.Org;
`,
      fdd: [['dbo.Shapes.Id', 'dbo.ShapeText.Id'], ['dbo.Shapes.Shape', 'dbo.ShapeText.Dist'], ['dbo.Shapes.Shape', 'dbo.ShapeText.Wkt'], ['dbo.Org.OrgNode', 'dbo.OrgLevels.Path'], ['dbo.Org.OrgNode', 'dbo.OrgLevels.Lvl'], ['dbo.Org.OrgNode', 'dbo.OrgLevels.Node']],
    },
    {
      title: "UPDATE | DELETE of a CTE with OUTPUT inserted.c | deleted.c INTO t (the queue reader: WITH x AS (SELECT TOP (n) … FROM queue) UPDATE x …): the output rows are the CTE's columns (they were lost)",
      sql: `WITH x AS (SELECT TOP (10) * FROM dbo.Queue WITH (ROWLOCK, READPAST) ORDER BY Id)
UPDATE x SET Taken = 1 OUTPUT inserted.Id, inserted.Payload INTO dbo.Taken (Id, Payload);
WITH q AS (SELECT TOP (100) Id, Body FROM dbo.Outbox ORDER BY Id)
DELETE FROM q OUTPUT deleted.Id, deleted.Body INTO dbo.Sent (Id, Body);
`,
      fdd: [['dbo.Queue.Id', 'dbo.Taken.Id'], ['dbo.Queue.Payload', 'dbo.Taken.Payload'], ['dbo.Outbox.Id', 'dbo.Sent.Id'], ['dbo.Outbox.Body', 'dbo.Sent.Body']],
    },
    {
      title: "INSERT INTO t (…) EXEC sp_executesql @sql whose text is one query: the rows are the query's (they came from nowhere); N''x'' inside dynamic SQL is N'x' (the N was read as a column)",
      sql: `DECLARE @sql NVARCHAR(MAX) = N'
INSERT INTO dbo.Audit (Msg, Src)
SELECT N''Loaded '' + l.Name, l.Id FROM dbo.Loaded l;';
EXEC (@sql);
SET @sql = N'SELECT o.OrderId, o.Total FROM dbo.Orders o WHERE 1 = 1';
IF @cust IS NOT NULL SET @sql += N' AND o.CustomerId = @cust';
SET @sql += N' ORDER BY o.OrderDate DESC;';
INSERT INTO #result (OrderId, Total)
EXEC sp_executesql @sql, N'@cust INT', @cust;
`,
      fdd: [['dbo.Loaded.Name', 'dbo.Audit.Msg'], ['dbo.Loaded.Id', 'dbo.Audit.Src'], ['dbo.Orders.OrderId', '#result.OrderId'], ['dbo.Orders.Total', '#result.Total']],
    },
    {
      title: "EXEC @rc = [sys.]sp_executesql @sql | N'…': the return status variable before it hid the dynamic SQL",
      sql: `DECLARE @rc INT, @sql NVARCHAR(MAX) = N'INSERT INTO dbo.Totals (Region, Amount) SELECT Region, SUM(Amount) FROM dbo.Sales GROUP BY Region';
EXEC @rc = sp_executesql @sql;
EXEC @rc = sys.sp_executesql N'UPDATE dbo.Totals SET Amount = s.Amount FROM dbo.Totals t JOIN dbo.Adjust s ON s.Region = t.Region';
`,
      fdd: [['dbo.Sales.Region', 'dbo.Totals.Region'], ['dbo.Sales.Amount', 'dbo.Totals.Amount'], ['dbo.Adjust.Amount', 'dbo.Totals.Amount']],
    },
    {
      title: "SELECT … INTO t ON filegroup FROM …: the filegroup is where t is stored (the statement failed at ON)",
      sql: `SELECT a.Id, a.Val INTO dbo.NewTab ON [SECONDARY] FROM dbo.OldTab a;
SELECT b.Id INTO dbo.NewTab2 ON FG_ARCHIVE FROM dbo.OldTab b WHERE b.Id > 10;
`,
      fdd: [['dbo.OldTab.Id', 'dbo.NewTab2.Id'], ['dbo.OldTab.Id', 'dbo.NewTab.Id'], ['dbo.OldTab.Val', 'dbo.NewTab.Val']],
    },
    {
      title: "dynamic SQL set by SELECT @sql = N'…', joined from variables (@nl = NCHAR(13) + NCHAR(10), EXEC (@part1 + @part2)) and run by sp_executesql @stmt = @sql: its statements are analysed",
      sql: `DECLARE @sql NVARCHAR(MAX), @nl NCHAR(2) = NCHAR(13) + NCHAR(10);
SELECT @sql = N'INSERT INTO mart.Summary (Region, Total) SELECT Region, SUM(Amount) FROM dbo.Sales GROUP BY Region;';
EXEC sp_executesql @sql;
SET @sql = N'TRUNCATE TABLE mart.Daily;' + @nl + N'INSERT INTO mart.Daily (Day, Total)' + @nl
         + N'SELECT CAST(SaleDate AS DATE), SUM(Amount) FROM dbo.Sales GROUP BY CAST(SaleDate AS DATE);';
EXECUTE sp_executesql @stmt = @sql;
DECLARE @part1 NVARCHAR(200) = N'INSERT INTO mart.Prod (Id, Name) ', @part2 NVARCHAR(200) = N'SELECT ProductId, Name FROM dbo.Products';
EXEC (@part1 + @part2);
`,
      fdd: [['dbo.Sales.Region', 'mart.Summary.Region'], ['dbo.Sales.Amount', 'mart.Daily.Total'], ['dbo.Sales.Amount', 'mart.Summary.Total'], ['dbo.Sales.SaleDate', 'mart.Daily.Day'], ['dbo.Products.ProductId', 'mart.Prod.Id'], ['dbo.Products.Name', 'mart.Prod.Name']],
    },
    {
      title: "SELECT IDENTITY(INT, 1, 1) AS id … INTO t: the type is no column of the source (it gave Customers.INT)",
      sql: `SELECT IDENTITY(INT, 1, 1) AS RowId, c.Name INTO #numbered FROM dbo.Customers c;
SELECT IDENTITY(BIGINT) AS Seq, o.OrderId INTO dbo.OrderSeq FROM dbo.Orders o ORDER BY o.OrderDate;
`,
      fdd: [['dbo.Customers.Name', '#numbered.Name'], ['dbo.Orders.OrderId', 'dbo.OrderSeq.OrderId']],
    },
    {
      title: "UPDATE | INSERT | DELETE OPENQUERY(server, 'SELECT …') write the tables of the pass-through query, like an inline view (UPDATE OPENQUERY failed at its parenthesis; UPDATE … SET … FROM s reads s)",
      sql: `UPDATE OPENQUERY(LINKED_ORA, 'SELECT status, updated_at FROM app.orders WHERE order_id = 42') SET status = s.new_status, updated_at = s.changed_at FROM dbo.StatusFeed s;
INSERT OPENQUERY(LINKED_MY, 'SELECT id, name FROM crm.contacts') SELECT ContactId, FullName FROM dbo.Contacts;
DELETE OPENQUERY(LINKED_ORA, 'SELECT id FROM app.tmp_rows WHERE done = 1');
`,
      fdd: [['dbo.StatusFeed.new_status', 'app.orders.status'], ['dbo.StatusFeed.changed_at', 'app.orders.updated_at'], ['dbo.Contacts.ContactId', 'crm.contacts.id'], ['dbo.Contacts.FullName', 'crm.contacts.name']],
    },
    {
      title: "dynamic SQL built in a variable (DECLARE @sql = N'', SET @sql = @sql + N'…' + CHAR(13) + …, SET @sql += …; EXEC sp_executesql @sql / EXEC (@sql)): its constant text is analysed, an unknown value inside a literal or as a value stands for one; a statement whose name takes an unknown part (dbo.Tbl_' + @Suffix) is dropped",
      sql: `CREATE PROCEDURE etl.usp_RefreshRegion @FromDate DATE, @Region NVARCHAR(10), @Suffix NVARCHAR(10)
AS
BEGIN
  DECLARE @sql NVARCHAR(MAX) = N'';
  SET @sql = @sql + N'INSERT INTO rpt.RegionSales (Region, Amount)' + CHAR(13) + CHAR(10)
           + N'SELECT s.Region, SUM(s.Amount) FROM dbo.Sales s'
           + N' WHERE s.SaleDate >= ''' + CONVERT(NVARCHAR(10), @FromDate, 120) + N''' AND s.Region = ''' + @Region + N''' GROUP BY s.Region;';
  EXEC sp_executesql @sql;
  SET @sql = N'UPDATE t SET t.Flag = s.Val FROM dbo.Target t ';
  SET @sql += N'JOIN dbo.Src s ON s.Id = t.Id WHERE s.Cnt > ' + CAST(@Region AS NVARCHAR(10));
  EXEC (@sql);
  SET @sql = N'INSERT INTO dbo.Tbl_' + @Suffix + N' (a) SELECT a FROM dbo.Src';
  EXEC (@sql);
END
`,
      fdd: [['dbo.Sales.Region', 'rpt.RegionSales.Region'], ['dbo.Sales.Amount', 'rpt.RegionSales.Amount'], ['dbo.Src.Val', 'dbo.Target.Flag']],
    },
    {
      title: 'UPDATE … OUTPUT inserted.c, s.v INTO log FROM t JOIN s: s.v is the joined table\'s column (it was column s of the target); deleted.* stays the target\'s',
      sql: `UPDATE o SET o.status = 'X' OUTPUT inserted.order_id, c.name INTO dbo.upd_log (order_id, cname)
FROM dbo.orders o JOIN dbo.customers c ON c.id = o.customer_id;
DELETE o OUTPUT deleted.* INTO dbo.orders_deleted FROM dbo.orders o JOIN dbo.customers c ON c.id = o.customer_id WHERE c.closed = 1;
`,
      fdd: [['dbo.orders.order_id', 'dbo.upd_log.order_id'], ['dbo.customers.name', 'dbo.upd_log.cname'], ['dbo.orders.*', 'dbo.orders_deleted.*']],
    },
    {
      title: 'ALTER VIEW v [WITH SCHEMABINDING, …] AS SELECT … redefines the view (the statement was skipped: the view kept no lineage)',
      sql: `ALTER VIEW dbo.v_orders AS SELECT id, amt FROM dbo.orders2
GO
ALTER VIEW dbo.v2 WITH SCHEMABINDING, VIEW_METADATA AS SELECT x FROM dbo.t3
GO
SELECT id FROM dbo.v_orders
`,
      fdd: [['dbo.orders2.id', 'dbo.v_orders.id'], ['dbo.orders2.amt', 'dbo.v_orders.amt'], ['dbo.t3.x', 'dbo.v2.x'], ['dbo.v_orders.id', 'RS-1.id']],
    },
    {
      title: 'T-SQL niladic USER is the session user, not a column of the source',
      sql: `INSERT INTO dbo.audit_log (changed_by, order_id) SELECT USER, o.order_id FROM dbo.orders o;
`,
      fdd: [['dbo.orders.order_id', 'dbo.audit_log.order_id']],
    },
    {
      title: 'block comments nest: a commented-out block that holds a comment (/* old: /* note */ DELETE … */) hid the rest of the procedure',
      sql: `CREATE PROCEDURE dbo.copy_s AS
BEGIN
/* old code:
   /* inner note */
   DELETE FROM dbo.t WHERE 1 = 1
*/
INSERT INTO dbo.t (a) SELECT b FROM dbo.s /**/ /***/
END
GO
`,
      fdd: [['dbo.s.b', 'dbo.t.a']],
    },
    {
      title: 'after SET QUOTED_IDENTIFIER OFF (legacy procedures scripted with it) "…" is a string until SET QUOTED_IDENTIFIER ON: "N" was read as a column of the table',
      sql: `SET QUOTED_IDENTIFIER OFF
GO
CREATE PROCEDURE dbo.flag_orders AS
INSERT INTO dbo.flagged (order_id, note) SELECT order_id, "manual" FROM dbo.orders WHERE status = "N" AND note <> "it's"
GO
SET QUOTED_IDENTIFIER ON
GO
INSERT INTO "dbo"."flagged_copy" ("order_id") SELECT "order_id" FROM dbo.flagged
GO
`,
      fdd: [['dbo.orders.order_id', 'dbo.flagged.order_id'], ['dbo.flagged.order_id', '"dbo"."flagged_copy".order_id']],
    },
    {
      title: 'natively compiled bodies: BEGIN ATOMIC WITH (TRANSACTION ISOLATION LEVEL = SNAPSHOT, LANGUAGE = …) opens the block (it failed at the options)',
      sql: `CREATE PROCEDURE dbo.usp_native @n int
WITH NATIVE_COMPILATION, SCHEMABINDING, EXECUTE AS OWNER
AS
BEGIN ATOMIC WITH (TRANSACTION ISOLATION LEVEL = SNAPSHOT, LANGUAGE = N'us_english')
  INSERT INTO dbo.mem_orders (order_id, qty) SELECT order_id, qty FROM dbo.mem_stage WHERE qty > @n;
END
GO
`,
      fdd: [['dbo.mem_stage.order_id', 'dbo.mem_orders.order_id'], ['dbo.mem_stage.qty', 'dbo.mem_orders.qty']],
    },
    {
      title: 'ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY … REFERENCES t (c) ends at GO: the next batches (SSMS scripts add keys before their procedures) were swallowed into it',
      sql: `ALTER TABLE [dbo].[order_line] WITH CHECK ADD CONSTRAINT [FK_line_order] FOREIGN KEY([order_id]) REFERENCES [dbo].[orders] ([id]) ON DELETE CASCADE
GO
ALTER TABLE [dbo].[order_line] CHECK CONSTRAINT [FK_line_order]
GO
CREATE PROCEDURE dbo.copy_lines AS
INSERT INTO dbo.order_line_hist (order_id, qty) SELECT order_id, qty FROM dbo.order_line
GO
`,
      fdd: [['dbo.order_line.order_id', 'dbo.order_line_hist.order_id'], ['dbo.order_line.qty', 'dbo.order_line_hist.qty']],
    },
    {
      title: 'GO; (the batch word with a semicolon) ends the batch, and Service Broker BEGIN DIALOG / END CONVERSATION inside IF … BEGIN … END are statements',
      sql: `DECLARE @h UNIQUEIDENTIFIER;
BEGIN DIALOG CONVERSATION @h
   FROM SERVICE [//shop/OrderClient]
   TO SERVICE '//shop/OrderService'
   ON CONTRACT [//shop/OrderContract]
   WITH ENCRYPTION = OFF;
GO;
IF @@ERROR <> 0
  BEGIN
    END CONVERSATION @h WITH ERROR = 50001 DESCRIPTION = N'failed';
    INSERT INTO dbo.broker_log (msg) SELECT msg FROM dbo.broker_queue_view;
  END
GO;
`,
      fdd: [['dbo.broker_queue_view.msg', 'dbo.broker_log.msg']],
    },
    {
      title: 'UPDATE … SET c .WRITE (expr, @offset, @length) and SET udt.Method(args) change the column the call is on (they failed at "(")',
      sql: `UPDATE dbo.doc
SET summary .WRITE (s.extra, NULL, 0)
FROM dbo.doc JOIN dbo.doc_src s ON s.id = doc.id;
UPDATE dbo.city SET location.SetXY(g.x, g.y) FROM dbo.city JOIN dbo.geo g ON g.city_id = city.id;
`,
      fdd: [['dbo.doc_src.extra', 'dbo.doc.summary'], ['dbo.geo.x', 'dbo.city.location'], ['dbo.geo.y', 'dbo.city.location']],
    },
    {
      title: 'ODBC escapes {d …} / {ts …} literals, {fn f(x)} calls and {oj …} join trees, as report tools write them',
      sql: `INSERT INTO report_rows (name_uc, zone, loaded)
SELECT {fn UCASE(c.name)}, z.zone, {ts '2024-01-31 00:00:00'}
FROM {oj customers c LEFT OUTER JOIN zones z ON c.zone_id = z.id}
WHERE c.created > {d '2024-01-01'};
`,
      fdd: [['customers.name', 'report_rows.name_uc'], ['zones.zone', 'report_rows.zone']],
    },
    {
      title: 'Service Broker RECEIVE / SEND outside WAITFOR are statements of their own (they failed at batch start)',
      sql: `RECEIVE TOP (1) conversation_handle, message_body FROM dbo.TargetQueue
GO
SEND ON CONVERSATION @h MESSAGE TYPE [//x/Request] (@body)
GO
INSERT INTO dbo.t (a) SELECT b FROM dbo.s
GO
`,
      fdd: [['dbo.s.b', 'dbo.t.a']],
    },
    {
      title: 'generated one-line procedures (Dynamics GP zDP_): `.t` names the table in the default schema; END followed by a statement on its line',
      sql: `CREATE PROC dbo.zDP_T1SD (@ID char(15), @RID int = 0) AS set nocount on BEGIN IF @RID > 0 DELETE FROM .T1 WHERE ID = @ID ELSE DELETE FROM .T1 WHERE ID = @ID END set nocount off
GO
CREATE PROC dbo.zDP_T1SI AS BEGIN INSERT INTO .T1 (ID, NAME) SELECT ID, NAME FROM .T1_STAGE END INSERT INTO dbo.T1_LOG (ID) SELECT ID FROM .T1
GO
`,
      fdd: [['T1_STAGE.ID', 'T1.ID'], ['T1_STAGE.NAME', 'T1.NAME'], ['T1.ID', 'dbo.T1_LOG.ID']],
      tablesWritten: ['T1', 'dbo.T1_LOG'],
    },
    {
      title: 'SELECT … INTO #t FROM a UNION ALL SELECT … FROM b: the INTO of the first branch takes the whole union (the temp table got nothing)',
      sql: `SELECT id, amt INTO #all FROM dbo.sales_2023 UNION ALL SELECT id, amount FROM dbo.sales_2024
INSERT INTO dbo.sales_total (id, amt) SELECT id, SUM(amt) FROM #all GROUP BY id
`,
      fdd: [['dbo.sales_2023.id', '#all.id'], ['dbo.sales_2024.id', '#all.id'], ['dbo.sales_2023.amt', '#all.amt'], ['dbo.sales_2024.amount', '#all.amt'],
        ['#all.id', 'dbo.sales_total.id'], ['#all.amt', 'dbo.sales_total.amt']],
    },
    {
      title: "Synapse serverless OPENROWSET(BULK 'path', FORMAT = …) WITH (col type, …) AS r parses; its rows come from the file",
      sql: `CREATE VIEW dbo.v_lake AS SELECT r.id, r.name FROM OPENROWSET(BULK 'sales/*.parquet', DATA_SOURCE = 'lake', FORMAT = 'PARQUET') WITH (id INT, name VARCHAR(50)) AS r;
GO
INSERT INTO dbo.o (a) SELECT r.a FROM OPENROWSET(BULK 'c:\\data\\f.csv', FORMATFILE = 'c:\\data\\f.fmt') AS r;
GO
`,
      // the files are locations, no endpoints (N7): the edges from them are not compared
      fdd: [],
      tablesWritten: ['dbo.v_lake', 'dbo.o'],
    },
    {
      title: "dynamic SQL in one literal: EXEC ('CREATE VIEW …'), EXEC (N'…'), EXEC sp_executesql N'…', params; parameters written @p AS type; SET @c = CURSOR FOR …",
      sql: `IF NOT EXISTS (SELECT 1 FROM sys.views WHERE name = 'v') EXEC ('CREATE VIEW dbo.v AS SELECT a, b FROM dbo.t')
GO
CREATE PROCEDURE dbo.p_dyn @id AS INT, @c AS CURSOR VARYING OUTPUT AS
DECLARE @a INT
EXEC (N'INSERT INTO dbo.t3 (a) SELECT b FROM dbo.s3')
EXEC sp_executesql N'INSERT INTO dbo.t2 (a) SELECT b FROM dbo.s2 WHERE c = @c', N'@c INT', @c = @id
SET @c = CURSOR LOCAL FAST_FORWARD FOR SELECT x FROM dbo.src
OPEN @c
FETCH NEXT FROM @c INTO @a
INSERT INTO dbo.o (x) VALUES (@a)
GO
`,
      fdd: [['dbo.t.a', 'dbo.v.a'], ['dbo.t.b', 'dbo.v.b'], ['dbo.s3.b', 'dbo.t3.a'], ['dbo.s2.b', 'dbo.t2.a'], ['dbo.src.x', 'dbo.o.x']],
    },
    {
      title: 'Synapse CTAS-and-swap: RENAME OBJECT s.a TO b renames within the schema; FETCH NEXT FROM c without INTO ends at its line',
      sql: `CREATE TABLE dbo.FactSales_new WITH (DISTRIBUTION = HASH(CustomerKey)) AS SELECT CustomerKey, Amount FROM stg.Sales OPTION (LABEL = 'ctas');
RENAME OBJECT dbo.FactSales_new TO FactSales;
GO
CREATE PROCEDURE dbo.p_scan AS
DECLARE c CURSOR FOR SELECT a FROM dbo.t
OPEN c
FETCH NEXT FROM c
INSERT INTO dbo.o2 (a) SELECT a FROM dbo.t
GO
`,
      fdd: [['stg.Sales.CustomerKey', 'dbo.FactSales_new.CustomerKey'], ['stg.Sales.Amount', 'dbo.FactSales_new.Amount'],
        ['dbo.FactSales_new.RelationRows', 'dbo.FactSales.RelationRows'], ['dbo.t.a', 'dbo.o2.a']],
    },
    {
      title: "INSERT … EXEC p without `;` ends at its line (it took the rest of the procedure); a label: line, SET @v = col = expr, FOR SYSTEM_TIME BETWEEN … AND … before GO",
      sql: `CREATE PROCEDURE dbo.p_sync @id INT AS
DECLARE @t TABLE (id INT, v INT), @n INT
INSERT @t EXEC dbo.p_fetch @id
INSERT INTO dbo.o (id, v) SELECT id, v FROM @t
UPDATE dbo.cnt SET @n = n = n + 1 WHERE id = @id
IF @@ERROR <> 0 GOTO fail
INSERT INTO dbo.log (n) VALUES (@n)
RETURN 0
fail:
RETURN 1
GO
INSERT INTO dbo.h2 (v) SELECT v FROM dbo.hist FOR SYSTEM_TIME BETWEEN '2020-01-01' AND '2021-01-01'
GO
INSERT INTO dbo.o2 (a) SELECT a FROM dbo.s
GO
`,
      fdd: [['dbo.cnt.n', 'dbo.cnt.n'], ['dbo.cnt.n', 'dbo.log.n'], ['dbo.hist.v', 'dbo.h2.v'], ['dbo.s.a', 'dbo.o2.a']],
      tablesWritten: ['dbo.o', 'dbo.cnt', 'dbo.log', 'dbo.h2', 'dbo.o2'],
    },
    {
      title: 'SQLCMD lines (:setvar, :on error exit, :r file) of SSDT and sqlcmd scripts are skipped',
      sql: `:setvar DatabaseName "Sales"
:on error exit
USE [$(DatabaseName)];
GO
:r .\\Seed\\Customers.sql
INSERT INTO dbo.t (a) SELECT b FROM dbo.s;
GO
`,
      fdd: [['dbo.s.b', 'dbo.t.a']],
    },
    {
      title: "WITH XMLNAMESPACES before the CTEs, OPENXML(…) WITH (schema), a type's static method (geography::Point(…)) and a procedure parameter's @x.nodes(…)",
      sql: `WITH XMLNAMESPACES ('http://x' AS ns), c AS (SELECT id, doc FROM dbo.docs)
INSERT INTO dbo.parsed (id, v) SELECT c.id, n.x.value('ns:v[1]', 'int') FROM c CROSS APPLY c.doc.nodes('/ns:r') AS n(x);
GO
CREATE PROCEDURE dbo.p_load @x XML, @h INT AS
INSERT INTO dbo.places (id, geo) SELECT s.id, geography::Point(s.lat, s.lon, 4326) FROM dbo.stage s
INSERT INTO dbo.items (a) SELECT t.c.value('a[1]', 'int') FROM @x.nodes('/r') t(c)
INSERT INTO dbo.cust (name) SELECT o.name FROM OPENXML(@h, '/ROOT/Customer', 1) WITH (name VARCHAR(20)) o
GO
`,
      fdd: [['dbo.docs.id', 'dbo.parsed.id'], ['dbo.docs.doc', 'dbo.parsed.v'], ['dbo.stage.id', 'dbo.places.id'], ['dbo.stage.lat', 'dbo.places.geo'], ['dbo.stage.lon', 'dbo.places.geo']],
      tablesWritten: ['dbo.parsed', 'dbo.places', 'dbo.items', 'dbo.cust'],
    },
    {
      title: "MERGE … OUTPUT names the USING source too (OUTPUT $action, s.col, inserted.col): the SCD2 INSERT … SELECT FROM (MERGE …) AS m reads it",
      sql: `INSERT INTO dbo.dim_cust (cust_key, city)
SELECT m.cust_key, m.city
FROM (MERGE INTO dbo.dim_cust AS d
      USING stg.cust AS s ON d.cust_key = s.cust_key
      WHEN MATCHED AND d.city <> s.city THEN UPDATE SET d.is_current = 0
      WHEN NOT MATCHED THEN INSERT (cust_key, city) VALUES (s.cust_key, s.city)
      OUTPUT $action AS act, s.cust_key, s.city) AS m
WHERE m.act = 'UPDATE';
MERGE dbo.supplier AS t USING stg.supplier AS s ON t.id = s.id
WHEN MATCHED THEN UPDATE SET t.name = s.name
OUTPUT $action, s.id, deleted.name INTO dbo.supplier_audit (act, id, old_name);
`,
      fdd: [['stg.cust.cust_key', 'dbo.dim_cust.cust_key'], ['stg.cust.city', 'dbo.dim_cust.city'], ['stg.supplier.name', 'dbo.supplier.name'],
        ['stg.supplier.id', 'dbo.supplier_audit.id'], ['dbo.supplier.name', 'dbo.supplier_audit.old_name']],
    },
    {
      title: "xml methods on variables: @x.value('…', 'int') in SET, SELECT @v = … and VALUES read the variable; a bare 0x is the empty binary",
      sql: `CREATE PROCEDURE dbo.p_events AS
DECLARE @doc XML, @n INT
SELECT @doc = d.payload FROM dbo.inbox d WHERE isnull(d.hash, 0x) <> 0x
SELECT @n = @doc.value('(/e/id)[1]', 'int')
INSERT INTO dbo.events (id, body) VALUES (@n, @doc.query('/e/body'))
GO
`,
      fdd: [['dbo.inbox.payload', 'dbo.events.id'], ['dbo.inbox.payload', 'dbo.events.body']],
    },
    {
      title: 'a multi-statement table-valued function (RETURNS @r TABLE): FROM f(…) reads what the body put in @r',
      sql: `CREATE FUNCTION dbo.fn_multi (@c INT) RETURNS @r TABLE (id INT, amt MONEY) AS BEGIN INSERT INTO @r (id, amt) SELECT id, amount FROM dbo.orders WHERE cust_id = @c; RETURN; END
GO
INSERT INTO dbo.rep (id, amt) SELECT f.id, f.amt FROM dbo.fn_multi(3) f;
`,
      fdd: [['dbo.orders.id', 'dbo.rep.id'], ['dbo.orders.amount', 'dbo.rep.amt']],
    },
    {
      title: "xml methods on columns: CROSS APPLY d.doc.nodes('/r') AS t(x), x.value('…', 'int'), d.doc.query('…')",
      sql: `INSERT INTO dbo.out (a, q) SELECT x.value('(a)[1]', 'int'), d.doc.query('/r') FROM dbo.docs d CROSS APPLY d.doc.nodes('/r') AS t(x);
`,
      fdd: [['dbo.docs.doc', 'dbo.out.a'], ['dbo.docs.doc', 'dbo.out.q']],
    },
    {
      title: 'OPTION (…) query hints after UPDATE … FROM, DELETE and MERGE',
      sql: `UPDATE TOP (100) t SET t.val = s.val FROM dbo.target t JOIN dbo.stage s ON s.id = t.id OPTION (RECOMPILE);
DELETE FROM dbo.target WHERE id IN (SELECT id FROM dbo.stage) OPTION (MAXDOP 1);
MERGE dbo.t2 AS t USING dbo.stage AS s ON t.id = s.id WHEN MATCHED THEN UPDATE SET t.v = s.val OPTION (LOOP JOIN);
`,
      fdd: [['dbo.stage.val', 'dbo.target.val'], ['dbo.stage.val', 'dbo.t2.v']],
    },
    {
      title: 'an inline table-valued function defined in the script: FROM f(…) and CROSS APPLY f(…) read the columns of its query',
      sql: `CREATE FUNCTION dbo.fn_orders (@cust INT) RETURNS TABLE AS RETURN (SELECT o.id, o.amount FROM dbo.orders o WHERE o.cust_id = @cust);
GO
INSERT INTO dbo.rep (id, amount) SELECT f.id, f.amount FROM dbo.fn_orders(5) f;
INSERT INTO dbo.rep2 (name, amount) SELECT c.name, x.amount FROM dbo.cust c CROSS APPLY dbo.fn_orders(c.id) x;
`,
      fdd: [['dbo.orders.id', 'dbo.rep.id'], ['dbo.orders.amount', 'dbo.rep.amount'], ['dbo.cust.name', 'dbo.rep2.name'], ['dbo.orders.amount', 'dbo.rep2.amount']],
    },
    {
      title: 'PIVOT … IN ([2023], [2024]) AS pvt: pvt.[2023] is the aggregate of Amount; UNPIVOT of a table with unknown columns passes the others through',
      sql: `SELECT pvt.CustomerKey, pvt.[2023] AS Y2023, [2024]
FROM (SELECT CustomerKey, YEAR(OrderDate) AS OrderYear, Amount FROM dbo.FactOrders) AS src
PIVOT (SUM(Amount) FOR OrderYear IN ([2023], [2024])) AS pvt;
SELECT u.ProductID, u.Quarter, u.Qty FROM dbo.ProductQuarterly AS p UNPIVOT (Qty FOR Quarter IN ([Q1], [Q2])) AS u;
`,
      fdd: [['dbo.FactOrders.CustomerKey', 'RS-1.CustomerKey'], ['dbo.FactOrders.Amount', 'RS-1.Y2023'], ['dbo.FactOrders.Amount', 'RS-1.2024'],
        ['dbo.ProductQuarterly.ProductID', 'RS-2.ProductID'], ['dbo.ProductQuarterly.Q1', 'RS-2.Qty'], ['dbo.ProductQuarterly.Q2', 'RS-2.Qty']],
    },
    {
      title: 'DECLARE @t TABLE: INSERT / UPDATE … FROM @t alias / DELETE fill the table variable, which feeds the final target',
      sql: `DECLARE @t TABLE (id INT, v VARCHAR(10), PRIMARY KEY (id));
INSERT INTO @t SELECT a, b FROM dbo.src;
UPDATE t SET v = s.c FROM @t t JOIN dbo.src s ON s.a = t.id;
DELETE FROM @t WHERE v IS NULL;
INSERT INTO dbo.tgt (id, v) SELECT x.id, x.v FROM @t x JOIN dbo.other o ON o.id = x.id;
`,
      fdd: [['dbo.src.a', 'dbo.tgt.id'], ['dbo.src.b', 'dbo.tgt.v'], ['dbo.src.c', 'dbo.tgt.v']],
      tablesWritten: ['dbo.tgt'],
    },
    {
      title: 'RETURNS @r TABLE (…): the function body fills its declared result table',
      sql: `CREATE FUNCTION dbo.fn_top (@min INT) RETURNS @r TABLE (id INT, v VARCHAR(10)) AS
BEGIN
  INSERT INTO @r (id, v) SELECT a, b FROM dbo.src WHERE a > @min;
  UPDATE @r SET v = UPPER(v);
  INSERT INTO dbo.audit (id) SELECT id FROM @r;
  RETURN;
END;
GO
`,
      fdd: [['dbo.src.a', 'dbo.audit.id']],
      tablesWritten: ['dbo.audit'],
    },
    {
      title: 'OPENQUERY / OPENROWSET arguments name a linked server, a provider and a connection string, not columns; the pass-through query gives the rows (its columns came from nowhere)',
      sql: `INSERT INTO dbo.t (x) SELECT a.x FROM OPENQUERY(LinkedSrv, 'select x from remote') a;
INSERT INTO dbo.u (y) SELECT b.y FROM OPENROWSET('SQLNCLI', 'Server=s;Trusted_Connection=yes;', 'SELECT y FROM db.dbo.r') AS b JOIN dbo.k ON k.id = b.y;
`,
      fdd: [['remote.x', 'dbo.t.x'], ['db.dbo.r.y', 'dbo.u.y']],
      tablesWritten: ['dbo.t', 'dbo.u'],
    },
    {
      title: 'TRY_CONVERT(type, x), DATETRUNC(part, d): the type and the date part are no columns',
      sql: 'INSERT INTO t2 (x, d) SELECT TRY_CONVERT(INT, x), DATETRUNC(month, dt) FROM t1;\n',
      fdd: [['t1.x', 't2.x'], ['t1.dt', 't2.d']],
    },
    {
      title: 'trigger bodies: inserted / deleted are the rows of the trigger\'s ON table',
      sql: `CREATE TRIGGER trg ON dbo.orders AFTER UPDATE AS
BEGIN
  INSERT INTO audit (order_id, new_amount) SELECT id, amount FROM inserted;
  UPDATE t3 SET old_amount = d.amount FROM t3 JOIN deleted d ON t3.id = d.id;
END
`,
      fdd: [['dbo.orders.id', 'audit.order_id'], ['dbo.orders.amount', 'audit.new_amount'], ['dbo.orders.amount', 't3.old_amount']],
    },
    {
      title: 'SELECT @v += …, SET @v += …, SAVE TRANSACTION, $money literal',
      sql: `DECLARE @total MONEY = 0
SELECT @total += amount FROM orders
SET @total += $10.50
SAVE TRANSACTION before_summary
INSERT INTO summary (total, fee) SELECT @total, $1.5 + fee FROM fees
`,
      fdd: [['orders.amount', 'summary.total'], ['fees.fee', 'summary.fee']],
    },
    {
      title: 'OUTPUT … INTO a table (column list) from DELETE and UPDATE',
      sql: `DELETE FROM stage OUTPUT deleted.id, deleted.amount INTO archive (id, amount) WHERE amount < 0;
UPDATE orders SET status = 'x' OUTPUT inserted.id, deleted.status INTO audit_log (order_id, old_status) WHERE id = 5;
`,
      fdd: [['stage.id', 'archive.id'], ['stage.amount', 'archive.amount'], ['orders.id', 'audit_log.order_id'], ['orders.status', 'audit_log.old_status']],
      tablesWritten: ['stage', 'archive', 'orders', 'audit_log'],
    },
    {
      title: 'UPDATE and DELETE of a CTE write its base table',
      sql: `WITH c AS (SELECT id, status, new_status FROM orders WHERE flag = 1)
UPDATE c SET status = new_status;
WITH d AS (SELECT id, ROW_NUMBER() OVER (PARTITION BY k ORDER BY id) AS rn FROM dups)
DELETE FROM d WHERE rn > 1;
`,
      fdd: [['orders.new_status', 'orders.status']],
      tablesWritten: ['orders', 'dups'],
    },
    {
      title: 'MERGE target WITH (HOLDLOCK) (the upsert pattern), hexadecimal literals',
      sql: `MERGE dbo.Customers WITH (HOLDLOCK) AS t USING stg.Customers s ON t.ID = s.ID AND s.Flags & 0x01 = 0x01
WHEN MATCHED THEN UPDATE SET t.Name = s.Name
WHEN NOT MATCHED THEN INSERT (ID, Name) VALUES (s.ID, s.Name);
`,
      fdd: [['stg.Customers.Name', 'dbo.Customers.Name'], ['stg.Customers.ID', 'dbo.Customers.ID']],
    },
    {
      title: 'recursive CTE without RECURSIVE and without a column list: unqualified names in the recursive branch',
      sql: `WITH nums AS (SELECT seed AS n FROM dbo.seeds UNION ALL SELECT n + 1 FROM nums WHERE n < 10)
INSERT INTO dbo.numbers (n) SELECT n FROM nums OPTION (MAXRECURSION 100)
`,
      fdd: [['dbo.seeds.seed', 'dbo.numbers.n']],
    },
    {
      title: 'INNER HASH JOIN / LEFT MERGE JOIN hints, BULK INSERT then INSERT … SELECT',
      sql: `BULK INSERT stg.Orders FROM 'D:\\feeds\\orders.csv' WITH (FIELDTERMINATOR = ',', FIRSTROW = 2)
INSERT INTO dbo.Orders (ID, Region) SELECT o.ID, r.Name FROM stg.Orders o INNER HASH JOIN dbo.Regions r ON o.RegionID = r.ID LEFT MERGE JOIN dbo.Seen s ON s.ID = o.ID
`,
      fdd: [['stg.Orders.ID', 'dbo.Orders.ID'], ['dbo.Regions.Name', 'dbo.Orders.Region']],
    },
    {
      title: 'procedure on one line: SET NOCOUNT ON then a statement, no terminators',
      sql: `CREATE PROCEDURE dbo.usp_load AS BEGIN SET NOCOUNT ON INSERT INTO dbo.fact (k, v) SELECT k, v FROM dbo.stage END
GO
SET XACT_ABORT ON
SET TRANSACTION ISOLATION LEVEL READ COMMITTED
CREATE TABLE dbo.snap (k INT, v INT)
INSERT INTO dbo.snap SELECT k, v FROM dbo.fact
`,
      fdd: [['dbo.stage.k', 'dbo.fact.k'], ['dbo.stage.v', 'dbo.fact.v'], ['dbo.fact.k', 'dbo.snap.k'], ['dbo.fact.v', 'dbo.snap.v']],
    },
    {
      title: 'MERGE … OUTPUT inserted.* INTO a table variable, then INSERT from it',
      sql: `DECLARE @Changes TABLE (CustomerID INT, NewSegment NVARCHAR(30));
MERGE dbo.DimCustomer AS tgt
USING staging.Customer AS src ON tgt.CustomerID = src.CustomerID
WHEN MATCHED THEN UPDATE SET tgt.Segment = src.Segment
WHEN NOT MATCHED THEN INSERT (CustomerID, Segment) VALUES (src.CustomerID, src.Segment)
OUTPUT inserted.CustomerID, inserted.Segment INTO @Changes;
INSERT INTO audit.CustomerChanges (CustomerID, NewSegment) SELECT CustomerID, NewSegment FROM @Changes;
`,
      fdd: [
        ['staging.Customer.Segment', 'dbo.DimCustomer.Segment'], ['staging.Customer.CustomerID', 'dbo.DimCustomer.CustomerID'],
        ['dbo.DimCustomer.CustomerID', 'audit.CustomerChanges.CustomerID'], ['dbo.DimCustomer.Segment', 'audit.CustomerChanges.NewSegment'],
      ],
    },
    {
      title: 'SELECT INTO #temp then INSERT from #temp',
      sql: `SELECT o.OrderID, SUM(d.Quantity * d.UnitPrice) AS Amount
INTO #OrderStage
FROM Sales.OrderHeader AS o
JOIN Sales.OrderDetail AS d ON d.OrderID = o.OrderID
GROUP BY o.OrderID;
INSERT INTO dbo.FactOrders (OrderID, Amount)
SELECT s.OrderID, s.Amount FROM #OrderStage AS s;
GO
`,
      fdd: [
        ['Sales.OrderHeader.OrderID', '#OrderStage.OrderID'], ['Sales.OrderDetail.Quantity', '#OrderStage.Amount'],
        ['Sales.OrderDetail.UnitPrice', '#OrderStage.Amount'], ['#OrderStage.OrderID', 'dbo.FactOrders.OrderID'],
        ['#OrderStage.Amount', 'dbo.FactOrders.Amount'],
      ],
    },
    {
      title: 'UPDATE alias SET … FROM with a join',
      sql: `UPDATE f
   SET f.Amount = s.Amount
  FROM [dbo].[FactOrders] AS f
  INNER JOIN [dbo].[Stage] AS s ON s.OrderID = f.OrderID
GO
`,
      fdd: [['[dbo].[Stage].Amount', '[dbo].[FactOrders].Amount']],
    },
    {
      title: 'procedure: SELECT @var = aggregate, then INSERT VALUES (@var)',
      sql: `CREATE PROCEDURE dbo.usp_Log
AS
BEGIN
  SET NOCOUNT ON;
  DECLARE @Total DECIMAL(18,2);
  SELECT @Total = SUM(Amount) FROM dbo.FactOrders;
  INSERT INTO audit.LoadLog (TotalAmount) VALUES (@Total);
END
GO
`,
      fdd: [['dbo.FactOrders.Amount', 'audit.LoadLog.TotalAmount']],
    },
    {
      title: 'CROSS APPLY with TOP (1)',
      sql: `SELECT c.CustomerKey, x.LastAmount
FROM dbo.DimCustomer AS c
CROSS APPLY (SELECT TOP (1) f.Amount AS LastAmount
               FROM dbo.FactOrders AS f
              WHERE f.CustomerKey = c.CustomerKey
              ORDER BY f.OrderDate DESC) AS x;
`,
      fdd: [['dbo.DimCustomer.CustomerKey', 'RS-1.CustomerKey'], ['dbo.FactOrders.Amount', 'RS-1.LastAmount']],
    },
  ],
  mysql: [
    {
      title: "RENAME TABLE a TO b, c TO d renames every pair (the second was skipped); MariaDB NEXTVAL(seq) names a sequence, no column of the source",
      sql: `CREATE TABLE users_new (id INT, name VARCHAR(50));
INSERT INTO users_new (id, name) SELECT id, name FROM users;
RENAME TABLE users TO users_old, users_new TO users;
INSERT INTO ord_ids (id, ref) SELECT NEXTVAL(s_ord), ref FROM ord_stage;
`,
      fdd: [['users.id', 'users_new.id'], ['users.name', 'users_new.name'], ['users.RelationRows', 'users_old.RelationRows'], ['users_new.RelationRows', 'users.RelationRows'], ['ord_stage.ref', 'ord_ids.ref']],
    },
    {
      title: "CONVERT(x, type): the type is no column (CONVERT(x, CHAR) gave src_conv.CHAR)",
      sql: `INSERT INTO t_conv (a, b, c) SELECT CONVERT(x, CHAR), CONVERT(y USING utf8mb4), CONVERT(z, DECIMAL(10, 2)) FROM src_conv;
`,
      fdd: [['src_conv.x', 't_conv.a'], ['src_conv.y', 't_conv.b'], ['src_conv.z', 't_conv.c']],
    },
    {
      title: "INTERVAL expr unit takes any expression (INTERVAL s.n - 1 DAY, INTERVAL (n * 7) DAY: INTERVAL was an orphan column), INTERVAL(n, a, b) without a unit stays the function",
      sql: `INSERT INTO cal (d, wk_end) SELECT DATE_ADD(c.start_d, INTERVAL s.n - 1 DAY), c.start_d + INTERVAL (s.n * 7) DAY FROM seq s, cfg c;
INSERT INTO buckets (id, b) SELECT id, INTERVAL(score, 10, 20, 30) FROM scores;
DELETE FROM sessions WHERE last_seen < NOW() - INTERVAL ttl_minutes MINUTE;
`,
      fdd: [['cfg.start_d', 'cal.wk_end'], ['cfg.start_d', 'cal.d'], ['seq.n', 'cal.wk_end'], ['seq.n', 'cal.d'], ['scores.id', 'buckets.id'], ['scores.score', 'buckets.b']],
    },
    {
      title: "PREPARE s FROM 'INSERT …' and PREPARE s FROM @sql with SET @sql = CONCAT('…', @v, '…'): the prepared text is analysed (PREPARE was skipped); an unknown part inside a name (archive_', DATE_FORMAT(…)) drops its statement",
      sql: `SET @sql = CONCAT('INSERT INTO archive_', DATE_FORMAT(NOW(), '%Y%m'), ' SELECT * FROM logs');
PREPARE stmt FROM @sql;
EXECUTE stmt;
DEALLOCATE PREPARE stmt;
PREPARE s2 FROM 'INSERT INTO log_copy (id, msg) SELECT id, msg FROM logs WHERE id > ?';
EXECUTE s2 USING @lastId;
SET @q = CONCAT('INSERT INTO daily_totals (d, amt) SELECT DATE(ts), SUM(amount) FROM payments WHERE ts >= ''', @since, ''' GROUP BY DATE(ts)');
PREPARE s3 FROM @q; EXECUTE s3; DEALLOCATE PREPARE s3;
`,
      fdd: [['logs.id', 'log_copy.id'], ['logs.msg', 'log_copy.msg'], ['payments.ts', 'daily_totals.d'], ['payments.amount', 'daily_totals.amt']],
    },
    {
      title: "MariaDB DELETE HISTORY FROM t [BEFORE SYSTEM_TIME ts] parses (it failed at SYSTEM_TIME, BEFORE taken for an alias)",
      sql: `DELETE HISTORY FROM t_versioned BEFORE SYSTEM_TIME '2020-01-01 00:00:00';
DELETE HISTORY FROM audit_log;
INSERT INTO audit_snapshot (id, val) SELECT id, val FROM audit_log FOR SYSTEM_TIME AS OF TIMESTAMP '2024-01-01 00:00:00';
`,
      fdd: [['audit_log.id', 'audit_snapshot.id'], ['audit_log.val', 'audit_snapshot.val']],
    },
    {
      title: "multi-table UPDATE a JOIN b … SET a.x = …, b.y = … (and UPDATE a, b SET …): a SET column qualified by the other table's alias or name is written into that table (it was written into the first)",
      sql: `UPDATE orders o JOIN customers c ON c.id = o.customer_id
SET o.customer_name = c.name, c.last_order_at = o.created_at
WHERE o.status = 'new';
UPDATE items, stock SET items.qty = stock.qty, stock.synced_at = items.changed_at WHERE items.sku = stock.sku;
`,
      fdd: [['customers.name', 'orders.customer_name'], ['orders.created_at', 'customers.last_order_at'], ['stock.qty', 'items.qty'], ['items.changed_at', 'stock.synced_at']],
    },
    {
      title: 'a column named interval or top is a column (INTERVAL and TOP start a literal or a clause only before a value); INTERVAL n MINUTE reads n',
      sql: `INSERT INTO job_next (job_id, next_run, slot) SELECT j.job_id, j.last_run + INTERVAL j.every_min MINUTE, interval * 2 FROM jobs j;
INSERT INTO box_pos (y) SELECT top + 10 FROM boxes;
`,
      fdd: [['jobs.job_id', 'job_next.job_id'], ['jobs.last_run', 'job_next.next_run'], ['jobs.every_min', 'job_next.next_run'], ['jobs.interval', 'job_next.slot'],
        ['boxes.top', 'box_pos.y']],
    },
    {
      title: 'a SOUNDS LIKE b (MySQL) is a comparison; sounds stays usable as an alias',
      sql: `INSERT INTO name_matches (person_id, sounds) SELECT p.id, p.name sounds FROM people p WHERE p.name SOUNDS LIKE 'bob';
`,
      fdd: [['people.id', 'name_matches.person_id'], ['people.name', 'name_matches.sounds']],
    },
    {
      title: 'names that start with a digit (2fa_codes, u.1st_login) are names, numbers stay numbers (1e5, 0x1F, 0b101, .5)',
      sql: `INSERT INTO 2fa_codes (user_id, code, since) SELECT u.id, u.code_2fa + 0b101 + 1e5 + .5, u.1st_login FROM users u JOIN 3rd_party t ON t.id = u.id;
`,
      fdd: [['users.id', '2fa_codes.user_id'], ['users.code_2fa', '2fa_codes.code'], ['users.1st_login', '2fa_codes.since']],
    },
    {
      title: 'a trigger ordered with FOR EACH ROW FOLLOWS t SET … ended nowhere: the rest of the script became its body; CAST(x AS SIGNED INTEGER / CHAR CHARACTER SET cs) and SQL_BUFFER_RESULT parse',
      sql: `CREATE TRIGGER trg_created BEFORE INSERT ON orders FOR EACH ROW FOLLOWS trg_first SET NEW.created = IFNULL(NEW.created, NOW());
INSERT INTO order_codes (id, code, label) SELECT SQL_BUFFER_RESULT id, CAST(code AS SIGNED INTEGER), CAST(label AS CHAR CHARACTER SET utf8mb4) FROM orders;
`,
      fdd: [['orders.created', 'orders.created'], ['orders.id', 'order_codes.id'], ['orders.code', 'order_codes.code'], ['orders.label', 'order_codes.label']],
    },
    {
      title: 'index hints scoped to a clause: USE INDEX FOR JOIN (ix), FORCE INDEX FOR ORDER BY (ix) (they failed at FOR)',
      sql: `INSERT INTO recent_orders (id, name) SELECT o.id, c.name FROM orders o USE INDEX FOR JOIN (ix_cust) JOIN customers c FORCE INDEX FOR ORDER BY (PRIMARY) ON c.id = o.customer_id ORDER BY c.id;
`,
      fdd: [['orders.id', 'recent_orders.id'], ['customers.name', 'recent_orders.name']],
    },
    {
      title: 'ON DUPLICATE KEY UPDATE reads the row alias of VALUES (…) AS new (c1, …) and the derived table of SELECT * FROM (…) AS d (both became columns of the target)',
      sql: `INSERT INTO page_hits (page, hits) SELECT * FROM (SELECT page, SUM(n) AS hits FROM hit_log GROUP BY page) AS d ON DUPLICATE KEY UPDATE hits = page_hits.hits + d.hits;
CREATE PROCEDURE add_hits(IN p_page VARCHAR(99), IN p_n INT)
BEGIN
  INSERT INTO page_hits (page, hits) VALUES (p_page, (SELECT MAX(n) FROM hit_stage)) AS new (pg, h) ON DUPLICATE KEY UPDATE hits = new.h;
END;
`,
      fdd: [['hit_log.page', 'page_hits.page'], ['hit_log.n', 'page_hits.hits'], ['page_hits.hits', 'page_hits.hits'], ['hit_stage.n', 'page_hits.hits']],
    },
    {
      title: 'a column named date or d is a column outside the unit position: DATE_ADD(date, INTERVAL 1 DAY), DATEDIFF(date, now()), EXTRACT(YEAR_MONTH FROM date) (they lost their source)',
      sql: `INSERT INTO due_dates (due, days_left, ym, span)
SELECT DATE_ADD(date, INTERVAL 30 DAY), DATEDIFF(date, NOW()), EXTRACT(YEAR_MONTH FROM date), DATE_SUB(d, INTERVAL '1 2' DAY_HOUR) FROM invoices;
`,
      fdd: [['invoices.date', 'due_dates.due'], ['invoices.date', 'due_dates.days_left'], ['invoices.date', 'due_dates.ym'], ['invoices.d', 'due_dates.span']],
    },
    {
      title: 'mysqltest scripts: delimiter |; … delimiter ;| (the command ends with the current delimiter) sets | as the delimiter',
      sql: `delimiter |;
create procedure fill_totals()
begin
  insert into order_totals (order_id, total) select order_id, sum(amount) from order_lines group by order_id;
end|
delimiter ;|
insert into order_archive (order_id) select order_id from order_totals;
`,
      fdd: [['order_lines.order_id', 'order_totals.order_id'], ['order_lines.amount', 'order_totals.total'], ['order_totals.order_id', 'order_archive.order_id']],
    },
    {
      title: 'FROM ((SELECT …) s JOIN t ON …): a parenthesised join tree that starts with a derived table (it failed at the alias)',
      sql: `INSERT INTO review_summary (map_id, score)
SELECT v.map_id, sum(s.score) FROM ((SELECT version_id, score FROM version_reviews) s JOIN versions v ON v.id = s.version_id) GROUP BY v.map_id;
`,
      fdd: [['versions.map_id', 'review_summary.map_id'], ['version_reviews.score', 'review_summary.score']],
    },
    {
      title: 'ODBC escape {fn CONCAT(a, b)} is the call inside',
      sql: `INSERT INTO labels (label) SELECT {fn CONCAT(first_name, last_name)} FROM people WHERE born < {d '2000-01-01'};
`,
      fdd: [['people.first_name', 'labels.label'], ['people.last_name', 'labels.label']],
    },
    {
      title: 'mysqldump: triggers and views inside /*!50003 … */ version comments are run, SET character_set_client = utf8mb4 is a setting',
      sql: `/*!50503 SET character_set_client = utf8mb4 */;
DELIMITER ;;
/*!50003 CREATE*/ /*!50017 DEFINER=\`root\`@\`localhost\`*/ /*!50003 TRIGGER \`trg_ins\` AFTER INSERT ON \`orders\` FOR EACH ROW BEGIN
  UPDATE customers SET total_spent = total_spent + NEW.amount WHERE id = NEW.cust_id;
END */;;
DELIMITER ;
/*!50001 CREATE ALGORITHM=UNDEFINED */
/*!50013 DEFINER=\`root\`@\`localhost\` SQL SECURITY DEFINER */
/*!50001 VIEW \`v_orders\` AS select \`o\`.\`id\` AS \`id\`,\`o\`.\`amount\` AS \`amount\` from \`orders\` \`o\` */;
`,
      fdd: [['orders.amount', 'customers.total_spent'], ['customers.total_spent', 'customers.total_spent'], ['orders.id', 'v_orders.id'], ['orders.amount', 'v_orders.amount']],
    },
    {
      title: 'a trigger body that is one SET (FOR EACH ROW SET NEW.c = …;) ends at its semicolon: the next trigger has its own table',
      sql: `CREATE TRIGGER ins_total BEFORE INSERT ON account FOR EACH ROW SET NEW.total = NEW.amount * 2;
CREATE TRIGGER log_orders AFTER INSERT ON orders FOR EACH ROW INSERT INTO audit (id, amt) VALUES (NEW.id, NEW.amount);
DELETE t1.*, t2.* FROM t1 INNER JOIN t2 ON t1.id = t2.id WHERE t2.flag = 1;
DELETE FROM t3 PARTITION (p0) WHERE id < 10;
`,
      fdd: [['account.amount', 'account.total'], ['orders.id', 'audit.id'], ['orders.amount', 'audit.amt']],
    },
    {
      title: 'INTO after FROM / LIMIT (SELECT COUNT(*) FROM t INTO v; … LIMIT 1 INTO @a, @b; … INTO OUTFILE)',
      sql: `SELECT a, b FROM t WHERE x = 1 ORDER BY a LIMIT 1 INTO @a, @b;
SELECT a FROM t INTO OUTFILE '/tmp/x.csv' FIELDS TERMINATED BY ',';
INSERT INTO t2 (a, b) VALUES (@a, @b);
`,
      // (the OUTFILE query is a result set of its own)
      fdd: [['t.a', 't2.a'], ['t.b', 't2.b'], ['t.a', 'RS-1.a']],
    },
    {
      title: '@@session.x / @@GLOBAL.x system variables are values',
      sql: `INSERT INTO t2 (a, m) SELECT a, @@session.sql_mode FROM t1 WHERE @@GLOBAL.read_only = 0;
`,
      fdd: [['t1.a', 't2.a']],
    },
    {
      title: 'row triggers: NEW.c / OLD.c are columns of the trigger\'s table, SET NEW.c = … writes it',
      sql: `CREATE TRIGGER trg_orders BEFORE INSERT ON orders FOR EACH ROW
BEGIN
  SET NEW.total = NEW.qty * NEW.price;
  INSERT INTO orders_audit (order_id, total) VALUES (NEW.order_id, NEW.total);
END;
CREATE TRIGGER trg_log AFTER UPDATE ON orders FOR EACH ROW INSERT INTO orders_log (order_id, old_status) VALUES (OLD.order_id, OLD.status);
`,
      fdd: [['orders.qty', 'orders.total'], ['orders.price', 'orders.total'], ['orders.order_id', 'orders_audit.order_id'], ['orders.total', 'orders_audit.total'],
        ['orders.order_id', 'orders_log.order_id'], ['orders.status', 'orders_log.old_status']],
    },
    {
      title: 'procedure parameters with IN/OUT modes are variables, not columns of the table read',
      sql: `CREATE PROCEDURE load_orders(IN p_day DATE, IN p_min INT)
BEGIN
  INSERT INTO fact_orders (id, amount, day) SELECT id, amount, p_day FROM stg_orders WHERE amount > p_min;
END;
`,
      fdd: [['stg_orders.id', 'fact_orders.id'], ['stg_orders.amount', 'fact_orders.amount']],
    },
    {
      title: 'LOCK IN SHARE MODE, _utf8mb4 introducer, BINARY, XOR',
      sql: `INSERT INTO t_out (id, name, code) SELECT id, _utf8mb4'n/a' COLLATE utf8mb4_bin, BINARY code FROM t_in WHERE a XOR b LOCK IN SHARE MODE;
`,
      fdd: [['t_in.id', 't_out.id'], ['t_in.code', 't_out.code']],
    },
    {
      title: 'INSERT … SELECT … ON DUPLICATE KEY UPDATE with the SELECT\'s alias: s.c is the selected value',
      sql: `INSERT INTO t_out (id, cnt) SELECT s.id, s.cnt FROM t_in s ON DUPLICATE KEY UPDATE cnt = t_out.cnt + s.cnt, name = s.name;
`,
      fdd: [['t_in.id', 't_out.id'], ['t_in.cnt', 't_out.cnt'], ['t_out.cnt', 't_out.cnt'], ['t_in.name', 't_out.name']],
    },
    {
      title: 'MATCH (title, body) AGAINST: a column named like a keyword (title) stays a column',
      sql: `INSERT INTO hits (id, heading) SELECT id, UPPER(title) FROM articles WHERE MATCH(title, body) AGAINST ('lineage' IN BOOLEAN MODE);
`,
      fdd: [['articles.id', 'hits.id'], ['articles.title', 'hits.heading']],
    },
    {
      title: 'JSON_TABLE … COLUMNS (… PATH …, NESTED PATH … COLUMNS (…)): the columns come from the JSON argument only',
      sql: `INSERT INTO order_items (sku, qty) SELECT jt.sku, jt.qty FROM events e, JSON_TABLE(e.payload, '$.items[*]' COLUMNS (sku VARCHAR(20) PATH '$.sku', qty INT PATH '$.qty', NESTED PATH '$.tags[*]' COLUMNS (tag VARCHAR(10) PATH '$'), rn FOR ORDINALITY)) AS jt;
`,
      fdd: [['events.payload', 'order_items.sku'], ['events.payload', 'order_items.qty']],
    },
    {
      title: 'REPLACE INTO … SELECT',
      sql: 'REPLACE INTO `price_cache` (`sku`, `price`) SELECT `sku`, `price` FROM `dim_product` WHERE `price` > 0;\n',
      fdd: [['dim_product.sku', 'price_cache.sku'], ['dim_product.price', 'price_cache.price']],
    },
    {
      title: 'INSERT … SELECT … ON DUPLICATE KEY UPDATE col = VALUES(col)',
      sql: `INSERT INTO dim_product (sku, name, price)
SELECT p.sku, p.title, p.list_price FROM products p
ON DUPLICATE KEY UPDATE name = VALUES(name), price = VALUES(price);
`,
      fdd: [['products.sku', 'dim_product.sku'], ['products.title', 'dim_product.name'], ['products.list_price', 'dim_product.price']],
    },
    {
      title: 'ON DUPLICATE KEY UPDATE with the stored value (self edge)',
      sql: `INSERT INTO fact_sales (product_id, units)
SELECT product_id, qty FROM order_items
ON DUPLICATE KEY UPDATE units = units + VALUES(units);
`,
      fdd: [['order_items.product_id', 'fact_sales.product_id'], ['order_items.qty', 'fact_sales.units'], ['fact_sales.units', 'fact_sales.units']],
    },
    {
      title: 'multi-table UPDATE … JOIN with backticks',
      sql: 'UPDATE `orders` o JOIN `customers` c ON c.`id` = o.`customer_id` SET o.`customer_tier` = c.`tier`;\n',
      fdd: [['customers.tier', 'orders.customer_tier']],
    },
    {
      title: 'DELIMITER $$ procedure body',
      sql: `DELIMITER $$
CREATE PROCEDURE p_archive()
BEGIN
  INSERT INTO t_archive (id, total) SELECT id, total FROM t_orders;
END$$
DELIMITER ;
`,
      fdd: [['t_orders.id', 't_archive.id'], ['t_orders.total', 't_archive.total']],
    },
  ],
  postgresql: [
    {
      title: 'ON CONFLICT … DO UPDATE SET (a, b) = (EXCLUDED.a, EXCLUDED.b): each column takes its element of the row (both took both)',
      sql: `INSERT INTO dw.up (id, a, b) SELECT id, a, b FROM raw.x ON CONFLICT (id) DO UPDATE SET (a, b) = (EXCLUDED.a, EXCLUDED.b);
`,
      fdd: [['raw.x.id', 'dw.up.id'], ['raw.x.a', 'dw.up.a'], ['raw.x.b', 'dw.up.b']],
    },
    {
      title: 'UPDATE … FROM s / DELETE … USING s … RETURNING s.c: the FROM tables are in scope of RETURNING (s.c was read as column s of the target)',
      sql: `WITH upd AS (
  UPDATE dw.accounts a SET balance = a.balance - t.amount
  FROM dw.transfers t WHERE t.account_id = a.id AND t.processed = false
  RETURNING a.id, t.amount
)
INSERT INTO dw.ledger (account_id, delta) SELECT id, -amount FROM upd;
WITH gone AS (DELETE FROM dw.sessions s USING dw.users u WHERE s.user_id = u.id AND u.deleted RETURNING s.session_id, u.email)
INSERT INTO dw.logout_mail (session_id, email) SELECT session_id, email FROM gone;
`,
      fdd: [['dw.accounts.balance', 'dw.accounts.balance'], ['dw.transfers.amount', 'dw.accounts.balance'], ['dw.accounts.id', 'dw.ledger.account_id'],
        ['dw.transfers.amount', 'dw.ledger.delta'], ['dw.sessions.session_id', 'dw.logout_mail.session_id'], ['dw.users.email', 'dw.logout_mail.email']],
    },
    {
      title: 'CREATE RULE … AS ON INSERT | UPDATE TO t DO [INSTEAD | ALSO] command | (command; …): the commands read t\'s NEW / OLD rows like a trigger body (they were skipped)',
      sql: `CREATE RULE shoe_ins_protect AS ON INSERT TO shoe DO INSTEAD NOTHING;
CREATE OR REPLACE RULE orders_insert AS ON INSERT TO orders_view
  DO INSTEAD INSERT INTO orders (order_id, amount) VALUES (NEW.order_id, NEW.amount);
CREATE RULE log_upd AS ON UPDATE TO shoelace_data WHERE NEW.sl_avail <> OLD.sl_avail
  DO ALSO (INSERT INTO shoelace_log (sl_name, sl_avail, log_who) VALUES (NEW.sl_name, NEW.sl_avail, current_user);
           UPDATE shoelace_stats SET last_avail = NEW.sl_avail WHERE sl_name = OLD.sl_name);
`,
      fdd: [['orders_view.order_id', 'orders.order_id'], ['orders_view.amount', 'orders.amount'], ['shoelace_data.sl_name', 'shoelace_log.sl_name'],
        ['shoelace_data.sl_avail', 'shoelace_log.sl_avail'], ['shoelace_data.sl_avail', 'shoelace_stats.last_avail']],
    },
    {
      title: 'U&"d\\0061t" is one quoted name written with Unicode escapes (it was the column U and a second name)',
      sql: `CREATE TABLE x AS SELECT U&"d\\0061t\\+000061" AS col1, U&"\\0441\\043B\\043E\\043D" AS elephant FROM src;
`,
      fdd: [['src.data', 'x.col1'], ['src."слон"', 'x.elephant']],
    },
    {
      title: 'columns named level, rownum, today and index: columns outside Oracle and Informix (they were dropped as pseudo columns, index an orphan)',
      sql: `CREATE TABLE app_log (id INT, level TEXT, index INT, period DATE);
INSERT INTO log_copy (id, lvl, idx, per) SELECT id, level, index, period FROM app_log;
INSERT INTO top_rows (rn, d) SELECT rownum, today FROM (SELECT ROW_NUMBER() OVER (ORDER BY e.id) AS rownum, e.created AS today FROM events e) q;
`,
      fdd: [['app_log.id', 'log_copy.id'], ['app_log.level', 'log_copy.lvl'], ['app_log.index', 'log_copy.idx'], ['app_log.period', 'log_copy.per'],
        ['events.id', 'top_rows.rn'], ['events.created', 'top_rows.d']],
    },
    {
      title: 'a column named like a date unit (date, day, d) inside EXTRACT / DATE_TRUNC is a column; only the unit position is the unit',
      sql: `INSERT INTO monthly (yr, mon, first_day) SELECT EXTRACT(YEAR FROM date), EXTRACT(MONTH FROM d), DATE_TRUNC('month', day) FROM events;
INSERT INTO ident_copy OVERRIDING SYSTEM VALUE SELECT id, name FROM ident_src;
`,
      fdd: [['events.date', 'monthly.yr'], ['events.d', 'monthly.mon'], ['events.day', 'monthly.first_day'],
        ['ident_src.id', 'ident_copy.id'], ['ident_src.name', 'ident_copy.name']],
    },
    {
      title: 'CREATE CONSTRAINT TRIGGER … EXECUTE FUNCTION f() runs f with the table\'s rows as NEW (it was skipped, so NEW.c had no source)',
      sql: `CREATE TABLE public.orders (id int, total numeric);
CREATE FUNCTION public.f_chk() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO audit.order_checks (order_id, total) VALUES (NEW.id, NEW.total); RETURN NULL; END $$;
CREATE CONSTRAINT TRIGGER tr_chk AFTER INSERT ON public.orders DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.f_chk();
`,
      fdd: [['public.orders.id', 'audit.order_checks.order_id'], ['public.orders.total', 'audit.order_checks.total']],
    },
    {
      title: 'prefix |/ x and ||/ x (square and cube root) are operators (each failed its statement); ||/* … */ stays a concatenation before a comment',
      sql: `INSERT INTO geo.sizes (side, edge) SELECT |/ area, ||/ volume FROM geo.shapes;
INSERT INTO geo.labels (label) SELECT name ||/* sep */ code FROM geo.shapes;
`,
      fdd: [['geo.shapes.area', 'geo.sizes.side'], ['geo.shapes.volume', 'geo.sizes.edge'], ['geo.shapes.name', 'geo.labels.label'], ['geo.shapes.code', 'geo.labels.label']],
    },
    {
      title: 'CREATE TRIGGER … EXECUTE FUNCTION f(); ends at its `;` (it ran on over the next statements, so a dump\'s first trigger took the last trigger\'s function and NEW was the wrong table\'s row)',
      sql: `CREATE FUNCTION public.f_a() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.x := (SELECT max(x) FROM src_a); RETURN NEW; END $$;
CREATE FUNCTION public.f_b() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.y := (SELECT max(y) FROM src_b); RETURN NEW; END $$;
CREATE TABLE public.ta (x int);
CREATE TABLE public.tb (y int);
CREATE TRIGGER tr_b BEFORE INSERT ON public.tb FOR EACH ROW EXECUTE FUNCTION public.f_b();
CREATE TRIGGER tr_a BEFORE INSERT ON public.ta FOR EACH ROW EXECUTE FUNCTION public.f_a();
INSERT INTO public.tb_copy (y) SELECT y FROM public.tb;
`,
      fdd: [['src_b.y', 'public.tb.y'], ['src_a.x', 'public.ta.x'], ['public.tb.y', 'public.tb_copy.y']],
    },
    {
      title: 'inet containment <<= / >>= and range operators -|- &< &> are comparisons (each failed its statement)',
      sql: `INSERT INTO net.internal_hits (ip, n) SELECT h.ip, count(*) FROM net.hits h WHERE h.ip <<= '10.0.0.0/8'::inet AND h.slot -|- int4range(1, 2) GROUP BY h.ip;
`,
      fdd: [['net.hits.ip', 'net.internal_hits.ip']],
    },
    {
      title: 'psql variables naming a schema, INSERT INTO :sch.orders … / CREATE TABLE :sch.x AS …: the name goes on after the variable (the INSERT failed at the dot, the CTAS made a table :sch)',
      sql: `\\set sch stage
INSERT INTO :sch.orders (id) SELECT id FROM public.orders;
CREATE TABLE :sch.order_ids AS SELECT id FROM public.orders;
`,
      fdd: [['public.orders.id', ':sch.orders.id'], ['public.orders.id', ':sch.order_ids.id']],
    },
    {
      title: 'audit trigger functions: a bare NEW / OLD (to_jsonb(NEW)) is the trigger table\'s row (it was an orphan); FOR i IN REVERSE hi..lo BY n and MOVE … FROM cursor parse',
      sql: `CREATE TABLE public.accounts (id int, email text);
CREATE FUNCTION audit.log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  FOR i IN REVERSE 10..1 BY 2 LOOP
    PERFORM 1;
  END LOOP;
  INSERT INTO audit.changes (op, new_row) VALUES (TG_OP, to_jsonb(NEW));
  RETURN NEW;
END $$;
CREATE TRIGGER t_audit AFTER INSERT OR UPDATE ON public.accounts FOR EACH ROW EXECUTE FUNCTION audit.log_change();
CREATE FUNCTION public.skip_two() RETURNS void LANGUAGE plpgsql AS $$
DECLARE c CURSOR FOR SELECT id FROM public.accounts;
BEGIN
  OPEN c;
  MOVE FORWARD 2 FROM c;
  CLOSE c;
END $$;
`,
      fdd: [['public.accounts.id', 'audit.changes.new_row'], ['public.accounts.email', 'audit.changes.new_row']],
    },
    {
      title: 'block comments nest (code commented out with its comments inside) and pg_dump\'s a OPERATOR(public.=) b: both failed the statement',
      sql: `/* disabled:
   /* old filter */ DELETE FROM public.orders;
*/
CREATE VIEW public.v_match AS SELECT a.id, b.name FROM public.a JOIN public.b ON ((a.email OPERATOR(public.=) b.email));
`,
      fdd: [['public.a.id', 'public.v_match.id'], ['public.b.name', 'public.v_match.name']],
    },
    {
      title: 'EXTRACT(field FROM x) takes any field name (isodow, millennium): the field was an orphan column',
      sql: `INSERT INTO order_days (dow, yr) SELECT extract(isodow FROM o.created_at), extract(isoyear FROM o.created_at) FROM orders o;
`,
      fdd: [['orders.created_at', 'order_days.dow'], ['orders.created_at', 'order_days.yr']],
    },
    {
      title: 'pg_dump COPY … FROM stdin; data rows up to \\. are data, not statements (each row was a syntax error and a quote in one swallowed the dump)',
      sql: `COPY public.orders (id, note) FROM stdin;
1\tit's late; ship it
2\t\\N
\\.

INSERT INTO public.order_archive (id, note) SELECT id, note FROM public.orders;
`,
      fdd: [['public.orders.id', 'public.order_archive.id'], ['public.orders.note', 'public.order_archive.note']],
    },
    {
      title: 'a staging table of the target\'s name is another table: UPDATE t … FROM stage.t s, MERGE INTO t USING stage.t s, INSERT INTO dw.t … FROM t wrote the staging table (public.t and t stay one table)',
      sql: `CREATE TABLE public.customer (id int, name text);
UPDATE customer SET name = s.name FROM stage.customer s WHERE customer.id = s.id;
MERGE INTO customer USING stage.customer s ON customer.id = s.id WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name);
INSERT INTO dw.orders (id, total) SELECT id, total FROM orders;
`,
      fdd: [['stage.customer.name', 'public.customer.name'], ['stage.customer.id', 'public.customer.id'], ['orders.id', 'dw.orders.id'], ['orders.total', 'dw.orders.total']],
    },
    {
      title: '(row value).*: INSERT INTO t SELECT (json_populate_record(null::t, s.doc)).* FROM s fills t.* from the document',
      sql: `INSERT INTO t SELECT (json_populate_record(null::t, s.doc)).* FROM s;
`,
      fdd: [['s.doc', 't.*']],
    },
    {
      title: 'TABLE t is SELECT * FROM t: CREATE TABLE backup AS TABLE t (a migration idiom), INSERT INTO a TABLE b',
      sql: `CREATE TABLE orig (a int, b int);
CREATE TABLE backup AS TABLE orig;
INSERT INTO b3 TABLE orig;
`,
      fdd: [['orig.a', 'backup.a'], ['orig.b', 'backup.b'], ['orig.a', 'b3.a'], ['orig.b', 'b3.b']],
    },
    {
      title: 'psql \\gset / \\g file after a query on its line end that statement; the next one keeps its lineage',
      sql: `SELECT max(id) AS max_id FROM t WHERE x = 1 \\gset
INSERT INTO t2 (a) SELECT a FROM t1 WHERE id > :max_id;
INSERT INTO t3 (b) SELECT b FROM t1 \\g
INSERT INTO t4 (c) SELECT c FROM t1;
`,
      fdd: [['t.id', 'RS-1.max_id'], ['t1.a', 't2.a'], ['t1.b', 't3.b'], ['t1.c', 't4.c']],
    },
    {
      title: 'f(…) AS (a int, b text): a column definition list without an alias (record-returning functions, dblink)',
      sql: `INSERT INTO t4 (a) SELECT a FROM src s CROSS JOIN LATERAL json_to_record(s.doc) AS (a int, b text);
`,
      fdd: [['src.doc', 't4.a']],
    },
    {
      title: 'a PL/pgSQL DECLARE section holds declarations only: variables named like statement words (values, open) are variables',
      sql: `CREATE FUNCTION f() RETURNS void AS $$
DECLARE
  key text;
  values text;
  open boolean := true;
BEGIN
  SELECT name, val INTO key, values FROM settings LIMIT 1;
  INSERT INTO log (a, b) VALUES (key, values);
END $$ LANGUAGE plpgsql;
`,
      fdd: [['settings.name', 'log.a'], ['settings.val', 'log.b']],
    },
    {
      title: 'PL/pgSQL FOR k, v IN SELECT … LOOP: several loop targets take the row by position',
      sql: `CREATE FUNCTION f() RETURNS void AS $$
DECLARE k text; v text;
BEGIN
  FOR k, v IN SELECT name, val FROM settings LOOP
    INSERT INTO log (a, b) VALUES (k, v);
  END LOOP;
END $$ LANGUAGE plpgsql;
`,
      fdd: [['settings.name', 'log.a'], ['settings.val', 'log.b']],
    },
    {
      title: "a function body in single quotes with doubled quotes inside (AS 'INSERT … ''x'' …') is analysed",
      sql: `CREATE FUNCTION g() RETURNS void AS '
  INSERT INTO t2 (a, b) SELECT a, ''const'' FROM t1 WHERE c = ''y'';
' LANGUAGE sql;
`,
      fdd: [['t1.a', 't2.a']],
    },
    {
      title: "audit trigger function: INSERT INTO audit SELECT 'U', now(), NEW.* and VALUES (OLD.*) fill the columns from the trigger table's row",
      sql: `CREATE TABLE emp (empname text, salary int);
CREATE TABLE emp_hist (name text, pay int);
CREATE FUNCTION emp_audit() RETURNS trigger AS $$
BEGIN
  IF (TG_OP = 'DELETE') THEN
    INSERT INTO emp_audit SELECT 'D', now(), OLD.*;
    INSERT INTO emp_hist VALUES (OLD.*);
  ELSE
    INSERT INTO emp_audit2 (op, stamp, empname, salary) SELECT 'U', now(), NEW.*;
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER emp_audit AFTER INSERT OR UPDATE OR DELETE ON emp FOR EACH ROW EXECUTE FUNCTION emp_audit();
`,
      fdd: [['emp.empname', 'emp_audit.empname'], ['emp.salary', 'emp_audit.salary'], ['emp.empname', 'emp_audit2.empname'], ['emp.salary', 'emp_audit2.salary'],
        ['emp.empname', 'emp_hist.name'], ['emp.salary', 'emp_hist.pay']],
    },
    {
      title: 'a PL/pgSQL RETURNS TABLE function: RETURN QUERY inside its BEGIN … END is the rows FROM f(…) reads',
      sql: `CREATE FUNCTION top_c(p int) RETURNS TABLE (cid int, total numeric) LANGUAGE plpgsql AS $$
BEGIN
  IF p > 0 THEN
    RETURN QUERY SELECT s.cust_id, sum(s.amount) FROM sales s GROUP BY s.cust_id LIMIT p;
  END IF;
END $$;
INSERT INTO top10 (c, t) SELECT cid, total FROM top_c(10);
`,
      fdd: [['sales.cust_id', 'top10.c'], ['sales.amount', 'top10.t']],
    },
    {
      title: 'UPDATE … SET arr[i] = v, arr[lo:hi] = v: an array element assignment writes the column',
      sql: `UPDATE t SET tags[1] = s.tag, scores[1:2] = s.sc FROM s WHERE t.id = s.id;
`,
      fdd: [['s.tag', 't.tags'], ['s.sc', 't.scores']],
    },
    {
      title: "PL/pgSQL SELECT INTO v, w <select list> FROM … (the targets first); E'…' strings with a \\' escape",
      sql: `CREATE FUNCTION f() RETURNS void AS $$
DECLARE rec record; a1 int; b1 int;
BEGIN
  SELECT INTO rec * FROM t WHERE id = 1;
  SELECT INTO STRICT a1, b1 x, y FROM s WHERE note <> E'it\\'s';
  INSERT INTO u (a, b) VALUES (a1, b1);
END $$ LANGUAGE plpgsql;
INSERT INTO w (c, d) SELECT E'a\\'b', c FROM s2;
`,
      fdd: [['s.x', 'u.a'], ['s.y', 'u.b'], ['s2.c', 'w.d']],
    },
    {
      title: 'PL/pgSQL RETURN QUERY EXECUTE and FOR r IN EXECUTE … LOOP (dynamic SQL) parse; the function\'s other statements keep their lineage',
      sql: `CREATE FUNCTION f(p int) RETURNS SETOF t LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  FOR r IN EXECUTE format('SELECT * FROM %I', 'x') USING p LOOP PERFORM 1; END LOOP;
  INSERT INTO t2 (a) SELECT b FROM t1;
  RETURN QUERY EXECUTE 'SELECT * FROM t WHERE id = $1' USING p;
END $$;
`,
      fdd: [['t1.b', 't2.a']],
    },
    {
      title: 'trigger function: TG_OP / TG_TABLE_NAME are facts about the firing, no orphan columns',
      sql: `CREATE FUNCTION audit_fn() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit_log (tbl, op, id) VALUES (TG_TABLE_NAME, TG_OP, NEW.id);
  RETURN NEW;
END $$;
CREATE TRIGGER trg AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION audit_fn();
`,
      fdd: [['orders.id', 'audit_log.id']],
    },
    {
      title: 'whole-row values: json_agg(t), row_to_json(x), to_jsonb(x.*) read every column of the FROM item',
      sql: `CREATE TABLE items (id int, sku text);
INSERT INTO docs (body) SELECT json_agg(i) FROM items i;
INSERT INTO docs2 (body) SELECT row_to_json(x.*) FROM (SELECT id FROM items) x;
`,
      fdd: [['items.id', 'docs.body'], ['items.sku', 'docs.body'], ['items.id', 'docs2.body']],
    },
    {
      title: "psql variables (:'v' literal, :v) and the older f(name := v) named arguments",
      sql: `\\set dt '2020-01-01'
INSERT INTO t2 (a, b) SELECT a, make_interval(days := n) FROM t1 WHERE d = :'dt' AND e = :lim;
`,
      fdd: [['t1.a', 't2.a'], ['t1.n', 't2.b']],
    },
    {
      title: 'quoted names: "users" is users; a quoted camelCase column ("createdAt", ORM-made DDL) resolves to its declaration',
      sql: `CREATE TABLE users (id int, name text);
CREATE TABLE "User" ("id" SERIAL PRIMARY KEY, "createdAt" TIMESTAMP, "userName" TEXT);
INSERT INTO c SELECT "users"."id", u."name" FROM "users" u;
INSERT INTO audit (c, u) SELECT "createdAt", "userName" FROM "User" WHERE "id" > 5;
`,
      fdd: [['users.id', 'c.id'], ['users.name', 'c.name'], ['"User"."createdAt"', 'audit.c'], ['"User"."userName"', 'audit.u']],
    },
    {
      title: 'a SQL function RETURNS TABLE (…): FROM f(…) reads its query under the declared names; FOREACH v IN ARRAY',
      sql: `CREATE FUNCTION top_customers(p_n int) RETURNS TABLE (cust_id int, total numeric) LANGUAGE sql AS $$
  SELECT s.cust_id, sum(s.amount) FROM sales s GROUP BY s.cust_id ORDER BY 2 DESC LIMIT p_n
$$;
INSERT INTO top10 (c, t) SELECT * FROM top_customers(10);
DO $$ DECLARE x int; BEGIN FOREACH x IN ARRAY ARRAY[1, 2] LOOP INSERT INTO t2 (a) SELECT a FROM t1 WHERE b = x; END LOOP; END $$;
`,
      fdd: [['sales.cust_id', 'top10.c'], ['sales.amount', 'top10.t'], ['t1.a', 't2.a']],
    },
    {
      title: 'DO $$ … $$ anonymous block',
      sql: `DO $$ BEGIN INSERT INTO t2 (a) SELECT a FROM t1; END $$;
DO LANGUAGE plpgsql $$ BEGIN INSERT INTO t3 (b) SELECT b FROM t1; END $$;
`,
      fdd: [['t1.a', 't2.a'], ['t1.b', 't3.b']],
    },
    {
      title: 'trigger function (RETURNS trigger): NEW / OLD are rows of the table of the CREATE TRIGGER that executes it',
      sql: `CREATE OR REPLACE FUNCTION audit_trg() RETURNS trigger AS $$
BEGIN
  INSERT INTO orders_audit (order_id, amount) VALUES (NEW.id, NEW.amount);
  INSERT INTO audit_log (msg) SELECT note FROM notes;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER trg_orders AFTER INSERT OR UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION audit_trg();
`,
      fdd: [['notes.note', 'audit_log.msg'], ['orders.id', 'orders_audit.order_id'], ['orders.amount', 'orders_audit.amount']],
    },
    {
      title: 'function parameters are variables in the $$ body, and only there: a later column of the same name is a column',
      sql: `CREATE FUNCTION norm_email(email text) RETURNS text LANGUAGE sql AS $$ SELECT lower(email) $$;
CREATE FUNCTION load_orders(p_day date) RETURNS void AS $$
BEGIN
  INSERT INTO fact_orders (id, day) SELECT id, p_day FROM stg_orders;
END;
$$ LANGUAGE plpgsql;
INSERT INTO contacts (email) SELECT email FROM signups;
`,
      fdd: [['stg_orders.id', 'fact_orders.id'], ['signups.email', 'contacts.email']],
    },
    {
      title: 'composite field access (t.c).field and (c).field',
      sql: `INSERT INTO out (x, y) SELECT (t.addr).city, (addr).zip FROM people t;
`,
      fdd: [['people.addr', 'out.x'], ['people.addr', 'out.y']],
    },
    {
      title: 'psql meta-commands: \\copy FROM writes, \\copy TO reads, \\set / \\echo / \\i / \\connect are skipped with their line',
      sql: `\\set ON_ERROR_STOP on
\\echo loading the customers' file
\\connect warehouse
\\i setup.sql
\\copy staging_customers (id, name) FROM 'customers.csv' WITH CSV HEADER
INSERT INTO customers (id, name) SELECT id, name FROM staging_customers;
\\copy customers TO 'customers_out.csv' WITH CSV
\\copy (SELECT id FROM customers) TO 'ids.csv'
`,
      fdd: [['staging_customers.id', 'customers.id'], ['staging_customers.name', 'customers.name']],
      tablesWritten: ['staging_customers', 'customers'],
    },
    {
      title: 'a CTE named like the table it reads (WITH orders AS (… FROM orders)); WITH RECURSIVE without a column list',
      sql: `WITH orders AS (SELECT id, amount FROM orders WHERE amount > 0) INSERT INTO big_orders (id) SELECT id FROM orders;
WITH RECURSIVE chain AS (SELECT id, parent_id FROM nodes WHERE parent_id IS NULL UNION ALL SELECT n.id, n.parent_id FROM nodes n JOIN chain c ON n.parent_id = c.id)
INSERT INTO tree (id) SELECT id FROM chain;
`,
      fdd: [['orders.id', 'big_orders.id'], ['nodes.id', 'tree.id']],
    },
    {
      title: '(start, end) OVERLAPS (start, end)',
      sql: `INSERT INTO clashes (booking_id) SELECT a.id FROM bookings a JOIN bookings b ON a.id <> b.id WHERE (a.starts, a.ends) OVERLAPS (b.starts, b.ends);
`,
      fdd: [['bookings.id', 'clashes.booking_id']],
    },
    {
      title: 'INSERT … OVERRIDING SYSTEM VALUE, IS JSON OBJECT, MERGE … RETURNING',
      sql: `INSERT INTO accounts (id, owner) OVERRIDING SYSTEM VALUE SELECT id, owner FROM accounts_stage WHERE meta IS JSON OBJECT;
MERGE INTO balances b USING payments p ON b.id = p.account_id WHEN MATCHED THEN UPDATE SET amount = p.amount RETURNING b.id;
`,
      fdd: [['accounts_stage.id', 'accounts.id'], ['accounts_stage.owner', 'accounts.owner'], ['payments.amount', 'balances.amount'], ['balances.id', 'RS-1.id']],
    },
    {
      title: 'named WINDOW clause feeds OVER w and OVER (w ROWS …); SELECT INTO STRICT; RETURNING * in a writable CTE',
      sql: `INSERT INTO ranked (id, r, running) SELECT id, rank() OVER w, sum(amount) OVER (w ROWS UNBOUNDED PRECEDING) FROM sales WINDOW w AS (PARTITION BY region ORDER BY amount);
CREATE FUNCTION pick() RETURNS void AS $$
DECLARE v int;
BEGIN
  SELECT amount INTO STRICT v FROM sales WHERE id = 1;
  INSERT INTO picked (amount) VALUES (v);
END; $$ LANGUAGE plpgsql;
WITH moved AS (DELETE FROM queue WHERE done RETURNING *) INSERT INTO queue_archive SELECT * FROM moved;
`,
      fdd: [['sales.id', 'ranked.id'], ['sales.region', 'ranked.r'], ['sales.amount', 'ranked.r'], ['sales.amount', 'ranked.running'],
        ['sales.region', 'ranked.running'], ['sales.amount', 'picked.amount'], ['queue.*', 'queue_archive.*']],
    },
    {
      title: 'text search @@, LIKE operators ~~*, VALUES (DEFAULT, …)',
      sql: `INSERT INTO hits (id, title, body) VALUES (DEFAULT, 'x', 'y');
INSERT INTO matches (title) SELECT title FROM docs WHERE to_tsvector(body) @@ to_tsquery('lineage') AND title ~~* 'a%';
`,
      fdd: [['docs.title', 'matches.title']],
    },
    {
      title: 'LEFT JOIN LATERAL subquery',
      sql: `SELECT c.customer_id, recent.total
  FROM customers c
  LEFT JOIN LATERAL (SELECT f.total FROM order_facts f WHERE f.customer_id = c.customer_id ORDER BY f.order_date DESC LIMIT 1) recent ON true;
`,
      fdd: [['customers.customer_id', 'RS-1.customer_id'], ['order_facts.total', 'RS-1.total']],
    },
    {
      title: 'data-modifying CTE: DELETE … RETURNING feeds an INSERT',
      sql: `WITH moved AS (
  DELETE FROM order_facts WHERE order_date < DATE '2020-01-01' RETURNING order_id, total
)
INSERT INTO archive_facts (order_id, total) SELECT order_id, total FROM moved;
`,
      fdd: [['order_facts.order_id', 'archive_facts.order_id'], ['order_facts.total', 'archive_facts.total']],
    },
    {
      title: 'INSERT … ON CONFLICT DO UPDATE SET col = EXCLUDED.col',
      sql: `INSERT INTO customers AS c (external_ref, email)
SELECT n.customer_ref, n.email FROM new_orders n
ON CONFLICT (external_ref) DO UPDATE SET email = EXCLUDED.email;
`,
      fdd: [['new_orders.customer_ref', 'customers.external_ref'], ['new_orders.email', 'customers.email']],
    },
    {
      title: 'UPDATE … RETURNING is a result set of the target columns',
      sql: 'UPDATE invoices SET amount_due = amount_due - 10 WHERE id = 5 RETURNING id, amount_due;\n',
      fdd: [['invoices.amount_due', 'invoices.amount_due'], ['invoices.id', 'RS-1.id'], ['invoices.amount_due', 'RS-1.amount_due']],
    },
    {
      title: 'UPDATE … FROM',
      sql: 'UPDATE order_facts f SET total = n.total FROM new_orders n WHERE n.id = f.order_id;\n',
      fdd: [['new_orders.total', 'order_facts.total']],
    },
    {
      title: 'PL/pgSQL function in a $$ body with a :: cast',
      sql: `CREATE FUNCTION refresh_summary() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO summary (customer_id, revenue)
  SELECT customer_id, sum(total)::numeric(12,2) FROM order_facts GROUP BY customer_id;
END;
$$;
`,
      fdd: [['order_facts.customer_id', 'summary.customer_id'], ['order_facts.total', 'summary.revenue']],
    },
  ],
  snowflake: [
    {
      title: 'PIVOT … AS p (emp_renamed, jan, feb) over a table of unknown columns: the first aliases name its untouched columns, fed by its * (emp_renamed was lost, a * column stood for it)',
      sql: `CREATE TABLE pv AS
SELECT * FROM monthly_sales
  PIVOT(SUM(amount) FOR month IN ('JAN', 'FEB'))
  AS p (EMP_ID_renamed, JAN, FEB);
`,
      fdd: [['monthly_sales.*', 'pv.EMP_ID_renamed'], ['monthly_sales.amount', 'pv.JAN'], ['monthly_sales.amount', 'pv.FEB']],
    },
    {
      title: 'UNION [ALL] BY NAME pairs the branches\' columns by name, a name only one branch has is a column too (they were paired by position)',
      sql: `CREATE OR REPLACE TABLE a.ubn AS SELECT id, name FROM raw.a UNION ALL BY NAME SELECT name, id, extra FROM raw.b;
`,
      fdd: [['raw.a.id', 'a.ubn.id'], ['raw.b.id', 'a.ubn.id'], ['raw.a.name', 'a.ubn.name'], ['raw.b.name', 'a.ubn.name'], ['raw.b.extra', 'a.ubn.extra']],
    },
    {
      title: '// starts a line comment in Snowflake, as -- does (it failed, and a ; or \' in the comment broke the next statement)',
      sql: `// load orders: don't touch
INSERT INTO a.t (id) // the id
SELECT id FROM raw.s; // done; really
INSERT INTO a.t2 (id) SELECT id / 2 FROM raw.s2;
`,
      fdd: [['raw.s.id', 'a.t.id'], ['raw.s2.id', 'a.t2.id']],
    },
    {
      title: 'DECLARE v DEFAULT \'raw.t\' / LET v := \'mart.t\' in a procedure, then IDENTIFIER(:v): the tables the literals name',
      sql: `CREATE OR REPLACE PROCEDURE mart.p_ident()
RETURNS VARCHAR LANGUAGE SQL AS
\$\$
DECLARE
  src VARCHAR DEFAULT 'raw.orders_v2';
BEGIN
  LET tgt VARCHAR := 'mart.orders_copy';
  INSERT INTO IDENTIFIER(:tgt) (id, amount) SELECT id, amount FROM IDENTIFIER(:src);
  RETURN 'ok';
END;
\$\$;
`,
      fdd: [['raw.orders_v2.id', 'mart.orders_copy.id'], ['raw.orders_v2.amount', 'mart.orders_copy.amount']],
    },
    {
      title: 'SET v = \'raw.src3\' then IDENTIFIER($v): the table the literal names (it was a table named :v)',
      sql: `SET src_tbl = 'raw.src3';
SET tgt_tbl = 'mart.t3';
INSERT INTO IDENTIFIER($tgt_tbl) (id) SELECT id FROM IDENTIFIER($src_tbl);
`,
      fdd: [['raw.src3.id', 'mart.t3.id']],
    },
    {
      title: 'a PIVOT column is named after its IN value with the quotes: "\'JAN\'" and p."\'FEB\'" are the columns of IN (\'JAN\', \'FEB\') (they were orphans)',
      sql: `CREATE OR REPLACE TABLE a.p3 AS
SELECT empid, "'JAN'" AS jan, p."'FEB'" AS feb FROM (SELECT empid, amount, month FROM raw.monthly_sales)
PIVOT (SUM(amount) FOR month IN ('JAN', 'FEB')) p;
CREATE OR REPLACE TABLE a.p5 AS SELECT empid, "'2023_Q1'" AS q1 FROM quarterly_sales PIVOT(SUM(amount) FOR quarter IN ('2023_Q1', '2023_Q2'));
`,
      fdd: [['raw.monthly_sales.empid', 'a.p3.empid'], ['raw.monthly_sales.amount', 'a.p3.jan'], ['raw.monthly_sales.amount', 'a.p3.feb'],
        ['quarterly_sales.empid', 'a.p5.empid'], ['quarterly_sales.amount', 'a.p5.q1']],
    },
    {
      title: 'MERGE … WHEN MATCHED THEN UPDATE ALL BY NAME / WHEN NOT MATCHED THEN INSERT ALL BY NAME: each target column from the source column of its name (it failed)',
      sql: `CREATE TABLE raw.src (id INT, name VARCHAR, amt NUMBER);
CREATE TABLE mart.tgt (id INT, name VARCHAR, amt NUMBER);
MERGE INTO mart.tgt t USING raw.src s ON t.id = s.id
WHEN MATCHED THEN UPDATE ALL BY NAME
WHEN NOT MATCHED THEN INSERT ALL BY NAME;
`,
      fdd: [['raw.src.id', 'mart.tgt.id'], ['raw.src.name', 'mart.tgt.name'], ['raw.src.amt', 'mart.tgt.amt']],
    },
    {
      title: 'CREATE ALERT … IF (EXISTS (query)) THEN statement: the action is analysed like a task body (it was skipped)',
      sql: `CREATE OR REPLACE ALERT analytics.a1 WAREHOUSE = transform_wh SCHEDULE = '1 minute'
  IF (EXISTS (SELECT 1 FROM raw.errors WHERE ts > DATEADD(minute, -1, CURRENT_TIMESTAMP())))
  THEN INSERT INTO analytics.alerts (msg) SELECT msg FROM raw.errors;
`,
      fdd: [['raw.errors.msg', 'analytics.alerts.msg']],
    },
    {
      title: 'a column named raw first in the SELECT list (SELECT raw:event_id …, SELECT raw FROM …) is a column: RAW is a keyword of N1QL only (it was dropped)',
      sql: `CREATE OR REPLACE TABLE a.e AS SELECT
  raw:event_id::STRING AS event_id, raw:b AS b FROM raw.ej;
INSERT INTO a.h (raw) SELECT raw FROM raw.ej;
`,
      fdd: [['raw.ej.raw', 'a.e.event_id'], ['raw.ej.raw', 'a.e.b'], ['raw.ej.raw', 'a.h.raw']],
    },
    {
      title: 'Snowflake date part names at the unit position (epoch_second, dayofweekiso, mon, weekiso …) are units, not columns',
      sql: `CREATE OR REPLACE TABLE analytics.dt AS
SELECT DATE_PART(epoch_second, ts) AS e, DATEADD(mon, 1, ts) AS nm, DATE_TRUNC(weekiso, ts) AS wk, EXTRACT(dayofweekiso FROM ts) AS dw
FROM raw.t;
`,
      fdd: [['raw.t.ts', 'analytics.dt.e'], ['raw.t.ts', 'analytics.dt.nm'], ['raw.t.ts', 'analytics.dt.wk'], ['raw.t.ts', 'analytics.dt.dw']],
    },
    {
      title: 'a RESULTSET declared without a query gets its rows from rs := (SELECT …): LET c CURSOR FOR rs reads them; FOR i IN 1 TO n DO and rs := (EXECUTE IMMEDIATE :q) parse (they failed)',
      sql: `CREATE OR REPLACE PROCEDURE ops.p7(q VARCHAR)
RETURNS VARCHAR
LANGUAGE SQL
AS
DECLARE
  rs RESULTSET;
  dyn RESULTSET;
BEGIN
  rs := (SELECT id, total FROM ops.totals WHERE total > 0);
  LET c1 CURSOR FOR rs;
  FOR r IN c1 DO
    INSERT INTO ops.pos (id, total) VALUES (r.id, r.total);
  END FOR;
  FOR i IN 1 TO 3 DO
    INSERT INTO ops.iter_log (i) VALUES (:i);
  END FOR;
  dyn := (EXECUTE IMMEDIATE :q);
  LET rs2 RESULTSET := (EXECUTE IMMEDIATE 'SELECT 1');
  RETURN 'ok';
END;
`,
      fdd: [['ops.totals.id', 'ops.pos.id'], ['ops.totals.total', 'ops.pos.total']],
    },
    {
      title: 'LEVEL in a CONNECT BY query is the hierarchy\'s pseudo column (it was a column of the table); elsewhere level stays a column',
      sql: `CREATE OR REPLACE TABLE analytics.hier AS
SELECT employee_id, title, SYS_CONNECT_BY_PATH(title, ' -> ') AS path, LEVEL AS lvl
FROM raw.employees START WITH manager_id IS NULL CONNECT BY PRIOR employee_id = manager_id ORDER BY LEVEL;
INSERT INTO analytics.log_copy (lvl) SELECT level FROM raw.app_log;
`,
      fdd: [['raw.employees.employee_id', 'analytics.hier.employee_id'], ['raw.employees.title', 'analytics.hier.title'], ['raw.employees.title', 'analytics.hier.path'],
        ['raw.app_log.level', 'analytics.log_copy.lvl']],
    },
    {
      title: 'OBJECT_CONSTRUCT(*) / HASH(*) read every column of the row (they read none); COUNT(*) OVER still reads none',
      sql: `CREATE TABLE raw.kv2 (id INT, k VARCHAR, v VARCHAR);
CREATE TABLE a.obj AS SELECT OBJECT_CONSTRUCT(*) AS rec, HASH(*) AS h, COUNT(*) OVER (PARTITION BY k) AS n FROM raw.kv2;
CREATE TABLE a.obj4 AS SELECT OBJECT_CONSTRUCT(*) AS rec FROM raw.kv;
`,
      fdd: [['raw.kv2.id', 'a.obj.rec'], ['raw.kv2.k', 'a.obj.rec'], ['raw.kv2.v', 'a.obj.rec'], ['raw.kv2.id', 'a.obj.h'], ['raw.kv2.k', 'a.obj.h'], ['raw.kv2.v', 'a.obj.h'],
        ['raw.kv2.k', 'a.obj.n'], ['raw.kv.*', 'a.obj4.rec']],
    },
    {
      title: 'DECLARE section c CURSOR FOR rs (a RESULTSET declared before it): FOR r IN c reads the RESULTSET\'s query (the cursor was a plain variable)',
      sql: `CREATE OR REPLACE PROCEDURE mart.load_orders() RETURNS VARCHAR LANGUAGE SQL AS
\$\$
DECLARE
  res RESULTSET DEFAULT (SELECT order_id, amount FROM raw.orders WHERE status = 'NEW');
  c1 CURSOR FOR res;
BEGIN
  FOR rec IN c1 DO
    INSERT INTO mart.orders_log (order_id, amount) VALUES (rec.order_id, rec.amount);
  END FOR;
  RETURN 'done';
END;
\$\$;
`,
      fdd: [['raw.orders.order_id', 'mart.orders_log.order_id'], ['raw.orders.amount', 'mart.orders_log.amount']],
    },
    {
      title: 'dbt staging pattern: a column read through SELECT * CTEs of a table with unknown columns comes from that table\'s column, not its *',
      sql: `CREATE OR REPLACE TABLE analytics.stg_orders AS
WITH source AS (SELECT * FROM raw.shop.orders),
renamed AS (SELECT id AS order_id, user_id AS customer_id, amount / 100 AS amount_usd FROM source)
SELECT * FROM renamed;
`,
      fdd: [['raw.shop.orders.id', 'analytics.stg_orders.order_id'], ['raw.shop.orders.user_id', 'analytics.stg_orders.customer_id'],
        ['raw.shop.orders.amount', 'analytics.stg_orders.amount_usd']],
    },
    {
      title: 'DATEADD(day, 1, date) / TIME_SLICE(date, 4, HOUR): the unit at its position, a date-named column elsewhere stays a column',
      sql: `INSERT INTO shifted (next_day, slot) SELECT DATEADD(day, 1, date), TIME_SLICE(ts, 4, HOUR) FROM calendar;
`,
      fdd: [['calendar.date', 'shifted.next_day'], ['calendar.ts', 'shifted.slot']],
    },
    {
      title: 'lateral column alias: a later item and WHERE name an earlier item\'s alias (it was an orphan, or a guessed column of the table)',
      sql: `CREATE TABLE orders (order_id INT, amount NUMBER, tax_rate NUMBER, status VARCHAR);
INSERT INTO order_net (order_id, net, gross)
SELECT order_id, amount * (1 - 0.1) AS net_amount, net_amount * (1 + tax_rate) AS gross
FROM orders WHERE net_amount > 0;
INSERT INTO status_map (status, label)
SELECT TRIM(status) AS status, UPPER(status) AS label FROM raw_status;
`,
      fdd: [['orders.order_id', 'order_net.order_id'], ['orders.amount', 'order_net.net'], ['orders.amount', 'order_net.gross'], ['orders.tax_rate', 'order_net.gross'],
        ['raw_status.status', 'status_map.status'], ['raw_status.status', 'status_map.label']],
    },
    {
      title: 'a SQL UDF whose quoted body is one expression (AS $$ x * 1.2 $$, AS $$ CASE … END $$) returns it, as AS (expr): it was read as statements and failed',
      sql: `CREATE OR REPLACE FUNCTION mart.add_tax(x NUMBER) RETURNS NUMBER AS \$\$ x * 1.2 \$\$;
CREATE FUNCTION f5(s VARCHAR) RETURNS VARCHAR AS \$\$ CASE WHEN s IS NULL THEN 'n/a' ELSE UPPER(s) END \$\$;
CREATE FUNCTION f6() RETURNS NUMBER AS 'SELECT MAX(amount) FROM raw.orders';
`,
      fdd: [['raw.orders.amount', 'RS-1.MAX(amount)']],
    },
    {
      title: 'CREATE TABLE t CLONE src AT (OFFSET => …): the clone holds src\'s rows (it had src\'s columns but no lineage)',
      sql: `CREATE TABLE raw.orders (order_id INT, amount NUMBER);
CREATE OR REPLACE TABLE mart.orders_bak CLONE raw.orders AT (OFFSET => -3600);
INSERT INTO mart.audit (order_id) SELECT order_id FROM mart.orders_bak;
`,
      fdd: [['raw.orders.order_id', 'mart.orders_bak.order_id'], ['raw.orders.amount', 'mart.orders_bak.amount'], ['mart.orders_bak.order_id', 'mart.audit.order_id']],
    },
    {
      title: 'LET c CURSOR FOR res over a RESULTSET variable, and UPDATE IDENTIFIER(:tbl): the loop record reads the result set\'s query (both statements failed)',
      sql: `CREATE OR REPLACE PROCEDURE load_wh(tbl VARCHAR) RETURNS VARCHAR LANGUAGE SQL AS
$$
BEGIN
  LET res RESULTSET := (SELECT wh_name, credits FROM admin.wh_usage);
  LET c1 CURSOR FOR res;
  FOR r IN c1 DO
    LET n STRING := r.wh_name;
    INSERT INTO admin.wh_log (wh_name) VALUES (:n);
  END FOR;
  UPDATE IDENTIFIER(:tbl) SET credits = 0 WHERE wh_name = 'X';
  RETURN 'ok';
END;
$$;
`,
      fdd: [['admin.wh_usage.wh_name', 'admin.wh_log.wh_name']],
    },
    {
      title: 'INSERT OVERWRITE ALL INTO … INTO … SELECT: a multi-table insert that empties its targets first',
      sql: `INSERT OVERWRITE ALL INTO db.s.t3 (a) VALUES (a) INTO db.s.t4 (b) VALUES (b) SELECT a, b FROM db.s.src;
`,
      fdd: [['db.s.src.a', 'db.s.t3.a'], ['db.s.src.b', 'db.s.t4.b']],
    },
    {
      title: 'a view or CTAS over SELECT * of a table of unknown columns: its columns are read by name afterwards, each filled from the same column of the table (v.kind had no source)',
      sql: `CREATE VIEW v AS SELECT * FROM raw.events;
CREATE TABLE t AS SELECT * FROM raw.users;
INSERT INTO mart.daily (id, kind) SELECT event_id, kind FROM v WHERE kind <> 'test';
INSERT INTO mart.users (name) SELECT name FROM t;
`,
      fdd: [['raw.events.*', 'v.*'], ['raw.users.*', 't.*'], ['v.event_id', 'mart.daily.id'], ['v.kind', 'mart.daily.kind'], ['t.name', 'mart.users.name'],
        ['raw.events.event_id', 'v.event_id'], ['raw.events.kind', 'v.kind'], ['raw.users.name', 't.name']],
    },
    {
      title: 'CHANGES (INFORMATION => …) AT (…) END (TIMESTAMP => …): the change interval of a table read',
      sql: `INSERT INTO audit_c1 (c1) SELECT c1 FROM t1 CHANGES (INFORMATION => APPEND_ONLY) AT (TIMESTAMP => '2015-05-01'::timestamp) END (TIMESTAMP => '2015-05-05'::timestamp);
`,
      fdd: [['t1.c1', 'audit_c1.c1']],
    },
    {
      title: 'LATERAL FLATTEN exposes SEQ, KEY, PATH, INDEX, VALUE, THIS, each fed by the input column; TABLE(FLATTEN(…)) too',
      sql: `INSERT INTO items (id, sku, pos, k) SELECT o.id, f.value:sku::string, f.index, f.key FROM orders o, LATERAL FLATTEN(input => o.payload:items) f;
INSERT INTO tags (id, tag) SELECT o.id, value::string FROM orders o, TABLE(FLATTEN(o.tags, outer => TRUE));
`,
      fdd: [['orders.id', 'items.id'], ['orders.payload', 'items.sku'], ['orders.payload', 'items.pos'], ['orders.payload', 'items.k'],
        ['orders.id', 'tags.id'], ['orders.tags', 'tags.tag']],
    },
    {
      title: 'CREATE TABLE … CLONE copies the columns and the rows (AT / BEFORE time travel too); SCHEMA and DATABASE clones are table-level only',
      sql: `CREATE TABLE t1 (a INT, b INT);
CREATE OR REPLACE TABLE t2 CLONE t1 AT (OFFSET => -3600);
INSERT INTO t3 SELECT * FROM t2;
CREATE SCHEMA s2 CLONE s1 AT (TIMESTAMP => '2024-01-01'::timestamp);
CREATE DATABASE d2 CLONE d1;
`,
      fdd: [['t1.a', 't2.a'], ['t1.b', 't2.b'], ['t2.a', 't3.a'], ['t2.b', 't3.b']],
      tablesWritten: ['t2', 't3'],
    },
    {
      title: 'positional columns: t.$1 and $2 of a stage are its columns, $n of a table with known columns is its n-th one',
      sql: `INSERT INTO t6 (a, b) SELECT t.$1, $2 FROM @my_stage t;
CREATE TABLE k (x INT, y INT);
INSERT INTO t8 (x2, y2) SELECT k.$1, $2 FROM k;
`,
      fdd: [['k.x', 't8.x2'], ['k.y', 't8.y2']],
      tablesWritten: ['t6', 't8'],
    },
    {
      title: 'SELECT * EXCLUDE … RENAME (a AS b) and * ILIKE: renamed columns keep their source, ILIKE keeps the matching ones',
      sql: `CREATE TABLE s.ev (id INT, user_id INT, is_x INT, amt_usd INT, amt_eur INT);
CREATE VIEW s.v1 AS SELECT * EXCLUDE (is_x) RENAME (id AS event_id, user_id AS uid) FROM s.ev;
CREATE VIEW s.v2 AS SELECT * ILIKE 'AMT\\_%' FROM s.ev;
`,
      fdd: [['s.ev.id', 's.v1.event_id'], ['s.ev.user_id', 's.v1.uid'], ['s.ev.amt_usd', 's.v1.amt_usd'], ['s.ev.amt_eur', 's.v1.amt_eur'],
        ['s.ev.amt_usd', 's.v2.amt_usd'], ['s.ev.amt_eur', 's.v2.amt_eur']],
    },
    {
      title: 'Lambdas in TRANSFORM / FILTER / REDUCE (typed or not): the parameters and their paths are no columns',
      sql: `SELECT TRANSFORM(o.items, i -> i:price * o.rate) AS p, FILTER(o.items, i -> i:qty > 0) AS f,
  REDUCE(o.vals, 0, (acc, v) -> acc + v) AS r, TRANSFORM(o.nums, a INT -> a * 2) AS d FROM orders o;
`,
      fdd: [['orders.items', 'RS-1.p'], ['orders.rate', 'RS-1.p'], ['orders.items', 'RS-1.f'], ['orders.vals', 'RS-1.r'], ['orders.nums', 'RS-1.d']],
    },
    {
      title: 'PIVOT … AS total … DEFAULT ON NULL renamed by AS p (emp, jan, feb); IN (ANY ORDER BY …) and IN (subquery) keep the source columns; UNPIVOT',
      sql: `CREATE TABLE monthly_sales (empid INT, amount INT, month TEXT);
INSERT INTO sales_wide SELECT * FROM monthly_sales PIVOT (SUM(amount) AS total FOR month IN ('JAN', 'FEB') DEFAULT ON NULL (0)) AS p (emp, jan, feb);
SELECT empid FROM monthly_sales PIVOT (SUM(amount) FOR month IN (ANY ORDER BY month)) p;
SELECT p.empid FROM monthly_sales PIVOT (SUM(amount) FOR month IN (SELECT DISTINCT month FROM months)) AS p;
CREATE TABLE wide (empid INT, jan INT, feb INT);
SELECT * FROM wide UNPIVOT (sales FOR month IN (jan, feb));
`,
      fdd: [['monthly_sales.empid', 'sales_wide.emp'], ['monthly_sales.amount', 'sales_wide.jan'], ['monthly_sales.amount', 'sales_wide.feb'],
        ['monthly_sales.empid', 'RS-1.empid'], ['monthly_sales.empid', 'RS-2.empid'],
        ['wide.empid', 'RS-3.empid'], ['wide.jan', 'RS-3.sales'], ['wide.feb', 'RS-3.sales']],
    },
    {
      title: 'ASOF JOIN … MATCH_CONDITION (…)',
      sql: 'INSERT INTO t2 (a, b) SELECT t1.a, t3.b FROM t1 ASOF JOIN t3 MATCH_CONDITION(t1.ts >= t3.ts) ON t1.id = t3.id;\n',
      fdd: [['t1.a', 't2.a'], ['t3.b', 't2.b']],
    },
    {
      title: 'EXECUTE IMMEDIATE $$ … $$ block; SQLROWCOUNT is no column',
      sql: `EXECUTE IMMEDIATE $$
BEGIN
  INSERT INTO t2 (a) SELECT a FROM t1;
  LET n INTEGER := SQLROWCOUNT;
END;
$$;
`,
      fdd: [['t1.a', 't2.a']],
    },
    {
      title: 'GROUP BY ALL, reading a stage file with FILE_FORMAT =>',
      sql: `INSERT INTO region_counts (region, n) SELECT region, COUNT(*) FROM customers GROUP BY ALL;
SELECT $1 FROM @raw_stage/orders.csv (FILE_FORMAT => 'csv_fmt');
`,
      fdd: [['customers.region', 'region_counts.region']],
    },
    {
      title: 'MERGE USING an aggregated subquery with a self-referencing SET',
      sql: `MERGE INTO customers t
USING (SELECT customer_id, SUM(amount) AS total FROM orders_landing GROUP BY customer_id) s
   ON t.customer_id = s.customer_id
 WHEN MATCHED THEN UPDATE SET t.lifetime_amount = t.lifetime_amount + s.total
 WHEN NOT MATCHED THEN INSERT (customer_id, lifetime_amount) VALUES (s.customer_id, s.total);
`,
      fdd: [['customers.lifetime_amount', 'customers.lifetime_amount'], ['orders_landing.amount', 'customers.lifetime_amount'], ['orders_landing.customer_id', 'customers.customer_id']],
    },
    {
      title: 'COPY INTO from a stage with $n columns, then INSERT',
      sql: `CREATE TABLE landing (order_id NUMBER, amount NUMBER);
COPY INTO landing (order_id, amount) FROM (SELECT $1::NUMBER, $2::NUMBER FROM @orders_stage);
INSERT INTO orders (order_id, amount_usd) SELECT order_id, amount * 1.1 FROM landing;
`,
      fdd: [['landing.order_id', 'orders.order_id'], ['landing.amount', 'orders.amount_usd']],
      tablesWritten: ['landing', 'orders'],
    },
    {
      title: 'LATERAL FLATTEN with : paths',
      sql: `INSERT INTO checkout_items (event_id, sku)
SELECT e.v:id::STRING, f.value:sku::STRING
  FROM events_json e, LATERAL FLATTEN(input => e.v:items) f;
`,
      fdd: [['events_json.v', 'checkout_items.event_id'], ['events_json.v', 'checkout_items.sku']],
    },
    {
      title: 'CREATE STREAM ON TABLE is a table-level event',
      sql: 'CREATE OR REPLACE STREAM orders_stream ON TABLE orders;\n',
      fdd: [['orders.RelationRows', 'orders_stream.RelationRows']],
    },
    {
      title: 'INSERT INTO IDENTIFIER(…) with QUALIFY',
      sql: `INSERT INTO IDENTIFIER('curated.orders') (order_id, amount)
SELECT order_id, amount FROM landing
QUALIFY ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY loaded_at DESC) = 1;
`,
      fdd: [['landing.order_id', 'curated.orders.order_id'], ['landing.amount', 'curated.orders.amount']],
    },
  ],
  bigquery: [
    {
      title: '(SELECT AS STRUCT a, b) is one value made of every item (it took the first only); CREATE SNAPSHOT TABLE s CLONE t copies t (it was skipped)',
      sql: `CREATE OR REPLACE TABLE dw.structx AS SELECT (SELECT AS STRUCT o.order_id, o.amount) AS s FROM dw.orders o;
CREATE SNAPSHOT TABLE dw.orders_snap CLONE dw.orders FOR SYSTEM_TIME AS OF TIMESTAMP '2024-01-01 00:00:00';
`,
      fdd: [['dw.orders.order_id', 'dw.structx.s'], ['dw.orders.amount', 'dw.structx.s'], ['dw.orders.*', 'dw.orders_snap.*']],
    },
    {
      title: 'CREATE TABLE t COPY src copies src\'s rows like CLONE (it had no lineage)',
      sql: `CREATE OR REPLACE TABLE dw.copy1 COPY dw.orders;
`,
      fdd: [['dw.orders.*', 'dw.copy1.*']],
    },
    {
      title: 'EXECUTE IMMEDIATE with the SQL in a "…" or """…""" literal: its statement is analysed, as with \'…\' (it was skipped)',
      sql: `EXECUTE IMMEDIATE "INSERT INTO dw.audit (order_id, note) SELECT order_id, \\"x\\" FROM dw.orders";
EXECUTE IMMEDIATE """
  INSERT INTO dw.audit2 (order_id, amt)
  SELECT order_id, amount FROM dw.orders WHERE status = "paid"
""";
`,
      fdd: [['dw.orders.order_id', 'dw.audit.order_id'], ['dw.orders.order_id', 'dw.audit2.order_id'], ['dw.orders.amount', 'dw.audit2.amt']],
    },
    {
      title: 'CREATE TABLE FUNCTION f(p) AS query, then FROM ds.f(…) / `proj.ds.f`(…): the call reads the query\'s columns (the INSERTs had no lineage)',
      sql: `CREATE OR REPLACE TABLE FUNCTION ds.orders_since(since DATE) AS
SELECT order_id, amount FROM raw.orders WHERE order_date >= since;
INSERT INTO mart.recent SELECT * FROM ds.orders_since(DATE '2024-01-01');
INSERT INTO mart.recent2 (order_id) SELECT o.order_id FROM \`proj.ds.orders_since\`(CURRENT_DATE()) AS o;
CREATE TABLE FUNCTION ds.f2(n INT64) RETURNS TABLE<id INT64> AS SELECT id FROM raw.ids LIMIT n;
INSERT INTO mart.ids SELECT id FROM ds.f2(5);
`,
      fdd: [['raw.orders.order_id', 'mart.recent2.order_id'], ['raw.orders.order_id', 'mart.recent.order_id'], ['raw.orders.amount', 'mart.recent.amount'], ['raw.ids.id', 'mart.ids.id']],
    },
    {
      title: 'dbt deduplicate: ARRAY_AGG(o LIMIT 1)[OFFSET(0)] latest then latest.* — a table alias as a value is its row, struct.* its fields (the alias was an orphan column, UNIQUE as a name failed)',
      sql: `CREATE TABLE dedup_orders AS
SELECT unique.*
FROM (
  SELECT ARRAY_AGG(o LIMIT 1)[OFFSET(0)] unique
  FROM shop.orders o
  GROUP BY o.order_id
);
INSERT INTO shop.order_rows (row_value) SELECT o FROM shop.orders o;
`,
      fdd: [['shop.orders.*', 'dedup_orders.*'], ['shop.orders.*', 'shop.order_rows.row_value']],
    },
    {
      title: 'ML.EVALUATE(MODEL ds.m, TABLE ds.t): the model is no column, the TABLE argument is read',
      sql: `INSERT INTO ds.ev (r) SELECT r2_score FROM ML.EVALUATE(MODEL \`ds.m\`, TABLE ds.test);
`,
      fdd: [['ds.test.*', 'ds.ev.r']],
    },
    {
      title: "templated model: {{ header }} before the statement prints no value, an {% if %}'s {% else %} branch is left out, `{{ project }}.ds.t` is one name",
      sql: `{{ header }}
INSERT INTO \`{{ project }}.mart.daily\` (client_id, n)
SELECT client_id, COUNT(*) FROM \`{{ project }}.{{ dataset }}.events\`
WHERE
  {% if init %}
    submission_date >= '2018-01-01'
  {% else %}
    submission_date = @submission_date
  {% endif %}
GROUP BY client_id;
`,
      fdd: [['`project`.`dataset`.`events`.client_id', '`project`.`mart`.`daily`.client_id']],
    },
    {
      title: '@name query parameters (@submission_date) are values; WEEK(SUNDAY) in date functions and NORMALIZE(s, NFD) take keywords, not columns',
      sql: `INSERT INTO ds.weekly (week_start, name_norm, sd)
SELECT DATE_TRUNC(DATE(m.submission_timestamp), WEEK(SUNDAY)), NORMALIZE(m.name, NFD), @start_date
FROM ds.metrics AS m
WHERE DATE(m.submission_timestamp) = @submission_date;
`,
      fdd: [['ds.metrics.submission_timestamp', 'ds.weekly.week_start'], ['ds.metrics.name', 'ds.weekly.name_norm']],
    },
    {
      title: 'a trailing comma ends the select list: SELECT a, b, FROM (subquery) reads the subquery',
      sql: `INSERT INTO ds.daily (day, avg_ms)
SELECT day, AVG(ms) / 1000 AS avg_ms,
FROM (SELECT DATE(created) AS day, total_ms AS ms, FROM ds.jobs)
GROUP BY 1;
`,
      fdd: [['ds.jobs.created', 'ds.daily.day'], ['ds.jobs.total_ms', 'ds.daily.avg_ms']],
    },
    {
      title: 'MERGE … WHEN NOT MATCHED THEN INSERT ROW: the source row, column by column in order',
      sql: `CREATE TABLE ds.dim (k INT64, v STRING);
CREATE TABLE ds.stage (sk INT64, sv STRING);
MERGE ds.dim d USING ds.stage s ON d.k = s.sk WHEN MATCHED THEN UPDATE SET v = s.sv WHEN NOT MATCHED THEN INSERT ROW;
`,
      fdd: [['ds.stage.sk', 'ds.dim.k'], ['ds.stage.sv', 'ds.dim.v']],
    },
    {
      title: 'system variables with fields (@@error.message, @@script.job_id) are values, not columns',
      sql: `BEGIN
  INSERT INTO ds.t2 (id) SELECT id FROM ds.t1;
EXCEPTION WHEN ERROR THEN
  INSERT INTO ds.errlog (msg, job, id) SELECT @@error.message, @@script.job_id, id FROM ds.t1;
END;
`,
      fdd: [['ds.t1.id', 'ds.t2.id'], ['ds.t1.id', 'ds.errlog.id']],
    },
    {
      title: 'PIVOT with two aliased aggregates names alias_value; UNPIVOT EXCLUDE NULLS of a table with unknown columns',
      sql: `SELECT * FROM (SELECT product, quarter, sales, n FROM \`p.d.produce\`) PIVOT (SUM(sales) AS total_sales, COUNT(n) AS num FOR quarter IN ('Q1', 'Q2' AS q2));
SELECT product, quarter, sales FROM produce2 UNPIVOT EXCLUDE NULLS (sales FOR quarter IN (Q1, Q2 AS 'second'));
`,
      fdd: [['p.d.produce.product', 'RS-1.product'], ['p.d.produce.sales', 'RS-1.total_sales_Q1'], ['p.d.produce.sales', 'RS-1.total_sales_q2'],
        ['p.d.produce.n', 'RS-1.num_Q1'], ['p.d.produce.n', 'RS-1.num_q2'],
        ['produce2.product', 'RS-2.product'], ['produce2.Q1', 'RS-2.sales'], ['produce2.Q2', 'RS-2.sales']],
    },
    {
      title: 'unquoted hyphenated project names (my-project.ds.t, my-project-123.ds.t); a - b stays a subtraction',
      sql: `INSERT INTO my-project.sales.orders_copy (id) SELECT id FROM my-project.sales.orders;
INSERT INTO ds.totals (id, net) SELECT t.id, t.gross - t.tax AS net FROM my-project-123.ds.t t JOIN my-project.ds.u u ON u.id = t.id;
`,
      fdd: [['my-project.sales.orders.id', 'my-project.sales.orders_copy.id'], ['my-project-123.ds.t.id', 'ds.totals.id'],
        ['my-project-123.ds.t.gross', 'ds.totals.net'], ['my-project-123.ds.t.tax', 'ds.totals.net']],
    },
    {
      title: 'LOAD DATA OVERWRITE t and LOAD DATA INTO t (columns) FROM FILES',
      sql: `LOAD DATA OVERWRITE ds.t FROM FILES (format = 'CSV', uris = ['gs://b/x.csv']);
LOAD DATA INTO ds.u (a INT64, b STRING) FROM FILES (format = 'CSV', uris = ['gs://b/y.csv']);
INSERT INTO ds.out (a) SELECT a FROM ds.u;
`,
      fdd: [['ds.u.a', 'ds.out.a']],
      tablesWritten: ['ds.t', 'ds.u', 'ds.out'],
    },
    {
      title: 'CREATE [OR REPLACE] TABLE FUNCTION is a routine (no table named FUNCTION), called in FROM',
      sql: `CREATE TABLE FUNCTION ds.f(x INT64) AS (SELECT a, b FROM ds.t WHERE c = x);
CREATE OR REPLACE TABLE FUNCTION ds.g(x INT64) RETURNS TABLE<a INT64> AS SELECT a FROM ds.t WHERE c = x;
INSERT INTO ds.out (a) SELECT a FROM ds.f(1);
`,
      // the bodies' queries are the functions' rows, as a RETURNS TABLE function's: the call in FROM reads them
      fdd: [['ds.t.a', 'ds.out.a']],
      tablesWritten: ['ds.out'],
    },
    {
      title: 'CTAS with SELECT * REPLACE',
      sql: `CREATE TABLE crm.customers (customer_id INT64, email STRING, country STRING);
CREATE TABLE crm.customers_clean AS SELECT * REPLACE (LOWER(email) AS email) FROM crm.customers;
`,
      fdd: [['crm.customers.customer_id', 'crm.customers_clean.customer_id'], ['crm.customers.email', 'crm.customers_clean.email'], ['crm.customers.country', 'crm.customers_clean.country']],
    },
    {
      title: 'CTAS with SELECT * EXCEPT over backticked project.dataset.table',
      sql: `CREATE TABLE \`acme-prod.mk.sessions\` (session_id STRING, user_id STRING, pages INT64, traffic STRING);
CREATE TABLE \`acme-prod.mk.sessions_slim\` AS SELECT * EXCEPT (pages, traffic) FROM \`acme-prod.mk.sessions\`;
`,
      fdd: [['acme-prod.mk.sessions.session_id', 'acme-prod.mk.sessions_slim.session_id'], ['acme-prod.mk.sessions.user_id', 'acme-prod.mk.sessions_slim.user_id']],
    },
    {
      title: 'UNNEST of an ARRAY<STRUCT> column',
      sql: 'SELECT o.order_id, item.sku FROM `acme-prod.sales.orders` AS o, UNNEST(o.line_items) AS item;\n',
      fdd: [['acme-prod.sales.orders.order_id', 'RS-1.order_id'], ['acme-prod.sales.orders.line_items', 'RS-1.sku']],
    },
    {
      title: 'MERGE without INTO',
      sql: `MERGE \`acme-prod.crm.customers\` T
USING \`acme-prod.staging.updates\` S
ON T.customer_id = S.customer_id
WHEN MATCHED THEN UPDATE SET email = S.email
WHEN NOT MATCHED THEN INSERT (customer_id, email) VALUES (S.customer_id, S.email);
`,
      fdd: [['acme-prod.staging.updates.email', 'acme-prod.crm.customers.email'], ['acme-prod.staging.updates.customer_id', 'acme-prod.crm.customers.customer_id']],
    },
    {
      title: 'script: DECLARE/SET a variable from a query, then INSERT VALUES',
      sql: `DECLARE max_amount NUMERIC;
SET max_amount = (SELECT MAX(amount) FROM sales.orders);
INSERT INTO sales.daily_max (amount) VALUES (max_amount);
`,
      fdd: [['sales.orders.amount', 'sales.daily_max.amount']],
    },
  ],
  hive: [
    {
      title: 'ALTER VIEW v AS SELECT … replaces the view\'s query and columns (it was skipped)',
      sql: `CREATE VIEW dw.v_orders (order_id COMMENT 'id', amount) AS SELECT id, amt FROM raw.orders;
ALTER VIEW dw.v_orders AS SELECT id, amt * 1.1 AS amt FROM raw.orders2;
INSERT INTO dw.x SELECT id, amt FROM dw.v_orders;
`,
      fdd: [['raw.orders.id', 'dw.v_orders.order_id'], ['raw.orders.amt', 'dw.v_orders.amount'], ['raw.orders2.id', 'dw.v_orders.id'], ['raw.orders2.amt', 'dw.v_orders.amt'], ['dw.v_orders.id', 'dw.x.id'], ['dw.v_orders.amt', 'dw.x.amt']],
    },
    {
      title: 'GROUPING__ID in a GROUPING SETS query is the grouping set of the row (it was read as a column of the table)',
      sql: `INSERT OVERWRITE TABLE dw.grp SELECT region, sum(amt) AS total, GROUPING__ID AS gid FROM dw.sales GROUP BY region, product GROUPING SETS ((region, product), region);
`,
      fdd: [['dw.sales.region', 'dw.grp.region'], ['dw.sales.amt', 'dw.grp.total']],
    },
    {
      title: 'Hive: WITH c AS (…) FROM c INSERT … INSERT … (every branch sees the CTEs), a FROM-first subquery FROM (FROM src SELECT TRANSFORM … CLUSTER BY k) t INSERT …, a FROM src SELECT … query, and CLI lines !cmd; / dfs …; / SOURCE file; (each failed)',
      sql: `!echo starting;
dfs -mkdir -p /tmp/stage;
SOURCE /opt/hql/common.hql;
WITH base AS (SELECT user_id, session_id, event_ts FROM raw.clicks WHERE dt = '2024-01-01')
FROM base b
INSERT OVERWRITE TABLE dw.sessions PARTITION (dt = '2024-01-01')
SELECT b.session_id, b.user_id, min(b.event_ts) AS start_ts GROUP BY b.session_id, b.user_id
INSERT OVERWRITE TABLE dw.active_users PARTITION (dt = '2024-01-01')
SELECT DISTINCT b.user_id;
FROM (
  FROM raw.access_log a
  SELECT TRANSFORM (a.ua, a.ip) USING 'python parse_ua.py' AS browser, ip
  CLUSTER BY ip
) t
INSERT OVERWRITE TABLE dw.ua_by_ip SELECT t.ip, t.browser;
FROM raw.clicks c SELECT c.user_id WHERE c.dt = '2024-01-01';
`,
      fdd: [['raw.clicks.user_id', 'RS-1.user_id'], ['raw.clicks.user_id', 'dw.active_users.user_id'], ['raw.clicks.user_id', 'dw.sessions.user_id'], ['raw.clicks.session_id', 'dw.sessions.session_id'], ['raw.clicks.event_ts', 'dw.sessions.start_ts'], ['raw.access_log.ua', 'dw.ua_by_ip.ip'], ['raw.access_log.ua', 'dw.ua_by_ip.browser'], ['raw.access_log.ip', 'dw.ua_by_ip.ip'], ['raw.access_log.ip', 'dw.ua_by_ip.browser']],
    },
    {
      title: 'views over SELECT * of a table of unknown columns, read by a later statement: each column read comes from the same column of the table under it, view by view; a CTAS from read_files(…) has columns unknown, not none (its columns were orphans)',
      sql: `CREATE TABLE bronze.raw_events AS SELECT * FROM read_files('/Volumes/raw/events', format => 'json');
CREATE VIEW stg.v_events AS SELECT * FROM bronze.raw_events WHERE event_id IS NOT NULL;
CREATE VIEW mart.v_clicks AS SELECT * FROM stg.v_events e WHERE e.kind = 'click';
INSERT INTO mart.clicks (event_id, user_id) SELECT event_id, user_id FROM mart.v_clicks;
`,
      fdd: [['bronze.raw_events.*', 'stg.v_events.*'], ['bronze.raw_events.event_id', 'stg.v_events.event_id'], ['bronze.raw_events.kind', 'stg.v_events.kind'], ['stg.v_events.*', 'mart.v_clicks.*'], ['stg.v_events.event_id', 'mart.v_clicks.event_id'], ['bronze.raw_events.user_id', 'stg.v_events.user_id'], ['stg.v_events.user_id', 'mart.v_clicks.user_id'], ['mart.v_clicks.event_id', 'mart.clicks.event_id'], ['mart.v_clicks.user_id', 'mart.clicks.user_id']],
    },
    {
      title: 'Databricks: CREATE TEMPORARY VIEW v USING parquet OPTIONS (path …) (no AS query), CREATE OR REFRESH STREAMING TABLE / MATERIALIZED VIEW, FROM STREAM t and STREAM read_files(…), MERGE WITH SCHEMA EVOLUTION INTO, CONVERT TO DELTA (each failed or was lost)',
      sql: `CREATE OR REPLACE TEMPORARY VIEW src_orders USING parquet OPTIONS (path 's3://lake/orders/');
CREATE OR REFRESH STREAMING TABLE bronze_events AS SELECT * FROM STREAM read_files('/Volumes/raw/events', format => 'json');
CREATE OR REFRESH MATERIALIZED VIEW ev_daily AS SELECT date(ts) AS d, count(*) AS c FROM bronze_events GROUP BY 1;
CREATE OR REFRESH STREAMING TABLE silver_events AS SELECT id, kind FROM STREAM bronze_events WHERE id IS NOT NULL;
MERGE WITH SCHEMA EVOLUTION INTO gold.customers t USING src_orders s ON t.id = s.customer_id
WHEN MATCHED THEN UPDATE SET t.last_order = s.order_ts;
CONVERT TO DELTA parquet.\`s3://lake/old/\` PARTITIONED BY (dt STRING);
`,
      fdd: [['bronze_events.ts', 'ev_daily.d'], ['bronze_events.id', 'silver_events.id'], ['bronze_events.kind', 'silver_events.kind'], ['src_orders.order_ts', 'gold.customers.last_order']],
    },
    {
      title: 'shell variables of a wrapped script ($src_db.sales, \'$run_date\'): a name where a table is expected, a value elsewhere (it failed at $)',
      sql: `INSERT OVERWRITE TABLE \$tgt_db.daily_sales
SELECT s.store_id, SUM(s.amount) AS amount FROM \$src_db.sales s WHERE s.dt = '\$run_date' GROUP BY s.store_id;
`,
      fdd: [['src_db.sales.store_id', 'tgt_db.daily_sales.store_id'], ['src_db.sales.amount', 'tgt_db.daily_sales.amount']],
    },
    {
      title: "INSERT OVERWRITE TABLE t PARTITION (…) IF NOT EXISTS SELECT …; Spark VALUES ('x' AS name, 31 AS age) names its values in place",
      sql: `INSERT OVERWRITE TABLE foo PARTITION (dt='2020') IF NOT EXISTS SELECT a, b FROM bar;
INSERT INTO people SELECT name, age FROM p2 UNION ALL VALUES ('John Doe' AS name, 31 AS age), ('Jane', 30);
`,
      fdd: [['bar.a', 'foo.a'], ['bar.b', 'foo.b'], ['p2.name', 'people.name'], ['p2.age', 'people.age']],
    },
    {
      title: 'INSERT INTO t TABLE s is INSERT … SELECT * FROM s; INSERT INTO t FROM s SELECT … writes the FROM-first query',
      sql: `CREATE TABLE visiting (name STRING, address STRING);
INSERT INTO students TABLE visiting;
INSERT INTO students2 FROM applicants a SELECT a.name, address WHERE qualified = TRUE;
`,
      fdd: [['visiting.name', 'students.name'], ['visiting.address', 'students.address'], ['applicants.name', 'students2.name'], ['applicants.address', 'students2.address']],
    },
    {
      title: 'MERGE … UPDATE SET * EXCEPT (c) / INSERT * EXCEPT (c): the star leaves c alone; INSERT … REPLACE USING (k) SELECT',
      sql: `CREATE TABLE u (key INT, a INT, last_updated TIMESTAMP);
MERGE INTO t USING u ON t.key = u.key
WHEN MATCHED THEN UPDATE SET * EXCEPT (last_updated)
WHEN NOT MATCHED THEN INSERT * EXCEPT (last_updated, a);
INSERT INTO t2 REPLACE USING (key) SELECT key, a FROM u;
`,
      fdd: [['u.key', 't.key'], ['u.a', 't.a'], ['u.key', 't2.key'], ['u.a', 't2.a']],
    },
    {
      title: 'QUALIFY names a select alias (… ORDER BY n); Databricks raw:a.b JSON paths read the column',
      sql: `CREATE TABLE silver.items (id BIGINT, dt DATE, raw STRING);
INSERT INTO gold.daily SELECT dt, count(*) AS n, max(raw:customer.name) AS cname FROM silver.items GROUP BY dt QUALIFY row_number() OVER (ORDER BY n DESC) <= 10;
`,
      fdd: [['silver.items.dt', 'gold.daily.dt'], ['silver.items.raw', 'gold.daily.cname']],
    },
    {
      title: 'SELECT TRANSFORM (…) ROW FORMAT DELIMITED … USING script: the clause, not the transform() function',
      sql: `INSERT INTO o SELECT TRANSFORM (a, b) ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t' USING 'python s.py' AS (x, y) FROM t;
`,
      fdd: [['t.a', 'o.x'], ['t.b', 'o.x'], ['t.a', 'o.y'], ['t.b', 'o.y']],
    },
    {
      title: 'Delta MERGE … UPDATE SET * / INSERT * map by name (target DDL, derived source, or * to * when neither is known); INSERT INTO TABLE, INSERT OVERWRITE TABLE, INSERT … REPLACE WHERE, INSERT … BY NAME',
      sql: `CREATE TABLE tgt (id INT, a INT, b INT);
MERGE INTO tgt t USING src s ON t.id = s.id WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT * WHEN NOT MATCHED BY SOURCE THEN DELETE;
MERGE INTO t2 USING (SELECT id, x AS a FROM s2) u ON t2.id = u.id WHEN MATCHED AND u.a > 0 THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *;
MERGE INTO t3 USING s3 ON t3.k = s3.k WHEN NOT MATCHED THEN INSERT *;
INSERT INTO TABLE tgt SELECT id, a AS x, b FROM src2;
INSERT OVERWRITE TABLE tgt SELECT id, a, b FROM src3;
INSERT INTO tgt REPLACE WHERE a > 1 SELECT id, a, b FROM src4;
INSERT INTO t4 BY NAME SELECT b, a FROM s5;
CREATE TABLE t5 (a INT, b INT);
INSERT INTO t5 BY NAME SELECT b, a FROM s6;
`,
      fdd: [['src.id', 'tgt.id'], ['src.a', 'tgt.a'], ['src.b', 'tgt.b'], ['s2.id', 't2.id'], ['s2.x', 't2.a'], ['s3.*', 't3.*'],
        ['src2.id', 'tgt.id'], ['src2.a', 'tgt.a'], ['src2.b', 'tgt.b'], ['src3.id', 'tgt.id'], ['src3.a', 'tgt.a'], ['src3.b', 'tgt.b'],
        ['src4.id', 'tgt.id'], ['src4.a', 'tgt.a'], ['src4.b', 'tgt.b'], ['s5.b', 't4.b'], ['s5.a', 't4.a'], ['s6.b', 't5.b'], ['s6.a', 't5.a']],
      tablesWritten: ['tgt', 't2', 't3', 't4', 't5'],
    },
    {
      title: 'Lambdas: transform / filter / aggregate / zip_with parameters are no columns, the other names in the body are',
      sql: `INSERT INTO t2 SELECT id, transform(arr, x -> x + bonus) AS arr2, filter(m, (k, v) -> v > 0 AND k <> skip_key) AS m2,
  aggregate(vals, 0, (acc, x) -> acc + x, acc -> acc * 10) AS total, zip_with(a, b, (x, y) -> x * y) AS z FROM t1;
SELECT TRANSFORM (id, arr) USING 'cat' AS (k, v) FROM t1;
`,
      fdd: [['t1.id', 't2.id'], ['t1.arr', 't2.arr2'], ['t1.bonus', 't2.arr2'], ['t1.m', 't2.m2'], ['t1.skip_key', 't2.m2'], ['t1.vals', 't2.total'],
        ['t1.a', 't2.z'], ['t1.b', 't2.z'], ['t1.id', 'RS-1.k'], ['t1.arr', 'RS-1.k'], ['t1.id', 'RS-1.v'], ['t1.arr', 'RS-1.v']],
    },
    {
      title: 'Spark / Databricks PIVOT with several aggregates (value_alias columns) and UNPIVOT INCLUDE NULLS',
      sql: `CREATE TABLE s (year INT, quarter INT, region STRING, earnings INT);
INSERT INTO tw SELECT * FROM s PIVOT (SUM(earnings) AS e, AVG(earnings) AS a FOR quarter IN (1 AS q1, 2 AS q2));
CREATE TABLE sales_q (yr INT, q1 INT, q2 INT);
SELECT * FROM sales_q UNPIVOT INCLUDE NULLS (sales FOR quarter IN (q1 AS \`Q1\`, q2));
`,
      fdd: [['s.year', 'tw.year'], ['s.region', 'tw.region'], ['s.earnings', 'tw.q1_e'], ['s.earnings', 'tw.q1_a'], ['s.earnings', 'tw.q2_e'], ['s.earnings', 'tw.q2_a'],
        ['sales_q.yr', 'RS-1.yr'], ['sales_q.q1', 'RS-1.sales'], ['sales_q.q2', 'RS-1.sales']],
    },
    {
      title: 'Spark CACHE [LAZY] TABLE c [OPTIONS (…)] AS SELECT fills c; CACHE TABLE t alone moves nothing',
      sql: `CACHE TABLE c1 AS SELECT a FROM t1;
CACHE LAZY TABLE c2 OPTIONS ('storageLevel' 'DISK_ONLY') SELECT b FROM t1;
CACHE TABLE t1;
`,
      fdd: [['t1.a', 'c1.a'], ['t1.b', 'c2.b']],
    },
    {
      title: 'UDTF in the select list naming several outputs: explode(m) AS (k, v); LATERAL VIEW [OUTER] with several aliases',
      sql: `INSERT OVERWRITE TABLE props SELECT explode(src.attrs) AS (prop_key, prop_value) FROM src;
INSERT INTO TABLE props_lv SELECT src.id, k, v FROM src LATERAL VIEW explode(src.attrs) t AS k, v;
INSERT INTO TABLE items SELECT id, item FROM src LATERAL VIEW OUTER explode(tags) t AS item;
`,
      fdd: [
        ['src.attrs', 'props.prop_key'], ['src.attrs', 'props.prop_value'],
        ['src.id', 'props_lv.id'], ['src.attrs', 'props_lv.k'], ['src.attrs', 'props_lv.v'],
        ['src.id', 'items.id'], ['src.tags', 'items.item'],
      ],
    },
    {
      title: 'DIV integer division operator',
      sql: `INSERT INTO buckets SELECT user_id, amount DIV 100 AS bucket FROM payments;
`,
      fdd: [['payments.user_id', 'buckets.user_id'], ['payments.amount', 'buckets.bucket']],
    },
    {
      title: 'static and dynamic partition columns mixed: the query fills the dynamic ones only',
      sql: `CREATE TABLE events (event_id STRING, event_type STRING) PARTITIONED BY (dt STRING, event_type_p STRING);
INSERT OVERWRITE TABLE events PARTITION (dt = '2024-06-30', event_type_p)
SELECT r.id, r.kind, r.kind AS event_type_p FROM raw r;
`,
      fdd: [['raw.id', 'events.event_id'], ['raw.kind', 'events.event_type'], ['raw.kind', 'events.event_type_p']],
    },
    {
      title: 'LOAD DATA INPATH then INSERT INTO TABLE',
      sql: `LOAD DATA INPATH '/data/in/users.tsv' OVERWRITE INTO TABLE users_staging;
INSERT INTO TABLE users SELECT u.user_id, lower(u.email) AS email FROM users_staging u;
`,
      fdd: [['users_staging.user_id', 'users.user_id'], ['users_staging.email', 'users.email']],
      tablesWritten: ['users_staging', 'users'],
    },
    {
      title: 'multi-insert FROM … INSERT OVERWRITE … INSERT INTO',
      sql: `FROM events e
INSERT OVERWRITE TABLE pageviews PARTITION (dt = '2024-06-30')
  SELECT e.page, COUNT(*) AS views WHERE e.event_type = 'pageview' GROUP BY e.page
INSERT INTO TABLE buyers
  SELECT DISTINCT e.user_id WHERE e.event_type = 'purchase';
`,
      fdd: [['events.page', 'pageviews.page'], ['events.user_id', 'buyers.user_id']],
    },
    {
      title: 'LATERAL VIEW explode',
      sql: 'INSERT OVERWRITE TABLE user_tags SELECT r.user_id, tag FROM raw_events r LATERAL VIEW explode(r.tags) t AS tag;\n',
      fdd: [['raw_events.user_id', 'user_tags.user_id'], ['raw_events.tags', 'user_tags.tag']],
    },
    {
      title: 'dynamic partition INSERT OVERWRITE maps partition columns last',
      sql: `CREATE TABLE events (event_id STRING, page STRING) PARTITIONED BY (dt STRING);
INSERT OVERWRITE TABLE events PARTITION (dt) SELECT r.id, r.url, r.day FROM raw r;
`,
      fdd: [['raw.id', 'events.event_id'], ['raw.url', 'events.page'], ['raw.day', 'events.dt']],
    },
  ],
  redshift: [
    {
      title: 'SUPER navigation FROM o, o.items AS i AT idx and FROM t, UNPIVOT t.obj AS v AT k: the position / key names the collection like its element (idx was a column of o, v and k were orphans)',
      sql: `CREATE TABLE public.items AS SELECT o.id, i AS item, idx FROM public.orders_super o, o.items AS i AT idx;
CREATE TABLE public.kv AS SELECT t.id, attr, val FROM public.objs t, UNPIVOT t.payload AS val AT attr;
`,
      fdd: [['public.orders_super.id', 'public.items.id'], ['public.orders_super.items', 'public.items.item'], ['public.orders_super.items', 'public.items.idx'],
        ['public.objs.id', 'public.kv.id'], ['public.objs.payload', 'public.kv.attr'], ['public.objs.payload', 'public.kv.val']],
    },
    {
      title: 'CANCEL pid is a session command (it was an unsupported statement)',
      sql: `CANCEL 18764;
INSERT INTO admin.killed (pid) SELECT pid FROM stv_recents WHERE status = 'Running';
`,
      fdd: [['stv_recents.pid', 'admin.killed.pid']],
    },
    {
      title: 'CONVERT(type, x): the type is no column (CONVERT(INTEGER, x) read a column INTEGER)',
      sql: `INSERT INTO dw.conv (a, b) SELECT CONVERT(INTEGER, pricepaid), CONVERT(VARCHAR(10), saletime) FROM sales;
`,
      fdd: [['sales.pricepaid', 'dw.conv.a'], ['sales.saletime', 'dw.conv.b']],
    },
    {
      title: 'APPROXIMATE PERCENTILE_DISC(p) WITHIN GROUP (ORDER BY x) and APPROXIMATE COUNT(DISTINCT x)',
      sql: `INSERT INTO m (p50, n) SELECT APPROXIMATE PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY amt), APPROXIMATE COUNT(DISTINCT id) FROM t;
`,
      fdd: [['t.amt', 'm.p50'], ['t.id', 'm.n']],
    },
    {
      title: "a stored procedure's EXECUTE 'literal SQL' [USING …] is analysed like EXECUTE IMMEDIATE (a concatenated one is skipped)",
      sql: `CREATE OR REPLACE PROCEDURE sync_members() AS $$
BEGIN
  EXECUTE 'CREATE TEMP TABLE tmp_m (id int, name varchar(50))';
  EXECUTE 'INSERT INTO tmp_m SELECT id, name FROM member_extract WHERE seq > $1' USING 10;
  EXECUTE 'DELETE FROM x WHERE id > ' || 10;
  INSERT INTO member (id, name) SELECT id, name FROM tmp_m;
END
$$ LANGUAGE plpgsql;
`,
      fdd: [['member_extract.id', 'tmp_m.id'], ['member_extract.name', 'tmp_m.name'], ['tmp_m.id', 'member.id'], ['tmp_m.name', 'member.name']],
    },
    {
      title: 'PIVOT with a qualified FOR column (FOR s.m) on a table with unknown columns; UNPIVOT INCLUDE NULLS with aliases',
      sql: `SELECT p.store_id, p.jan FROM sales s PIVOT (SUM(s.amount) FOR s.m IN (1 AS jan, 2 AS feb)) AS p;
SELECT * FROM (SELECT id, red, green FROM colors) UNPIVOT INCLUDE NULLS (cnt FOR color IN (red AS r, green AS "g"));
`,
      fdd: [['sales.store_id', 'RS-1.store_id'], ['sales.amount', 'RS-1.jan'], ['colors.id', 'RS-2.id'], ['colors.red', 'RS-2.cnt'], ['colors.green', 'RS-2.cnt']],
    },
    {
      title: 'ALTER TABLE t APPEND FROM src moves src\'s rows into t',
      sql: `CREATE TABLE stage.sales_stage (id int, amt int);
ALTER TABLE dw.fact_sales APPEND FROM stage.sales_stage FILLTARGET;
`,
      fdd: [['stage.sales_stage.id', 'dw.fact_sales.id'], ['stage.sales_stage.amt', 'dw.fact_sales.amt']],
      tablesWritten: ['dw.fact_sales'],
    },
    {
      title: 'backslash escapes in string literals',
      sql: `INSERT INTO notes (id, txt) SELECT id, 'it\\'s; done' || body FROM raw_notes;
`,
      fdd: [['raw_notes.id', 'notes.id'], ['raw_notes.body', 'notes.txt']],
    },
    {
      title: 'SUPER array unnest with its position: FROM e, e.items AS i AT idx',
      sql: `INSERT INTO event_items (sku) SELECT i.sku FROM stg.events e, e.items AS i AT idx;
`,
      fdd: [['stg.events.items', 'event_items.sku']],
    },
    {
      title: 'SELECT … INTO TEMP TABLE then INSERT from it',
      sql: `SELECT customer_id, revenue INTO TEMP TABLE big_spenders FROM customer_monthly WHERE revenue > 10000;
INSERT INTO vip (customer_id) SELECT customer_id FROM big_spenders;
`,
      fdd: [['customer_monthly.customer_id', 'big_spenders.customer_id'], ['customer_monthly.revenue', 'big_spenders.revenue'], ['big_spenders.customer_id', 'vip.customer_id']],
    },
    {
      title: 'CTAS with DISTKEY/SORTKEY and APPROXIMATE COUNT(DISTINCT)',
      sql: `CREATE TABLE customer_monthly DISTKEY (customer_id) SORTKEY (month_start) AS
SELECT customer_id, DATE_TRUNC('month', order_date)::DATE AS month_start, APPROXIMATE COUNT(DISTINCT store_id) AS stores
  FROM fact_orders GROUP BY 1, 2;
`,
      fdd: [['fact_orders.customer_id', 'customer_monthly.customer_id'], ['fact_orders.order_date', 'customer_monthly.month_start'], ['fact_orders.store_id', 'customer_monthly.stores']],
    },
    {
      title: '#temp CTAS then INSERT from it',
      sql: `CREATE TABLE #top_stores AS SELECT store_id, SUM(amount) AS revenue FROM fact_orders GROUP BY store_id;
INSERT INTO leaderboard (store_id, revenue) SELECT store_id, revenue FROM #top_stores;
`,
      fdd: [
        ['fact_orders.store_id', '#top_stores.store_id'], ['fact_orders.amount', '#top_stores.revenue'],
        ['#top_stores.store_id', 'leaderboard.store_id'], ['#top_stores.revenue', 'leaderboard.revenue'],
      ],
    },
    {
      title: 'COPY from S3 then UPDATE … FROM',
      sql: `COPY stage_refunds FROM 's3://acme-landing/refunds/' IAM_ROLE 'arn:aws:iam::123456789012:role/load' FORMAT AS CSV;
UPDATE fact_orders SET status = r.status FROM stage_refunds r WHERE r.order_id = fact_orders.order_id;
`,
      fdd: [['stage_refunds.status', 'fact_orders.status']],
      tablesWritten: ['stage_refunds', 'fact_orders'],
    },
  ],
  teradata: [
    {
      title: 'MERGE … WHEN MATCHED THEN UPD SET … WHEN NOT MATCHED THEN INS (…) VALUES (…): the abbreviated actions (the MERGE failed at UPD)',
      sql: `MERGE INTO dw_db.cust tgt USING (SEL id, v FROM stg_db.cust_in) src ON (tgt.cust_id = src.id)
WHEN MATCHED THEN UPD SET cust_nm = src.v
WHEN NOT MATCHED THEN INS (cust_id, cust_nm) VALUES (src.id, src.v);
`,
      fdd: [['stg_db.cust_in.id', 'dw_db.cust.cust_id'], ['stg_db.cust_in.v', 'dw_db.cust.cust_nm']],
    },
    {
      title: 'CASE_N (…, NO CASE OR UNKNOWN) and RANGE_N (…, NO RANGE, UNKNOWN): the catch-all partitions are no columns (NO and UNKNOWN were read as columns of the table)',
      sql: `INSERT INTO t (seg, part) SELECT CASE_N(c.score < 100, c.score < 500, NO CASE OR UNKNOWN), RANGE_N(c.dt BETWEEN DATE '2020-01-01' AND DATE '2030-12-31' EACH INTERVAL '1' MONTH, NO RANGE, UNKNOWN) FROM s c;
`,
      fdd: [['s.score', 't.seg'], ['s.dt', 't.part']],
    },
    {
      title: 'CALL p(x, v) of a procedure of the script: v takes what p left in its OUT parameter; SELECT … INTO :p sets the declared p (it made a variable :p)',
      sql: `REPLACE PROCEDURE dw.sp_max_dt (IN p_tab VARCHAR(30), OUT p_max DATE)
BEGIN
  SELECT MAX(load_dt) INTO :p_max FROM dw.load_log WHERE tab_nm = :p_tab;
END;
REPLACE PROCEDURE dw.sp_main ()
BEGIN
  DECLARE v_dt DATE;
  CALL dw.sp_max_dt('sales', v_dt);
  INSERT INTO dw.run_log (run_dt) VALUES (:v_dt);
END;
`,
      fdd: [['dw.load_log.load_dt', 'dw.run_log.run_dt']],
    },
    {
      title: 'CREATE TABLE t, NO FALLBACK, NO BEFORE JOURNAL AS src WITH NO DATA PRIMARY INDEX (c): the last table option ran into AS src, so the index column was read as t\'s only column',
      sql: `CREATE TABLE dw_db.sales_snap, NO FALLBACK, NO BEFORE JOURNAL AS dw_db.sales_fact WITH NO DATA PRIMARY INDEX (sale_id);
INSERT INTO dw_db.sales_snap SELECT * FROM dw_db.sales_fact;
`,
      fdd: [['dw_db.sales_fact.*', 'dw_db.sales_snap.*']],
    },
    {
      title: 'lateral column alias in a SEL list and its WHERE over a table of unknown columns: the alias, not a column of the table',
      sql: `INS INTO stg.cust_age (cust_id, age_years, age_band)
SEL c.cust_id, (CURRENT_DATE - c.birth_dt) / 365 AS age_yrs, CASE WHEN age_yrs < 30 THEN 'Y' ELSE 'O' END AS band
FROM edw.customer c WHERE age_yrs >= 18;
`,
      fdd: [['edw.customer.cust_id', 'stg.cust_age.cust_id'], ['edw.customer.birth_dt', 'stg.cust_age.age_years'], ['edw.customer.birth_dt', 'stg.cust_age.age_band']],
    },
    {
      title: 'USER and SESSION read the session (they were columns of db.one); an unaliased dt + INTERVAL \'30\' DAY is named with its unit; DIAGNOSTIC … FOR SESSION is no syntax error',
      sql: `INSERT INTO db.audit_log (tbl, usr, sess, ts) SELECT 'orders', USER, SESSION, CURRENT_TIMESTAMP(0) FROM db.one;
SEL o.order_id, o.order_dt + INTERVAL '30' DAY FROM db.orders o;
DIAGNOSTIC HELPSTATS ON FOR SESSION;
`,
      fdd: [['db.orders.order_id', 'RS-1.order_id'], ['db.orders.order_dt', 'RS-1."o.order_dt + INTERVAL \'30\' DAY"']],
    },
    {
      title: 'a shell script that runs BTEQ as a here-document (bteq << EOF … EOF): only the here-document is SQL, the #comments, echo and exit lines were syntax errors',
      sql: `#!/bin/ksh
# load the customer stage
bteq << EOF > \$LOGDIR/load.log
.RUN FILE \$LOGONDIR/logon;
INSERT INTO stg.cust (cust_id, cust_nm) SELECT c.cust_id, TRIM(c.cust_nm) FROM src.customer c;
.IF ERRORCODE <> 0 THEN .QUIT 8;
.LOGOFF;
EOF
rc=\$?
echo "bteq rc=\$rc"
exit \$rc
`,
      fdd: [['src.customer.cust_id', 'stg.cust.cust_id'], ['src.customer.cust_nm', 'stg.cust.cust_nm']],
    },
    {
      title: 'DELETE FROM t, u WHERE …: the tables after the first only pick its rows (it failed at the comma)',
      sql: `DELETE FROM sales_hist, purge_range WHERE sales_hist.sale_dt BETWEEN purge_range.start_dt AND purge_range.end_dt;
INSERT INTO sales_hist (sale_dt, amt) SELECT s.sale_dt, s.amt FROM sales_stg s, purge_range r WHERE s.sale_dt >= r.start_dt;
`,
      fdd: [['sales_stg.sale_dt', 'sales_hist.sale_dt'], ['sales_stg.amt', 'sales_hist.amt']],
    },
    {
      title: 'a format placeholder glued to a name ({env}_dw.t) stays one name; ts AT \'zone\' (no TIME ZONE) is a time-zone conversion, not a syntax error',
      sql: `INSERT INTO {env}_dw.sales_fact (sale_id, sale_ts_local)
SELECT s.sale_id, CAST(s.sale_ts AS TIMESTAMP(6) WITH TIME ZONE) AT 'America Pacific'
FROM {env}_stg.sales s;
`,
      fdd: [['env_stg.sales.sale_id', 'env_dw.sales_fact.sale_id'], ['env_stg.sales.sale_ts', 'env_dw.sales_fact.sale_ts_local']],
    },
    {
      title: 'TABLE (STRTOK_SPLIT_TO_TABLE(db.src.a, db.src.c, …) RETURNS (…)): the RETURNS columns, and db.src read through its qualified columns alone',
      sql: `INSERT INTO db.tok (id, token)
SEL t.outkey, t.token FROM TABLE (STRTOK_SPLIT_TO_TABLE(db.src.a, db.src.c, ',') RETURNS (outkey INTEGER, tokennum INTEGER, token VARCHAR(100) CHARACTER SET UNICODE)) AS t;
UPD edw.dim_item SET list_price = edw_work.gt_price.price WHERE dim_item.item_id = edw_work.gt_price.item_id;
`,
      fdd: [['db.src.a', 'db.tok.id'], ['db.src.c', 'db.tok.id'], ['db.src.a', 'db.tok.token'], ['db.src.c', 'db.tok.token'], ['edw_work.gt_price.price', 'edw.dim_item.list_price']],
    },
    {
      title: 'CREATE TABLE t AS src WITH DATA copies a table of unknown columns: a later SELECT of a column from t reads t (not an orphan), whose column is src\'s',
      sql: `CREATE TABLE employee AS employee_sales.employee WITH DATA;
INSERT INTO emp_401 (employee_number, last_name) SEL employee_number, last_name FROM employee WHERE department_number = 401;
`,
      fdd: [['employee_sales.employee.*', 'employee.*'], ['employee.employee_number', 'emp_401.employee_number'], ['employee.last_name', 'emp_401.last_name'],
        ['employee_sales.employee.employee_number', 'employee.employee_number'], ['employee_sales.employee.last_name', 'employee.last_name'], ['employee_sales.employee.department_number', 'employee.department_number']],
    },
    {
      title: 'Python format placeholders ({schema}.t, BETWEEN {start} AND {end}) in pipeline scripts: a name where a table is expected, a value elsewhere',
      sql: `DELETE FROM {t2_schema}.objects_daily WHERE day_date BETWEEN {start_date} AND {end_date};
INSERT INTO {t2_schema}.objects_daily (day_date, tablename)
SEL dc.day_date, tv.tablename FROM DBC.TablesV tv CROSS JOIN {cal_schema}.DAY_CAL dc WHERE dc.day_date BETWEEN {start_date} AND {end_date};
`,
      fdd: [['cal_schema.DAY_CAL.day_date', 't2_schema.objects_daily.day_date'], ['DBC.TablesV.tablename', 't2_schema.objects_daily.tablename']],
    },
    {
      title: "CURRENT_DATE (FORMAT '…') and DATE (FORMAT '…') format the current date: no column named CURRENT_DATE",
      sql: `INSERT INTO dw.rpt (d, n, s) SEL CURRENT_DATE (FORMAT 'YYYY-MM-DD'), DATE (FORMAT 'MMMbdd,bYYYY'), s.amt (FORMAT 'ZZ9') FROM dw.sales s;
`,
      fdd: [['dw.sales.amt', 'dw.rpt.s']],
    },
    {
      title: "SET QUERY_BAND = '…' FOR SESSION [VOLATILE] / = NONE FOR SESSION is a session setting, the job around it still gives lineage",
      sql: `SET QUERY_BAND = 'App_ID=A1;
  Task_Name=load;' FOR SESSION VOLATILE;
INSERT INTO dw.t2 (a) SEL b FROM dw.t1;
SET QUERY_BAND = NONE FOR SESSION;
`,
      fdd: [['dw.t1.b', 'dw.t2.a']],
    },
    {
      title: "attribute phrases after a column name: c (TITLE 'x'), c (CHAR(3)), c.x (VARCHAR(100)) are not calls; ADD_MONTHS(DATE, -1) is",
      sql: `INSERT INTO dw.t2 (name, city, label, d) SEL c.name (TITLE 'Name'), city (CHAR(3)), c.name || ' ' || c.city (VARCHAR(100)), ADD_MONTHS(DATE, -1) FROM dw.customer c;
`,
      fdd: [['dw.customer.name', 'dw.t2.name'], ['dw.customer.city', 'dw.t2.city'], ['dw.customer.name', 'dw.t2.label'], ['dw.customer.city', 'dw.t2.label']],
    },
    {
      title: 'atomic upsert UPDATE … ELSE INSERT …',
      sql: 'UPDATE t1 SET a = s.a FROM stage s WHERE t1.id = s.id ELSE INSERT INTO t1 (id, a) VALUES (1, 0);\n',
      fdd: [['stage.a', 't1.a']],
      tablesWritten: ['t1'],
    },
    {
      title: 'SELECT NORMALIZE ON MEETS OR OVERLAPS; EXPAND ON period AS alias BY INTERVAL / BY ANCHOR: the alias comes from the period',
      sql: `CREATE TABLE emp_periods (emp_id INTEGER, dept_id INTEGER, duration PERIOD(DATE));
INSERT INTO emp_norm (emp_id, duration) SELECT NORMALIZE ON MEETS OR OVERLAPS emp_id, duration FROM emp_periods;
INSERT INTO emp_days (emp_id, work_day) SELECT e.emp_id, day_pd FROM emp_periods e WHERE e.dept_id = 10
  EXPAND ON e.duration AS day_pd BY INTERVAL '1' DAY FOR PERIOD (DATE '2024-01-01', DATE '2024-02-01') ORDER BY 1;
INSERT INTO emp_months (emp_id, work_month) SELECT emp_id, mon_pd FROM emp_periods EXPAND ON duration mon_pd BY ANCHOR PERIOD MONTH_BEGIN;
`,
      fdd: [
        ['emp_periods.emp_id', 'emp_norm.emp_id'], ['emp_periods.duration', 'emp_norm.duration'],
        ['emp_periods.emp_id', 'emp_days.emp_id'], ['emp_periods.duration', 'emp_days.work_day'],
        ['emp_periods.emp_id', 'emp_months.emp_id'], ['emp_periods.duration', 'emp_months.work_month'],
      ],
    },
    {
      title: 'CT abbreviation of CREATE TABLE; CTAS … WITH DATA PRIMARY INDEX',
      sql: `CT tmp_sales AS (SELECT store_id, amt FROM stg_sales) WITH DATA PRIMARY INDEX (store_id);
CT tmp_keys (store_id INTEGER) PRIMARY INDEX (store_id);
`,
      fdd: [['stg_sales.store_id', 'tmp_sales.store_id'], ['stg_sales.amt', 'tmp_sales.amt']],
      tablesWritten: ['tmp_sales'],
    },
    {
      title: 'CREATE TABLE … AS src WITH DATA / WITH NO DATA copies the columns of src (known from its DDL or not)',
      sql: `CREATE TABLE edw.sales (sale_id INTEGER, amount DECIMAL(12,2)) PRIMARY INDEX (sale_id);
CREATE TABLE edw.sales_bak AS edw.sales WITH DATA AND STATISTICS;
CREATE TABLE edw.sales_empty AS edw.sales WITH NO DATA;
CREATE TABLE edw.items_bak AS edw.items WITH DATA;
INSERT INTO edw.sales_hist SELECT * FROM edw.sales_bak;
`,
      fdd: [
        ['edw.sales.sale_id', 'edw.sales_bak.sale_id'], ['edw.sales.amount', 'edw.sales_bak.amount'],
        ['edw.sales.sale_id', 'edw.sales_empty.sale_id'], ['edw.sales.amount', 'edw.sales_empty.amount'],
        ['edw.items.*', 'edw.items_bak.*'],
        ['edw.sales_bak.sale_id', 'edw.sales_hist.sale_id'], ['edw.sales_bak.amount', 'edw.sales_hist.amount'],
      ],
      tablesWritten: ['edw.sales_bak', 'edw.sales_empty', 'edw.items_bak', 'edw.sales_hist'],
    },
    {
      title: 'USING (…) request modifier before INSERT … VALUES (:a, :b)',
      sql: `USING (order_id INTEGER, note VARCHAR(100)) INSERT INTO order_notes (order_id, note) VALUES (:order_id, :note);
`,
      fdd: [],
      tablesWritten: ['order_notes'],
    },
    {
      title: 'comparison operators written as words (GT, NE, GE, LT, LE, EQ) and MOD; a column aliased lt stays an alias',
      sql: `INSERT INTO t2 (a, r, x) SELECT a, b MOD 7, c lt FROM t1 WHERE b GT 5 AND c NE 'x' AND d GE 1 AND e LT 9 AND f LE 3 AND g EQ -2;
`,
      fdd: [['t1.a', 't2.a'], ['t1.b', 't2.r'], ['t1.c', 't2.x']],
    },
    {
      title: 'table options before the column list (SHOW TABLE style): the columns still come from the DDL',
      sql: `CREATE MULTISET TABLE edw.sales ,NO FALLBACK ,NO BEFORE JOURNAL, CHECKSUM = DEFAULT (sale_id INTEGER, amount DECIMAL(12,2)) PRIMARY INDEX (sale_id);
INSERT INTO edw.sales_copy SELECT * FROM edw.sales;
`,
      fdd: [['edw.sales.sale_id', 'edw.sales_copy.sale_id'], ['edw.sales.amount', 'edw.sales_copy.amount']],
    },
    {
      title: 'MERGE USING (SEL …)',
      sql: `MERGE INTO dim_store AS t
USING (SEL store_id, store_name FROM stg_store) AS s ON t.store_id = s.store_id
WHEN MATCHED THEN UPDATE SET store_name = s.store_name
WHEN NOT MATCHED THEN INSERT (store_id, store_name) VALUES (s.store_id, s.store_name);
`,
      fdd: [['stg_store.store_name', 'dim_store.store_name'], ['stg_store.store_id', 'dim_store.store_id']],
    },
    {
      title: 'INS tab SEL … without INTO, BTEQ dot lines skipped',
      sql: `.LOGON tdprod/etl_user,secret
CREATE MULTISET TABLE fact_daily (store_id INTEGER, sale_dt DATE, amt DECIMAL(15,2)) PRIMARY INDEX (store_id);
.IF ERRORCODE <> 0 THEN .QUIT 8
INS fact_daily SEL st.store_id, v.sale_dt, v.tot_amt FROM vt_daily v JOIN dim_store st ON st.store_cd = v.store_cd;
.LOGOFF
`,
      fdd: [['dim_store.store_id', 'fact_daily.store_id'], ['vt_daily.sale_dt', 'fact_daily.sale_dt'], ['vt_daily.tot_amt', 'fact_daily.amt']],
    },
    {
      title: 'VOLATILE CTAS WITH DATA, then SEL … QUALIFY',
      sql: `CREATE VOLATILE TABLE vt AS (SEL store_cd, SUM(amt) AS tot_amt FROM stg_sales GROUP BY 1) WITH DATA ON COMMIT PRESERVE ROWS;
SEL store_cd, tot_amt FROM vt QUALIFY RANK() OVER (ORDER BY tot_amt DESC) <= 10;
`,
      fdd: [['stg_sales.store_cd', 'vt.store_cd'], ['stg_sales.amt', 'vt.tot_amt'], ['vt.store_cd', 'RS-1.store_cd'], ['vt.tot_amt', 'RS-1.tot_amt']],
    },
    {
      title: 'UPDATE alias FROM …',
      sql: 'UPDATE tgt FROM dim_item AS tgt, item_price AS p SET list_price = p.price WHERE tgt.item_id = p.item_id;\n',
      fdd: [['item_price.price', 'dim_item.list_price']],
    },
  ],
  db2: [
    {
      title: 'PREVIOUS VALUE FOR s, NEXTVAL FOR s and PREVVAL FOR s are sequence values like NEXT VALUE FOR s (PREVIOUS was an orphan column and the statement failed at FOR)',
      sql: `INSERT INTO dw.order_audit (id, cust) SELECT PREVIOUS VALUE FOR dw.order_seq, cust_id FROM dw.orders;
INSERT INTO dw.order_keys (id, cust) SELECT NEXTVAL FOR dw.order_seq, cust_id FROM dw.orders;
INSERT INTO dw.order_last (id) VALUES (PREVVAL FOR dw.order_seq);
`,
      fdd: [['dw.orders.cust_id', 'dw.order_audit.cust'], ['dw.orders.cust_id', 'dw.order_keys.cust']],
    },
    {
      title: 'a trigger whose one-statement body follows MODE DB2SQL [WHEN (…)] (SET N.total = N.qty * N.price) was skipped; DECLARE GLOBAL TEMPORARY TABLE among a procedure\'s declarations was read as a variable named GLOBAL, so the insert into it named columns after the query',
      sql: `CREATE TRIGGER dw.trg_bi NO CASCADE BEFORE INSERT ON dw.orders
REFERENCING NEW AS N
FOR EACH ROW MODE DB2SQL
WHEN (N.total IS NULL)
SET N.total = N.qty * N.price@

CREATE PROCEDURE dw.p_done ()
LANGUAGE SQL
BEGIN
  DECLARE v_cnt INTEGER DEFAULT 0;
  DECLARE GLOBAL TEMPORARY TABLE SESSION.tmp_ids (id INT) WITH REPLACE ON COMMIT PRESERVE ROWS NOT LOGGED;
  INSERT INTO SESSION.tmp_ids SELECT order_id FROM dw.orders WHERE status = 'NEW';
  INSERT INTO dw.processed (id) SELECT id FROM SESSION.tmp_ids;
END@
`,
      fdd: [['dw.orders.qty', 'dw.orders.total'], ['dw.orders.price', 'dw.orders.total'], ['dw.orders.order_id', 'SESSION.tmp_ids.id'], ['SESSION.tmp_ids.id', 'dw.processed.id']],
    },
    {
      title: 'CLP DECLARE c CURSOR FOR SELECT …; LOAD FROM c OF CURSOR INSERT | REPLACE INTO t [(cols)]: the cursor\'s rows by position (the DECLARE ran on and read LOAD as a declaration; a cursor was a file); ASSOCIATE RESULT SET LOCATOR is skipped (it failed)',
      sql: `DECLARE c1 CURSOR FOR SELECT cust_id, name FROM stage.customers WHERE load_dt = CURRENT DATE;
LOAD FROM c1 OF CURSOR MESSAGES /tmp/load.msg REPLACE INTO dw.customers_copy NONRECOVERABLE;
LOAD FROM c1 OF CURSOR INSERT INTO dw.customer_names (id, full_name);
CREATE PROCEDURE dw.p_calls ()
LANGUAGE SQL
BEGIN
  DECLARE loc1 RESULT_SET_LOCATOR VARYING;
  CALL dw.p_get_orders();
  ASSOCIATE RESULT SET LOCATOR (loc1) WITH PROCEDURE dw.p_get_orders;
  ALLOCATE c2 CURSOR FOR RESULT SET loc1;
  INSERT INTO dw.calls_log (note) SELECT note FROM dw.notes;
END
`,
      fdd: [['stage.customers.cust_id', 'dw.customers_copy.cust_id'], ['stage.customers.name', 'dw.customers_copy.name'], ['stage.customers.cust_id', 'dw.customer_names.id'],
        ['stage.customers.name', 'dw.customer_names.full_name'], ['dw.notes.note', 'dw.calls_log.note']],
    },
    {
      title: 'DB2 for z/OS multi-row MERGE … NOT ATOMIC CONTINUE ON SQLEXCEPTION and INSERT … VALUES (:hv) FOR :n ROWS [ATOMIC]: the options failed the statement',
      sql: `MERGE INTO PAYROLL.EMP_TOTALS T
USING (SELECT EMPNO, SUM(GROSS) AS G FROM PAYROLL.EMP_PAY GROUP BY EMPNO) AS S (EMPNO, G)
ON T.EMPNO = S.EMPNO
WHEN MATCHED THEN UPDATE SET T.TOTAL = S.G
WHEN NOT MATCHED THEN INSERT (EMPNO, TOTAL) VALUES (S.EMPNO, S.G)
NOT ATOMIC CONTINUE ON SQLEXCEPTION;
INSERT INTO PAYROLL.PAY_LOG (EMPNO, NOTE) VALUES (:HVEMPNO, :HVNOTE) FOR :HVN ROWS NOT ATOMIC CONTINUE ON SQLEXCEPTION;
INSERT INTO PAYROLL.EMP_COPY (EMPNO) SELECT EMPNO FROM PAYROLL.EMP_PAY;
`,
      fdd: [['PAYROLL.EMP_PAY.EMPNO', 'PAYROLL.EMP_TOTALS.EMPNO'], ['PAYROLL.EMP_PAY.GROSS', 'PAYROLL.EMP_TOTALS.TOTAL'], ['PAYROLL.EMP_PAY.EMPNO', 'PAYROLL.EMP_COPY.EMPNO']],
    },
    {
      title: 'CREATE [PUBLIC] ALIAS a FOR [TABLE] schema.t: later reads of a are of schema.t (the alias was a table of its own)',
      sql: `CREATE ALIAS rpt.cust FOR dw.customers;
CREATE PUBLIC ALIAS pcust FOR TABLE dw.customers;
CREATE ALIAS rpt.ord_seq FOR SEQUENCE dw.order_seq;
INSERT INTO rpt.cust_list (id, nm) SELECT customer_id, name FROM rpt.cust;
INSERT INTO rpt.cust_mail (id, email) SELECT customer_id, email FROM pcust;
`,
      fdd: [['dw.customers.customer_id', 'rpt.cust_list.id'], ['dw.customers.name', 'rpt.cust_list.nm'], ['dw.customers.customer_id', 'rpt.cust_mail.id'], ['dw.customers.email', 'rpt.cust_mail.email']],
    },
    {
      title: 'DECLARE c CURSOR FOR s1 over a statement PREPAREd from a string (dynamic SQL) parses; it failed the declaration section',
      sql: `CREATE OR REPLACE PROCEDURE DW.COPY_RECENT ()
LANGUAGE SQL
BEGIN
  DECLARE V_SQL VARCHAR(200);
  DECLARE V_ID INTEGER;
  DECLARE C1 CURSOR FOR S1;
  SET V_SQL = 'SELECT ORDER_ID FROM DW.ORDERS WHERE ORDER_ID > ?';
  PREPARE S1 FROM V_SQL;
  OPEN C1 USING V_ID;
  CLOSE C1;
  INSERT INTO DW.ORDERS_RECENT (ORDER_ID, AMOUNT) SELECT ORDER_ID, AMOUNT FROM DW.ORDERS WHERE ORDER_DT > CURRENT DATE - 7 DAYS;
END
@
`,
      fdd: [['DW.ORDERS.ORDER_ID', 'DW.ORDERS_RECENT.ORDER_ID'], ['DW.ORDERS.AMOUNT', 'DW.ORDERS_RECENT.AMOUNT']],
    },
    {
      title: 'z/OS SPUFI / DSNTEP2 members number their lines in columns 73-80: the numbers are blanked (the statement failed at 00000100)',
      sql: '  INSERT INTO PAY.CHECK_HIST (CHECK_NO, AMOUNT)                         00000100\n    SELECT CHECK_NO, AMOUNT FROM PAY.CHECKS                             00000200\n    WHERE ISSUE_DT < CURRENT DATE - 30 DAYS;                            00000300\n',
      fdd: [['PAY.CHECKS.CHECK_NO', 'PAY.CHECK_HIST.CHECK_NO'], ['PAY.CHECKS.AMOUNT', 'PAY.CHECK_HIST.AMOUNT']],
    },
    {
      title: 'statement trigger transition table (REFERENCING NEW TABLE AS nt … FROM nt) reads the trigger\'s table; a RETURNS TABLE function\'s RETURN SELECT reads its parameters as variables (P_DT was an orphan column)',
      sql: `CREATE TRIGGER DW.TRG_LOAD_LOG AFTER INSERT ON DW.ORDERS
REFERENCING NEW TABLE AS NT FOR EACH STATEMENT
INSERT INTO DW.LOAD_LOG (LAST_ID, TOTAL) SELECT MAX(ORDER_ID), SUM(AMOUNT) FROM NT
@
CREATE FUNCTION DW.F_DAY (P_DT DATE) RETURNS TABLE (ORDER_ID BIGINT, AMOUNT DECIMAL(15,2)) LANGUAGE SQL READS SQL DATA
RETURN SELECT ORDER_ID, AMOUNT FROM DW.ORDERS WHERE ORDER_DT = P_DT
@
`,
      fdd: [['DW.ORDERS.ORDER_ID', 'DW.LOAD_LOG.LAST_ID'], ['DW.ORDERS.AMOUNT', 'DW.LOAD_LOG.TOTAL']],
    },
    {
      title: 'DB2 for i / z/OS @name parameters and variables: (IN @CORP CHAR(4), OUT @MSG …), SELECT … INTO @SEQ, VALUES (@CORP, @SEQ) (they were read as the @ operator on columns CORP, SEQ: orphans, or columns of the FROM table)',
      sql: `CREATE PROCEDURE SHOP.SP_ADD_LINE (IN @CORP CHAR(4), IN @ORDER_NO INTEGER, OUT @MSG VARCHAR(100))
LANGUAGE SQL
MODIFIES SQL DATA
SET OPTION COMMIT = *CHG
BEGIN
  DECLARE @SEQ INTEGER DEFAULT 0;
  SELECT VALUE(MAX(LINE_SEQ), 0) + 1 INTO @SEQ FROM SHOP.ORDER_LINE WHERE CORP_CODE = @CORP AND ORDER_NO = @ORDER_NO;
  INSERT INTO SHOP.ORDER_LINE (CORP_CODE, ORDER_NO, LINE_SEQ) VALUES (@CORP, @ORDER_NO, @SEQ);
  SET @MSG = 'OK';
END
`,
      fdd: [['SHOP.ORDER_LINE.LINE_SEQ', 'SHOP.ORDER_LINE.LINE_SEQ']],
    },
    {
      title: 'RETURNS TABLE function whose body is BEGIN ATOMIC … RETURN SELECT … END: FROM TABLE(f(…)) reads the rows of that query',
      sql: `CREATE FUNCTION sal_by_dept (p_dept CHAR(3))
  RETURNS TABLE (lastname VARCHAR(10), salary INTEGER)
  LANGUAGE SQL MODIFIES SQL DATA
  BEGIN ATOMIC
    INSERT INTO audit_table (usr, action) VALUES (USER, 'read ' || p_dept);
    RETURN SELECT e.lastname, e.salary FROM employees AS e WHERE e.dept = p_dept;
  END;
INSERT INTO emp_copy (ln, sal) SELECT s.lastname, s.salary FROM TABLE(sal_by_dept('111')) AS s;
`,
      fdd: [['employees.lastname', 'emp_copy.ln'], ['employees.salary', 'emp_copy.sal']],
    },
    {
      title: 'ALTER MODULE m ADD PROCEDURE … BEGIN … END (the body was cut at its first ;), SET c = CURSOR FOR SELECT … with FETCH c INTO, CREATE VARIABLE global read in a routine',
      sql: `CREATE OR REPLACE VARIABLE gv_region VARCHAR(10) DEFAULT 'EU';
CREATE OR REPLACE MODULE store_tx;
ALTER MODULE store_tx PUBLISH PROCEDURE ship_orders();
ALTER MODULE store_tx ADD PROCEDURE ship_orders()
LANGUAGE SQL
BEGIN
  DECLARE v_id BIGINT;
  DECLARE v_addr VARCHAR(50);
  DECLARE c_orders CURSOR_T;
  SET c_orders = CURSOR FOR SELECT o.order_id, c.address FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status = 'NEW';
  OPEN c_orders;
  FETCH c_orders INTO v_id, v_addr;
  INSERT INTO shipping (order_id, address, region) VALUES (v_id, v_addr, gv_region);
  CLOSE c_orders;
END;
`,
      fdd: [['orders.order_id', 'shipping.order_id'], ['customers.address', 'shipping.address']],
    },
    {
      title: 'SQL PL SET (a, b) = (SELECT x, y …) and SET a = (SELECT …), b = (SELECT …): each variable takes its value (the row form and the later assignments were dropped)',
      sql: `CREATE PROCEDURE p_copy ()
LANGUAGE SQL
BEGIN
  DECLARE v_id INT; DECLARE v_nm VARCHAR(10); DECLARE v_max INT; DECLARE v_min INT;
  SET (v_id, v_nm) = (SELECT id, nm FROM src WHERE id = 1);
  SET v_max = (SELECT MAX(amt) FROM sales), v_min = (SELECT MIN(amt) FROM sales);
  INSERT INTO t_copy (id, nm, hi, lo) VALUES (v_id, v_nm, v_max, v_min);
END;
`,
      fdd: [['src.id', 't_copy.id'], ['src.nm', 't_copy.nm'], ['sales.amt', 't_copy.hi'], ['sales.amt', 't_copy.lo']],
    },
    {
      title: 'FROM t, TABLE (fullselect) AS x reads the subquery as a lateral derived table; CLP UPDATE DB CFG / UPDATE MONITOR SWITCHES / LABEL ON / FORCE APPLICATION are skipped',
      sql: `UPDATE DB CFG FOR sample USING LOGARCHMETH1 DISK:/arch;
UPDATE MONITOR SWITCHES USING BUFFERPOOL ON;
FORCE APPLICATION ALL;
LABEL ON TABLE employee IS 'Employees';
INSERT INTO emp_dept (empno, deptname) SELECT e.empno, x.deptname FROM employee e, TABLE (SELECT d.deptname FROM department d WHERE d.deptno = e.workdept) AS x;
`,
      fdd: [['employee.empno', 'emp_dept.empno'], ['department.deptname', 'emp_dept.deptname']],
    },
    {
      title: 'LOAD / IMPORT FROM file OF DEL … REPLACE | INSERT_UPDATE INTO t (cols) [options]: the file fills the table',
      sql: `LOAD FROM '/data/emp.del' OF DEL MODIFIED BY coldel| MESSAGES 'load.msg' REPLACE INTO staff_copy (id, name) NONRECOVERABLE;
IMPORT FROM '/data/dept.ixf' OF IXF INSERT_UPDATE INTO dept_copy;
`,
      fdd: [],
      tablesWritten: ['staff_copy', 'dept_copy'],
    },
    {
      title: 'temporal tables: FROM t FOR BUSINESS_TIME AS OF …, UPDATE / DELETE … FOR PORTION OF BUSINESS_TIME FROM … TO …; CLP TERMINATE',
      sql: `INSERT INTO loan_hist (id, rate) SELECT id, rate FROM loans FOR BUSINESS_TIME AS OF '2011-12-01' FOR SYSTEM_TIME AS OF '2011-01-01';
UPDATE loans FOR PORTION OF BUSINESS_TIME FROM '2010-03-01' TO '2010-09-01' SET rate = (SELECT r.rate FROM rates r WHERE r.kind = 'A') WHERE id = 2111;
DELETE FROM loans FOR PORTION OF BUSINESS_TIME FROM '2010-03-01' TO '2010-09-01' WHERE id = 2112;
TERMINATE;
`,
      fdd: [['loans.id', 'loan_hist.id'], ['loans.rate', 'loan_hist.rate'], ['rates.rate', 'loans.rate']],
    },
    {
      title: 'CHAR(d, ISO): the date format is no column',
      sql: 'INSERT INTO T2 (D) SELECT CHAR(DT, ISO) FROM T1;\n',
      fdd: [['T1.DT', 'T2.D']],
    },
    {
      title: 'trigger REFERENCING OLD AS o NEW AS n: o and n are rows of the trigger\'s table',
      sql: `CREATE TRIGGER trg_audit AFTER UPDATE ON orders REFERENCING OLD AS o NEW AS n FOR EACH ROW
  INSERT INTO orders_audit (order_id, old_status, new_status) VALUES (n.order_id, o.status, n.status)
@
`,
      fdd: [['orders.order_id', 'orders_audit.order_id'], ['orders.status', 'orders_audit.old_status'], ['orders.status', 'orders_audit.new_status']],
    },
    {
      title: 'VALUES … INTO variables (in SQL PL and as a statement) and a bare VALUES statement',
      sql: `CREATE PROCEDURE snap_max () LANGUAGE SQL
BEGIN
  DECLARE v_max DECIMAL(12,2);
  DECLARE v_ts TIMESTAMP;
  VALUES CURRENT TIMESTAMP INTO v_ts;
  VALUES (SELECT MAX(amount) FROM stg.orders) INTO v_max;
  INSERT INTO dw.max_orders (amount, taken_at) VALUES (v_max, v_ts);
END
@
VALUES CURRENT TIMESTAMP INTO :hv_ts@
VALUES CURRENT TIMESTAMP@
`,
      fdd: [['stg.orders.amount', 'dw.max_orders.amount']],
    },
    {
      title: 'DELETE FROM a fullselect deletes rows of its base table',
      sql: `DELETE FROM (SELECT * FROM stg.orders WHERE status = 'X' ORDER BY order_id FETCH FIRST 1000 ROWS ONLY);
`,
      fdd: [],
      tablesWritten: ['stg.orders'],
    },
    {
      title: 'infix CONCAT operator (like ||)',
      sql: `INSERT INTO t2 (full_name) SELECT first_name CONCAT ' ' CONCAT last_name FROM person;
`,
      fdd: [['person.first_name', 't2.full_name'], ['person.last_name', 't2.full_name']],
    },
    {
      title: "@-terminated CLP script (db2 -td@): SQL PL procedure and statements ending in @",
      sql: `CREATE PROCEDURE load_orders () LANGUAGE SQL
BEGIN
  INSERT INTO dw.orders (id, amount) SELECT id, amount FROM stg.orders;
  COMMIT;
END
@
INSERT INTO dw.order_totals (total) SELECT SUM(amount) FROM dw.orders@
`,
      fdd: [['stg.orders.id', 'dw.orders.id'], ['stg.orders.amount', 'dw.orders.amount'], ['dw.orders.amount', 'dw.order_totals.total']],
    },
    {
      title: 'SELECT FROM FINAL TABLE (INSERT …)',
      sql: `SELECT claim_id, paid_amount FROM FINAL TABLE (
  INSERT INTO fact_claims (policy_no, paid_amount) SELECT policy_no, amount FROM claims_delta
);
`,
      fdd: [
        ['claims_delta.policy_no', 'fact_claims.policy_no'], ['claims_delta.amount', 'fact_claims.paid_amount'],
        ['fact_claims.claim_id', 'RS-1.claim_id'], ['fact_claims.paid_amount', 'RS-1.paid_amount'],
      ],
    },
    {
      title: 'INSERT … SELECT … FETCH FIRST … WITH UR',
      sql: 'INSERT INTO top_claims (policy_no, paid) SELECT policy_no, paid_amount FROM fact_claims ORDER BY paid_amount DESC FETCH FIRST 10 ROWS ONLY WITH UR;\n',
      fdd: [['fact_claims.policy_no', 'top_claims.policy_no'], ['fact_claims.paid_amount', 'top_claims.paid']],
    },
  ],
  greenplum: [
    {
      title: 'system columns (gp_segment_id, ctid) of the only table are its columns even when its declared columns lack them (they were orphans)',
      sql: `CREATE TABLE edw.sales (id int, amt numeric) DISTRIBUTED BY (id);
INSERT INTO edw.skew_report (seg, n) SELECT gp_segment_id, count(*) FROM edw.sales GROUP BY gp_segment_id;
`,
      fdd: [['edw.sales.gp_segment_id', 'edw.skew_report.seg']],
    },
    {
      title: 'CREATE WRITABLE | READABLE EXTERNAL [WEB] TABLE declares its columns (the statement was skipped, so INSERT … SELECT named the target columns after the query\'s)',
      sql: `CREATE WRITABLE EXTERNAL WEB TABLE ext.sales_pipe (sale_id int, amt numeric) EXECUTE 'cat > /data/out.txt' FORMAT 'TEXT' (DELIMITER '|') DISTRIBUTED RANDOMLY;
INSERT INTO ext.sales_pipe SELECT id, amount FROM sales WHERE amount > 0;
`,
      fdd: [['sales.id', 'ext.sales_pipe.sale_id'], ['sales.amount', 'ext.sales_pipe.amt']],
    },
    {
      title: 'bare USER is the session user (a reserved word of the PostgreSQL family), no column',
      sql: `INSERT INTO audit (who, what) SELECT user, a FROM t;
`,
      fdd: [['t.a', 'audit.what']],
    },
    {
      title: 'INSERT into a writable external table (gpfdist)',
      sql: `CREATE WRITABLE EXTERNAL TABLE ext.carrier_out (carrier_cd text, total_cost numeric)
LOCATION ('gpfdist://etl-host:8082/out/carrier.csv') FORMAT 'CSV';
INSERT INTO ext.carrier_out SELECT carrier_cd, total_cost FROM carrier_monthly;
`,
      fdd: [['carrier_monthly.carrier_cd', 'ext.carrier_out.carrier_cd'], ['carrier_monthly.total_cost', 'ext.carrier_out.total_cost']],
    },
    {
      title: 'CTAS … DISTRIBUTED BY',
      sql: 'CREATE TABLE carrier_monthly AS SELECT carrier_cd, sum(cost) AS total_cost FROM fact_shipments GROUP BY 1 DISTRIBUTED BY (carrier_cd);\n',
      fdd: [['fact_shipments.carrier_cd', 'carrier_monthly.carrier_cd'], ['fact_shipments.cost', 'carrier_monthly.total_cost']],
    },
  ],
  hana: [
    {
      title: 'calculation engine operators lt = CE_COLUMN_TABLE (t, [cols]) / CE_PROJECTION (:v, [c, c AS n], \'filter\') / CE_AGGREGATION (:v, [SUM(c) AS n], [group]) / CE_JOIN (:a, :b, [keys], [cols]) / CE_UNION_ALL (:a, :b) are the queries they stand for (each failed or read columns of orphans)',
      sql: `CREATE PROCEDURE "ETL"."P_CE" () LANGUAGE SQLSCRIPT AS
BEGIN
  lt_ord = CE_COLUMN_TABLE("SRC"."ORDERS", ["CUST", "AMOUNT", "STATUS"]);
  lt_cust = CE_COLUMN_TABLE("SRC"."CUSTOMER", ["CUST", "REGION"]);
  lt_proj = CE_PROJECTION(:lt_ord, ["CUST", "AMOUNT" AS "NET"], '"STATUS" = ''C''');
  lt_agg = CE_AGGREGATION(:lt_proj, [SUM("NET") AS "TOTAL", COUNT("CUST") AS "N"], ["CUST"]);
  lt_join = CE_JOIN(:lt_agg, :lt_cust, ["CUST"], ["CUST", "REGION", "TOTAL"]);
  lt_all = CE_UNION_ALL(:lt_join, :lt_join);
  INSERT INTO "DW"."CUST_TOTALS" ("CUST", "REGION", "TOTAL") SELECT "CUST", "REGION", "TOTAL" FROM :lt_all;
END;
`,
      fdd: [['"SRC"."ORDERS".CUST', '"DW"."CUST_TOTALS".CUST'], ['"SRC"."ORDERS".AMOUNT', '"DW"."CUST_TOTALS".TOTAL'], ['"SRC"."CUSTOMER".REGION', '"DW"."CUST_TOTALS".REGION']],
    },
    {
      title: 'a table variable filled by SELECT * of one table (lt = SELECT * FROM t) and lt2 = APPLY_FILTER(:lt | t, :filter): a column read from :lt is t\'s column (it was t.*), APPLY_FILTER keeps the rows of its source (it was a scalar assignment, the INSERT from it had no source)',
      sql: `CREATE PROCEDURE "ETL"."P_FILTER" (IN iv_filter NVARCHAR(200)) LANGUAGE SQLSCRIPT AS
BEGIN
  lt_all = SELECT * FROM "SRC"."CUSTOMER";
  lt_f = APPLY_FILTER(:lt_all, :iv_filter);
  INSERT INTO "DW"."CUST_FILTERED" SELECT "CUST_ID", "NAME" FROM :lt_f;
  lt_o = APPLY_FILTER("SRC"."ORDERS", :iv_filter);
  INSERT INTO "DW"."ORD_FILTERED" ("ID", "AMT") SELECT "ORDER_ID", "AMOUNT" FROM :lt_o;
  UPDATE "DW"."CUST" c SET "NAME" = m."NAME" FROM "DW"."CUST" c, :lt_all m WHERE c."CUST_ID" = m."CUST_ID";
END;
`,
      fdd: [['"SRC"."CUSTOMER".CUST_ID', '"DW"."CUST_FILTERED".CUST_ID'], ['"SRC"."CUSTOMER".NAME', '"DW"."CUST".NAME'], ['"SRC"."CUSTOMER".NAME', '"DW"."CUST_FILTERED".NAME'], ['"SRC"."ORDERS".ORDER_ID', '"DW"."ORD_FILTERED".ID'], ['"SRC"."ORDERS".AMOUNT', '"DW"."ORD_FILTERED".AMT']],
    },
    {
      title: 'CALL p(in, lt) / CALL p(x => in, et => lt) of a procedure of the script with a table-typed OUT parameter: lt holds the rows the body assigned to it (reads of :lt had no source)',
      sql: `CREATE PROCEDURE "SALES"."P_LOAD_AGG" (IN iv_year INTEGER, OUT et_result "SALES"."TT_AGG")
LANGUAGE SQLSCRIPT SQL SECURITY INVOKER READS SQL DATA AS
BEGIN
  et_result = SELECT region, SUM(amount) AS total FROM "SALES"."ORDERS" WHERE year = :iv_year GROUP BY region;
END;
CREATE PROCEDURE "SALES"."P_MAIN" () LANGUAGE SQLSCRIPT AS
BEGIN
  DECLARE lt_agg "SALES"."TT_AGG";
  CALL "SALES"."P_LOAD_AGG" (2024, lt_agg);
  INSERT INTO "SALES"."AGG_REGION" (region, total) SELECT region, total FROM :lt_agg;
  CALL "SALES"."P_LOAD_AGG" (iv_year => 2023, et_result => lt_prev);
  INSERT INTO "SALES"."AGG_REGION_PREV" SELECT * FROM :lt_prev;
END;
`,
      fdd: [['"SALES"."ORDERS".region', '"SALES"."AGG_REGION_PREV".region'], ['"SALES"."ORDERS".region', '"SALES"."AGG_REGION".region'], ['"SALES"."ORDERS".amount', '"SALES"."AGG_REGION_PREV".total'], ['"SALES"."ORDERS".amount', '"SALES"."AGG_REGION".total']],
    },
    {
      title: 'UPSERT | REPLACE t (cols) SELECT … WITH PRIMARY KEY: the key clause ends the statement (it was read as a WITH statement and failed)',
      sql: `CREATE PROCEDURE p_sync () LANGUAGE SQLSCRIPT AS
BEGIN
  lt_d = SELECT region, net FROM sales_delta;
  UPSERT sales_agg (region, net) SELECT region, net FROM :lt_d WITH PRIMARY KEY;
  REPLACE sales_last (region, net) SELECT region, net FROM :lt_d WITH PRIMARY KEY;
END;
`,
      fdd: [['sales_delta.region', 'sales_last.region'], ['sales_delta.region', 'sales_agg.region'], ['sales_delta.net', 'sales_last.net'], ['sales_delta.net', 'sales_agg.net']],
    },
    {
      title: 'table variable operators :lt.INSERT((…)) / :lt.DELETE(i) are statements of their own (they failed)',
      sql: `CREATE PROCEDURE s.p_copy () LANGUAGE SQLSCRIPT AS
BEGIN
  lt_x = SELECT id, name FROM s.custs;
  :lt_x.INSERT((99, 'new'));
  :lt_x.DELETE(1);
  INSERT INTO s.cust_copy (id, name) SELECT id, name FROM :lt_x;
END;
`,
      fdd: [['s.custs.id', 's.cust_copy.id'], ['s.custs.name', 's.cust_copy.name']],
    },
    {
      title: 'calculation views with input parameters, cv (\'PLACEHOLDER\' = (\'$$p$$\', v)) / cv (PLACEHOLDER."$$p$$" => v) / cv WITH PARAMETERS (…), are the view\'s rows (a table function with no columns, or a syntax error)',
      sql: `INSERT INTO rpt.sales_by_region (region, amount) SELECT region, SUM(amount) FROM "_SYS_BIC"."sales.models/CV_SALES" ('PLACEHOLDER' = ('$$IP_YEAR$$', '2020')) GROUP BY region;
INSERT INTO rpt.sales_by_curr (curr) SELECT curr FROM "_SYS_BIC"."sales.models/CV_SALES" (PLACEHOLDER."$$IP_YEAR$$" => '2020');
INSERT INTO rpt.sales_list (id) SELECT id FROM "_SYS_BIC"."sales.models/CV_SALES" WITH PARAMETERS ('PLACEHOLDER' = ('$$IP_YEAR$$', '2020'));
`,
      fdd: [['"_SYS_BIC"."sales.models/CV_SALES".region', 'rpt.sales_by_region.region'], ['"_SYS_BIC"."sales.models/CV_SALES".amount', 'rpt.sales_by_region.amount'],
        ['"_SYS_BIC"."sales.models/CV_SALES".curr', 'rpt.sales_by_curr.curr'], ['"_SYS_BIC"."sales.models/CV_SALES".id', 'rpt.sales_list.id']],
    },
    {
      title: 'BEGIN SEQUENTIAL | PARALLEL EXECUTION, SELECT … INTO v DEFAULT 0, WITH STRUCTURED PRIVILEGE CHECK and MERGE DELTA OF t parse (each failed its statement)',
      sql: `CREATE PROCEDURE sales.p_load () LANGUAGE SQLSCRIPT AS
BEGIN PARALLEL EXECUTION
  INSERT INTO sales.a1 (id) SELECT id FROM sales.s1;
END;
CREATE PROCEDURE sales.p_max (OUT ov DECIMAL(15,2)) LANGUAGE SQLSCRIPT AS
BEGIN SEQUENTIAL EXECUTION
  DECLARE lv DECIMAL(15,2);
  SELECT MAX(amount) INTO lv DEFAULT 0 FROM sales.orders;
  INSERT INTO sales.max_log (amount) VALUES (:lv);
END;
CREATE VIEW sales.v_ord (id, amt) AS SELECT id, amount FROM sales.orders WITH STRUCTURED PRIVILEGE CHECK;
MERGE DELTA OF sales.orders;
`,
      fdd: [['sales.s1.id', 'sales.a1.id'], ['sales.orders.amount', 'sales.max_log.amount'], ['sales.orders.id', 'sales.v_ord.id'], ['sales.orders.amount', 'sales.v_ord.amt']],
    },
    {
      title: 'local temporary tables are #names (CREATE LOCAL TEMPORARY TABLE #t, INSERT INTO #t failed at #); UPSERT t VALUES (…) WHERE c filters the rows it updates',
      sql: `CREATE LOCAL TEMPORARY TABLE #stage_orders (id INT, amount DECIMAL(15,2));
INSERT INTO #stage_orders SELECT id, amount FROM sales.orders WHERE amount > 0;
INSERT INTO sales.order_totals (id, amount) SELECT id, amount FROM #stage_orders;
UPSERT sales.order_flags (id, flag) VALUES (1, 'X') WHERE id = 1;
`,
      fdd: [['sales.orders.id', '#stage_orders.id'], ['sales.orders.amount', '#stage_orders.amount'], ['#stage_orders.id', 'sales.order_totals.id'], ['#stage_orders.amount', 'sales.order_totals.amount']],
    },
    {
      title: 'SQLScript system variables ::ROWCOUNT, ::SQL_ERROR_CODE, ::CURRENT_OBJECT_NAME are values (the procedure failed at ::)',
      sql: `CREATE PROCEDURE ext.load_feed (IN filename VARCHAR(120)) LANGUAGE SQLSCRIPT AS
BEGIN
  DECLARE v_proc_name VARCHAR(100);
  DECLARE EXIT HANDLER FOR SQLEXCEPTION
    BEGIN
      ext.event_log(v_proc_name, ::SQL_ERROR_CODE || ' ' || ::SQL_ERROR_MESSAGE, 0);
    END;
  v_proc_name := ::CURRENT_OBJECT_NAME;
  INSERT INTO ext.prestage (orderid, customerid) SELECT so.orderid, ar.customerid FROM cs_salesorder so JOIN ext.ar_in ar ON ar.order_no = so.orderid;
  ext.event_log(:v_proc_name, 'loaded', ::ROWCOUNT);
END;
`,
      fdd: [['cs_salesorder.orderid', 'ext.prestage.orderid'], ['ext.ar_in.customerid', 'ext.prestage.customerid']],
    },
    {
      title: 'FROM :it of a table-typed parameter reads a variable (no table named :it); OUT table assigned and read back',
      sql: `CREATE PROCEDURE p_x (IN it_data TABLE (a INT, b INT), OUT ot_res TABLE (a INT)) LANGUAGE SQLSCRIPT AS
BEGIN
  DECLARE lv INT;
  SELECT COUNT(*) INTO lv FROM :it_data;
  ot_res = SELECT a FROM :it_data WHERE b > :lv;
  INSERT INTO t5 SELECT a FROM :ot_res;
  INSERT INTO t6 (a) SELECT x.a FROM t x WHERE x.b > :lv;
END;
`,
      fdd: [['t.a', 't6.a']],
      tablesWritten: ['t5', 't6'],
    },
    {
      title: 'DO BEGIN … END: DECLARE scalars and TABLE variables, lt = SELECT, FROM :lt, :v reads the variable',
      sql: `DO BEGIN
  DECLARE v_min INT := 10;
  DECLARE v_max INT;
  DECLARE lt_extra TABLE (a INT, b INT);
  SELECT MAX(a) INTO v_max FROM t;
  lt = SELECT a, b FROM t WHERE a > :v_min;
  lt2 = SELECT l.a, l.b * 2 AS b2 FROM :lt AS l;
  INSERT INTO t2 SELECT * FROM :lt2;
  INSERT INTO t3 (a, m) VALUES (1, :v_max);
  INSERT INTO :lt_extra (a, b) SELECT a, b FROM t;
  INSERT INTO t4 (a, b) SELECT a, b FROM :lt_extra;
END;
`,
      fdd: [['t.a', 't2.a'], ['t.b', 't2.b2'], ['t.a', 't3.m'], ['t.a', 't4.a'], ['t.b', 't4.b']],
      tablesWritten: ['t2', 't3', 't4'],
    },
    {
      title: 'CREATE COLUMN TABLE t LIKE src WITH DATA copies the rows',
      sql: `CREATE COLUMN TABLE t1 (a INT, b INT);
CREATE COLUMN TABLE t2 LIKE t1 WITH DATA;
`,
      fdd: [['t1.a', 't2.a'], ['t1.b', 't2.b']],
      tablesWritten: ['t2'],
    },
    {
      title: 'LEFT OUTER MANY TO ONE JOIN (join cardinality)',
      sql: `INSERT INTO "ORDERS_WIDE" ("ID", "REGION") SELECT O."ID", C."REGION" FROM "ORDERS" O LEFT OUTER MANY TO ONE JOIN "CUSTOMERS" C ON O."CUST_ID" = C."ID";
`,
      fdd: [['"ORDERS"."ID"', '"ORDERS_WIDE"."ID"'], ['"CUSTOMERS"."REGION"', '"ORDERS_WIDE"."REGION"']],
    },
    {
      title: 'SQLScript table variable feeding an INSERT',
      sql: `CREATE PROCEDURE p_load (IN iv_from DATE) LANGUAGE SQLSCRIPT AS
BEGIN
  lt_billing = SELECT "CUSTOMER_ID", "NET_VALUE" FROM "SALES"."FACT_BILLING" WHERE "BILLING_DATE" >= :iv_from;
  INSERT INTO "SALES"."CUST_REV" ("CUSTOMER_ID", "REVENUE")
  SELECT "CUSTOMER_ID", SUM("NET_VALUE") FROM :lt_billing GROUP BY "CUSTOMER_ID";
END;
`,
      fdd: [['"SALES"."FACT_BILLING"."CUSTOMER_ID"', '"SALES"."CUST_REV"."CUSTOMER_ID"'], ['"SALES"."FACT_BILLING"."NET_VALUE"', '"SALES"."CUST_REV"."REVENUE"']],
    },
    {
      title: 'UPSERT … SELECT',
      sql: 'UPSERT "SALES"."FACT_BILLING" ("BILLING_ID", "NET_VALUE") SELECT "BILLING_ID", "NET_VALUE" FROM "#BILLING_DELTA";\n',
      fdd: [['"#BILLING_DELTA"."BILLING_ID"', '"SALES"."FACT_BILLING"."BILLING_ID"'], ['"#BILLING_DELTA"."NET_VALUE"', '"SALES"."FACT_BILLING"."NET_VALUE"']],
    },
  ],
  impala: [
    {
      title: 'Databricks SQL sent as Impala: lambda parameters are no columns; FROM STREAM(live.t) reads live.t',
      sql: `CREATE TABLE live.silver AS SELECT id, transform(tags, x -> upper(x)) AS tags_u, aggregate(vals, 0, (acc, v) -> acc + v) AS total FROM STREAM(live.bronze);
`,
      fdd: [['live.bronze.id', 'live.silver.id'], ['live.bronze.tags', 'live.silver.tags_u'], ['live.bronze.vals', 'live.silver.total']],
    },
    {
      title: 'Delta Live Tables APPLY CHANGES INTO t FROM STREAM(s) KEYS (…) … COLUMNS * EXCEPT (…) / COLUMNS (a, b): s upserts its columns into t by name',
      sql: `CREATE TABLE cdc.users (user_id INT, name STRING, operation STRING, seq INT);
APPLY CHANGES INTO live.users_scd FROM STREAM(cdc.users) KEYS (user_id) IGNORE NULL UPDATES
APPLY AS DELETE WHEN operation = 'DELETE' SEQUENCE BY seq COLUMNS * EXCEPT (operation, seq) STORED AS SCD TYPE 2;
APPLY CHANGES INTO live.users_names FROM STREAM(cdc.users) KEYS (user_id) SEQUENCE BY seq COLUMNS (user_id, name);
`,
      fdd: [['cdc.users.user_id', 'live.users_scd.user_id'], ['cdc.users.name', 'live.users_scd.name'], ['cdc.users.user_id', 'live.users_names.user_id'], ['cdc.users.name', 'live.users_names.name']],
    },
    {
      title: 'SET key=value session settings (values like 2g) before an INSERT',
      sql: `SET MEM_LIMIT=2g;
SET hive.exec.dynamic.partition.mode=nonstrict;
INSERT INTO daily_sales SELECT store_id, amount FROM sales;
`,
      fdd: [['sales.store_id', 'daily_sales.store_id'], ['sales.amount', 'daily_sales.amount']],
    },
    {
      title: 'plan hints in brackets: INSERT … [SHUFFLE] SELECT, JOIN [BROADCAST]',
      sql: `INSERT INTO sales_by_store [SHUFFLE] SELECT s.store_id, st.region FROM sales s JOIN [BROADCAST] stores st ON s.store_id = st.id;
`,
      fdd: [['sales.store_id', 'sales_by_store.store_id'], ['stores.region', 'sales_by_store.region']],
    },
    {
      title: 'nested collection in FROM (c, c.orders o)',
      sql: 'SELECT c.customer_id, o.total FROM customers_nested c, c.orders o;\n',
      fdd: [['customers_nested.customer_id', 'RS-1.customer_id'], ['customers_nested.orders', 'RS-1.total']],
    },
    {
      title: 'UPSERT INTO a Kudu table',
      sql: 'UPSERT INTO visitors (visitor_id, last_seen) SELECT visitor_id, MAX(hit_ts) FROM raw_hits GROUP BY visitor_id;\n',
      fdd: [['raw_hits.visitor_id', 'visitors.visitor_id'], ['raw_hits.hit_ts', 'visitors.last_seen']],
    },
  ],
  netezza: [
    {
      title: 'nzsql meta-command lines (\\set ON_ERROR_STOP 1, \\echo, \\time) between statements: they failed and took the CTAS after them',
      sql: `\\set ON_ERROR_STOP 1
\\echo loading orders
CREATE TEMP TABLE tmp_orders AS SELECT order_id, amt FROM stage..orders DISTRIBUTE ON (order_id);
\\time
INSERT INTO fact_orders (order_id, amt) SELECT order_id, amt FROM tmp_orders;
`,
      fdd: [['stage.ADMIN.orders.order_id', 'tmp_orders.order_id'], ['stage.ADMIN.orders.amt', 'tmp_orders.amt'], ['tmp_orders.order_id', 'fact_orders.order_id'], ['tmp_orders.amt', 'fact_orders.amt']],
    },
    {
      title: 'UPDATE t SET … FROM stage.t s: the aliased FROM item is the staging table, not the target (its own column was the target)',
      sql: `UPDATE customer SET c_name = s.c_name FROM stage.customer s WHERE customer.c_id = s.c_id;
`,
      fdd: [['stage.customer.c_name', 'customer.c_name']],
    },
    {
      title: 'NZPLSQL is PL/pgSQL-born: SELECT INTO v <list> FROM …, FOR r IN EXECUTE IMMEDIATE … LOOP',
      sql: `CREATE OR REPLACE PROCEDURE sp(VARCHAR(100)) RETURNS INTEGER LANGUAGE NZPLSQL AS
BEGIN_PROC
DECLARE
  tname ALIAS FOR $1;
  rec RECORD;
  n INTEGER;
BEGIN
  FOR rec IN EXECUTE IMMEDIATE 'SELECT id FROM ' || tname LOOP
    n := n + 1;
  END LOOP;
  SELECT INTO n MAX(id) FROM admin.t;
  INSERT INTO admin.t2 (id, n) SELECT id, n FROM admin.t;
  RETURN n;
END;
END_PROC;
`,
      fdd: [['admin.t.id', 'admin.t2.id'], ['admin.t.id', 'admin.t2.n']],
    },
    {
      title: 'NZPLSQL: AUTOCOMMIT ON and REFTABLENAME in a RETURNS REFTABLE procedure carry no lineage',
      sql: `CREATE OR REPLACE PROCEDURE sp(INTEGER) RETURNS REFTABLE(admin.out_tbl) LANGUAGE NZPLSQL AS
BEGIN_PROC
DECLARE v_sql VARCHAR(200);
BEGIN
  AUTOCOMMIT ON;
  v_sql := 'INSERT INTO ' || REFTABLENAME || ' SELECT 1';
  INSERT INTO admin.tgt (id) SELECT id FROM admin.src;
  RETURN REFTABLE;
END;
END_PROC;
`,
      fdd: [['admin.src.id', 'admin.tgt.id']],
    },
    {
      title: "FROM EXTERNAL 'file' [(cols)] USING (…): the file feeds the columns",
      sql: `INSERT INTO dw.sales (id, amt) SELECT id, amt FROM EXTERNAL '/tmp/s2.csv' (id INTEGER, amt NUMERIC(12,2)) USING (DELIMITER '|');
`,
      // (edges from paths are not compared, N7: this asserts the parse and the write)
      fdd: [], tablesWritten: ['dw.sales'],
    },
    {
      title: 'db..table names the default schema ADMIN',
      sql: 'INSERT INTO DW..T2 SELECT A FROM DW.ADMIN.T1;\n',
      fdd: [['DW.ADMIN.T1.A', 'DW.ADMIN.T2.A']],
    },
    {
      title: "transient external table unload: CREATE EXTERNAL TABLE '/path' USING (…) AS SELECT",
      sql: `CREATE EXTERNAL TABLE '/exports/sales.csv' USING (DELIMITER ',' REMOTESOURCE 'ODBC') AS SELECT sale_id, amount FROM admin.sales_fact WHERE amount > 0;
`,
      fdd: [], // the query's columns go to a file, no table column
    },
    {
      title: 'external table (DATAOBJECT) loaded with INSERT … SELECT *',
      sql: `CREATE EXTERNAL TABLE ext.calls_feed (call_id BIGINT, charge NUMERIC(10,4))
USING (DATAOBJECT ('/nz/landing/calls.dat') DELIMITER '|');
INSERT INTO fact_calls SELECT * FROM ext.calls_feed;
`,
      fdd: [['ext.calls_feed.call_id', 'fact_calls.call_id'], ['ext.calls_feed.charge', 'fact_calls.charge']],
    },
    {
      title: 'CTAS … DISTRIBUTE ON with a :: cast',
      sql: 'CREATE TABLE subscriber_day AS SELECT subscriber, call_start::DATE AS call_date, SUM(charge) AS charge FROM fact_calls GROUP BY 1, 2 DISTRIBUTE ON (subscriber);\n',
      fdd: [['fact_calls.subscriber', 'subscriber_day.subscriber'], ['fact_calls.call_start', 'subscriber_day.call_date'], ['fact_calls.charge', 'subscriber_day.charge']],
    },
  ],
  sybase: [
    {
      title: "dynamic SQL built in a variable (SET @sql = @sql + '…', exec (@sql)): its constant text is analysed; a statement whose name takes an unknown part is dropped",
      sql: `CREATE PROCEDURE etl.usp_RefreshRegion @FromDate DATE, @Region NVARCHAR(10), @Suffix NVARCHAR(10)
AS
BEGIN
  DECLARE @sql VARCHAR(16384) = '';
  SET @sql = @sql + 'INSERT INTO rpt.RegionSales (Region, Amount)' + CHAR(13) + CHAR(10)
           + 'SELECT s.Region, SUM(s.Amount) FROM dbo.Sales s'
           + ' WHERE s.SaleDate >= ''' + CONVERT(NVARCHAR(10), @FromDate, 120) + ''' AND s.Region = ''' + @Region + ''' GROUP BY s.Region;';
  EXEC sp_executesql @sql;
  SET @sql = 'UPDATE t SET t.Flag = s.Val FROM dbo.Target t ';
  SET @sql = @sql + 'JOIN dbo.Src s ON s.Id = t.Id WHERE s.Cnt > ' + CAST(@Region AS NVARCHAR(10));
  EXEC (@sql);
  SET @sql = 'INSERT INTO dbo.Tbl_' + @Suffix + ' (a) SELECT a FROM dbo.Src';
  EXEC (@sql);
END
`,
      fdd: [['dbo.Sales.Region', 'rpt.RegionSales.Region'], ['dbo.Sales.Amount', 'rpt.RegionSales.Amount'], ['dbo.Src.Val', 'dbo.Target.Flag']],
    },
    {
      title: 'SQL Anywhere / IQ: DECLARE LOCAL TEMPORARY TABLE declares its columns, DECLARE e EXCEPTION FOR SQLSTATE, MESSAGE … TO CLIENT and TOP n START AT m parse',
      sql: `CREATE PROCEDURE DBA.sp_totals()
BEGIN
  DECLARE err_notfound EXCEPTION FOR SQLSTATE '02000';
  DECLARE LOCAL TEMPORARY TABLE tmp_totals (store_id INTEGER, total NUMERIC(18,2)) ON COMMIT PRESERVE ROWS;
  INSERT INTO tmp_totals SELECT TOP 100 START AT 1 store_id, SUM(amount) FROM DBA.sales GROUP BY store_id ORDER BY 2 DESC;
  MESSAGE 'loaded' TO CLIENT;
  INSERT INTO DBA.store_totals (store_id, total) SELECT store_id, total FROM tmp_totals;
END;
`,
      fdd: [['DBA.sales.store_id', 'tmp_totals.store_id'], ['DBA.sales.amount', 'tmp_totals.total'], ['tmp_totals.store_id', 'DBA.store_totals.store_id'], ['tmp_totals.total', 'DBA.store_totals.total']],
    },
    {
      title: 'deployment templates: a placeholder glued to a name (\${subschema}TABLE_A, Obevo / Flyway) leaves the name, and FreeMarker directive lines (<#if …>, </#if>) are no statements',
      sql: `<#if !(subschema?has_content)>
sp_addtype N'MyType', N'tinyint', N'not null'
GO
</#if>
create table \${subschema}TABLE_A (A_ID INT NOT NULL, A_NAME VARCHAR(30))
GO
CREATE PROCEDURE \${subschema}SP_COPY
AS
    INSERT INTO \${subschema}TABLE_B (B_ID, B_NAME) SELECT * FROM \${subschema}TABLE_A
GO
`,
      fdd: [['TABLE_A.A_ID', 'TABLE_B.B_ID'], ['TABLE_A.A_NAME', 'TABLE_B.B_NAME']],
    },
    {
      title: 'trigger with if update(c) and rollback trigger with raiserror n "text"; inserted / deleted are the table\'s rows',
      sql: `create trigger trg_acct_u on dbo.acct for update as
if update(bal)
begin
  if exists (select 1 from inserted where bal < 0)
  begin
    rollback trigger with raiserror 20001 "negative balance"
    return
  end
  insert dbo.acct_hist (id, old_bal, new_bal) select i.id, d.bal, i.bal from inserted i, deleted d where i.id = d.id
end
go
`,
      fdd: [['dbo.acct.id', 'dbo.acct_hist.id'], ['dbo.acct.bal', 'dbo.acct_hist.old_bal'], ['dbo.acct.bal', 'dbo.acct_hist.new_bal']],
    },
    {
      title: 'statements sharing a line in a block: BEGIN ROLLBACK TRAN GOTO err END, BEGIN PRINT … RETURN END, begin tran insert …, a select followed by fetch c into',
      sql: `create proc dbo.p_pay @d datetime as
declare @id int, @amt money, @err int
declare c cursor for select id, amt from dbo.due where dt = @d
open c
fetch c into @id, @amt
while @@sqlstatus = 0
begin
    begin tran insert into dbo.paid (id, amt) values (@id, @amt)
    select @err = @@error
    if @err != 0 begin rollback transaction goto err end
    if @amt = 0 begin print 'zero' return end
    commit tran
    select @amt = 0
    fetch c into @id, @amt
end
insert into dbo.pay_log (dt) values (@d)
return 0
err:
return 1
go
`,
      fdd: [['dbo.due.id', 'dbo.paid.id'], ['dbo.due.amt', 'dbo.paid.amt']],
      tablesWritten: ['dbo.paid', 'dbo.pay_log'],
    },
    {
      title: 'select … into #t from a union select … from b fills #t with the union',
      sql: `select acct, amt into #t from dbo.txn_a union select acct, amt from dbo.txn_b
insert dbo.txn_all (acct, amt) select acct, amt from #t
go
`,
      fdd: [['dbo.txn_a.acct', '#t.acct'], ['dbo.txn_b.acct', '#t.acct'], ['dbo.txn_a.amt', '#t.amt'], ['dbo.txn_b.amt', '#t.amt'],
        ['#t.acct', 'dbo.txn_all.acct'], ['#t.amt', 'dbo.txn_all.amt']],
    },
    {
      title: 'ASE UPDATE INDEX | ALL | TABLE STATISTICS t is maintenance, not an UPDATE (it failed the procedure)',
      sql: `create procedure dbo.p_reload as
begin
    truncate table dbo.cur
    insert dbo.cur (id, v) select id, v from dbo.stage
    update index statistics dbo.cur
    update all statistics dbo.stage
end
go
`,
      fdd: [['dbo.stage.id', 'dbo.cur.id'], ['dbo.stage.v', 'dbo.cur.v']],
    },
    {
      title: 'RETURN on the line after an UPDATE / INSERT is the next statement, not a RETURNING clause (the procedure failed whole)',
      sql: `create procedure dbo.p_fix @id int as
begin
    update dbo.acct set bal = s.amt from dbo.acct, dbo.stage s where acct.id = s.id
    if @@rowcount = 0
        return 1
    insert dbo.acct_log (id, bal) select id, bal from dbo.acct where id = @id
    return
end
go
`,
      fdd: [['dbo.stage.amt', 'dbo.acct.bal'], ['dbo.acct.id', 'dbo.acct_log.id'], ['dbo.acct.bal', 'dbo.acct_log.bal']],
    },
    {
      title: 'a cursor FOR UPDATE OF c without `;` ends at its line (it took the rest of the procedure, END included); GO 2 repeats the batch',
      sql: `create procedure dbo.p_daily @d datetime as
begin
    declare c1 cursor for select acct, amt from dbo.txn where dt = @d for update of amt
    open c1
    fetch c1 into @acct, @amt
    while @@sqlstatus = 0
    begin
        insert dbo.daily (acct, amt) values (@acct, @amt)
        fetch c1 into @acct, @amt
    end
    close c1
    deallocate cursor c1
end
go 2
insert dbo.arch (acct) select acct from dbo.txn
go
`,
      fdd: [['dbo.txn.acct', 'dbo.daily.acct'], ['dbo.txn.amt', 'dbo.daily.amt'], ['dbo.txn.acct', 'dbo.arch.acct']],
    },
    {
      title: 'ASE double quotes are strings where a value is expected ("", " rows", in ("F","P")), names where one is expected; sp_bindrule r, \'t.c\' opening a batch is a call',
      sql: `create rule r_pos as @v > 0
go
sp_bindrule r_pos, 'dbo.orders.amt'
go
create procedure dbo.p_msg as
begin
    declare @msg varchar(100)
    select @msg = ""
    insert into dbo.log (cust_id, msg) select o.cust_id, convert(varchar(10), o.amt) + " rows" from dbo.orders o where o.status in ("F","P")
    insert into "audit" ("id", note) select o.cust_id "id", "x" from dbo.orders o
end
go
`,
      fdd: [['dbo.orders.cust_id', 'dbo.log.cust_id'], ['dbo.orders.amt', 'dbo.log.msg'], ['dbo.orders.cust_id', 'audit.id']],
    },
    {
      title: 'numbered procedure p;2, a bare procedure call opening a batch, DELETE TOP n, WAITFOR on a line of its own',
      sql: `create procedure dbo.p_purge;2 @n int as
begin
    set rowcount @n
    delete top 1000 from dbo.hist where dt < dateadd(yy, -7, getdate())
    select @n = @@rowcount
    waitfor delay '00:00:02'
    insert into dbo.purge_log (cnt) select count(*) from dbo.hist
end
go
sp_procxmode 'dbo.p_purge', 'unchained'
go
insert into dbo.hist_copy (dt) select dt from dbo.hist
go
`,
      fdd: [['dbo.hist.dt', 'dbo.hist_copy.dt']],
      tablesWritten: ['dbo.hist', 'dbo.purge_log', 'dbo.hist_copy'],
    },
    {
      title: 'ASE table variable: declared columns, filled by INSERT, read by a join',
      sql: `declare @t table (id int, v varchar(10))
insert into @t (id, v) select a, b from dbo.src
insert into dbo.tgt (id, v) select x.id, x.v from @t x join dbo.other o on o.id = x.id
go
`,
      fdd: [['dbo.src.a', 'dbo.tgt.id'], ['dbo.src.b', 'dbo.tgt.v']],
      tablesWritten: ['dbo.tgt'],
    },
    {
      title: 'SELECT … INTO #t inside a procedure creates the temp table (only @names are variables)',
      sql: `create procedure dbo.p_load @dt datetime = null
as
begin
    select s.id, s.amt into #t from dbo.sales s holdlock where s.dt >= @dt
    insert dbo.summary (id, amt) select id, amt from #t
end
go
`,
      fdd: [['dbo.sales.id', '#t.id'], ['dbo.sales.amt', '#t.amt'], ['#t.id', 'dbo.summary.id'], ['#t.amt', 'dbo.summary.amt']],
    },
    {
      title: 'AT ISOLATION after a table name, abstract PLAN "…"',
      sql: `select a into #x from t1 at isolation 0
insert into t2 (a,b) select a, b from t1 plan "(t_scan t1)"
`,
      fdd: [['t1.a', '#x.a'], ['t1.a', 't2.a'], ['t1.b', 't2.b']],
    },
    {
      title: 'COMPUTE … BY report rows, DUMP TRAN between statements',
      sql: `insert into dbo.order_report (cust_id, amount) select cust_id, amount from dbo.orders order by cust_id compute sum(amount) by cust_id
dump tran sales with truncate_only
`,
      fdd: [['dbo.orders.cust_id', 'dbo.order_report.cust_id'], ['dbo.orders.amount', 'dbo.order_report.amount']],
    },
    {
      title: 'table hints: HOLDLOCK / NOHOLDLOCK after an alias, (NOLOCK) with no alias, AT ISOLATION',
      sql: `insert into dbo.region_totals (region, n)
select c.region, count(*) from dbo.customer c holdlock join dbo.orders (nolock) on c.id = orders.cust_id
 group by c.region at isolation read uncommitted
`,
      fdd: [['dbo.customer.region', 'dbo.region_totals.region']],
    },
    {
      title: 'no terminators: CREATE TABLE, INSERT and SELECT on their own lines, SET options without ;',
      sql: `set nocount on
create table #stage (id int, amount money)
insert #stage select cust_id, amount from dbo.orders
set rowcount 100
select id, amount from #stage
set rowcount 0
insert into dbo.totals (id, amount) select id, amount from #stage
`,
      fdd: [['dbo.orders.cust_id', '#stage.id'], ['dbo.orders.amount', '#stage.amount'], ['#stage.id', 'RS-1.id'], ['#stage.amount', 'RS-1.amount'],
        ['#stage.id', 'dbo.totals.id'], ['#stage.amount', 'dbo.totals.amount']],
    },
    {
      title: 'procedure with begin tran … commit tran around an INSERT … SELECT',
      sql: `create procedure dbo.usp_bill @d datetime
as
begin
    begin tran
    insert into dbo.invoice_fact (account_no, amount)
    select s.account_no, s.amount from dbo.invoice_staging s where s.bill_date = @d
    commit tran
end
go
`,
      fdd: [['dbo.invoice_staging.account_no', 'dbo.invoice_fact.account_no'], ['dbo.invoice_staging.amount', 'dbo.invoice_fact.amount']],
    },
    {
      title: 'select into #temp then update … from, go batches',
      sql: `select account_no, sum(amount) as amount into #totals from invoices group by account_no
go
update accounts set balance = a.balance + t.amount from accounts a, #totals t where a.account_no = t.account_no
go
`,
      fdd: [
        ['invoices.account_no', '#totals.account_no'], ['invoices.amount', '#totals.amount'],
        ['accounts.balance', 'accounts.balance'], ['#totals.amount', 'accounts.balance'],
      ],
    },
  ],
  vertica: [
    {
      title: 'a projection named like its anchor table (EXPORT_OBJECTS output) is that table\'s storage: no edges of each column into itself',
      sql: `CREATE PROJECTION ecr.filters /*+createtype(L)*/ (filter_id, filter_name) AS SELECT filters.filter_id, filters.filter_name FROM ecr.filters ORDER BY filters.filter_id SEGMENTED BY hash(filters.filter_id) ALL NODES KSAFE 1;
CREATE PROJECTION ecr.filters_b1 AS SELECT filter_id FROM ecr.filters ORDER BY filter_id UNSEGMENTED ALL NODES;
`,
      fdd: [['ecr.filters.filter_id', 'ecr.filters_b1.filter_id']],
    },
    {
      title: 'a UDx definition, CREATE [TRANSFORM] FUNCTION f AS LANGUAGE \'C++\' NAME \'F\' LIBRARY lib;, has no SQL body (it failed and swallowed the rest of the script)',
      sql: `CREATE TRANSFORM FUNCTION tokenize AS LANGUAGE 'C++' NAME 'TokenFactory' LIBRARY TextLib FENCED;
INSERT INTO stage.words (w) SELECT word FROM stage.raw_words;
`,
      fdd: [['stage.raw_words.word', 'stage.words.w']],
    },
    {
      title: 'AT EPOCH LATEST SELECT …, FROM t AT EPOCH n and PROFILE stmt parse; COPY t FROM VERTICA db.s.t and EXPORT TO VERTICA db.s.t AS SELECT move rows between databases',
      sql: `AT EPOCH LATEST INSERT INTO snap.orders SELECT id, amt FROM public.orders AT EPOCH 1234;
COPY public.customers FROM VERTICA proddb.public.customers;
EXPORT TO VERTICA archdb.public.orders_2019 (id, amount) AS SELECT id, amt FROM public.orders WHERE yr = 2019;
PROFILE INSERT INTO rpt.daily SELECT amt FROM public.orders;
`,
      fdd: [['public.orders.id', 'snap.orders.id'], ['public.orders.amt', 'snap.orders.amt'], ['proddb.public.customers.*', 'public.customers.*'],
        ['public.orders.id', 'archdb.public.orders_2019.id'], ['public.orders.amt', 'archdb.public.orders_2019.amount'], ['public.orders.amt', 'rpt.daily.amt']],
    },
    {
      title: 'a transform function over a query, FROM f(SELECT …) OVER (PARTITION BY …): its columns come from the query\'s (all of them went to its first column)',
      sql: `INSERT INTO signals (ticker, ts, score)
SELECT ticker, event_ts, score FROM detect_jumps(SELECT event_ts, ticker, price FROM trades WHERE price > 0) OVER (PARTITION BY ticker ORDER BY event_ts);
`,
      fdd: [['trades.ticker', 'signals.ticker'], ['trades.event_ts', 'signals.ts'], ['trades.event_ts', 'signals.score'], ['trades.ticker', 'signals.score'], ['trades.price', 'signals.score']],
    },
    {
      title: 'PLvSQL: x := SELECT …, FOR r IN QUERY SELECT … LOOP, PERFORM UPDATE / INSERT …',
      sql: `CREATE PROCEDURE stg.load() LANGUAGE PLvSQL AS $$
DECLARE n INT := 0; r RECORD;
BEGIN
  n := SELECT COUNT(DISTINCT id) FROM stg.src;
  FOR r IN QUERY SELECT id, amt FROM stg.src LOOP
    PERFORM UPDATE dw.fact SET amt = r.amt WHERE id = r.id;
  END LOOP;
  PERFORM INSERT INTO dw.cnt (n) VALUES (n);
EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'failed';
END;
$$;
`,
      fdd: [['stg.src.amt', 'dw.fact.amt'], ['stg.src.id', 'dw.cnt.n']],
    },
    {
      title: 'vsql meta-command lines (\\echo, \\set) between statements; LONG VARCHAR casts',
      sql: `\\echo loading
\\set ON_ERROR_STOP on
INSERT INTO t2 (a) SELECT a::LONG VARCHAR FROM t1;
\\echo done
INSERT INTO t3 (b) SELECT CAST(b AS LONG VARBINARY(100)) FROM t1;
`,
      fdd: [['t1.a', 't2.a'], ['t1.b', 't3.b']],
    },
    {
      title: "TIMESERIES slice AS '1 hour' OVER (… ORDER BY ts): the slice column takes ts's values",
      sql: `INSERT INTO dw.hourly (slice, uid, v) SELECT slice_time, uid, TS_FIRST_VALUE(val) FROM dw.events TIMESERIES slice_time AS '1 hour' OVER (PARTITION BY uid ORDER BY ts);
`,
      fdd: [['dw.events.ts', 'dw.hourly.slice'], ['dw.events.uid', 'dw.hourly.uid'], ['dw.events.val', 'dw.hourly.v']],
    },
    {
      title: 'event-series join INTERPOLATE PREVIOUS VALUE',
      sql: 'INSERT INTO t2 (a, b) SELECT s.a, t.b FROM t1 s LEFT JOIN t3 t INTERPOLATE PREVIOUS VALUE ON s.ts = t.ts;\n',
      fdd: [['t1.a', 't2.a'], ['t3.b', 't2.b']],
    },
    {
      title: 'COPY with per-column FORMAT, FILLER and AS expressions, FROM LOCAL file',
      sql: `COPY sales_load (sale_id, sold_raw FILLER VARCHAR(20), sold_at AS TO_TIMESTAMP(sold_raw, 'YYYYMMDDHH24MISS'), amount FORMAT '9999.99') FROM LOCAL '/data/sales.csv' DELIMITER ',';
`,
      fdd: [], // a file feeds the table: no column edge between tables
      tablesWritten: ['sales_load'],
    },
    {
      title: 'INSERT /*+DIRECT*/ … SELECT',
      sql: 'INSERT /*+DIRECT*/ INTO sales_fact (sale_id, revenue) SELECT t.sale_id, t.revenue FROM tmp_sales_load t;\n',
      fdd: [['tmp_sales_load.sale_id', 'sales_fact.sale_id'], ['tmp_sales_load.revenue', 'sales_fact.revenue']],
    },
    {
      title: 'LIMIT n OVER (PARTITION BY …)',
      sql: 'SELECT store_key, revenue FROM sales_fact LIMIT 3 OVER (PARTITION BY store_key ORDER BY revenue DESC);\n',
      fdd: [['sales_fact.store_key', 'RS-1.store_key'], ['sales_fact.revenue', 'RS-1.revenue']],
    },
  ],
  informix: [
    {
      title: 'EXECUTE PROCEDURE p(args) INTO v, w and CALL p(args) RETURNING v, w of an SPL routine of the script: the variables take the values its RETURN a, b gives, by position (they had no source)',
      sql: `CREATE PROCEDURE p_stats(p_cust INT) RETURNING INT, DECIMAL(12,2);
  DEFINE w_n INT;
  DEFINE w_t DECIMAL(12,2);
  LET w_n, w_t = (SELECT COUNT(*), SUM(i.total_price) FROM items i, orders o WHERE i.order_num = o.order_num AND o.customer_num = p_cust);
  RETURN w_n, w_t;
END PROCEDURE;
CREATE PROCEDURE p_fill()
  DEFINE v_c INT;
  DEFINE v_n INT;
  DEFINE v_t DECIMAL(12,2);
  FOREACH SELECT customer_num INTO v_c FROM customer
    EXECUTE PROCEDURE p_stats(v_c) INTO v_n, v_t;
    INSERT INTO cust_stats (customer_num, n_items, total) VALUES (v_c, v_n, v_t);
  END FOREACH;
  CALL p_stats(2) RETURNING v_n, v_t;
  UPDATE cust_stats SET total = v_t WHERE customer_num = 1;
END PROCEDURE;
`,
      fdd: [['items.total_price', 'cust_stats.total'], ['customer.customer_num', 'cust_stats.customer_num']],
    },
    {
      title: 'an SPL function whose body opens with RETURN (SELECT …) goes on to END FUNCTION (the body was taken as the one query of a SQL function, and END FUNCTION failed)',
      sql: `CREATE FUNCTION f_total(p INT) RETURNING DECIMAL(12,2);
  RETURN (SELECT SUM(amt) FROM t_ord WHERE cust = p);
END FUNCTION;
INSERT INTO cust_total (cust, total) SELECT customer_num, f_total(customer_num) FROM customer;
`,
      fdd: [['t_ord.amt', 'RS-1."SUM(amt)"'], ['customer.customer_num', 'cust_total.total'], ['customer.customer_num', 'cust_total.cust']],
    },
    {
      title: 'DATETIME (2024-01-31 10:30) YEAR TO MINUTE and INTERVAL (1:30) HOUR(3) TO MINUTE are literals; qualifiers take a precision (DAY(3) TO DAY), as SPL date arithmetic writes them',
      sql: `INSERT INTO due_orders (order_num, due, late)
SELECT o.order_num, o.order_date + INTERVAL(30) DAY(3) TO DAY, o.ship_time - INTERVAL(1:30) HOUR(3) TO MINUTE
FROM orders o WHERE o.order_date > DATETIME(2024-01-31 10:30) YEAR TO MINUTE;
`,
      fdd: [['orders.order_num', 'due_orders.order_num'], ['orders.order_date', 'due_orders.due'], ['orders.ship_time', 'due_orders.late']],
    },
    {
      title: 'FOREACH WITH HOLD SELECT … INTO … (no cursor name, no FOR) and "…" strings (IN ("004", "005"), LET v = "ok"): the loop gives lineage, no phantom columns',
      sql: `CREATE PROCEDURE sp_claims()
  DEFINE _no CHAR(10);
  DEFINE _paid DEC(16,2);
  DEFINE _msg VARCHAR(50);
  LET _msg = "Verificacion exitosa";
  FOREACH WITH HOLD
    SELECT no_reclamo INTO _no FROM recrcmae WHERE perd_total = 1
    SELECT SUM(monto) INTO _paid FROM rectrmae WHERE no_reclamo = _no AND cod_tipotran IN ("004", "005");
    INSERT INTO claim_paid (no_reclamo, paid, note) VALUES (_no, _paid, _msg);
  END FOREACH;
END PROCEDURE;
`,
      fdd: [['recrcmae.no_reclamo', 'claim_paid.no_reclamo'], ['rectrmae.monto', 'claim_paid.paid']],
    },
    {
      title: 'DB-Access OUTPUT TO file WITHOUT HEADINGS SELECT … and FROM TABLE (FUNCTION f(…)) AS t(cols) parse (the query writes the file)',
      sql: `OUTPUT TO '/tmp/cust.txt' WITHOUT HEADINGS SELECT customer_num, fname FROM customer;
INSERT INTO cust_rows (a, b) SELECT t.a, t.b FROM TABLE(FUNCTION f_rows(1)) AS t(a, b);
`,
      fdd: [],
      tablesWritten: ['cust_rows'],
    },
    {
      title: 'CREATE TRIGGER t UPDATE OF c ON tbl … FOR EACH ROW WHEN (…) (INSERT …, UPDATE …) and BEFORE / AFTER action lists: each action gives lineage',
      sql: `CREATE TRIGGER trg_price UPDATE OF total_price ON items REFERENCING OLD AS o NEW AS n FOR EACH ROW
  WHEN (n.total_price > o.total_price)
  (INSERT INTO price_log (item_num, old_p, new_p) VALUES (n.item_num, o.total_price, n.total_price),
   UPDATE item_stats SET last_price = n.total_price WHERE item_num = n.item_num);
CREATE TRIGGER trg_del DELETE ON items REFERENCING OLD AS o FOR EACH ROW (INSERT INTO del_log (item_num) VALUES (o.item_num));
CREATE TRIGGER trg_ins INSERT ON items BEFORE (DELETE FROM tmp_ids) FOR EACH ROW (EXECUTE PROCEDURE note_item(1)) AFTER (INSERT INTO ins_log (n) SELECT COUNT(*) FROM items);
`,
      fdd: [['items.item_num', 'price_log.item_num'], ['items.total_price', 'price_log.old_p'], ['items.total_price', 'price_log.new_p'],
        ['items.total_price', 'item_stats.last_price'], ['items.item_num', 'del_log.item_num']],
      tablesWritten: ['price_log', 'item_stats', 'del_log', 'tmp_ids', 'ins_log'],
    },
    {
      title: 'SPL function RETURNING type AS name … END FUNCTION DOCUMENT … WITH LISTING IN: the body gives lineage (AS was read as the body)',
      sql: `CREATE FUNCTION f_total(p_cust INT) RETURNING MONEY(16,2) AS total, DATETIME YEAR TO SECOND AS at WITH (NOT VARIANT);
  DEFINE v MONEY(16,2);
  SELECT SUM(total_price) INTO v FROM items WHERE customer_num = p_cust;
  INSERT INTO cust_totals (customer_num, total) VALUES (p_cust, v);
  RETURN v, CURRENT YEAR TO SECOND;
END FUNCTION
DOCUMENT 'total of a customer'
WITH LISTING IN '/tmp/warn';
`,
      fdd: [['items.total_price', 'cust_totals.total']],
    },
    {
      title: 'SELECT … INTO EXTERNAL t USING (DATAFILES (…)) writes the external table',
      sql: "SELECT a, b FROM t1 INTO EXTERNAL ext_t USING (DATAFILES ('DISK:/tmp/x.unl'), FORMAT 'DELIMITED');\n",
      fdd: [['t1.a', 'ext_t.a'], ['t1.b', 'ext_t.b']],
    },
    {
      title: 'database:table and database@server:owner.table names, UNITS DAY',
      sql: `INSERT INTO recent_orders (order_num, due) SELECT o.order_num, o.order_date + 30 UNITS DAY FROM stores@ol_server:informix.orders o;
`,
      fdd: [['stores.informix.orders.order_num', 'recent_orders.order_num'], ['stores.informix.orders.order_date', 'recent_orders.due']],
    },
    {
      title: 'CURRENT and EXTEND(…, YEAR TO MONTH) take no columns from their keywords',
      sql: `INSERT INTO order_log (logged_at, order_month) SELECT CURRENT, EXTEND(order_date, YEAR TO MONTH) FROM orders;
`,
      fdd: [['orders.order_date', 'order_log.order_month']],
    },
    {
      title: 'INTO TEMP … WITH NO LOG then INSERT, {} comment',
      sql: `{ nightly summary }
SELECT customer_num, SUM(total_price) AS total FROM items GROUP BY 1 INTO TEMP t_recent WITH NO LOG;
INSERT INTO order_summary (customer_num, total_price) SELECT customer_num, total FROM t_recent;
`,
      fdd: [
        ['items.customer_num', 't_recent.customer_num'], ['items.total_price', 't_recent.total'],
        ['t_recent.customer_num', 'order_summary.customer_num'], ['t_recent.total', 'order_summary.total_price'],
      ],
    },
    {
      title: 'OUTER join syntax',
      sql: 'SELECT c.lname, o.order_num FROM customer c, OUTER orders o WHERE c.customer_num = o.customer_num;\n',
      fdd: [['customer.lname', 'RS-1.lname'], ['orders.order_num', 'RS-1.order_num']],
    },
  ],
  couchbase: [
    {
      title: 'FROM b t USE KEYS [...] LET …: the keys pick documents; the statement ended at USE and its LET was lost',
      sql: `INSERT INTO team_report (KEY k, VALUE v)
SELECT META(t).id AS k, {"name": t.name, "members": mbrs} AS v
FROM teams t USE KEYS ["team::1", "team::2"]
LET mbrs = (SELECT RAW m.name FROM people m WHERE m.team = "t1");
`,
      fdd: [['people.name', 'team_report.*'], ['teams.name', 'team_report.*']],
    },
    {
      title: 'LET and LETTING bind names to expressions: references carry the expression\'s fields, never a keyspace field of that name',
      sql: `SELECT o.id, amount AS amt FROM orders o LET amount = o.price * o.qty, big = amount > 100 WHERE big;
SELECT o.cust, avg_amt FROM orders o GROUP BY o.cust LETTING avg_amt = AVG(o.price) HAVING avg_amt > 2;
INSERT INTO archive (KEY k, VALUE v) SELECT META(o).id AS k, {"p": p2} AS v FROM orders o LET p2 = o.price;
`,
      fdd: [['orders.id', 'RS-1.id'], ['orders.price', 'RS-1.amt'], ['orders.qty', 'RS-1.amt'], ['orders.cust', 'RS-2.cust'],
        ['orders.price', 'RS-2.avg_amt'], ['orders.price', 'archive.*']],
    },
    {
      title: 'NEST another keyspace ON KEYS: its alias reads that keyspace (UNNEST of a field stays a nested field)',
      sql: `SELECT c.name, o.total FROM customers c NEST orders o ON KEYS c.orderIds;
`,
      fdd: [['customers.name', 'RS-1.name'], ['orders.total', 'RS-1.total']],
    },
    {
      title: 'lookup join ON KEYS and UPDATE … USE KEYS',
      sql: `SELECT a.name FROM routes r JOIN airlines a ON KEYS r.airlineid;
UPDATE profiles USE KEYS "u1" SET tier = "gold";
`,
      fdd: [['airlines.name', 'RS-1.name']],
    },
    {
      title: 'UNNEST an array field',
      sql: 'SELECT o.orderId, li.sku FROM shop.sales.orders AS o UNNEST o.lineItems AS li;\n',
      fdd: [['shop.sales.orders.orderId', 'RS-1.orderId'], ['shop.sales.orders.lineItems', 'RS-1.sku']],
    },
    {
      title: 'INSERT (KEY, VALUE) SELECT whole documents',
      sql: 'INSERT INTO shop.archive.orders (KEY k, VALUE v) SELECT META(o).id AS k, o AS v FROM shop.sales.orders AS o WHERE o.orderDate < "2023-01-01";\n',
      fdd: [['shop.sales.orders.*', 'shop.archive.orders.*']],
    },
  ],
  openedge: [
    {
      title: 'word-index search c CONTAINS \'word\' is a condition (the query failed at CONTAINS)',
      sql: `INSERT INTO PUB.GoldCust (CustNum, Name)
SELECT TOP 50 c.CustNum, c.Name FROM PUB.Customer c WHERE c.Comments CONTAINS 'gold | platinum' ORDER BY c.Name;
`,
      fdd: [['PUB.Customer.CustNum', 'PUB.GoldCust.CustNum'], ['PUB.Customer.Name', 'PUB.GoldCust.Name']],
    },
    {
      title: 'Java stored procedure / trigger bodies ([IMPORT …] BEGIN … END): the SQL of new SQLIStatement("…") / SQLCursor("…") is analysed, the Java is skipped (it failed line by line, a // comment with an apostrophe swallowed the script)',
      sql: `CREATE PROCEDURE PUB.close_orders (IN cutoff DATE)
IMPORT
import java.math.*;
BEGIN
// don't touch open invoices
SQLIStatement ins = new SQLIStatement("INSERT INTO PUB.OrderArch (OrderNum, CustNum) SELECT OrderNum, CustNum FROM PUB.Orders WHERE OrderDate < ?");
ins.setParam(1, cutoff);
ins.execute();
END
CREATE TRIGGER order_audit AFTER UPDATE ON PUB.Orders REFERENCING NEWROW FOR EACH ROW
BEGIN
Integer num = (Integer)NEWROW.getValue(1, INTEGER);
if (num != null) {
  SQLIStatement log = new SQLIStatement("INSERT INTO PUB.OrderLog (OrderNum) SELECT OrderNum FROM PUB.Orders WHERE Status = 'X'");
  log.execute();
}
END
`,
      fdd: [['PUB.Orders.OrderNum', 'PUB.OrderArch.OrderNum'], ['PUB.Orders.CustNum', 'PUB.OrderArch.CustNum'], ['PUB.Orders.OrderNum', 'PUB.OrderLog.OrderNum']],
    },
    {
      title: 'statement-level WITH (NOLOCK) at the end of a SELECT',
      sql: 'INSERT INTO t2 (c) SELECT CustNum FROM PUB.Customer WHERE Balance > 0 WITH (NOLOCK);\n',
      fdd: [['PUB.Customer.CustNum', 't2.c']],
    },
    {
      title: 'correlated UPDATE with a scalar subquery on PUB tables',
      sql: 'UPDATE PUB."Customer" SET "Balance" = (SELECT SUM(i."Amount") FROM PUB."Invoice" i WHERE i."Cust-Num" = PUB."Customer"."Cust-Num");\n',
      fdd: [['PUB."Invoice"."Amount"', 'PUB."Customer"."Balance"']],
    },
    {
      title: 'PUB."hyphenated" tables and columns',
      sql: `INSERT INTO PUB."Order-Summary" ("Cust-Num", "Order-Total")
SELECT o."Cust-Num", SUM(ol."Extended-Price")
  FROM PUB."Order" o, PUB."Order-Line" ol
 WHERE ol."Order-Num" = o."Order-Num"
 GROUP BY o."Cust-Num";
`,
      fdd: [['PUB."Order"."Cust-Num"', 'PUB."Order-Summary"."Cust-Num"'], ['PUB."Order-Line"."Extended-Price"', 'PUB."Order-Summary"."Order-Total"']],
    },
  ],
  mdx: [
    {
      title: '// comments and GO lines between queries (SSMS scripts): both queries read, none a syntax error',
      sql: `// sales by year
SELECT [Measures].[Sales Amount] ON COLUMNS,
  [Date].[Calendar Year].MEMBERS ON ROWS // one row a year
FROM [Sales]
GO
SELECT [Measures].[Order Count] ON COLUMNS FROM [Sales]
GO
`,
      fdd: [['[Sales].[Measures].[Sales Amount]', 'RS-1.[Sales Amount]'], ['[Sales].[Date].[Calendar Year]', 'RS-1.[Calendar Year]'], ['[Sales].[Measures].[Order Count]', 'RS-2.[Order Count]']],
    },
    {
      title: 'axes with a WHERE slicer (slicer is fdr only)',
      sql: `SELECT
  { [Measures].[Reseller Sales Amount] } ON COLUMNS,
  NON EMPTY { [Product].[Category].MEMBERS } ON ROWS
FROM [Adventure Works]
WHERE ( [Date].[Calendar Year].&[2013] )
`,
      fdd: [['[Adventure Works].[Measures].[Reseller Sales Amount]', 'RS-1.[Reseller Sales Amount]'], ['[Adventure Works].[Product].[Category]', 'RS-1.[Category]']],
    },
    {
      title: 'WITH MEMBER calculated measure',
      sql: `WITH MEMBER [Measures].[Gross Margin] AS
  [Measures].[Sales Amount] - [Measures].[Total Product Cost]
SELECT
  { [Measures].[Gross Margin] } ON COLUMNS,
  { [Date].[Calendar Year].MEMBERS } ON ROWS
FROM [Adventure Works]
`,
      fdd: [
        ['[Adventure Works].[Measures].[Sales Amount]', 'RS-1.[Gross Margin]'], ['[Adventure Works].[Measures].[Total Product Cost]', 'RS-1.[Gross Margin]'],
        ['[Adventure Works].[Date].[Calendar Year]', 'RS-1.[Calendar Year]'],
      ],
    },
  ],
}

/** The conformance problems of one snippet (empty when its lineage is exactly as expected). */
export function snippetProblems(vendor: string, s: Snippet): string[] {
  const c: Case = {
    id: `${vendor}/${s.title}`, dbvendor: `dbv${vendor}`, sql: s.sql, options: { showRelationType: 'fdd' },
    expect: { fdd: s.fdd, fddExact: true, errors: 'none', ...(s.tablesWritten ? { tablesWritten: s.tablesWritten } : {}) },
  }
  return checkCase(c)
}

/**
 * Spot checks on the whole fixture scripts: end-to-end fdd edges that the vendor-specific statements of
 * each fixture must produce (a subset: the scripts produce many more). Derived by hand from the fixture
 * text with the conformance rules; edges stop at persistent objects (E4).
 */
export const FIXTURE_EDGES: Record<string, Edge[]> = {
  oracle: [
    ['dw.gtt_order_stage.order_total', 'dw.large_orders.amount'], // INSERT ALL
    ['dw.gtt_order_stage.customer_id', 'dw.small_orders.customer_id'],
    ['dw.gtt_order_stage.order_id', 'dw.unclassified_orders.order_id'],
    ['crm.customers.cust_name', 'dw.dim_customer.customer_name'], // MERGE
    ['stg.sales.price', 'dw.fact_sales.amount'], // package body procedure
  ],
  mssql: [
    ['#OrderStage.Amount', '[dbo].[FactOrders].[Amount]'], // SELECT INTO #temp, then INSERT
    ['staging.Customer.Segment', 'dbo.DimCustomer.Segment'], // MERGE
    ['staging.DailySales.Amount', 'dbo.FactDailySales.Amount'], // procedure with TRY/CATCH
  ],
  mysql: [
    ['shop.products.title', 'dim_product.name'], // INSERT … ON DUPLICATE KEY UPDATE
    ['shop.order_items.qty', 'fact_daily_sales.units'],
    ['dim_product.price', 'shop.product_price_cache.price'], // REPLACE INTO
  ],
  postgresql: [
    ['tmp_new_orders.total', 'analytics.order_facts.total'], // UPDATE … FROM
    ['analytics.customer_summary.revenue', 'top_customers.revenue'], // SELECT INTO TEMP TABLE
    ['tmp_new_orders.customer_ref', 'analytics.customers.external_ref'], // ON CONFLICT
  ],
  snowflake: [
    ['raw.orders_landing.amount', 'analytics.curated.orders.amount_usd'], // after COPY INTO
    ['raw.events_json.v', 'analytics.curated.checkout_items.sku'], // FLATTEN
    ['raw.orders_landing.RelationRows', 'raw.orders_landing_stream.RelationRows'], // CREATE STREAM
    ['raw.orders_landing_stream.amount', 'analytics.curated.orders_changes.amount'], // task body
  ],
  bigquery: [
    ['acme-prod.marketing.sessions.pages', 'acme-prod.marketing.daily_channel.pageviews'], // CTAS
    ['acme-prod.staging.customer_updates.country', 'acme-prod.crm.customers.country'], // MERGE
    ['acme-prod.marketing.sessions.user_pseudo_id', 'acme-prod.marketing.daily_channel.users'],
  ],
  hive: [
    ['clickstream.events.page', 'clickstream.daily_pageviews.page'], // multi-insert
    ['clickstream.raw_events.tags', 'clickstream.user_tags.tag'], // LATERAL VIEW explode
    ['clickstream.raw_events.url', 'clickstream.events.page'], // INSERT OVERWRITE … PARTITION by position
    ['clickstream.raw_events.event_type', 'clickstream.events.event_type_p'],
  ],
  redshift: [
    ['stage_orders.amount', 'sales.fact_orders.amount'], // staging merge pattern
    ['sales.fact_orders.store_id', 'sales.customer_monthly.stores_visited'], // APPROXIMATE COUNT
    ['#top_stores.revenue', 'sales.store_leaderboard.revenue'], // #temp CTAS
    ['spectrum.web_logs.user_id', 'sales.web_daily.users'], // Spectrum external table
  ],
  teradata: [
    ['edw_stage.stg_sales.amt', 'vt_daily_sales.tot_amt'], // VOLATILE CTAS
    ['vt_daily_sales.tot_amt', 'edw.fact_daily_sales.tot_amt'], // INS … SEL without INTO (by name)
    ['edw_stage.stg_sales.amt', 'edw.fact_daily_sales.amt'],
    ['edw.fact_daily_sales.amt', 'edw.region_daily.revenue'], // procedure FOR loop
  ],
  db2: [['session.claims_delta.paid_amount', 'dw.fact_claims.paid_amount']], // FINAL TABLE (INSERT …)
  hana: [['"#BILLING_DELTA"."NET_VALUE"', '"SALES"."FACT_BILLING"."NET_VALUE"']], // UPSERT … SELECT
  informix: [['t_recent.total_price', 'order_summary.total_price']], // INTO TEMP, then INSERT
  couchbase: [['shop.sales.orders.*', 'shop.archive.orders.*']], // INSERT (KEY, VALUE) SELECT
}

/** Missing fixture edges (empty when every spot-check edge is produced). */
export function fixtureEdgeProblems(vendor: string, sql: string, edges: Edge[]): string[] {
  const c: Case = { id: `${vendor}/fixture`, dbvendor: `dbv${vendor}`, sql, options: { showRelationType: 'fdd' },
    expect: { fdd: edges, fddExact: false, errors: 'none' } }
  return checkCase(c).filter((p) => !p.startsWith('errors:'))
}
