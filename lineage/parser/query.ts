// Grammar chapter: queries (SELECT, set operations, VALUES, WITH, FROM items and joins).
import type { Cte, Expr, Ident, JoinCond, JoinKind, PivotSpec, QName, Query, Select, SelectItem, Source, Stmt, WindowSpec, With } from '../ast/types.js'
import { ParseError, TokenCursor, identOf, locOf } from './base.js'
import type { Token } from '../lexer/lexer.js'
import { canBeAlias, parseAdditive, parseExpr, parseExprList, parseOrderList, parseSelectItem, parseWindow, xmlMethod, xmlMethodSubject } from './expressions.js'
import { parseDmlInParens, tableQuery } from './dml.js'
import { parseRoutine, stringBody } from './procedural.js'

export function startsQuery(p: TokenCursor, k = 0): boolean {
  const t = p.peek(k)
  if (!t) return false
  if (t.kind === 'word') {
    const u = p.d.abbreviations[t.upper] === 'SELECT' ? 'SELECT' : t.upper
    return u === 'SELECT' || u === 'WITH' || (u === 'VALUES' && p.isOp('(', k + 1)) || (u === 'TABLE' && isTableQuery(p, k))
  }
  if (t.kind === 'punct' && t.image === '(') return startsQuery(p, k + 1)
  return false
}

/** Hive FROM src [joins] SELECT …: the query with its FROM written first */
export function parseFromFirstQuery(p: TokenCursor): Query {
  p.next()
  const from: Source[] = []
  const joins: JoinCond[] = []
  parseFromClause(p, from, joins)
  const q = parseQuery(p)
  if (q.k === 'select' && !q.from.length) { q.from = from; q.joins = joins }
  return q
}

/** PostgreSQL `TABLE t` at k: SELECT * FROM t (CREATE TABLE backup AS TABLE t, INSERT INTO a TABLE b) */
function isTableQuery(p: TokenCursor, k: number): boolean {
  return p.d.plpgsql && p.isIdentToken(k + 1) && !p.isOp('(', k + 2)
}

export function parseWith(p: TokenCursor): With {
  p.expect('WITH')
  const recursive = p.accept('RECURSIVE')
  const ctes: Cte[] = []
  // Oracle 12c WITH FUNCTION f(…) RETURN … IS BEGIN … END; [more] [CTEs] SELECT …: PL/SQL the query may call
  const routines: Stmt[] = []
  while (p.d.name === 'dbvoracle' && p.isAnyWord(['FUNCTION', 'PROCEDURE']) && p.isIdentToken(1) && !p.isWord('AS', 1)) { routines.push(parseRoutine(p, p.peek()!)); p.acceptOp(';') }
  if (routines.length && startsQuery(p)) return { recursive, ctes, routines }
  // T-SQL WITH XMLNAMESPACES ('uri' AS ns, DEFAULT 'uri') [, cte AS (…)]: prefixes for the query's xml paths, no rows
  if (p.isWord('XMLNAMESPACES') && p.isOp('(', 1)) { p.next(); p.skipParens(); if (!p.acceptOp(',')) return { recursive, ctes } }
  do {
    const start = p.peek()!
    const name = p.ident()
    let columns
    if (p.isOp('(')) { p.next(); columns = [p.ident()]; while (p.acceptOp(',')) columns.push(p.ident()); p.expectOp(')') }
    p.expect('AS')
    p.accept('NOT'); p.accept('MATERIALIZED')
    p.expectOp('(')
    const query = p.isAnyWord(['INSERT', 'UPDATE', 'DELETE', 'MERGE']) ? parseDmlInParens(p) : parseQuery(p)
    p.expectOp(')')
    // SEARCH {DEPTH | BREADTH} FIRST BY c [DESC] [NULLS LAST], … SET ord / CYCLE c, … SET flag [TO v DEFAULT v] [USING path]
    while (p.isWord('SEARCH') || p.isWord('CYCLE')) {
      while (!p.isWord('SET') && !p.isOp(';') && !p.eof()) p.next()
      if (!p.accept('SET')) break
      // the ordering / cycle mark is a column of the CTE's rows
      const mark = p.ident()
      if (columns) columns.push(mark)
      if (p.accept('TO')) { parseAdditive(p); p.expect('DEFAULT'); parseAdditive(p) }
      if (p.accept('USING')) p.next()
    }
    ctes.push({ name, columns, query, loc: locOf(start, p.prev()) })
  } while (p.acceptOp(','))
  return routines.length ? { recursive, ctes, routines } : { recursive, ctes }
}

/** query := [WITH] term { set-op term } [ORDER BY] [LIMIT/OFFSET/FETCH] */
export function parseQuery(p: TokenCursor): Query {
  const start = p.peek()!
  const w = p.isWord('WITH') ? parseWith(p) : undefined
  let q = parseQueryTerm(p)
  for (;;) {
    const t = p.peek()
    if (!t || t.kind !== 'word' || !['UNION', 'INTERSECT', 'EXCEPT', 'MINUS'].includes(t.upper)) break
    p.next()
    const all = p.accept('ALL'); p.accept('DISTINCT')
    const byName = p.isWord('BY') && p.isWord('NAME', 1)
    if (byName) p.i += 2
    const right = parseQueryTerm(p)
    q = { k: 'setop', op: t.upper, all, left: q, right, orderBy: [], loc: locOf(start, p.prev()) }
    if (byName) q.byName = true
  }
  const limitOver: Expr[] = []
  const orderBy = parseQueryTail(p, limitOver)
  if (q.k === 'setop') q.orderBy = orderBy
  else if (q.k === 'select') { q.orderBy.push(...orderBy); if (limitOver.length) q.limitOver = limitOver; trailingInto(p, q) }
  if (q.k === 'select' && p.isWord('INTO') && p.isAnyWord(['TEMP', 'SCRATCH', 'EXTERNAL'], 1)) {
    // Informix: SELECT … INTO TEMP t [WITH NO LOG]
    p.i += 2; q.intoTable = p.qname(); p.acceptSeq('WITH', 'NO', 'LOG')
    // INTO EXTERNAL t USING (DATAFILES (…), FORMAT …): the external table's file options
    if (p.accept('USING')) p.skipParens()
  }
  if (w) { q.with = w }
  q.loc = locOf(start, p.prev())
  return q
}

function parseQueryTerm(p: TokenCursor): Query {
  if (p.isOp('(')) {
    const s = p.next()
    const q = parseQuery(p)
    p.expectOp(')')
    q.loc = locOf(s, p.prev())
    return q
  }
  if (p.isWord('VALUES')) {
    const s = p.next()
    const rows = parseValuesRows(p)
    return { k: 'values', rows, loc: locOf(s, p.prev()) }
  }
  if (p.isWord('WITH')) return parseQuery(p)
  if (p.isWord('TABLE') && isTableQuery(p, 0)) {
    const s = p.next(); const name = p.qname(); const loc = locOf(s, p.prev())
    return { k: 'select', distinct: false, items: [{ expr: { k: 'star', loc: locOf(s, s) }, loc }], from: [{ k: 'table', name, loc: name.loc }], joins: [], groupBy: [], connectBy: [], orderBy: [], loc }
  }
  return parseSelectCore(p)
}

export function parseValuesRows(p: TokenCursor): Expr[][] {
  const rows: Expr[][] = []
  do {
    p.accept('ROW')
    // VALUES (SELECT …): a one-column row holding a scalar subquery, not a parenthesised row
    if (p.isOp('(') && !(startsQuery(p, 1) && !p.isOp('(', 1))) { p.next(); rows.push(p.isOp(')') ? [] : valuesRow(p)); p.expectOp(')') }
    else rows.push([parseExpr(p)])
    // an Informix trigger action list goes on with a statement after the comma: (INSERT … VALUES (…), UPDATE …)
  } while (p.isOp(',') && !p.isAnyWord(['INSERT', 'UPDATE', 'DELETE', 'EXECUTE'], 1) && p.acceptOp(','))
  return rows
}

/** one row's values; Spark names them in place: VALUES ('x' AS name, 31 AS age) */
function valuesRow(p: TokenCursor): Expr[] {
  const spark = p.d.name === 'dbvhive' || p.d.name === 'dbvimpala'
  const out: Expr[] = []
  do {
    out.push(parseExpr(p))
    if (spark && p.isWord('AS') && p.isIdentToken(1)) p.i += 2
  } while (p.acceptOp(','))
  return out
}

