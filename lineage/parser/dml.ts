// Grammar chapter: DML (INSERT, UPDATE, DELETE, MERGE) with the vendor forms the core accepts.
import type { Assign, Expr, Ident, InsertBranch, MergeWhen, OutputTable, Query, SelectItem, Stmt, TableRef, With } from '../ast/types.js'
import { TokenCursor, locOf, statementWord, type ParseError } from './base.js'
import { canBeAlias, parseExpr, parseExprList, parseSelectItem } from './expressions.js'
import { skipToEnd } from './ddl.js'
import { parseProcedural } from './procedural.js'
import { parseFromClause, parseFromItem, parseFromTail, parseFromFirstQuery, parseQuery, parseValuesRows, startsQuery, parseWith, remoteQuery } from './query.js'

type Insert = Extract<Stmt, { k: 'insert' }>
type Update = Extract<Stmt, { k: 'update' }>
type Delete = Extract<Stmt, { k: 'delete' }>
type Merge = Extract<Stmt, { k: 'merge' }>

function tableRef(p: TokenCursor, allowAlias = true): TableRef {
  const name = p.tableName()
  let alias: Ident | undefined
  // T-SQL table hints on a DML target: MERGE dbo.t WITH (HOLDLOCK) AS t …, DELETE FROM t WITH (ROWLOCK)
  if (p.d.batchWord !== undefined && p.isWord('WITH') && p.isOp('(', 1) && !startsQuery(p, 2)) { p.next(); p.skipParens() }
  // Oracle DELETE FROM t PARTITION (p) | SUBPARTITION FOR (key) …: the rows of one partition of t
  if (p.d.name === 'dbvoracle' && p.isAnyWord(['PARTITION', 'SUBPARTITION']) && (p.isOp('(', 1) || (p.isWord('FOR', 1) && p.isOp('(', 2)))) { p.next(); p.accept('FOR'); p.skipParens() }
  if (allowAlias) {
    if (p.isWord('AS') && !startsQuery(p, 1)) { p.next(); alias = p.ident() }
    else if (canBeAlias(p) && !p.isAnyWord(['DEFAULT', 'OVERWRITE', 'PARTITION', 'IGNORE', 'TABLE', 'BY'])) alias = p.ident()
  }
  return { name, alias, loc: name.loc }
}

function identList(p: TokenCursor): Ident[] {
  p.expectOp('(')
  const out: Ident[] = []
  if (!p.isOp(')')) { do { const q = p.qname(); out.push(q.parts[q.parts.length - 1]) } while (p.acceptOp(',')) }
  p.expectOp(')')
  return out
}

/** DB2 for z/OS multi-row INSERT and MERGE: NOT ATOMIC CONTINUE ON SQLEXCEPTION (a failed row leaves the others) */
function notAtomic(p: TokenCursor): void {
  if (p.isWord('NOT') && p.isWord('ATOMIC', 1)) { p.i += 2; if (p.acceptSeq('CONTINUE', 'ON')) p.accept('SQLEXCEPTION') }
}

/** Oracle DML error logging: LOG ERRORS [INTO t] [('tag')] [REJECT LIMIT n|UNLIMITED] */
export function skipLogErrors(p: TokenCursor): void {
  if (!(p.isWord('LOG') && p.isWord('ERRORS', 1))) return
  p.i += 2
  if (p.accept('INTO')) p.qname()
  if (p.isOp('(')) p.skipParens()
  if (p.acceptSeq('REJECT', 'LIMIT')) p.next()
}

function parseReturning(p: TokenCursor, s: { returning?: SelectItem[]; returningInto?: Expr[] }): void {
  skipLogErrors(p)
  // Oracle also spells it RETURN; in T-SQL / ASE (no RETURNING, no terminator) a RETURN after the DML is the next statement
  if (!(p.isWord('RETURNING') || (p.isWord('RETURN') && p.d.batchWord === undefined))) return
  p.next()
  s.returning = []
  do s.returning.push(parseSelectItem(p)); while (p.acceptOp(','))
  if (p.accept('INTO') || p.acceptSeq('BULK', 'COLLECT', 'INTO')) { s.returningInto = parseExprList(p) }
}

/** T-SQL OUTPUT inserted.x, deleted.y [INTO @t | INTO table [(columns)]] */
function parseOutput(p: TokenCursor, s: { returning?: SelectItem[]; returningInto?: Expr[]; outputTable?: OutputTable }): void {
  if (!p.isWord('OUTPUT')) return
  p.next()
  s.returning = []
  do s.returning.push(parseSelectItem(p)); while (p.acceptOp(','))
  if (!p.accept('INTO')) return
  const t = p.peek()
  if (t && (t.kind === 'param' || (t.kind === 'word' && t.image.startsWith('@')))) { s.returningInto = [parseExpr(p)]; if (p.isOp('(')) p.skipParens(); return }
  const name = p.qname()
  let columns: Ident[] | undefined
  if (p.acceptOp('(')) { columns = [p.ident()]; while (p.acceptOp(',')) columns.push(p.ident()); p.expectOp(')') }
  s.outputTable = { name, columns }
}

