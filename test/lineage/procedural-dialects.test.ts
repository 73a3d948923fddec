// Procedural bodies of HANA SQLScript, Informix SPL and Vertica PLvSQL: control flow found in real-world
// code must parse, and the statements inside must give their end-to-end lineage (conformance D14:
// bodies are analysed statement by statement whatever the control flow).
import t from 'tap'
import { snippetProblems, type Snippet } from '../helpers/vendor-snippets.js'

interface ProcCase extends Snippet { vendor: string }

const CASES: ProcCase[] = [
  {
    vendor: 'hana', title: 'a DECLARE before a table variable keeps the variable linked to its query',
    sql: 'CREATE PROCEDURE P1 AS BEGIN DECLARE v INT; lt = SELECT A FROM T1; INSERT INTO T2 (A) SELECT A FROM :lt; END;',
    fdd: [['T1.A', 'T2.A']],
  },
  {
    vendor: 'hana', title: 'DECLARE lt TABLE (…) then lt = SELECT links the table variable',
    sql: 'CREATE PROCEDURE P1 AS BEGIN DECLARE lt TABLE (A INT); lt = SELECT A FROM T1; INSERT INTO T2 (A) SELECT A FROM :lt; END;',
    fdd: [['T1.A', 'T2.A']],
  },
  {
    vendor: 'hana', title: 'assignment to an OUT parameter',
    sql: 'CREATE PROCEDURE P1(IN x INT, OUT r INT) AS BEGIN r = :x + 1; INSERT INTO T2 (A) SELECT A FROM T1; END;',
    fdd: [['T1.A', 'T2.A']],
  },
  {
    vendor: 'hana', title: 'assignment to a function return variable',
    sql: 'CREATE FUNCTION F1(x INT) RETURNS r INT AS BEGIN r = :x * 2; END;\nINSERT INTO T2 (A) SELECT A FROM T1;',
    fdd: [['T1.A', 'T2.A']],
  },
  {
    vendor: 'hana', title: 'cursor FOR loop over a declared cursor',
    sql: 'CREATE PROCEDURE P1 AS BEGIN DECLARE CURSOR c FOR SELECT A FROM T1; FOR r AS c DO INSERT INTO T2 (A) VALUES (r.A); END FOR; END;',
    fdd: [['T1.A', 'T2.A']],
  },
  {
    vendor: 'hana', title: 'numeric FOR loop 1..10',
    sql: `CREATE PROCEDURE P1(IN n INT) AS BEGIN
  FOR i IN 1..10 DO INSERT INTO T2 (A) SELECT A FROM T1; END FOR;
  FOR j IN REVERSE 1..:n DO INSERT INTO T3 (B) SELECT B FROM T1; END FOR;
END;`,
    fdd: [['T1.A', 'T2.A'], ['T1.B', 'T3.B']],
  },
  {
    vendor: 'informix', title: 'IF … ELIF … END IF',
    sql: `CREATE PROCEDURE p1()
  DEFINE v INT;
  LET v = 0;
  IF v > 1 THEN LET v = 1;
  ELIF v > 0 THEN INSERT INTO t2 (a) SELECT a FROM t1;
  ELSE LET v = 3;
  END IF;
END PROCEDURE;
`,
    fdd: [['t1.a', 't2.a']],
  },
  {
    vendor: 'informix', title: 'ON EXCEPTION SET … END EXCEPTION WITH RESUME and ON EXCEPTION IN (…)',
    sql: `CREATE PROCEDURE p1()
  DEFINE v INT;
  ON EXCEPTION SET v
    INSERT INTO t2 (a) SELECT a FROM t1;
  END EXCEPTION WITH RESUME;
  ON EXCEPTION IN (-206, -217)
    LET v = 1;
  END EXCEPTION;
  INSERT INTO t3 (b) SELECT b FROM t1;
END PROCEDURE;
`,
    fdd: [['t1.a', 't2.a'], ['t1.b', 't3.b']],
  },
  {
    vendor: 'informix', title: 'FOR i = 1 TO 10 STEP 2 and FOR i IN (1 TO 10)',
    sql: `CREATE PROCEDURE p1()
  DEFINE i INT;
  FOR i = 1 TO 10 STEP 2
    INSERT INTO t2 (a) SELECT a FROM t1;
  END FOR;
  FOR i IN (1 TO 10)
    INSERT INTO t3 (b) SELECT b FROM t1;
  END FOR;
END PROCEDURE;
`,
    fdd: [['t1.a', 't2.a'], ['t1.b', 't3.b']],
  },
  {
    vendor: 'informix', title: 'WHILE cond statements END WHILE',
    sql: `CREATE PROCEDURE p1()
  DEFINE v INT;
  LET v = 3;
  WHILE v > 0
    LET v = v - 1;
    INSERT INTO t2 (a) SELECT a FROM t1;
  END WHILE;
END PROCEDURE;
`,
    fdd: [['t1.a', 't2.a']],
  },
  {
    vendor: 'informix', title: 'RETURN … WITH RESUME, TRACE and SYSTEM',
    sql: `CREATE PROCEDURE p1() RETURNING INT;
  DEFINE v INT;
  TRACE ON;
  SYSTEM 'ls';
  INSERT INTO t2 (a) SELECT a FROM t1;
  RETURN v WITH RESUME;
END PROCEDURE;
`,
    fdd: [['t1.a', 't2.a']],
  },
  {
    vendor: 'informix', title: 'a body that starts with a control statement (no DEFINE)',
    sql: `CREATE PROCEDURE p1() RETURNING INT;
  IF 1 > 0 THEN INSERT INTO t2 (a) SELECT a FROM t1; END IF;
  RETURN 1;
END PROCEDURE;
CREATE PROCEDURE p2()
  FOR i = 1 TO 3 INSERT INTO t3 (b) SELECT b FROM t1; END FOR;
END PROCEDURE;
`,
    fdd: [['t1.a', 't2.a'], ['t1.b', 't3.b']],
  },
  {
    vendor: 'vertica', title: 'PLvSQL $$ body is analysed like a PL/pgSQL body',
    sql: 'CREATE PROCEDURE p() LANGUAGE PLvSQL AS $$ BEGIN INSERT INTO t2 (a) SELECT a FROM t1; END; $$;',
    fdd: [['t1.a', 't2.a']],
  },
]

for (const c of CASES) {
  t.test(`${c.vendor}: ${c.title}`, async (t) => {
    t.same(snippetProblems(c.vendor, c), [])
  })
}