/** ORDER BY / LIMIT / OFFSET / FETCH / FOR UPDATE after a query; returns the ORDER BY expressions */
function parseQueryTail(p: TokenCursor, limitOver: Expr[] = []): Expr[] {
  const order: Expr[] = []
  for (;;) {
    if (p.isWord('ORDER') && p.isWord('BY', 1)) { p.i += 2; order.push(...parseOrderList(p)); continue }
    if (p.isWord('ORDER') && p.isWord('SIBLINGS', 1)) { p.i += 3; order.push(...parseOrderList(p)); continue }
    if (p.isAnyWord(['SORT', 'DISTRIBUTE', 'CLUSTER']) && p.isWord('BY', 1)) { p.i += 2; order.push(...parseOrderList(p)); continue }
    if (p.accept('LIMIT')) {
      if (p.isWord('ALL')) { p.next(); continue }
      parseExpr(p)
      if (p.acceptOp(',')) parseExpr(p)
      if (p.isWord('OVER')) {
        p.next(); p.expectOp('(')
        if (p.acceptSeq('PARTITION', 'BY')) limitOver.push(...parseExprList(p))
        if (p.acceptSeq('ORDER', 'BY')) limitOver.push(...parseOrderList(p))
        p.expectOp(')')
      }
      continue
    }
    if (p.accept('OFFSET')) { parseExpr(p); p.accept('ROWS') || p.accept('ROW'); continue }
    // (in T-SQL / ASE a FETCH without FIRST | NEXT n, or FETCH NEXT FROM c, is the cursor statement after the query)
    if (p.isWord('FETCH') && (p.d.batchWord === undefined || (p.isAnyWord(['FIRST', 'NEXT'], 1) && !p.isWord('FROM', 2)))) {
      p.next()
      p.accept('FIRST') || p.accept('NEXT')
      if (!p.isWord('ROWS') && !p.isWord('ROW')) parseExpr(p)
      p.accept('PERCENT'); p.accept('ROWS') || p.accept('ROW')
      p.accept('ONLY') || p.acceptSeq('WITH', 'TIES'); continue
    }
    if (p.isWord('FOR') && p.isAnyWord(['UPDATE', 'SHARE', 'READ', 'FETCH', 'XML', 'JSON', 'BROWSE', 'NO'], 1)) {
      // (T-SQL needs no `;`: FOR XML PATH(''), FOR UPDATE OF c end where a line starts the next statement)
      p.next(); while (!p.eof() && !p.isOp(';') && !p.isOp(')') && !p.atBatchSeparator() && !p.startsStatementLine()) { if (p.isOp('(')) p.skipParens(); else p.next() } continue
    }
    // Sybase abstract plan: … PLAN "(t_scan t1)"
    if (p.isWord('PLAN') && (p.peek(1)?.kind === 'string' || p.peek(1)?.kind === 'qident')) { p.i += 2; continue }
    // OpenEdge / Informix statement-level lock hint at the end: … WITH (NOLOCK | READPAST | NOWAIT)
    if (p.isWord('WITH') && p.isOp('(', 1) && p.isAnyWord(['NOLOCK', 'READPAST', 'NOWAIT'], 2)) { p.next(); p.skipParens(); continue }
    // MySQL: … LOCK IN SHARE MODE (the old spelling of FOR SHARE)
    if (p.isWord('LOCK') && p.isWord('IN', 1) && p.isWord('SHARE', 2) && p.isWord('MODE', 3)) { p.i += 4; continue }
    if (p.isWord('INTO') && p.isAnyWord(['OUTFILE', 'DUMPFILE'], 1)) { p.i += 2; p.next(); while (!p.eof() && !p.isOp(';') && !p.isOp(')') && !p.isWord('FROM')) p.next(); continue }
    if (p.isWord('WITH') && p.isAnyWord(['UR', 'CS', 'RS', 'RR', 'CHECK', 'READ'], 1)) {
      p.i += 2; if (p.isWord('OPTION')) p.next(); if (p.isWord('ONLY')) p.next()
      // Oracle view: WITH CHECK OPTION | READ ONLY CONSTRAINT name
      if (p.isWord('CONSTRAINT') && p.isIdentToken(1)) p.i += 2
      continue
    }
    if (p.isWord('OPTION') && p.isOp('(', 1)) { p.next(); p.skipParens(); continue }
    // Sybase: … AT ISOLATION READ UNCOMMITTED | SERIALIZABLE | 0–3
    if (p.d.batchWord !== undefined && p.isWord('AT') && p.isWord('ISOLATION', 1)) { p.i += 2; p.accept('LEVEL'); if (p.accept('READ')) p.next(); else p.next(); continue }
    // Sybase / old T-SQL report rows: COMPUTE SUM(x) [, …] [BY col, …] adds no columns to the result
    if (p.d.batchWord !== undefined && p.isWord('COMPUTE') && p.isIdentToken(1) && p.isOp('(', 2)) { p.next(); parseExprList(p); if (p.accept('BY')) parseExprList(p); continue }
    if (p.isWord('OPTIMIZE') && p.isWord('FOR', 1)) { p.i += 2; p.next(); p.accept('ROWS') || p.accept('ROW'); continue }
    if (p.isWord('WITH') && p.isWord('HINT', 1) && p.isOp('(', 2)) { p.i += 2; p.skipParens(); continue }
    if (p.isWord('SETTINGS') || (p.isWord('FORMAT') && p.isIdentToken(1) && p.d.name === 'dbvmysql')) { p.next(); continue }
    return order
  }
}

export function parseSelectCore(p: TokenCursor): Select {
  const start = p.peek()!
  if (!(p.isWord('SELECT') || p.d.abbreviations[p.peek()?.upper ?? ''] === 'SELECT' || (p.d.plpgsql && p.isWord('PERFORM')))) p.fail('expected SELECT')
  p.next()
  const s: Select = { k: 'select', distinct: false, items: [], from: [], joins: [], groupBy: [], connectBy: [], orderBy: [], loc: locOf(start, start) }
  // OVER w names a window the WINDOW clause defines after the select list: filled in when it is read
  const outerWindows = p.windowRefs
  p.windowRefs = undefined
  try { parseSelectBody(p, s) } finally { p.windowRefs = outerWindows }
  s.loc = locOf(start, p.prev())
  return s
}

/** operators after TOP that make it a column (SELECT top + 1); TOP :n, TOP ?, TOP (n) stay the clause */
const BINARY_AFTER_TOP = new Set(['+', '-', '*', '/', '||', '=', '<', '>', '<=', '>=', '<>', '!=', '%'])

function parseSelectBody(p: TokenCursor, s: Select): void {
  for (;;) {
    // (a column named top: SELECT top, bottom FROM box)
    if (p.isWord('TOP') && !(p.isOp(',', 1) || p.isAnyWord(['FROM', 'AS'], 1) || BINARY_AFTER_TOP.has(p.peek(1)?.image ?? ''))) {
      p.next(); if (p.isOp('(')) { p.next(); s.top = parseExpr(p); p.expectOp(')') } else p.next(); p.accept('PERCENT'); p.acceptSeq('WITH', 'TIES')
      // SQL Anywhere / IQ TOP n START AT m
      if (p.isWord('START') && p.isWord('AT', 1)) { p.i += 2; parseAdditive(p) }
      continue
    }
    if (p.isWord('DISTINCT')) {
      p.next(); s.distinct = true
      if (p.isWord('ON') && p.isOp('(', 1)) { p.i += 2; s.orderBy.push(...parseExprList(p)); p.expectOp(')') }
      continue
    }
    if (p.isAnyWord(['ALL', 'UNIQUE', 'DISTINCTROW', 'SQL_CALC_FOUND_ROWS', 'STRAIGHT_JOIN', 'HIGH_PRIORITY', 'SQL_NO_CACHE', 'SQL_CACHE', 'SQL_BUFFER_RESULT', 'SQL_SMALL_RESULT', 'SQL_BIG_RESULT']) && !p.isOp(',', 1) && !p.isOp('.', 1)) { p.next(); continue }
    if (p.isWord('AS') && p.isAnyWord(['STRUCT', 'VALUE'], 1)) { p.i += 2; if (p.prev().upper === 'STRUCT') s.asStruct = true; continue }
    // N1QL SELECT RAW | VALUE expr (elsewhere raw is a column: Snowflake SELECT raw:event_id …)
    if ((p.isWord('RAW') || (p.isWord('VALUE') && !p.isOp(',', 1))) && p.d.name === 'dbvcouchbase') { p.next(); continue }
    // Teradata NORMALIZE [ON MEETS OR OVERLAPS]: merges adjacent periods of the rows, the columns stay the same
    if (p.isWord('NORMALIZE') && p.d.name === 'dbvteradata' && !p.isOp(',', 1) && !p.isOp('.', 1) && !p.isWord('FROM', 1)) {
      p.next()
      if (p.accept('ON')) while (p.isAnyWord(['MEETS', 'OVERLAPS', 'OR'])) p.next()
      continue
    }
    break
  }
  // PL/pgSQL also takes the targets first: SELECT INTO [STRICT] v, w <select list> FROM …
  if (p.d.plpgsql && (p as TokenCursor & { inBlock?: boolean }).inBlock && p.isWord('INTO') && p.isIdentToken(1)) leadingInto(p, s)
  for (let k = 0; k < 3; k++) {
    if ((p.isWord('FIRST') || p.isWord('SKIP') || (p.isWord('LIMIT') && p.d.name === 'dbvinformix')) && p.peek(1)?.kind === 'number') { p.i += 2; continue }
    if (p.isWord('DISTINCT') || (p.isWord('UNIQUE') && !p.isOp('.', 1) && !p.isOp(',', 1))) { p.next(); s.distinct = true; continue }
  }
  if (p.isWord('TRANSFORM') && p.isOp('(', 1) && usingAfterParens(p, 1)) {
    // Hive: SELECT TRANSFORM (inputs) USING 'script' AS (outputs): every output depends on every input
    const ts = p.next(); p.next()
    const inputs = p.isOp(')') ? [] : parseExprList(p)
    p.expectOp(')')
    // ROW FORMAT DELIMITED … | SERDE '…' [WITH SERDEPROPERTIES (…)]: how rows reach the script
    if (p.isWord('ROW') && p.isWord('FORMAT', 1)) while (!p.eof() && !p.isWord('USING')) { if (p.isOp('(')) p.skipParens(); else p.next() }
    p.expect('USING'); p.next()
    const outs: import('../ast/types.js').Ident[] = []
    if (p.accept('AS')) {
      const paren = p.acceptOp('(')
      do { outs.push(p.ident()); while (!p.isOp(',') && !p.isOp(')') && !p.isWord('FROM') && !p.eof() && !p.isOp(';')) p.next() } while (p.acceptOp(','))
      if (paren) p.expectOp(')')
    }
    for (const o of outs.length ? outs : [{ name: 'key', quoted: false, loc: locOf(ts, ts) }]) s.items.push({ expr: { k: 'op', op: 'TRANSFORM', args: inputs, loc: locOf(ts, ts) }, alias: o, loc: o.loc })
  } else if (!p.isWord('FROM')) {
    const more: SelectItem[] = []
    do {
      s.items.push(parseSelectItem(p, more))
      if (more.length) { s.items.push(...more); more.length = 0 }
      // BigQuery, Snowflake and Databricks allow a trailing comma: SELECT a, b, FROM t
    } while (p.acceptOp(',') && !p.isWord('FROM'))
  }
  if (p.isWord('BULK') && p.isWord('COLLECT', 1) && p.isWord('INTO', 2)) p.i += 2
  if (p.isWord('INTO') && !p.isWord('OUTFILE', 1) && !p.isWord('DUMPFILE', 1)) {
    p.next()
    // PL/pgSQL SELECT … INTO STRICT v: exactly one row, still a variable
    const strict = p.isWord('STRICT') && p.isIdentToken(1) && p.accept('STRICT')
    if (p.accept('TEMP') || p.accept('TEMPORARY') || p.accept('UNLOGGED')) p.accept('TABLE')
    else p.accept('TABLE')
    const first = parseExpr(p)
    // SQLScript SELECT … INTO v, w DEFAULT 0, '' FROM …: the values the variables take when no row comes
    const hanaDefault = p.d.name === 'dbvhana' && (p.isWord('DEFAULT') || p.isOp(','))
    if (strict || hanaDefault || first.k === 'var' || p.isOp(',') || p.d.name === 'dbvoracle' || isPlVariableTarget(p)) {
      s.intoVars = [first]; while (p.acceptOp(',')) s.intoVars.push(parseExpr(p))
      if (hanaDefault && p.accept('DEFAULT')) { parseExpr(p); while (p.acceptOp(',')) parseExpr(p) }
    } else if (first.k === 'col') s.intoTable = first.name
    else s.intoVars = [first]
    // T-SQL SELECT … INTO t ON filegroup FROM …: where the new table is stored
    if (s.intoTable && p.d.batchWord !== undefined && p.isWord('ON') && (p.isIdentToken(1) || p.peek(1)?.kind === 'qident') && p.isWord('FROM', 2)) p.i += 2
  }
  if (p.isWord('INTO') && p.isAnyWord(['OUTFILE', 'DUMPFILE'], 1)) { p.i += 2; p.next(); while (!p.eof() && !p.isOp(';') && !p.isWord('FROM')) p.next() }
  if (p.accept('FROM')) parseFromClause(p, s.from, s.joins)
  parseSelectClauses(p, s)
  trailingInto(p, s)
}