/** `TABLE t` (Spark, PostgreSQL, MySQL 8: INSERT INTO a TABLE b): SELECT * FROM t */
export function tableQuery(p: TokenCursor): Query {
  const start = p.next()
  const name = p.qname()
  const loc = locOf(start, p.prev())
  return { k: 'select', distinct: false, items: [{ expr: { k: 'star', loc }, loc }], from: [{ k: 'table', name, loc: name.loc }], joins: [], groupBy: [], connectBy: [], orderBy: [], loc }
}

/** Hive / Spark `INSERT INTO a FROM src SELECT …`: the FROM clause written before the query */

/** Databricks UPDATE SET * EXCEPT (c, …) / INSERT * EXCEPT (c, …): the columns the star leaves alone */
function starExcept(p: TokenCursor, wh: MergeWhen): void {
  if (p.isWord('EXCEPT') && p.isOp('(', 1)) { p.next(); wh.starExcept = identList(p).map((c) => c.name.toUpperCase()) }
}

export function parseInsert(p: TokenCursor, w?: With): Stmt {
  const start = p.next() // INSERT / INS / REPLACE / UPSERT
  const s: Insert = { k: 'insert', target: undefined as unknown as TableRef, loc: locOf(start, start), with: w }
  while (p.isAnyWord(['IGNORE', 'LOW_PRIORITY', 'DELAYED', 'HIGH_PRIORITY'])) p.next()
  // Snowflake INSERT [OVERWRITE] ALL | FIRST …: a multi-table insert (OVERWRITE empties its targets first)
  if (p.isWord('OVERWRITE') && p.isAnyWord(['ALL', 'FIRST'], 1) && (p.isWord('INTO', 2) || p.isWord('WHEN', 2))) p.next()
  if (p.isAnyWord(['ALL', 'FIRST']) && (p.isWord('INTO', 1) || p.isWord('WHEN', 1))) return parseInsertAll(p, start, w)
  if (p.accept('OVERWRITE')) { s.overwrite = true; if (p.isWord('DIRECTORY') || p.isWord('LOCAL')) return parseInsertDirectory(p, start) }
  p.accept('INTO'); p.accept('TABLE')
  // T-SQL INSERT OPENQUERY(server, 'SELECT cols FROM t') …: like INSERT INTO (SELECT cols FROM t)
  const remote = remoteQuery(p)
  if (remote) insertIntoView(p, s, remote)
  else if (p.isOp('(') && startsQuery(p, 1)) insertIntoView(p, s, queryInParens(p))
  else s.target = tableRef(p, true)
  if (s.target.alias && ['SELECT', 'VALUES', 'WITH', 'SEL', 'OVERRIDING'].includes(s.target.alias.name.toUpperCase()) && !s.target.alias.quoted) { p.i--; s.target.alias = undefined }
  if (p.isWord('PARTITION') && p.isOp('(', 1)) { p.next(); s.partition = partitionSpec(p, s) }
  if (p.isOp('(') && p.isWord('KEY', 1) && p.isOp(',', 2) && p.d.name === 'dbvcouchbase') p.skipParens()
  if (p.isOp('(') && p.isWord('KEY', 1) && p.d.name === 'dbvcouchbase') {
    p.next(); p.next()
    parseExpr(p) // the KEY expression builds document keys, not fields (D17)
    if (p.acceptOp(',') && p.accept('VALUE')) s.documentValue = parseExpr(p)
    while (p.acceptOp(',')) { p.next(); parseExpr(p) }
    p.expectOp(')')
  }
  if (p.isWord('WITH') && p.isOp('(', 1) && !startsQuery(p, 2)) { p.next(); p.skipParens() }
  if (p.isOp('(') && !startsQuery(p, 1)) s.columns = identList(p)
  if (p.isWord('PARTITION') && p.isOp('(', 1)) { p.next(); s.partition = partitionSpec(p, s) }
  // Hive INSERT OVERWRITE TABLE t PARTITION (…) IF NOT EXISTS: skip the partition when it is there
  p.acceptSeq('IF', 'NOT', 'EXISTS')
  p.skipBracketHint()
  if (p.isWord('REPLACE') && p.isWord('WHERE', 1)) { p.i += 2; s.replaceWhere = parseExpr(p) }
  // Databricks REPLACE USING (cols): the rows replaced are matched on these columns, the query fills them as usual
  if (p.isWord('REPLACE') && p.isWord('USING', 1) && p.isOp('(', 2)) { p.i += 2; p.skipParens() }
  if (p.isWord('BY') && p.isWord('NAME', 1)) { p.i += 2; s.byName = true }
  // PostgreSQL identity columns: OVERRIDING SYSTEM | USER VALUE
  if (p.isWord('OVERRIDING') && p.isWord('VALUE', 2)) p.i += 3
  parseOutput(p, s)
  if (p.acceptSeq('DEFAULT', 'VALUES')) s.defaultValues = true
  else if (p.isWord('VALUES') || p.isWord('VALUE')) {
    p.next()
    const bare = !p.isOp('(')
    s.values = parseValuesRows(p)
    if (bare && p.d.name === 'dbvoracle' && s.values.length === 1 && s.values[0].length === 1) s.recordValues = true
    // MySQL 8: VALUES (…) AS new [(c1, …)] ON DUPLICATE KEY UPDATE c = new.c
    if (p.isWord('AS') && p.isIdentToken(1)) {
      p.next(); s.rowAlias = { name: p.ident() }
      if (p.acceptOp('(')) { const cols = [p.ident()]; while (p.acceptOp(',')) cols.push(p.ident()); p.expectOp(')'); s.rowAlias.columns = cols }
    }
    if (p.isWord('WITH') && p.isWord('PRIMARY', 1)) { p.i += 2; p.accept('KEY') }
    // DB2 for z/OS multi-row insert from host-variable arrays: FOR :n | n ROWS [ATOMIC | NOT ATOMIC CONTINUE ON SQLEXCEPTION]
    else if (p.d.name === 'dbvdb2' && p.isWord('FOR') && (p.isWord('ROWS', 2) || (p.isOp(':', 1) && p.isWord('ROWS', 3)))) { p.i += p.isWord('ROWS', 2) ? 3 : 4; p.accept('ATOMIC'); notAtomic(p) }
    // HANA UPSERT t VALUES (…) WHERE cond: cond picks the rows the values update, like REPLACE WHERE
    else if (start.upper === 'UPSERT' && p.accept('WHERE')) s.replaceWhere = parseExpr(p)
  }
  else if (p.isWord('SET') && (p.d.name === 'dbvmysql')) { p.next(); s.setAssigns = parseAssignments(p) }
  else if (startsQuery(p)) {
    s.query = parseQuery(p)
    // HANA UPSERT | REPLACE t SELECT … WITH PRIMARY KEY: the rows are matched on the key (it was read as a WITH statement)
    if (p.isWord('WITH') && p.isWord('PRIMARY', 1) && p.isWord('KEY', 2)) p.i += 3
  }
  else if (p.isWord('TABLE') && p.isIdentToken(1)) s.query = tableQuery(p)
  else if (p.isWord('FROM') && (p.d.name === 'dbvhive' || p.d.name === 'dbvimpala')) s.query = parseFromFirstQuery(p)
  // INSERT … EXEC p args: T-SQL needs no `;` after it, the next line's statement must not be swallowed
  // (INSERT … EXEC (@sql) | sp_executesql …: the rows are those of the dynamic SQL's query, when it is one)
  else if (p.isWord('EXEC') || p.isWord('EXECUTE')) {
    const run = parseProcedural(p, p.peek()!)
    if (run?.k === 'block' && run.body.length === 1 && run.body[0].k === 'query') s.query = run.body[0].query
  }
  else if (p.d.name === 'dbvcouchbase' && p.isOp('(')) { p.skipParens() }
  else p.fail('expected VALUES or a query')
  if (p.isWord('ON') && p.isWord('CONFLICT', 1)) {
    p.i += 2
    if (p.isOp('(')) p.skipParens()
    if (p.acceptSeq('ON', 'CONSTRAINT')) p.ident()
    if (p.accept('WHERE')) parseExpr(p)
    p.expect('DO')
    if (p.accept('NOTHING')) { /* no values */ } else { p.expect('UPDATE'); p.expect('SET'); s.conflict = parseAssignments(p); if (p.accept('WHERE')) s.conflictWhere = parseExpr(p) }
  }
  if (p.isWord('ON') && p.isWord('DUPLICATE', 1)) { p.i += 2; p.expect('KEY'); p.expect('UPDATE'); s.conflict = parseAssignments(p) }
  parseReturning(p, s)
  s.loc = locOf(start, p.prev())
  return s
}