/** the targets of a leading INTO: names up to the first one that no comma follows (the select list comes next) */
function leadingInto(p: TokenCursor, s: Select): void {
  p.next()
  if (p.isWord('STRICT') && p.isIdentToken(1)) p.next()
  const targets: import('../ast/types.js').Expr[] = []
  do targets.push({ k: 'col', name: p.qname() }); while (p.acceptOp(','))
  s.intoVars = targets
}

/** MySQL also puts INTO after the FROM clause or the LIMIT: SELECT COUNT(*) FROM t INTO v, SELECT … INTO OUTFILE 'f' */
function trailingInto(p: TokenCursor, s: Select): void {
  if (p.d.name !== 'dbvmysql' || !p.isWord('INTO') || s.intoVars || s.intoTable) return
  p.next()
  if (p.isAnyWord(['OUTFILE', 'DUMPFILE'])) { p.next(); p.next(); while (!p.eof() && !p.isOp(';') && !p.isOp(')') && !p.isWord('FOR')) p.next(); return }
  s.intoVars = parseExprList(p)
}

/** USING (or ROW FORMAT) right after the parenthesis at k closes: Hive's SELECT TRANSFORM (…) USING 'script', not the transform(arr, x -> …) function */
function usingAfterParens(p: TokenCursor, k: number): boolean {
  let depth = 0
  for (let t = p.peek(k); t; t = p.peek(++k)) {
    if (t.kind !== 'punct') continue
    if (t.image === '(') depth++
    else if (t.image === ')' && --depth === 0) return p.isWord('USING', k + 1) || (p.isWord('ROW', k + 1) && p.isWord('FORMAT', k + 2))
  }
  return false
}

/** WINDOW w AS (…), …: the named windows' columns go into every OVER w of the same SELECT */
function parseWindowClause(p: TokenCursor): void {
  const defs = new Map<string, WindowSpec>()
  const refs = (p.windowRefs ??= [])
  const mark = refs.length
  do { const name = p.ident(); p.expect('AS'); defs.set(name.name.toUpperCase(), parseWindow(p)) } while (p.acceptOp(','))
  // a window may build on one defined before it (WINDOW w1 AS (…), w2 AS (w1 ORDER BY x)): those
  // references resolve first, in order, then the OVER w of the select list
  for (const r of [...refs.slice(mark), ...refs.slice(0, mark)]) {
    const def = defs.get(r.name)
    if (!def) continue
    r.spec.partition.push(...def.partition)
    if (!r.spec.order.length) r.spec.order.push(...def.order)
  }
}

/**
 * in procedural dialects SELECT … INTO v (no FROM a table name) is a variable; decided by the block parser.
 * T-SQL and ASE variables carry their @ prefix: inside a procedure, SELECT … INTO #t still creates a table
 */
function isPlVariableTarget(p: TokenCursor): boolean { return (p as TokenCursor & { inBlock?: boolean }).inBlock === true && p.d.variablePrefix === undefined }

function parseSelectClauses(p: TokenCursor, s: Select): void {
  for (;;) {
    if (p.isWord('LATERAL') && p.isWord('VIEW', 1)) { parseLateralView(p, s); continue }
    if (p.accept('WHERE')) { s.where = parseExpr(p); continue }
    if (p.isWord('START') && p.isWord('WITH', 1)) { p.i += 2; s.connectBy.push(parseExpr(p)); continue }
    if (p.isWord('CONNECT') && p.isWord('BY', 1)) { p.i += 2; p.accept('NOCYCLE'); s.connectBy.push(parseExpr(p)); continue }
    if (p.isWord('GROUP') && p.isWord('BY', 1)) { p.i += 2; parseGroupBy(p, s); continue }
    if (p.accept('HAVING')) { s.having = parseExpr(p); continue }
    if (p.accept('QUALIFY')) { s.qualify = parseExpr(p); continue }
    if (p.isWord('MODEL') && p.d.name === 'dbvoracle' && p.isAnyWord(['PARTITION', 'DIMENSION', 'MEASURES', 'RETURN', 'REFERENCE', 'MAIN', 'IGNORE', 'KEEP', 'UNIQUE'], 1)) {
      p.next(); parseModel(p, s)
      continue
    }
    if (p.d.name === 'dbvcouchbase' && (p.isWord('LET') || p.isWord('LETTING'))) {
      p.next()
      do { const name = p.ident(); p.expectOp('='); (s.lets ??= []).push({ name, value: parseExpr(p) }) } while (p.acceptOp(','))
      continue
    }
    if (p.accept('WINDOW')) { parseWindowClause(p); continue }
    if (p.isWord('EXPAND') && p.isWord('ON', 1) && p.d.name === 'dbvteradata') { parseExpandOn(p, s); continue }
    if (p.isWord('SAMPLE') && p.d.name === 'dbvteradata') { p.next(); p.accept('WITH'); p.accept('REPLACEMENT'); p.accept('RANDOMIZED'); p.accept('ALLOCATION'); parseExprList(p); continue }
    if (p.isWord('TIMESERIES') && p.isIdentToken(1)) {
      // Vertica: TIMESERIES slice AS 'interval' OVER (PARTITION BY … ORDER BY …) — gap filling, no new sources
      p.next(); const alias = p.ident(); p.expect('AS'); p.next(); p.expect('OVER')
      const w = parseWindow(p)
      s.timeseries = { alias, order: w.order }
      continue
    }
    break
  }
}

/**
 * Oracle MODEL [REFERENCE r ON (…) …] [PARTITION BY (…)] DIMENSION BY (…) MEASURES (…) [RULES …] (rules): the
 * columns with their aliases (MEASURES (sale s): the select list's s is sale) and each rule's measure and value
 * (s['Mouse Pad', 2001] = s['Mouse Pad', 2000] * 1.1). Rules the grammar here does not know are skipped
 */