/**
 * Oracle INSERT INTO (SELECT a, b FROM t [alias] WHERE …) [alias] VALUES …: the rows go into t, the view's
 * columns name the target columns (a non-column item leaves the list to the table's order)
 */
/** ( query ) */
function queryInParens(p: TokenCursor): Query {
  p.next()
  const q = parseQuery(p)
  p.expectOp(')')
  return q
}

function insertIntoView(p: TokenCursor, s: Insert, q: Query): void {
  if (canBeAlias(p) && !p.isAnyWord(['VALUES', 'SELECT', 'WITH'])) p.ident()
  const table = q.k === 'select' && q.from.length === 1 && q.joins.length === 0 ? q.from[0] : undefined
  if (!table || table.k !== 'table') p.fail('expected a table in the view of INSERT INTO (SELECT …)')
  s.target = { name: table.name, loc: table.name.loc }
  const cols = (q as import('../ast/types.js').Select).items.map((it) => it.expr.k === 'col' ? it.expr.name.parts[it.expr.name.parts.length - 1] : undefined)
  if (cols.every((c) => c !== undefined)) s.columns = cols as Ident[]
}

function partitionSpec(p: TokenCursor, s: Insert): Ident[] {
  p.expectOp('(')
  const dyn: Ident[] = []
  s.staticPartition = []
  do {
    const id = p.ident()
    if (p.acceptOp('=')) { parseExpr(p); s.staticPartition.push(id.name.toUpperCase()) } else dyn.push(id)
  } while (p.acceptOp(','))
  p.expectOp(')')
  return dyn
}

function parseInsertDirectory(p: TokenCursor, start: import('../lexer/lexer.js').Token): Stmt {
  p.accept('LOCAL'); p.expect('DIRECTORY')
  const path = p.next().image
  while (!startsQuery(p) && !p.eof() && !p.isOp(';')) { if (p.isOp('(')) p.skipParens(); else p.next() }
  const query = parseQuery(p)
  return { k: 'copy', table: { parts: [], loc: locOf(start, start) }, location: path, direction: 'out', query, loc: locOf(start, p.prev()) }
}

/** Oracle INSERT ALL / FIRST … [WHEN c THEN] INTO t (cols) VALUES (…) … SELECT … */
function parseInsertAll(p: TokenCursor, start: import('../lexer/lexer.js').Token, w?: With): Stmt {
  p.next()
  const branches: InsertBranch[] = []
  let when: Expr | undefined
  let isElse = false
  while (!startsQuery(p)) {
    if (p.accept('WHEN')) { when = parseExpr(p); p.expect('THEN'); isElse = false; continue }
    if (p.accept('ELSE')) { when = undefined; isElse = true; continue }
    p.expect('INTO')
    const target = tableRef(p, true)
    const b: InsertBranch = { target, when, isElse }
    if (p.isOp('(')) b.columns = identList(p)
    if (p.accept('VALUES')) { p.expectOp('('); b.values = parseExprList(p); p.expectOp(')') }
    branches.push(b)
  }
  const query = parseQuery(p)
  return { k: 'insert', target: branches[0]?.target, multi: branches, query, loc: locOf(start, p.prev()), with: w }
}

/** at `(`: whether a `,` follows at depth 1 (a row of values), not a parenthesised query */
function rowOfValues(p: TokenCursor): boolean {
  let depth = 0
  for (let k = 0; p.peek(k); k++) {
    const t = p.peek(k)!
    if (t.kind !== 'punct' && t.kind !== 'op') continue
    if (t.image === '(') depth++
    else if (t.image === ')') { if (--depth === 0) return false }
    else if (t.image === ',' && depth === 1) return true
    else if (t.image === ';') return false
  }
  return false
}

export function parseAssignments(p: TokenCursor): Assign[] {
  const out: Assign[] = []
  do {
    const start = p.peek()!
    if (p.isOp('(')) {
      p.next(); const targets = [p.qname()]; while (p.acceptOp(',')) targets.push(p.qname()); p.expectOp(')')
      p.expectOp('=')
      // SET (a, b) = (SELECT …), but not the row ((SELECT …), 0) whose first value is a subquery
      if (p.isOp('(') && startsQuery(p, 1) && !(p.isOp('(', 1) && rowOfValues(p))) { p.next(); const q = parseQuery(p); p.expectOp(')'); out.push({ targets, query: q, loc: locOf(start, p.prev()) }) }
      else { p.accept('ROW'); const v = parseExpr(p); out.push({ targets, value: v, loc: locOf(start, p.prev()) }) }
      continue
    }
    const target = p.qname()
    // PostgreSQL SET arr[i] = v, SET arr[lo:hi] = v: an element of the column is still the column
    while (p.isOp('[')) p.skipBrackets()
    // T-SQL SET c.WRITE(expr, @offset, @length) and SET udt_col.Mutator(args): the call changes the column it is on
    if (p.isOp('(') && target.parts.length > 1 && p.d.batchWord !== undefined) {
      const open = p.next()
      const args = p.isOp(')') ? [] : parseExprList(p); p.expectOp(')')
      const value: Expr = { k: 'func', name: target.parts[target.parts.length - 1].name.toUpperCase(), args, loc: locOf(open, p.prev()) }
      out.push({ targets: [{ parts: target.parts.slice(0, -1), loc: target.loc }], value, loc: locOf(start, p.prev()) })
      continue
    }
    if (!p.acceptOp('=') && !p.acceptOp('+=') && !p.acceptOp('-=')) {
      if (p.isOp('+') || p.isOp('-') || p.isOp('*') || p.isOp('/') || p.isOp('|')) { p.next(); p.expectOp('=') } else p.expectOp('=')
    }
    // T-SQL SET @v = c = expr: the column and the variable both take the value
    const v = target.parts[0].name
    if (target.parts.length === 1 && p.d.variablePrefix && v.startsWith(p.d.variablePrefix) && p.isIdentToken() && p.isOp('=', 1)) {
      const second = p.qname(); p.next()
      out.push({ targets: [target, second], value: parseExpr(p), loc: locOf(start, p.prev()) })
      continue
    }
    const value = p.isWord('DEFAULT') ? (p.next(), { k: 'lit', loc: locOf(p.prev(), p.prev()) } as Expr) : parseExpr(p)
    // N1QL: SET path = v FOR x IN arr [WHEN cond] END
    if (p.isWord('FOR') && p.d.name === 'dbvcouchbase') { while (!p.eof() && !p.isWord('END')) p.next(); p.expect('END') }
    out.push({ targets: [target], value, loc: locOf(start, p.prev()) })
  } while (p.acceptOp(','))
  return out
}