function parseModel(p: TokenCursor, s: Select): void {
  const model: NonNullable<Select['model']> = { cols: [], rules: [] }
  s.model = model
  const columns = () => {
    p.expectOp('(')
    if (!p.isOp(')')) do model.cols.push(parseSelectItem(p)); while (p.acceptOp(','))
    p.expectOp(')')
  }
  while (!p.eof() && !p.isOp(';') && !p.isOp(')') && !(p.isWord('ORDER') && p.isWord('BY', 1))) {
    // a reference model's columns are its own (its query reads another table)
    if (p.accept('REFERENCE')) { while (!p.eof() && !p.isWord('MAIN') && !p.isAnyWord(['PARTITION', 'DIMENSION']) && !p.isOp(';')) { if (p.isOp('(')) p.skipParens(); else p.next() } continue }
    if (p.isWord('PARTITION') && p.isWord('BY', 1) && p.isOp('(', 2)) { p.i += 2; columns(); continue }
    if (p.isWord('DIMENSION') && p.isWord('BY', 1)) { p.i += 2; columns(); continue }
    if (p.accept('MEASURES')) { columns(); continue }
    if (p.isOp('(') && model.cols.length) {
      const save = p.i
      try { modelRules(p, model.rules) } catch (err) { if (!(err instanceof ParseError)) throw err; p.i = save; p.skipParens() }
      continue
    }
    // ITERATE (n) [UNTIL (cond)], the RETURN / NAV / ORDER options
    if (p.isWord('ITERATE') || p.isWord('UNTIL')) { p.next(); p.skipParens(); continue }
    p.next()
  }
}

/** ( [UPDATE | UPSERT [ALL]] m[dims] [ORDER BY …] = expr, … ) */
function modelRules(p: TokenCursor, rules: NonNullable<Select['model']>['rules']): void {
  p.expectOp('(')
  if (!p.isOp(')')) do {
    if (p.accept('UPDATE') || p.accept('UPSERT')) p.accept('ALL')
    const target = p.ident()
    p.skipBrackets()
    if (p.isWord('ORDER') && p.isWord('BY', 1)) { p.i += 2; parseOrderList(p) }
    p.expectOp('=')
    rules.push({ target, value: cellValues(parseExpr(p)) })
  } while (p.acceptOp(','))
  p.expectOp(')')
}

/** a rule's value with each cell reference m[dims] as the measure m: the dimensions pick cells, they are no values */
function cellValues(e: Expr): Expr {
  if (e.k === 'op') return e.op === '[]' ? cellValues(e.args[0]) : { ...e, args: e.args.map(cellValues) }
  if (e.k === 'func') return { ...e, args: e.args.map(cellValues) }
  if (e.k === 'case') return { ...e, operand: e.operand && cellValues(e.operand), whens: e.whens.map((w) => ({ when: cellValues(w.when), then: cellValues(w.then) })), else: e.else && cellValues(e.else) }
  return e
}

/** GROUP BY ALL with nothing after it (ALL is no grouping set prefix) */
function groupByAllEnds(p: TokenCursor): boolean {
  const n = p.peek(1)
  return !n || (n.kind === 'punct' && (n.image === ';' || n.image === ')')) || (n.kind === 'word' && ['HAVING', 'ORDER', 'QUALIFY', 'LIMIT', 'WINDOW', 'UNION', 'EXCEPT', 'INTERSECT', 'MINUS'].includes(n.upper))
}

function parseGroupBy(p: TokenCursor, s: Select): void {
  if (p.isWord('ALL') && groupByAllEnds(p)) {
    // Snowflake / Databricks / DuckDB GROUP BY ALL: the select items that are no function call (aggregates are)
    p.next()
    for (const it of s.items) if (it.expr.k === 'col' || it.expr.k === 'op' || it.expr.k === 'case') s.groupBy.push(it.expr)
    return
  }
  p.accept('ALL'); p.accept('DISTINCT')
  do {
    if (p.isAnyWord(['ROLLUP', 'CUBE']) && p.isOp('(', 1)) { p.i += 2; s.groupBy.push(...groupingItems(p)); p.expectOp(')'); continue }
    if (p.isWord('GROUPING') && p.isWord('SETS', 1)) { p.i += 3; s.groupBy.push(...groupingItems(p)); p.expectOp(')'); continue }
    if (p.isOp('(') && p.isOp(')', 1)) { p.i += 2; continue }
    s.groupBy.push(parseExpr(p))
  } while (p.acceptOp(','))
  if (p.acceptSeq('WITH', 'ROLLUP') || p.acceptSeq('WITH', 'CUBE')) { /* MySQL/T-SQL suffix */ }
  if (p.isWord('GROUPING') && p.isWord('SETS', 1)) { p.i += 3; s.groupBy.push(...groupingItems(p)); p.expectOp(')') }
}

function groupingItems(p: TokenCursor): Expr[] {
  const out: Expr[] = []
  do {
    if (p.isOp('(')) { p.next(); if (!p.isOp(')')) out.push(...parseExprList(p)); p.expectOp(')') }
    else if (p.isAnyWord(['ROLLUP', 'CUBE']) && p.isOp('(', 1)) { p.i += 2; out.push(...groupingItems(p)); p.expectOp(')') }
    else out.push(parseExpr(p))
  } while (p.acceptOp(','))
  return out
}

/** Hive: LATERAL VIEW [OUTER] explode(expr) t AS c1, c2 */
function parseLateralView(p: TokenCursor, s: Select): void {
  const start = p.peek()!
  p.i += 2; p.accept('OUTER')
  const fn = parseExpr(p)
  const alias = canBeAlias(p) ? p.ident() : undefined
  const cols = []
  if (p.accept('AS')) { cols.push(p.ident()); while (p.acceptOp(',')) cols.push(p.ident()) }
  s.from.push({ k: 'tfunc', name: fn.k === 'func' ? fn.name : 'EXPLODE', args: fn.k === 'func' ? fn.args : [fn], alias, columnAliases: cols, loc: locOf(start, p.prev()) })
  s.joins.push({ kind: 'cross', loc: locOf(start, p.prev()) })
}

/**
 * Teradata EXPAND ON period [AS] alias BY interval | ANCHOR [PERIOD] name [AT t] [FOR period]: one row per
 * interval of the period; the alias is a column the select list reads, made from the expanded expression
 */
function parseExpandOn(p: TokenCursor, s: Select): void {
  const start = p.peek()!
  p.i += 2
  const e = parseExpr(p)
  p.accept('AS')
  const alias = p.ident()
  if (p.accept('BY')) {
    if (p.accept('ANCHOR')) { p.accept('PERIOD'); p.ident(); if (p.accept('AT')) parseExpr(p) } else parseExpr(p)
  }
  if (p.accept('FOR')) parseExpr(p)
  s.from.push({ k: 'tfunc', name: 'EXPAND', args: [e], columnAliases: [alias], loc: locOf(start, p.prev()) })
  s.joins.push({ kind: 'cross', loc: locOf(start, p.prev()) })
}

const NOT_A_TABLE = ['WHERE', 'GROUP', 'ORDER', 'HAVING', 'UNION', 'SELECT', 'FROM', 'JOIN', 'ON', 'LIMIT', 'INTERSECT', 'EXCEPT', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'AND', 'OR']
const REMOTE_ROWSETS = new Set(['OPENQUERY', 'OPENROWSET', 'OPENDATASOURCE'])

/**
 * T-SQL / ASE pass-through queries OPENQUERY(server, 'SELECT …') and OPENROWSET('provider', 'connection',
 * 'SELECT …'), in FROM or as the target of UPDATE / INSERT / DELETE: the rows are the literal query's, run by
 * the linked server (the columns read came from nowhere). A query the engine cannot read (another vendor's
 * SQL) leaves the rowset as it was, with no error.
 */
export function remoteQuery(p: TokenCursor): Query | undefined {
  if (p.d.batchWord === undefined || !p.isOp('(', 1)) return undefined
  const str = (k: number): boolean => p.peek(k)?.kind === 'string'
  let n = 0
  if (p.isWord('OPENQUERY') && p.isIdentToken(2) && p.isOp(',', 3) && str(4) && p.isOp(')', 5)) n = 6
  else if (p.isWord('OPENROWSET') && str(2) && p.isOp(',', 3) && str(4) && p.isOp(',', 5) && str(6) && p.isOp(')', 7)) n = 8
  if (!n) return undefined
  const skipped = p.skipped
  p.skipped = undefined
  const body = stringBody(p, p.peek(n - 2)!)
  const failed = p.skipped !== undefined
  p.skipped = skipped
  const s = body?.length === 1 && !failed ? body[0] : undefined
  if (s?.k !== 'query') return undefined
  p.i += n
  return s.query
}

/** OPENROWSET(BULK 'path', …): the path as the one argument (a location, like a stage read), else none */
function bulkPath(fname: string, args: Expr[]): Expr[] {
  if (fname !== 'OPENROWSET') return []
  const i = args.findIndex((a) => a.k === 'col' && a.name.parts.length === 1 && a.name.parts[0].name.toUpperCase() === 'BULK')
  const lit = i >= 0 ? args[i + 1] : undefined
  return lit?.k === 'lit' && lit.text?.startsWith("'") ? [{ k: 'lit', loc: lit.loc, text: lit.text.slice(1, -1) }] : []
}
const JOIN_START = ['JOIN', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'NATURAL', 'OUTER', 'STRAIGHT_JOIN', 'SEMI', 'ANTI', 'ANY', 'ASOF', 'GLOBAL', 'POSITIONAL']
/** words between the first join word and JOIN: a cardinality (HANA LEFT OUTER MANY TO ONE JOIN), a T-SQL join hint (INNER HASH JOIN) */
const JOIN_CONTINUE = [...JOIN_START, 'SEMI', 'ANTI', 'MANY', 'ONE', 'TO', 'EXACT', 'HASH', 'LOOP', 'MERGE', 'REMOTE', 'REDUCE', 'REPLICATE', 'REDISTRIBUTE']