/** DML TOP (n) [PERCENT]; Sybase ASE writes the count bare: DELETE TOP 1000 FROM t */
function skipTop(p: TokenCursor): void {
  if (!p.isWord('TOP')) return
  p.next()
  const n = p.peek()
  if (p.isOp('(')) p.skipParens(); else if (n && (n.kind === 'number' || n.kind === 'param' || (p.d.variablePrefix && n.image.startsWith(p.d.variablePrefix)))) p.next()
  p.accept('PERCENT')
}

export function parseUpdate(p: TokenCursor, w?: With): Stmt {
  const start = p.next()
  while (p.isAnyWord(['LOW_PRIORITY', 'IGNORE', 'ONLY'])) p.next()
  skipTop(p)
  const vs = p.peek()!
  // Oracle: UPDATE (SELECT …) [alias] SET … — the view's columns lead back to the base tables; so do
  // T-SQL UPDATE OPENQUERY(server, 'SELECT …') SET …'s
  const query = remoteQuery(p) ?? (p.isOp('(') && startsQuery(p, 1) ? queryInParens(p) : undefined)
  if (query) {
    const alias = canBeAlias(p) && !p.isWord('SET') ? p.ident() : undefined
    const name = { parts: [alias ?? { name: '(inline view)', quoted: false, loc: locOf(vs, vs) }], loc: locOf(vs, vs) }
    const s: Update = { k: 'update', target: { name, alias, loc: name.loc }, inlineView: query, sets: [], from: [], joins: [], loc: locOf(start, start), with: w }
    p.expect('SET'); s.sets = parseAssignments(p)
    if (p.accept('FROM')) parseFromClause(p, s.from, s.joins)
    if (p.accept('WHERE')) s.where = parseExpr(p)
    skipLogErrors(p)
    s.loc = locOf(start, p.prev())
    return s
  }
  const s: Update = { k: 'update', target: tableRef(p, !p.isWord('SET', 1) && !p.isWord('FOR', 1)), sets: [], from: [], joins: [], loc: locOf(start, start), with: w }
  if (s.target.alias?.name.toUpperCase() === 'SET') { p.i--; s.target.alias = undefined }
  skipPortionOf(p, s.target)
  // N1QL UPDATE b USE KEYS "k1" SET …: the keys pick documents, they move no value
  if (p.d.name === 'dbvcouchbase' && p.isWord('USE') && p.isAnyWord(['KEYS', 'KEY'], 1)) { p.i += 2; parseExpr(p) }
  // MySQL multi-table UPDATE a JOIN b ON … SET …; Teradata UPDATE a FROM b, c SET
  if (p.isOp(',') || p.isAnyWord(['JOIN', 'INNER', 'LEFT', 'RIGHT', 'CROSS', 'STRAIGHT_JOIN'])) {
    s.from.push({ k: 'table', name: s.target.name, alias: s.target.alias, loc: s.target.name.loc })
    parseFromTail(p, s.from, s.joins)
  }
  if (p.accept('FROM') && !p.isWord('SET', 0)) parseFromClause(p, s.from, s.joins)
  if (p.isWord('WITH') && p.isOp('(', 1)) { p.next(); p.skipParens() }
  if (p.isWord('UNSET') && p.d.name === 'dbvcouchbase') {
    // N1QL UPDATE … UNSET path: removes fields, moves no value
    p.next(); do { parseExpr(p) } while (p.acceptOp(','))
  } else {
    p.expect('SET')
    s.sets = parseAssignments(p)
    if (p.isWord('UNSET')) { p.next(); do { parseExpr(p) } while (p.acceptOp(',')) }
  }
  parseOutput(p, s)
  if (p.accept('FROM')) parseFromClause(p, s.from, s.joins)
  return finishUpdateOrDelete(p, s, start)
}

/**
 * DB2 / SQL:2011 application-period DML: UPDATE t FOR PORTION OF BUSINESS_TIME FROM x TO y [AS] a SET …,
 * DELETE FROM t FOR PORTION OF … — the period bounds only pick the rows; an alias may follow them
 */
function skipPortionOf(p: TokenCursor, target: TableRef): void {
  if (!(p.isWord('FOR') && p.isWord('PORTION', 1) && p.isWord('OF', 2))) return
  p.i += 3; p.ident()
  if (p.accept('FROM')) { parseExpr(p); p.expect('TO'); parseExpr(p) } else if (p.accept('BETWEEN')) { parseExpr(p) }
  if (!target.alias && (p.accept('AS') || canBeAlias(p)) && !p.isAnyWord(['SET', 'WHERE'])) target.alias = p.ident()
}

/** WHERE [CURRENT OF c], RETURNING, MySQL ORDER BY / LIMIT: the shared end of UPDATE and DELETE */
function finishUpdateOrDelete<T extends Update | Delete>(p: TokenCursor, s: T, start: import('../lexer/lexer.js').Token): T {
  if (p.accept('WHERE')) {
    if (p.isWord('CURRENT') && p.isWord('OF', 1)) { p.i += 2; p.ident() } else s.where = parseExpr(p)
  }
  parseReturning(p, s)
  if (p.isWord('ORDER') && p.isWord('BY', 1)) { p.i += 2; parseExprList(p) }
  if (p.accept('LIMIT')) parseExpr(p)
  skipQueryHints(p)
  s.loc = locOf(start, p.prev())
  return s
}

/** T-SQL OPTION (RECOMPILE, MAXDOP 1 …) after a statement: plan hints, no lineage */
export function skipQueryHints(p: TokenCursor): void {
  if (p.isWord('OPTION') && p.isOp('(', 1)) { p.next(); p.skipParens() }
}

export function parseDelete(p: TokenCursor, w?: With): Stmt {
  const start = p.next()
  while (p.isAnyWord(['LOW_PRIORITY', 'QUICK', 'IGNORE'])) p.next()
  skipTop(p)
  const s: Delete = { k: 'delete', target: undefined as unknown as TableRef, from: [], joins: [], loc: locOf(start, start), with: w }
  if (p.d.name === 'dbvmysql' && p.isWord('HISTORY') && p.isWord('FROM', 1)) p.next()
  p.accept('FROM')
  const vs = p.peek()!
  // DB2 / Oracle DELETE FROM (fullselect) [alias]: the rows removed are those of the tables the view selects
  // (T-SQL DELETE OPENQUERY(server, 'SELECT …'): those of the remote query)
  s.inlineView = remoteQuery(p) ?? (p.isOp('(') && startsQuery(p, 1) ? queryInParens(p) : undefined)
  if (s.inlineView) {
    const alias = canBeAlias(p) ? p.ident() : undefined
    const name = { parts: [alias ?? { name: '(inline view)', quoted: false, loc: locOf(vs, vs) }], loc: locOf(vs, vs) }
    s.target = { name, alias, loc: name.loc }
    return finishUpdateOrDelete(p, s, start)
  }
  // MySQL: DELETE t1, t2 FROM …  / DELETE t1 FROM t1 JOIN …
  s.target = tableRef(p, !p.isWord('FROM', 1) && !p.isOp(',', 1) && !p.isWord('ALL', 1) && !p.isWord('FOR', 1) && !(p.isOp('.', 1) && p.isOp('*', 2)))
  skipPortionOf(p, s.target)
  p.accept('ALL')
  if (p.d.name === 'dbvmysql') {
    // DELETE t1.*, t2.* FROM …, DELETE FROM t PARTITION (p) WHERE …: the tables whose rows go
    const star = () => { if (p.isOp('.') && p.isOp('*', 1)) p.i += 2 }
    star()
    while (p.acceptOp(',')) { p.qname(); star() }
    if (p.isWord('PARTITION') && p.isOp('(', 1)) { p.next(); p.skipParens() }
    // MariaDB DELETE HISTORY FROM t [BEFORE SYSTEM_TIME ts]: the old row versions of a system-versioned table
    if (s.target.alias?.name.toUpperCase() === 'BEFORE' && p.isWord('SYSTEM_TIME')) { p.i--; s.target.alias = undefined }
    if (p.isWord('BEFORE') && p.isWord('SYSTEM_TIME', 1)) { p.i += 2; parseExpr(p) }
  }
  parseOutput(p, s)
  // Teradata: DELETE FROM t, u WHERE t.k = u.k — the tables after the first only pick its rows
  if (p.isOp(',')) { s.from.push({ k: 'table', name: s.target.name, alias: s.target.alias, loc: s.target.name.loc }); parseFromTail(p, s.from, s.joins) }
  if (p.accept('FROM')) parseFromClause(p, s.from, s.joins)
  if (p.isAnyWord(['JOIN', 'INNER', 'LEFT'])) { s.from.push({ k: 'table', name: s.target.name, alias: s.target.alias, loc: s.target.name.loc }); parseFromTail(p, s.from, s.joins) }
  if (p.accept('USING')) parseFromClause(p, s.from, s.joins)
  if (p.isWord('WITH') && p.isOp('(', 1)) { p.next(); p.skipParens() }
  return finishUpdateOrDelete(p, s, start)
}