export function parseFromClause(p: TokenCursor, from: Source[], joins: JoinCond[]): void {
  parseFromItem(p, from, joins)
  parseFromTail(p, from, joins)
}

/** `, item`, `JOIN item ON …`, APPLY, N1QL UNNEST… after a first FROM item (also after a DML target) */
export function parseFromTail(p: TokenCursor, from: Source[], joins: JoinCond[]): void {
  for (;;) {
    if (p.acceptOp(',')) { parseFromItem(p, from, joins); joins.push({ kind: 'comma', loc: from[from.length - 1].loc }); continue }
    const start = p.peek()
    if (!start) return
    if ((p.isWord('CROSS') || p.isWord('OUTER')) && p.isWord('APPLY', 1)) {
      p.i += 2; parseFromItem(p, from, joins, true); joins.push({ kind: 'apply', loc: locOf(start, p.prev()) }); continue
    }
    if (p.isWord('LATERAL') && p.isWord('VIEW', 1)) return
    if (p.d.name === 'dbvcouchbase' && (p.isAnyWord(['UNNEST', 'NEST']) || (p.isAnyWord(['LEFT', 'INNER']) && p.isAnyWord(['UNNEST', 'NEST'], 1)) || (p.isWord('LEFT') && p.isWord('OUTER', 1) && p.isAnyWord(['UNNEST', 'NEST'], 2)))) {
      // N1QL: FROM k o UNNEST o.items AS i — the alias is the unnested field (N6)
      while (!p.isAnyWord(['UNNEST', 'NEST'])) p.next()
      const kw = p.next().upper
      // NEST orders o ON KEYS …: o is the matching documents of another keyspace (a join), not a nested field
      if (kw === 'NEST' && p.isIdentToken() && !p.isOp('.', 1) && !p.isOp('[', 1)) parseFromItem(p, from, joins)
      else {
        const e = parseExpr(p)
        const src: Source = { k: 'tfunc', name: kw, args: [e], loc: locOf(start, p.prev()) }
        if (p.accept('AS') || canBeAlias(p)) src.alias = p.ident()
        from.push(src)
      }
      const cond: JoinCond = { kind: 'inner', loc: locOf(start, p.prev()) }
      if (p.accept('ON')) { if (p.accept('KEYS') || p.accept('KEY')) { /* lookup */ } cond.on = parseExpr(p) }
      joins.push(cond)
      continue
    }
    if (!p.isAnyWord(JOIN_START)) return
    // LEFT / RIGHT as functions would never follow a FROM item, so a word here starts a join
    let kind: JoinKind = 'inner'
    while (!p.isWord('JOIN') && !p.isWord('STRAIGHT_JOIN')) {
      const w = p.next().upper
      if (w === 'LEFT') kind = 'left'; else if (w === 'RIGHT') kind = 'right'; else if (w === 'FULL') kind = 'full'
      else if (w === 'CROSS') kind = 'cross'; else if (w === 'NATURAL') kind = 'natural'
      if (p.eof()) p.fail('expected JOIN')
      if (!p.isAnyWord(JOIN_CONTINUE)) p.fail('expected JOIN')
    }
    p.next()
    p.skipBracketHint()
    parseFromItem(p, from, joins)
    const cond: JoinCond = { kind, loc: locOf(start, p.prev()) }
    if (p.isWord('MATCH_CONDITION') && p.isOp('(', 1)) { p.next(); p.next(); const m = parseExpr(p); p.expectOp(')'); cond.on = m }
    // Vertica event-series join: … JOIN t INTERPOLATE PREVIOUS VALUE ON …
    p.acceptSeq('INTERPOLATE', 'PREVIOUS', 'VALUE')
    if (p.accept('ON')) {
      // N1QL lookup join ON KEYS expr, index join ON KEY expr FOR alias: the key expression is the condition
      const keys = p.d.name === 'dbvcouchbase' && (p.accept('KEYS') || p.accept('KEY'))
      cond.on = cond.on ? { k: 'op', op: 'AND', args: [cond.on, parseExpr(p)], loc: cond.loc } : parseExpr(p)
      if (keys && p.accept('FOR')) p.ident()
    } else if (p.accept('USING')) {
      p.expectOp('('); cond.using = [p.ident()]; while (p.acceptOp(',')) cond.using.push(p.ident()); p.expectOp(')')
      // PostgreSQL 14: JOIN … USING (id) AS j names the merged columns
      if (p.isWord('AS') && p.isIdentToken(1)) p.i += 2
    }
    cond.loc = locOf(start, p.prev())
    joins.push(cond)
  }
}


function parseAliasAndColumns(p: TokenCursor, src: { alias?: import('../ast/types.js').Ident; columnAliases?: import('../ast/types.js').Ident[] }): void {
  let bare = false
  if (p.accept('AS') || canBeAlias(p)) {
    if (p.isOp('(')) { /* AS (c1, c2) without name (Hive); f() AS (a int, b text) (PostgreSQL) */ bare = true } else src.alias = p.ident()
  }
  if (p.isOp('(') && (p.isIdentToken(1)) && (p.isOp(',', 2) || p.isOp(')', 2))) {
    p.next(); src.columnAliases = [p.ident()]; while (p.acceptOp(',')) src.columnAliases.push(p.ident()); p.expectOp(')')
  } else if ((src.alias || bare) && p.isOp('(') && p.isIdentToken(1) && p.isIdentToken(2)) {
    // column definition list: AS x(sku text, qty int) — the names matter, the types do not
    p.next(); src.columnAliases = []
    do { src.columnAliases.push(p.ident()); p.skipListItem() } while (p.acceptOp(','))
    p.expectOp(')')
  }
}

/**
 * The column definitions of JSON_TABLE / XMLTABLE, in parentheses or not: `name type [PATH '…']`,
 * `name FOR ORDINALITY`, `NESTED [PATH] '…' COLUMNS (…)` (its columns join the list)
 */
/**
 * `(name type …, …)`: the names of a column definition list (types skipped). With `constraints`, an
 * item that starts with one of those words is a table constraint and every other item must name a
 * column; without, an item that does not start with a name is skipped.
 */
export function definedColumnNames(p: TokenCursor, constraints?: string[]): Ident[] {
  const out: Ident[] = []
  p.expectOp('(')
  while (!p.isOp(')') && !p.eof()) {
    if (constraints ? !p.isAnyWord(constraints) : p.isIdentToken()) out.push(p.ident())
    p.skipListItem()
    p.acceptOp(',')
  }
  p.expectOp(')')
  return out
}

function tableFunctionColumns(p: TokenCursor): Ident[] {
  const out: Ident[] = []
  const paren = p.acceptOp('(')
  do {
    if (p.isWord('NESTED')) {
      p.next(); p.accept('PATH')
      while (!p.eof() && !p.isWord('COLUMNS')) p.next()
      p.expect('COLUMNS'); out.push(...tableFunctionColumns(p)); continue
    }
    out.push(p.ident())
    p.skipListItem()
  } while (p.acceptOp(','))
  if (paren) p.expectOp(')')
  return out
}

/** T-SQL and Sybase table hints: dbo.t (NOLOCK), t WITH (…) is handled apart, Sybase t HOLDLOCK */
const TSQL_TABLE_HINTS = new Set(['NOLOCK', 'HOLDLOCK', 'NOHOLDLOCK', 'READPAST', 'UPDLOCK', 'ROWLOCK', 'TABLOCK', 'TABLOCKX', 'PAGLOCK',
  'NOWAIT', 'READUNCOMMITTED', 'READCOMMITTED', 'REPEATABLEREAD', 'SERIALIZABLE', 'XLOCK', 'INDEX', 'SHARED', 'PREFETCH', 'LRU', 'MRU',
  'FORCESEEK', 'FORCESCAN', 'SNAPSHOT', 'READCOMMITTEDLOCK', 'NOEXPAND'])
const SYBASE_BARE_HINTS = ['HOLDLOCK', 'NOHOLDLOCK', 'READPAST', 'SHARED']
/** `(NOLOCK)` after a T-SQL table name is a hint, not a table function's arguments */
const tsqlHintParens = (p: TokenCursor): boolean => p.d.batchWord !== undefined && p.isOp('(') && p.isAnyWord(TSQL_TABLE_HINTS, 1)

/**
 * FOR SYSTEM_TIME AS OF e | FROM e TO e | BETWEEN e AND e | CONTAINED IN (e, e) | ALL, FOR PORTION OF p FROM e TO e:
 * read by its grammar (skipping to a clause word ran over GO and the next batch's statements)
 */
function skipPeriodSpec(p: TokenCursor): void {
  p.next()
  for (let n = 0; n < 3 && p.isIdentToken() && !p.isAnyWord(['AS', 'FROM', 'BETWEEN', 'CONTAINED', 'ALL']); n++) p.next()
  if (p.accept('AS')) { p.accept('OF'); parseExpr(p); return }
  if (p.accept('FROM') || p.accept('BETWEEN')) { parseExpr(p); if (p.accept('TO') || p.accept('AND')) parseExpr(p); return }
  if (p.accept('CONTAINED')) { p.accept('IN'); p.skipParens(); return }
  p.accept('ALL')
}