/**
 * Databricks Delta Live Tables APPLY CHANGES INTO t FROM src KEYS (k, …) [IGNORE NULL UPDATES] [WHERE c]
 * [APPLY AS DELETE | TRUNCATE WHEN c]… SEQUENCE BY e [COLUMNS (a, …) | COLUMNS * [EXCEPT (a, …)]]
 * [STORED AS SCD TYPE n] [TRACK HISTORY ON …]: a MERGE that upserts src's columns into t by name
 */
export function parseApplyChanges(p: TokenCursor): Stmt {
  const start = p.next(); p.next(); p.expect('INTO')
  const target = tableRef(p, false)
  p.expect('FROM')
  // FROM STREAM(src) or FROM src, never aliased (KEYS follows)
  const stream = p.isWord('STREAM') && p.isOp('(', 1) && p.accept('STREAM') && p.acceptOp('(')
  const name = p.tableName()
  if (stream) p.expectOp(')')
  p.expect('KEYS')
  // the keys match source rows to target rows: columns of the source
  const keys: Expr[] = identList(p).map((c) => ({ k: 'col', name: { parts: [...name.parts, c], loc: c.loc } }))
  const wh: MergeWhen = { matched: false, action: 'insert', star: true, loc: locOf(start, start) }
  for (;;) {
    if (p.acceptSeq('IGNORE', 'NULL', 'UPDATES')) continue
    if (p.accept('WHERE')) { wh.cond = parseExpr(p); continue }
    // APPLY AS DELETE WHEN c: which change rows delete; SEQUENCE BY e: their order
    if (p.isWord('APPLY') && p.isWord('AS', 1)) { p.i += 3; p.expect('WHEN'); parseExpr(p); continue }
    if (p.acceptSeq('SEQUENCE', 'BY')) { parseExpr(p); continue }
    if (p.accept('COLUMNS') || p.acceptSeq('TRACK', 'HISTORY', 'ON')) {
      const history = p.prev().upper === 'ON'
      if (p.acceptOp('*')) { if (p.isWord('EXCEPT') && p.isOp('(', 1)) { p.next(); const ex = identList(p); if (!history) wh.starExcept = ex.map((c) => c.name.toUpperCase()) } }
      else {
        const cols = p.isOp('(') ? identList(p) : [p.ident()]
        while (!p.isOp('(', -1) && p.acceptOp(',')) cols.push(p.ident())
        if (!history) { wh.star = false; wh.columns = cols; wh.values = cols.map((c) => ({ k: 'col', name: { parts: [c], loc: c.loc } })) }
      }
      continue
    }
    if (p.acceptSeq('STORED', 'AS', 'SCD', 'TYPE')) { p.next(); continue }
    break
  }
  wh.loc = locOf(start, p.prev())
  const on: Expr = { k: 'op', op: 'KEYS', args: keys, loc: locOf(start, p.prev()) }
  return { k: 'merge', target, using: { k: 'table', name, loc: name.loc }, on, whens: [wh], loc: locOf(start, p.prev()) }
}

/** Oracle MERGE INTO (SELECT … FROM t WHERE …) alias: the rows merged are t's (the view only picks them) */
function mergeIntoView(p: TokenCursor): TableRef {
  p.next()
  const q = parseQuery(p); p.expectOp(')')
  const src = q.k === 'select' && q.from.length === 1 && !q.joins.length ? q.from[0] : undefined
  if (src?.k !== 'table') return p.fail('expected a view of one table')
  const alias = canBeAlias(p) && !p.isWord('USING') ? p.ident() : undefined
  return { name: src.name, alias, loc: src.name.loc }
}