function skipTableModifiers(p: TokenCursor): void {
  for (;;) {
    if (tsqlHintParens(p)) { p.skipParens(); continue }
    if (p.d.batchWord !== undefined && p.isAnyWord(SYBASE_BARE_HINTS)) { p.next(); continue }
    if (p.isWord('WITH') && p.isOp('(', 1) && !startsQuery(p, 2)) { p.next(); p.skipParens(); continue }
    // HANA cv WITH PARAMETERS ('PLACEHOLDER' = (…)): a calculation view's input parameters
    if (p.isWord('WITH') && p.isWord('PARAMETERS', 1) && p.isOp('(', 2)) { p.i += 2; p.skipParens(); continue }
    if (p.isAnyWord(['TABLESAMPLE', 'SAMPLE']) && (p.isOp('(', 1) || p.isIdentToken(1))) { p.next(); while (p.isIdentToken() && !p.isOp('(', 0)) p.next(); p.skipParens(); if (p.isWord('REPEATABLE') || p.isWord('SEED')) { p.next(); p.skipParens() } continue }
    if (p.isWord('FOR') && p.isAnyWord(['SYSTEM_TIME', 'SYSTEM', 'PORTION', 'BUSINESS_TIME'], 1)) { skipPeriodSpec(p); continue }
    // Oracle flashback version query: VERSIONS BETWEEN SCN | TIMESTAMP lo AND hi
    if (p.isWord('VERSIONS') && p.isWord('BETWEEN', 1)) { p.i += 2; p.accept('SCN') || p.accept('TIMESTAMP'); parseAdditive(p); p.expect('AND'); parseAdditive(p); continue }
    // Oracle AS OF TIMESTAMP | SCN e, HANA AS OF UTCTIMESTAMP | COMMIT ID e
    if (p.isWord('AS') && p.isWord('OF', 1)) { p.i += 2; p.accept('SYSTEM'); p.accept('TIME'); p.accept('TIMESTAMP') || p.accept('SCN') || p.accept('UTCTIMESTAMP') || p.acceptSeq('COMMIT', 'ID'); parseExpr(p); continue }
    if (p.isWord('AT') && p.isOp('(', 1)) { p.next(); p.skipParens(); continue }
    // Vertica FROM t AT EPOCH LATEST | n, AT TIME 'ts': the table as of then
    if (p.isWord('AT') && p.isAnyWord(['EPOCH', 'TIME'], 1) && p.d.name === 'dbvvertica') { p.i += 3; continue }
    if (p.isWord('BEFORE') && p.isOp('(', 1)) { p.next(); p.skipParens(); continue }
    if (p.isWord('CHANGES') && p.isOp('(', 1)) { p.next(); p.skipParens(); continue }
    // Snowflake CHANGES (…) AT (…) END (TIMESTAMP => …): the end of the change interval (never a block's END)
    if (p.isWord('END') && p.isOp('(', 1) && p.isAnyWord(['TIMESTAMP', 'OFFSET', 'STATEMENT'], 2) && p.isOp('=>', 3)) { p.next(); p.skipParens(); continue }
    if ((p.isWord('PARTITION') || p.isWord('SUBPARTITION')) && p.isOp('(', 1)) { p.next(); p.skipParens(); continue }
    // Oracle partitioned outer join: t PARTITION BY (c) RIGHT OUTER JOIN … densifies per c, no new source
    if (p.d.slashTerminator && p.isWord('PARTITION') && p.isWord('BY', 1) && p.isOp('(', 2)) { p.i += 2; p.skipParens(); continue }
    // Oracle PARTITION FOR (key value): the partition holding the key
    if ((p.isWord('PARTITION') || p.isWord('SUBPARTITION')) && p.isWord('FOR', 1) && p.isOp('(', 2)) { p.i += 2; p.skipParens(); continue }
    // N1QL FROM b t USE KEYS ["k1", …] | USE HASH(build) | USE NL: documents picked by key, join hints; no value moves
    // (the statement ended at USE, and its LET / WHERE became a statement of their own)
    if (p.d.name === 'dbvcouchbase' && p.isWord('USE') && p.isAnyWord(['KEYS', 'KEY', 'HASH', 'NL'], 1)) {
      const w = p.peek(1)!.upper
      p.i += 2
      if (w === 'KEYS' || w === 'KEY') parseExpr(p); else if (p.isOp('(')) p.skipParens()
      continue
    }
    if ((p.isWord('USE') || p.isWord('FORCE') || p.isWord('IGNORE')) && (p.isWord('INDEX', 1) || p.isWord('KEY', 1))) {
      // MySQL scopes the hint: USE INDEX FOR JOIN | ORDER BY | GROUP BY (ix)
      p.i += 2; if (p.accept('FOR')) { p.next(); p.accept('BY') } p.skipParens(); continue
    }
    if (p.isWord('FINAL') && p.d.name !== 'dbvdb2') { p.next(); continue }
    return
  }
}

/**
 * FROM ((SELECT …) s JOIN t ON …): a parenthesised join tree whose first item is a derived table, not a
 * parenthesised query; after the inner parentheses an alias or a join follows, not `)` or a set operator
 */
function derivedTableOpensJoin(p: TokenCursor): boolean {
  if (!p.isOp('(', 1)) return false
  const save = p.i
  p.i++; p.skipParens()
  const join = !p.isOp(')') && !p.isAnyWord(['UNION', 'EXCEPT', 'INTERSECT', 'MINUS', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH'])
  p.i = save
  return join
}

export function parseFromItem(p: TokenCursor, from: Source[], joins: JoinCond[], lateral = false): void {
  const start = p.peek()!
  if (p.d.name === 'dbvinformix' && p.isWord('OUTER') && (p.isIdentToken(1) || p.isOp('(', 1))) {
    p.next()
    if (p.isOp('(')) { p.next(); parseFromClause(p, from, joins); p.expectOp(')'); return }
  }
  if (p.accept('LATERAL')) lateral = true
  // Redshift FROM t, UNPIVOT t.obj AS v AT k: the values and keys of a SUPER object, like its elements
  if (p.d.name === 'dbvredshift' && p.isWord('UNPIVOT') && p.isIdentToken(1) && !p.isOp('(', 1)) p.next()
  // ODBC / JDBC outer-join escape {oj a LEFT OUTER JOIN b ON …}: a join tree in braces
  if (p.isOp('{') && p.isWord('OJ', 1)) { p.i += 2; parseFromClause(p, from, joins); p.expectOp('}'); return }
  if (p.isOp('(')) {
    // Hive FROM-first subquery: FROM (FROM src SELECT TRANSFORM (…) USING … CLUSTER BY k) t INSERT …
    const fromFirst = p.isWord('FROM', 1) && (p.d.name === 'dbvhive' || p.d.name === 'dbvimpala')
    if (fromFirst || (startsQuery(p, 1) && !derivedTableOpensJoin(p))) {
      p.next(); const query = fromFirst ? parseFromFirstQuery(p) : parseQuery(p); p.expectOp(')')
      const src: Source = { k: 'derived', query, lateral, loc: locOf(start, p.prev()) }
      parseAliasAndColumns(p, src)
      if (src.alias) src.loc = src.alias.loc
      from.push(src); skipPivot(p, from); return
    }
    if (p.isAnyWord(['INSERT', 'UPDATE', 'DELETE', 'MERGE'], 1)) {
      p.next(); const stmtSrc = parseDmlInParens(p); p.expectOp(')')
      const src: Source = { k: 'derived', query: stmtSrc, lateral, loc: locOf(start, p.prev()) }
      parseAliasAndColumns(p, src); from.push(src); return
    }
    // parenthesised join tree
    p.next(); parseFromClause(p, from, joins); p.expectOp(')')
    if (canBeAlias(p) || p.isWord('AS')) { const tmp: { alias?: import('../ast/types.js').Ident } = {}; parseAliasAndColumns(p, tmp) }
    return
  }
  const remote = remoteQuery(p)
  if (remote) {
    const src: Source = { k: 'derived', query: remote, lateral, loc: locOf(start, p.prev()) }
    parseAliasAndColumns(p, src)
    if (src.alias) src.loc = src.alias.loc
    from.push(src); return
  }
  if ((p.isWord('FINAL') || p.isWord('NEW') || p.isWord('OLD')) && p.isWord('TABLE', 1) && p.isOp('(', 2)) {
    p.i += 3; const stmtSrc = parseDmlInParens(p); p.expectOp(')')
    const src: Source = { k: 'derived', query: stmtSrc, loc: locOf(start, p.prev()) }
    parseAliasAndColumns(p, src); from.push(src); return
  }
  if (p.isWord('TABLE') && p.isOp('(', 1) && startsQuery(p, 2)) {
    // DB2 TABLE (fullselect) AS x: a derived table that may name columns of the tables before it (lateral)
    p.i += 2; const query = parseQuery(p); p.expectOp(')')
    const src: Source = { k: 'derived', query, lateral: true, loc: locOf(start, p.prev()) }
    parseAliasAndColumns(p, src); from.push(src); return
  }
  if (p.isWord('TABLE') && p.isOp('(', 1)) {
    p.next(); p.next()
    // Informix TABLE (FUNCTION f(…)): an iterator function's rows
    if (p.isAnyWord(['FUNCTION', 'PROCEDURE']) && p.isIdentToken(1)) p.next()
    const e = parseExpr(p)
    // Teradata TABLE (STRTOK_SPLIT_TO_TABLE(…) RETURNS (c type, …)): the names are the function's columns
    const returns = p.accept('RETURNS') ? definedColumnNames(p) : undefined
    p.expectOp(')')
    const src: Source = { k: 'tfunc', name: e.k === 'func' ? e.name : 'TABLE', args: e.k === 'func' ? e.args : [e], loc: locOf(start, p.prev()), ...(returns?.length ? { columnAliases: returns } : {}) }
    parseAliasAndColumns(p, src); from.push(src); return
  }
  if (p.isWord('VALUES') && p.isOp('(', 1)) {
    p.next(); const rows = (parseValuesRowsRef)(p)
    const src: Source = { k: 'values', rows, loc: locOf(start, p.prev()) }
    parseAliasAndColumns(p, src); from.push(src); return
  }
  if (p.isWord('ROWS') && p.isWord('FROM', 1) && p.isOp('(', 2)) {
    // PostgreSQL ROWS FROM (f(…), g(…)): one row source zipping several set-returning functions
    p.i += 3
    const args = parseExprList(p)
    p.expectOp(')')
    if (p.isWord('WITH') && p.isWord('ORDINALITY', 1)) p.i += 2
    const src: Source = { k: 'tfunc', name: 'ROWS FROM', args, loc: locOf(start, p.prev()) }
    parseAliasAndColumns(p, src); from.push(src); return
  }
  if (p.isWord('EXTERNAL') && p.peek(1)?.kind === 'string') {
    // Netezza transient external table: FROM EXTERNAL '/path' [(cols)] USING (…)
    p.next(); const path = p.next()
    // (c type, …): the file's columns
    const cols = p.isOp('(') ? definedColumnNames(p) : []
    if (p.accept('USING')) p.skipParens()
    const src: Source = { k: 'tfunc', name: 'EXTERNAL', args: [{ k: 'lit', loc: locOf(path, path), text: path.image.slice(1, -1) }], loc: locOf(start, p.prev()), ...(cols.length ? { columnAliases: cols } : {}) }
    parseAliasAndColumns(p, src); from.push(src); return
  }
  if (p.peek()?.kind === 'string' || p.peek()?.kind === 'param' || (p.isOp('@') && p.isIdentToken(1))) {
    // stage / file path read as a table (Snowflake @stage, DuckDB 'file.csv')
    const i0 = p.i
    const t = p.next(); if (t.image === '@') { p.qname() }
    while (!p.eof() && p.peek()!.start === p.prev().end && !p.isOp(')') && !p.isOp(',') && !p.isOp(';')) p.next()
    // the stage or file as written (@db.stage/dir/, 'file.csv'): the rows come from there
    const path = t.kind === 'string' && p.i === i0 + 1 ? t.image.slice(1, -1) : p.toks.slice(i0, p.i).map((x) => x.image).join('')
    // Snowflake @stage/file.csv (FILE_FORMAT => 'fmt', PATTERN => '…'): options of the read
    if (p.isOp('(') && p.isIdentToken(1) && p.isOp('=>', 2)) p.skipParens()
    const src: Source = { k: 'tfunc', name: 'STAGE', args: [{ k: 'lit', loc: locOf(t, p.prev()), text: path }], loc: locOf(start, p.prev()) }
    parseAliasAndColumns(p, src); from.push(src); return
  }
  if (p.isAnyWord(NOT_A_TABLE)) p.fail('expected a table name')
  // T-SQL OPENDATASOURCE('provider', 'connection').db.schema.t: a table of the ad hoc server, named by the rest
  if (p.d.batchWord !== undefined && p.isWord('OPENDATASOURCE') && p.isOp('(', 1)) { p.next(); p.skipParens(); p.expectOp('.') }
  const name = streamedTable(p) ?? p.tableName()
  // HANA calculation view input parameters, cv ('PLACEHOLDER' = ('$$p$$', 'v'), …) or cv (PLACEHOLDER."$$p$$" => 'v'): the view's rows
  if (p.d.name === 'dbvhana' && p.isOp('(') && (p.isWord('PLACEHOLDER', 1) || p.peek(1)?.image.toUpperCase() === "'PLACEHOLDER'")) p.skipParens()
  if (p.isOp('(') && !tsqlHintParens(p)) {
    p.next()
    const args: Expr[] = []
    let defined: Ident[] | undefined
    while (!p.isOp(')')) {
      if (p.acceptOp(',')) continue
      // JSON_TABLE / XMLTABLE … COLUMNS (name type PATH '…', …): the names are the function's columns
      if (p.isWord('COLUMNS') && !p.isOp(',', 1) && !p.isOp(')', 1)) { p.next(); defined = tableFunctionColumns(p); continue }
      // XMLTABLE('…' PASSING [BY VALUE] t.doc [AS x], …)
      if (p.isWord('PASSING') && !p.isOp(',', 1) && !p.isOp(')', 1)) { p.next(); if (p.isWord('BY')) p.i += 2; args.push(parseExpr(p)); if (p.isWord('AS') && p.isIdentToken(1)) p.i += 2; continue }
      if (p.isIdentToken() && (p.isOp('=>', 1) || (p.d.plpgsql && p.isOp(':=', 1)))) p.i += 2
      if (p.isWord('TABLE') && p.isOp('(', 1)) { p.next(); }
      // BigQuery ML.PREDICT(MODEL ds.m, TABLE ds.t | (SELECT …)): the model is no column, the table's rows go in
      if (p.isWord('MODEL') && p.isIdentToken(1)) { p.next(); p.qname(); continue }
      if (p.isWord('TABLE') && p.isIdentToken(1)) { const q = tableQuery(p); args.push({ k: 'subq', query: q, loc: q.loc }); continue }
      if (startsQuery(p)) { const q = parseQuery(p); args.push({ k: 'subq', query: q, loc: q.loc }); continue }
      args.push(parseExpr(p))
      if (p.isWord('WITH') && p.isWord('OFFSET', 1)) p.i += 2
    }
    p.expectOp(')')
    const fname = name.parts[name.parts.length - 1].name.toUpperCase()
    // CROSS APPLY t.doc.nodes('/r') AS n(x): the rows are the column's xml nodes
    if (xmlMethod(p, name)) args.unshift(xmlMethodSubject(p, name))
    // T-SQL remote and file rowsets: the arguments name a server, a provider or a file, never columns
    // (OPENROWSET(BULK 'file' | 'https://…/*.parquet', …) reads that file: its path is kept as the rows' source)
    if (REMOTE_ROWSETS.has(fname) && (p.d.name === 'dbvmssql' || p.d.name === 'dbvsybase')) args.splice(0, args.length, ...bulkPath(fname, args))
    // OPENJSON(…) / OPENXML(@doc, '/r', 1) / OPENROWSET(BULK …) WITH (col type ['path'], …): the rows' shape (Synapse
    // serverless reads lake files so); OPENXML also takes WITH a table's name
    if (p.isWord('WITH') && p.isOp('(', 1) && (fname === 'OPENJSON' || fname === 'OPENXML' || fname === 'OPENROWSET')) { p.next(); p.skipParens() }
    else if (fname === 'OPENXML' && p.isWord('WITH') && p.isIdentToken(1)) { p.next(); p.qname() }
    // Vertica transform functions: f(…) OVER (PARTITION BY … | PARTITION BEST | PARTITION NODES) splits the rows they read
    if (p.isWord('OVER') && p.isOp('(', 1)) { p.next(); p.skipParens() }
    const src: Source = { k: 'tfunc', name: fname, args, lateral, loc: locOf(start, p.prev()), ...(defined ? { columnAliases: defined } : {}) }
    if (p.isWord('WITH') && p.isWord('ORDINALITY', 1)) p.i += 2
    parseAliasAndColumns(p, src)
    if (p.isWord('WITH') && p.isWord('OFFSET', 1)) { p.i += 2; if (p.accept('AS') || canBeAlias(p)) p.ident() }
    from.push(src); skipPivot(p, from); return
  }
  skipTableModifiers(p)
  const src: Source = { k: 'table', name, loc: name.loc }
  parseAliasAndColumns(p, src)
  skipTableModifiers(p)
  // Redshift SUPER navigation FROM e, e.items AS i AT idx: idx is the element's position
  if (p.d.name === 'dbvredshift' && src.alias && p.isWord('AT') && p.isIdentToken(1)) { p.next(); src.position = p.ident() }
  from.push(src)
  skipPivot(p, from)
}

import { parseValuesRows as parseValuesRowsRef } from './query.js'

/** Databricks Delta Live Tables `FROM STREAM(live.t)`: the rows of table live.t as they arrive (undefined, nothing consumed, otherwise) */
function streamedTable(p: TokenCursor): QName | undefined {
  if ((p.d.name !== 'dbvhive' && p.d.name !== 'dbvimpala') || !p.isWord('STREAM')) return undefined
  // FROM STREAM read_files(…) / STREAM live.t / STREAM t: the same without parentheses (a table named stream
  // with an alias reads so too, but DLT pipelines write STREAM t far more often)
  if (p.isIdentToken(1) && !p.isAnyWord(['AS', 'WHERE', 'JOIN', 'LEFT', 'RIGHT', 'INNER', 'FULL', 'CROSS', 'GROUP', 'ORDER', 'LIMIT', 'UNION', 'LATERAL', 'WINDOW', 'HAVING'], 1)) { p.next(); return undefined }
  if (!p.isOp('(', 1) || !p.isIdentToken(2)) return undefined
  const save = p.i
  p.i += 2
  const name = p.tableName()
  if (p.acceptOp(')')) return name
  p.i = save
  return undefined
}

/**
 * PIVOT / UNPIVOT after a FROM item wrap it in a relation of its own (its columns are not the item's);
 * MATCH_RECOGNIZE keeps the item's columns, only its alias changes
 */
function skipPivot(p: TokenCursor, from: Source[]): void {
  while ((p.isWord('PIVOT') || p.isWord('UNPIVOT') || p.isWord('MATCH_RECOGNIZE')) && (p.isOp('(', 1) || p.isAnyWord(['INCLUDE', 'EXCLUDE', 'XML'], 1))) {
    const start = p.next()
    const inner = from[from.length - 1]
    const tmp: { alias?: Ident; columnAliases?: Ident[] } = {}
    if (start.upper === 'MATCH_RECOGNIZE') {
      const query = matchRecognize(p, inner, start)
      parseAliasAndColumns(p, tmp)
      from[from.length - 1] = { k: 'derived', query, alias: tmp.alias ?? inner.alias, loc: locOf(start, p.prev()) }
      continue
    }
    const pivot = start.upper === 'PIVOT' ? parsePivotBody(p) : parseUnpivotBody(p)
    parseAliasAndColumns(p, tmp)
    const src: Source = { k: 'pivot', source: inner, pivot, alias: tmp.alias ?? inner.alias, loc: locOf(start, p.prev()) }
    if (tmp.columnAliases) src.columnAliases = tmp.columnAliases
    if (tmp.alias) src.loc = tmp.alias.loc
    from[from.length - 1] = src
  }
}

/**
 * MATCH_RECOGNIZE (PARTITION BY … ORDER BY … MEASURES e AS m, … [ALL ROWS PER MATCH] … PATTERN … DEFINE …):
 * its rows are the partition columns and the measures (and, with ALL ROWS PER MATCH, the item's columns) —
 * a query over the item. A measure's pattern variable (LAST(b.sal)) names no table: the column is the item's
 */
function matchRecognize(p: TokenCursor, inner: Source, start: Token): Select {
  p.expectOp('(')
  const keys: SelectItem[] = []
  const items: SelectItem[] = []
  let allRows = false
  while (!p.eof() && !p.isOp(')')) {
    if (p.isWord('PARTITION') && p.isWord('BY', 1)) { p.i += 2; for (const e of parseExprList(p)) keys.push({ expr: e, loc: e.k === 'col' ? e.name.loc : e.loc }); continue }
    if (p.isWord('ORDER') && p.isWord('BY', 1)) { p.i += 2; parseOrderList(p); continue }
    if (p.accept('MEASURES')) {
      do { const e = unqualified(parseExpr(p)); p.accept('AS'); const alias = p.ident(); items.push({ expr: e, alias, loc: alias.loc }) } while (p.acceptOp(','))
      continue
    }
    if (p.isWord('ALL') && p.isWord('ROWS', 1)) allRows = true
    if (p.isOp('(')) p.skipParens(); else p.next()
  }
  p.expectOp(')')
  // ALL ROWS PER MATCH: every column of the item (the partition columns among them), then the measures
  const head = allRows ? [{ expr: { k: 'star', loc: locOf(start, start) } as Expr, loc: locOf(start, start) }] : keys
  return { k: 'select', distinct: false, items: [...head, ...items], from: [inner], joins: [], groupBy: [], connectBy: [], orderBy: [], loc: locOf(start, p.prev()) }
}

/** the expression with each column's qualifier dropped (MATCH_RECOGNIZE pattern variables: b.sal is sal) */
function unqualified(e: Expr): Expr {
  switch (e.k) {
    case 'col': return e.name.parts.length > 1 ? { k: 'col', name: { parts: e.name.parts.slice(-1), loc: e.name.loc } } : e
    case 'func': return { ...e, args: e.args.map(unqualified) }
    case 'op': return { ...e, args: e.args.map(unqualified) }
    case 'case': return { ...e, operand: e.operand && unqualified(e.operand), whens: e.whens.map((w) => ({ when: unqualified(w.when), then: unqualified(w.then) })), else: e.else && unqualified(e.else) }
    default: return e
  }
}

/** `c` or `(c1, c2)` */
function identOrList(p: TokenCursor): Ident[] {
  if (!p.acceptOp('(')) return [p.ident()]
  const out = [p.ident()]
  while (p.acceptOp(',')) out.push(p.ident())
  p.expectOp(')')
  return out
}

/**
 * An IN entry's output name when it has no alias: the value as written, quotes taken off ([2023],
 * "Q1", 'JAN'); a string or a number matches unquoted, as users write the column without quotes
 */
function pivotValueName(p: TokenCursor, from: number, to: number): Ident {
  const first = p.toks[from]
  const last = p.toks[to - 1]
  const loc = locOf(first, last)
  if (to - from === 1) return first.kind === 'qident' ? identOf(first) : { name: literalText(first), quoted: false, loc }
  let name = ''
  for (let j = from; j < to; j++) {
    const t = p.toks[j]
    if (t.kind === 'punct' && (t.image === '(' || t.image === ')')) continue
    name += t.kind === 'punct' && t.image === ',' ? '_' : t.kind === 'qident' ? identOf(t).name : literalText(t)
  }
  return { name, quoted: false, loc }
}

/** a string literal's text (also N'…', E'…'), any other token's image */
function literalText(t: Token): string {
  if (t.kind !== 'string') return t.image
  const q = t.image.search(/['"]/)
  if (q < 0) return t.image
  const c = t.image[q]
  return t.image.slice(q + 1, -1).split(c + c).join(c)
}

/** an IN entry's alias: `AS x`, `x`, or (UNPIVOT, Oracle) a string or a number */
function pivotEntryAlias(p: TokenCursor): Ident | undefined {
  const t = p.peek()
  if (!t || p.isOp(',') || p.isOp(')')) return undefined
  if (p.accept('AS') || t.kind === 'string' || t.kind === 'number' || canBeAlias(p)) {
    const a = p.next()
    return a.kind === 'string' || a.kind === 'number' ? { ...identOf(a), quoted: false } : identOf(a)
  }
  return undefined
}

/** PIVOT [XML] (agg [AS a], … FOR col | (cols) IN (v [AS x], … | ANY … | subquery) [DEFAULT ON NULL (…)] [GROUP BY …]) */
function parsePivotBody(p: TokenCursor): PivotSpec {
  const dynamicXml = p.accept('XML')
  p.expectOp('(')
  const aggs: PivotSpec['aggs'] = []
  do {
    const expr = parseExpr(p)
    const alias = p.accept('AS') || canBeAlias(p) ? p.ident() : undefined
    aggs.push(alias ? { expr, alias } : { expr })
  } while (p.acceptOp(','))
  p.expect('FOR')
  // FOR s.month: the qualifier can only name the pivoted item
  const forCols = p.acceptOp('(') ? columnList(p) : [lastPart(p)]
  p.expect('IN')
  let values: Ident[] | undefined = []
  if (p.isOp('(') && (p.isWord('ANY', 1) || startsQuery(p, 1))) { p.skipParens(); values = undefined }
  else {
    p.expectOp('(')
    do {
      const from = p.i
      if (p.isOp('(')) p.skipParens(); else parseExpr(p)
      const to = p.i
      values.push(pivotEntryAlias(p) ?? pivotValueName(p, from, to))
    } while (p.acceptOp(','))
    p.expectOp(')')
  }
  // Snowflake DEFAULT ON NULL (v): a literal for empty cells; Trino GROUP BY inside: the grouping is the other columns anyway
  if (p.acceptSeq('DEFAULT', 'ON', 'NULL')) p.skipParens()
  if (p.isWord('GROUP') && p.isWord('BY', 1)) { p.i += 2; parseExprList(p) }
  p.expectOp(')')
  return { unpivot: false, aggs, forCols, values: dynamicXml ? undefined : values, valueCols: [], inCols: [] }
}

/** UNPIVOT [INCLUDE | EXCLUDE NULLS] (v | (v1, v2) FOR name IN (c [AS 'x'] | (c1, c2) [AS 'x'], …)) */
function parseUnpivotBody(p: TokenCursor): PivotSpec {
  if (p.accept('INCLUDE') || p.accept('EXCLUDE')) p.accept('NULLS')
  p.expectOp('(')
  const valueCols = identOrList(p)
  p.expect('FOR')
  const forCols = identOrList(p)
  p.expect('IN')
  p.expectOp('(')
  const inCols: Ident[][] = []
  do {
    inCols.push(p.acceptOp('(') ? columnList(p) : [lastPart(p)])
    pivotEntryAlias(p)
  } while (p.acceptOp(','))
  p.expectOp(')')
  p.expectOp(')')
  return { unpivot: true, aggs: [], forCols, valueCols, inCols }
}

/** a column of the pivoted item, written plain or qualified */
function lastPart(p: TokenCursor): Ident { const q = p.qname(); return q.parts[q.parts.length - 1] }

/** `c1, s.c2)` after an opening parenthesis */
function columnList(p: TokenCursor): Ident[] {
  const cols = [lastPart(p)]
  while (p.acceptOp(',')) cols.push(lastPart(p))
  p.expectOp(')')
  return cols
}