export function parseMerge(p: TokenCursor, w?: With): Stmt {
  const start = p.next()
  skipTop(p)
  // Databricks MERGE WITH SCHEMA EVOLUTION INTO: the target takes the source's new columns, the rows merge as usual
  if (p.isWord('WITH') && p.isWord('SCHEMA', 1) && p.isWord('EVOLUTION', 2)) p.i += 3
  p.accept('INTO')
  const target = p.isOp('(') && startsQuery(p, 1) ? mergeIntoView(p) : tableRef(p, !p.isWord('USING', 0))
  if (target.alias?.name.toUpperCase() === 'USING') { p.i--; target.alias = undefined }
  p.expect('USING')
  const from: import('../ast/types.js').Source[] = []
  parseFromItem(p, from, [])
  p.expect('ON')
  const on = parseExpr(p)
  const whens: MergeWhen[] = []
  while (p.isWord('WHEN')) {
    const ws = p.next()
    const matched = !p.accept('NOT')
    p.expect('MATCHED')
    if (p.accept('BY')) p.next()
    const wh: MergeWhen = { matched, action: 'nothing', loc: locOf(ws, ws) }
    if (p.accept('AND')) wh.cond = parseExpr(p)
    p.expect('THEN')
    // Teradata writes the actions abbreviated too: THEN UPD SET …, THEN INS (…) VALUES …, THEN DEL
    const isAction = (w: string) => p.peek()?.kind === 'word' && statementWord(p.d, p.peek()!.upper) === w
    const action = (w: string) => isAction(w) && (p.next(), true)
    if (isAction('UPDATE') && p.isWord('SET', 1) && p.isOp('*', 2)) { p.i += 3; wh.action = 'update'; wh.star = true; starExcept(p, wh) }
    else if (isAction('INSERT') && p.isOp('*', 1)) { p.i += 2; wh.action = 'insert'; wh.star = true; starExcept(p, wh) }
    else if (p.isWord('INSERT') && p.isWord('ROW', 1) && p.d.name === 'dbvbigquery') { p.i += 2; wh.action = 'insert'; wh.star = true; wh.byPosition = true }
    // Snowflake UPDATE ALL BY NAME / INSERT ALL BY NAME: each column from the source column of its name, as SET * / INSERT *
    else if (p.isAnyWord(['UPDATE', 'INSERT']) && p.isWord('ALL', 1) && p.isWord('BY', 2) && p.isWord('NAME', 3)) { wh.action = p.next().upper === 'UPDATE' ? 'update' : 'insert'; p.i += 3; wh.star = true }
    else if (action('UPDATE')) {
      p.expect('SET'); wh.action = 'update'; wh.sets = parseAssignments(p)
      if (p.accept('WHERE')) wh.cond = wh.cond ? { k: 'op', op: 'AND', args: [wh.cond, parseExpr(p)], loc: wh.loc } : parseExpr(p)
      if (p.accept('DELETE')) { p.expect('WHERE'); const d = parseExpr(p); wh.cond = wh.cond ? { k: 'op', op: 'AND', args: [wh.cond, d], loc: wh.loc } : d }
    } else if (action('DELETE')) wh.action = 'delete'
    else if (action('INSERT')) {
      wh.action = 'insert'
      if (p.isOp('(') && p.isWord('KEY', 1)) {
        // N1QL: INSERT (KEY k, VALUE doc): the document is written as a whole (D17)
        p.i += 2; parseExpr(p); p.expectOp(','); p.expect('VALUE')
        const doc = parseExpr(p)
        while (p.acceptOp(',')) { p.next(); parseExpr(p) }
        p.expectOp(')')
        wh.columns = [{ name: '*', quoted: false, loc: wh.loc }]; wh.values = [doc]
        wh.loc = locOf(ws, p.prev()); whens.push(wh); continue
      }
      if (p.isOp('(')) wh.columns = identList(p)
      if (p.acceptSeq('DEFAULT', 'VALUES')) wh.values = []
      else { p.expect('VALUES'); p.expectOp('('); wh.values = parseExprList(p); p.expectOp(')') }
      if (p.accept('WHERE')) wh.cond = parseExpr(p)
    } else if (p.acceptSeq('DO', 'NOTHING')) wh.action = 'nothing'
    else p.fail('expected UPDATE, DELETE or INSERT')
    wh.loc = locOf(ws, p.prev())
    whens.push(wh)
  }
  if (p.isWord('ELSE') && p.isWord('IGNORE', 1)) p.i += 2
  if (p.isWord('REMOVE') && p.isWord('DUPLICATES', 1)) p.i += 2
  notAtomic(p)
  skipLogErrors(p)
  const s: Merge = { k: 'merge', target, using: from[0], on, whens, loc: locOf(start, p.prev()), with: w }
  if (p.isWord('OUTPUT')) { parseOutput(p, s); s.loc = locOf(start, p.prev()) }
  // PostgreSQL 17 MERGE … RETURNING
  if (p.isWord('RETURNING')) { parseReturning(p, s); s.loc = locOf(start, p.prev()) }
  if (p.isWord('OPTION')) { skipQueryHints(p); s.loc = locOf(start, p.prev()) }
  return s
}

/** DB2 FINAL TABLE (INSERT …) / PostgreSQL data-modifying statement used as a row source */
export function parseDmlInParens(p: TokenCursor): Query {
  const start = p.peek()!
  const stmt = p.isWord('INSERT') ? parseInsert(p) : p.isWord('UPDATE') ? parseUpdate(p) : p.isWord('DELETE') ? parseDelete(p) : parseMerge(p)
  return { k: 'values', rows: [], loc: locOf(start, p.prev()), dml: stmt } as unknown as Query
}

export { parseWith }
export type { ParseError }
