// Grammar chapter: DDL. Only what carries lineage is modelled; the rest is skipped to the statement end.
import type { ColumnChange, ColumnDef, ForeignKey, Ident, QName, Query, Stmt } from '../ast/types.js'
import { TokenCursor, locOf } from './base.js'
import { parseType } from './expressions.js'
import { parseQuery, startsQuery } from './query.js'
import type { Token } from '../lexer/lexer.js'

const CONSTRAINT_START = new Set(['CONSTRAINT', 'PRIMARY', 'FOREIGN', 'UNIQUE', 'CHECK', 'INDEX', 'KEY', 'PERIOD', 'EXCLUDE', 'FULLTEXT', 'SPATIAL', 'LIKE', 'SHARD', 'SORT'])

/**
 * T-SQL / ASE blocks put statements on one line (IF @e <> 0 BEGIN PRINT 'x' RETURN END): a skipped statement also
 * ends before these words, which never continue one outside a CASE
 */
const INLINE_ENDS = new Set(['END', 'ELSE', 'RETURN', 'BREAK', 'CONTINUE', 'GOTO'])

/** skip to the end of the statement (`;` at depth 0), leaving the cursor on it; `stop` ends it earlier */
export function skipToEnd(p: TokenCursor, stop?: (p: TokenCursor) => boolean): void {
  let depth = 0
  let cases = 0
  const batch = p.d.batchWord !== undefined
  while (!p.eof()) {
    const t = p.peek()!
    if (t.kind === 'punct') {
      if (t.image === '(') depth++
      else if (t.image === ')') { if (depth === 0) return; depth-- }
      else if (t.image === ';' && depth === 0) return
    }
    if (depth === 0 && (p.atBatchSeparator() || (stop !== undefined ? stop(p) : p.startsStatementLine()))) return
    if (batch && t.kind === 'word') {
      if (t.upper === 'CASE') cases++
      else if (t.upper === 'END' && cases > 0) cases--
      else if (depth === 0 && cases === 0 && INLINE_ENDS.has(t.upper) && p.i > 0 && !p.isWord('GOTO', -1)) return
    }
    p.next()
  }
}

export function parseCreate(p: TokenCursor, stmtStart: Token, block: (p: TokenCursor, start: Token) => Stmt): Stmt {
  // Teradata CT t …: the abbreviation already says TABLE (and takes no modifiers)
  if (p.d.abbreviations[p.next().upper] === 'CREATE TABLE') return parseCreateTable(p, stmtStart, false, false)
  let temporary = false
  let materialized = false
  let external = false
  for (;;) {
    // Delta Live Tables CREATE OR REFRESH [STREAMING | LIVE] TABLE | MATERIALIZED VIEW
    if (p.acceptSeq('OR', 'REPLACE') || p.acceptSeq('OR', 'ALTER') || p.acceptSeq('OR', 'REFRESH')) continue
    if (p.isAnyWord(['STREAMING', 'LIVE']) && p.isAnyWord(['TABLE', 'VIEW', 'LIVE', 'MATERIALIZED'], 1)) { p.next(); continue }
    if (p.isAnyWord(['TEMP', 'TEMPORARY', 'VOLATILE', 'LOCAL', 'GLOBAL', 'TRANSIENT', 'MULTISET', 'SET', 'UNLOGGED', 'SECURE', 'RECURSIVE', 'COLUMN', 'ROW', 'HYBRID', 'DYNAMIC', 'FORCE', 'NOFORCE', 'EDITIONABLE', 'NONEDITIONABLE', 'DEFINER', 'ALGORITHM', 'SQL', 'PUBLIC', 'PRIVATE', 'SHADOW', 'DEFERRED', 'IMMEDIATE', 'FLASHBACK', 'ICEBERG', 'FACT', 'DIMENSION', 'REFERENCE', 'FILE', 'SECURITY', 'INVOKER', 'WRITABLE', 'READABLE', 'WEB', 'CONSTRAINT'])) {
      const w = p.next().upper
      if (['TEMP', 'TEMPORARY', 'VOLATILE', 'GLOBAL', 'LOCAL'].includes(w)) temporary = true
      // DEFINER = user@host | `user`@`host` | 'user'@'%' | CURRENT_USER[()] (MySQL lexes a lone @ as a word)
      if ((w === 'DEFINER' || w === 'ALGORITHM') && p.acceptOp('=')) {
        p.next(); if (p.isOp('(') && p.isOp(')', 1)) p.i += 2
        if (p.isOp('@') || p.isWord('@')) { p.next(); p.next() }
      }
      continue
    }
    if (p.accept('EXTERNAL')) { external = true; continue }
    // BigQuery CREATE SNAPSHOT TABLE s CLONE t: a table copied from t
    if (p.isWord('SNAPSHOT') && p.isWord('TABLE', 1)) { p.next(); continue }
    if (p.accept('MATERIALIZED')) { materialized = true; continue }
    break
  }
  if (external && p.isWord('TABLE') && p.peek(1)?.kind === 'string') return parseTransientExternal(p, stmtStart)
  // Oracle CREATE [AND COMPILE | RESOLVE] JAVA SOURCE | CLASS | RESOURCE … AS <Java>: the `;`s are Java's (the
  // rest of the class failed statement by statement); it ends at the SQL*Plus `/` line
  if (p.d.slashTerminator && (p.isWord('JAVA') || (p.isWord('AND') && p.isAnyWord(['COMPILE', 'RESOLVE'], 1)))) {
    while (!p.eof() && !(p.isOp(';') && p.peek()!.bol)) p.next()
    return { k: 'other', kind: 'CREATE JAVA', loc: locOf(stmtStart, p.prev()) }
  }
  // BigQuery CREATE TABLE FUNCTION f(params) [RETURNS TABLE<…>] AS query: a routine, not a table named FUNCTION
  if (p.isWord('TABLE') && p.isWord('FUNCTION', 1)) {
    // … whose rows are its query's: FROM f(…) reads them (RETURNS TABLE<…> only types them)
    p.next(); const s = block(p, stmtStart)
    if (s.k === 'block' && s.name) s.returnsTable ??= {}
    return s
  }
  if (p.accept('TABLE')) return parseCreateTable(p, stmtStart, temporary, external)
  if (p.accept('VIEW')) return parseCreateView(p, stmtStart, materialized)
  // Vertica projections and Teradata join indexes are stored copies of a query: lineage like a materialized view
  if (p.accept('PROJECTION')) return projection(parseCreateView(p, stmtStart, true))
  if (p.isWord('JOIN') && p.isWord('INDEX', 1)) { p.i += 2; return parseCreateView(p, stmtStart, true) }
  if (p.isWord('STREAM')) { p.next(); return parseCreateStream(p, stmtStart) }
  // DB2 global variable: CREATE [OR REPLACE] VARIABLE v type [DEFAULT …]; routines read and set it by name
  if (p.isWord('VARIABLE') && p.d.name === 'dbvdb2' && p.isIdentToken(1)) {
    p.next(); const q = p.qname(); skipToEnd(p)
    return { k: 'declare', vars: [{ name: q.parts[q.parts.length - 1] }], loc: locOf(stmtStart, p.prev()) }
  }
  if (p.isAnyWord(['PROCEDURE', 'FUNCTION', 'TRIGGER', 'PACKAGE', 'PROC', 'MACRO', 'TASK', 'TYPE', 'EVENT'])) return block(p, stmtStart)
  if (p.isWord('ALERT') && p.d.name === 'dbvsnowflake') return block(p, stmtStart)
  // PostgreSQL CREATE RULE r AS ON INSERT TO v DO INSTEAD INSERT …: its commands are a trigger body of v (T-SQL rules are checks)
  if (p.d.plpgsql && p.isWord('RULE') && p.isWord('AS', 2) && p.isWord('ON', 3)) return block(p, stmtStart)
  const kind = p.peek()?.upper ?? 'OBJECT'
  if ((kind === 'SYNONYM' || kind === 'ALIAS') && p.isIdentToken(1)) {
    p.next(); const name = p.tableName()
    // DB2 FOR TABLE t (an alias of a MODULE or SEQUENCE names no rows); DB2 for i FOR lib.file(member)
    if (p.accept('FOR') && (p.accept('TABLE') || !p.isAnyWord(['MODULE', 'SEQUENCE']))) {
      const target = p.tableName(); skipToEnd(p)
      return { k: 'synonym', name, target, loc: locOf(stmtStart, p.prev()) }
    }
  }
  skipToEnd(p)
  return { k: 'other', kind: `CREATE ${kind}`, loc: locOf(stmtStart, p.prev()) }
}

/**
 * A projection named like its anchor table (EXPORT_OBJECTS writes CREATE PROJECTION s.t AS SELECT … FROM s.t):
 * the table's own storage, not a copy of it (as a view of the table's name it fed every column into itself)
 */
function projection(s: Stmt): Stmt {
  if (s.k !== 'createView' || s.query.k !== 'select' || s.query.from.length !== 1 || s.query.joins.length) return s
  const src = s.query.from[0]
  const same = (a: Ident[], b: Ident[]) => a.length === b.length && a.every((x, i) => x.name.toUpperCase() === b[i].name.toUpperCase())
  return src.k === 'table' && same(src.name.parts, s.name.parts) ? { k: 'other', kind: 'CREATE PROJECTION', loc: s.loc } : s
}

/** Netezza CREATE EXTERNAL TABLE '/path' USING (…) AS SELECT …: an unload of the query to a file */
function parseTransientExternal(p: TokenCursor, start: Token): Stmt {
  p.next()
  const file = p.next()
  while (!p.eof() && !(p.isWord('AS') && startsQuery(p, 1)) && !p.isOp(';')) { if (p.isOp('(')) p.skipParens(); else p.next() }
  p.expect('AS')
  const query = parseQuery(p)
  return { k: 'copy', table: { parts: [], loc: locOf(start, start) }, location: file.image.slice(1, -1), direction: 'out', query, loc: locOf(start, p.prev()) }
}

function ifNotExists(p: TokenCursor): void { p.acceptSeq('IF', 'NOT', 'EXISTS') }

function parseCreateTable(p: TokenCursor, start: Token, temporary: boolean, external: boolean): Stmt {
  ifNotExists(p)
  const name = p.tableName()
  const s: Extract<Stmt, { k: 'createTable' }> = { k: 'createTable', name, columns: [], fks: [], temporary, external, loc: locOf(start, start) }
  if (p.accept('LIKE') || (p.isWord('AS') && p.isWord('LIKE', 1) && (p.next(), p.next()))) {
    s.like = p.qname()
    // HANA CREATE TABLE t LIKE src WITH DATA: src's rows too
    if (p.isWord('WITH') && p.isWord('DATA', 1)) { p.i += 2; s.query = selectAll(s.like) }
  }
  // Snowflake / Databricks CREATE TABLE t [SHALLOW | DEEP] CLONE src [AT (…)]: a copy of src's rows, as AS SELECT * FROM src
  if (p.isAnyWord(['SHALLOW', 'DEEP']) && p.isWord('CLONE', 1)) p.next()
  // (BigQuery CREATE TABLE t COPY src is the same copy of the rows)
  if (p.accept('CLONE') || (p.d.name === 'dbvbigquery' && p.accept('COPY'))) { s.clone = p.qname(); s.query = selectAll(s.clone); skipToEnd(p); s.loc = locOf(start, p.prev()); return s }
  // Teradata table options before the columns: CREATE MULTISET TABLE t, NO FALLBACK, CHECKSUM = DEFAULT (cols)
  // (the last option may run into AS src WITH DATA / AS (SELECT …), which is no option)
  if (p.d.name === 'dbvteradata') while (p.acceptOp(',')) while (!p.eof() && !p.isOp(',') && !p.isOp('(') && !p.isOp(';') && !p.isWord('AS')) p.next()
  if (p.isOp('(') && !startsQuery(p, 1)) parseTableElements(p, s)
  // table options until AS SELECT or the end
  while (!p.eof() && !p.isOp(';') && !p.atBatchSeparator()) {
    // T-SQL and Sybase have no CREATE TABLE … SELECT: a query or a new statement line is the next statement
    if (p.startsStatementLine() || (p.d.batchWord !== undefined && startsQuery(p) && !p.isWord('WITH'))) break
    if (p.isWord('PARTITIONED') && p.isWord('BY', 1) && p.isOp('(', 2) && p.isIdentToken(3) && !p.isOp(',', 4) && !p.isOp(')', 4)) {
      // Hive/Impala partition columns come after the regular columns (D7)
      p.i += 2
      const holder: Extract<Stmt, { k: 'createTable' }> = { ...s, columns: [] }
      parseTableElements(p, holder)
      s.columns.push(...holder.columns)
      continue
    }
    if (p.isWord('AS') && (startsQuery(p, 1) || p.isOp('(', 1))) {
      p.next()
      s.query = parseQuery(p)
      skipWithData(p)
      continue
    }
    if (p.d.name === 'dbvteradata' && p.isWord('AS') && p.isIdentToken(1)) {
      // Teradata CREATE TABLE t AS src WITH [NO] DATA copies src's columns (and rows): the lineage of AS (SELECT * FROM src)
      p.next(); s.query = selectAll(p.qname()); skipWithData(p)
      continue
    }
    if (startsQuery(p) && !p.isWord('WITH')) { s.query = parseQuery(p); continue }
    if (p.accept('LOCATION')) { s.location = parseLocation(p); continue }
    // Oracle ORGANIZATION EXTERNAL (TYPE … DEFAULT DIRECTORY d ACCESS PARAMETERS (…) LOCATION ('f.csv'))
    if (p.isWord('ORGANIZATION') && p.isWord('EXTERNAL', 1) && p.isOp('(', 2)) {
      p.i += 2; const s0 = p.i; p.skipParens(); const after = p.i
      for (let j = s0; j < after; j++) if (p.toks[j].upper === 'LOCATION') { p.i = j + 1; s.location = parseLocation(p); break }
      p.i = after; continue
    }
    // BigQuery CREATE EXTERNAL TABLE … OPTIONS (format = 'CSV', uris = ['gs://…'])
    if (s.external && p.isWord('OPTIONS') && p.isOp('(', 1)) {
      p.next(); const s0 = p.i; p.skipParens()
      for (let j = s0; j < p.i; j++) if (p.toks[j].upper === 'URIS' && p.toks[j + 2]?.image === '[' && p.toks[j + 3]?.kind === 'string') { s.location = p.toks[j + 3].image.slice(1, -1); break }
      continue
    }
    if (p.isWord('LIKE')) { p.next(); s.like = p.qname(); continue }
    if (p.isOp('(')) { p.skipParens(); continue }
    p.next()
  }
  s.loc = locOf(start, p.prev())
  return s
}

/** LOCATION [=] 'uri' | ('uri', …) | @stage/path: where an external table's rows are */
function parseLocation(p: TokenCursor): string | undefined {
  p.acceptOp('=')
  if (p.isOp('(')) {
    const s0 = p.i; p.skipParens()
    const t = p.toks.slice(s0, p.i).find((x) => x.kind === 'string')
    return t?.image.slice(1, -1)
  }
  const t = p.next()
  if (t.kind === 'string') return t.image.slice(1, -1)
  // an unquoted stage path runs on while its tokens touch: @db.stage/dir/
  let loc = t.image
  while (!p.eof() && p.peek()!.start === p.prev().end && !p.isOp(';') && !p.isOp(',') && !p.isOp(')')) loc += p.next().image
  return loc
}

/** Teradata / DB2 CTAS suffix WITH [NO] DATA [AND [NO] STATISTICS] */
function skipWithData(p: TokenCursor): void {
  if (!(p.isWord('WITH') && (p.isWord('DATA', 1) || (p.isWord('NO', 1) && p.isWord('DATA', 2))))) return
  p.next(); p.accept('NO'); p.next()
  if (p.isWord('AND') && p.isAnyWord(['STATS', 'STATISTICS', 'NO'], 1)) { p.next(); p.accept('NO'); p.next() }
}

/** SELECT * FROM name */
export function selectAll(name: QName): Query {
  return { k: 'select', distinct: false, items: [{ expr: { k: 'star', loc: name.loc }, loc: name.loc }], from: [{ k: 'table', name, loc: name.loc }],
    joins: [], groupBy: [], connectBy: [], orderBy: [], loc: name.loc }
}

function parseTableElements(p: TokenCursor, s: Extract<Stmt, { k: 'createTable' }>): void {
  p.expectOp('(')
  if (p.isOp(')')) { p.next(); return }
  do {
    if (p.isOp(')')) break
    const t = p.peek()!
    if (t.kind === 'word' && CONSTRAINT_START.has(t.upper) && !p.isOp(',', 1)) {
      if (t.upper === 'LIKE') { p.next(); s.like = p.qname(); while (!p.isOp(',') && !p.isOp(')')) p.next(); continue }
      if (isColumnNamed(p) || (p.peek(1)?.kind === 'word' && COMMON_TYPES.has(p.peek(1)!.upper))) { s.columns.push(parseColumnDef(p, s)); continue }
      parseConstraint(p, s)
      continue
    }
    s.columns.push(parseColumnDef(p, s))
  } while (p.acceptOp(','))
  p.expectOp(')')
}

/** type names that, after a constraint keyword, show it is a column of that name (`index int`, `period date`) */
const COMMON_TYPES = new Set(['INT', 'INTEGER', 'BIGINT', 'SMALLINT', 'TINYINT', 'MEDIUMINT', 'INT2', 'INT4', 'INT8', 'SERIAL', 'BIGSERIAL',
  'VARCHAR', 'VARCHAR2', 'NVARCHAR', 'NVARCHAR2', 'CHAR', 'NCHAR', 'CHARACTER', 'TEXT', 'STRING', 'LONGTEXT', 'MEDIUMTEXT', 'CLOB',
  'NUMERIC', 'DECIMAL', 'NUMBER', 'FLOAT', 'FLOAT4', 'FLOAT8', 'DOUBLE', 'REAL', 'MONEY', 'BIT', 'BOOLEAN', 'BOOL',
  'DATE', 'DATETIME', 'DATETIME2', 'TIMESTAMP', 'TIMESTAMPTZ', 'TIME', 'INTERVAL', 'UUID', 'JSON', 'JSONB', 'VARIANT', 'BLOB', 'BYTEA',
  'BINARY', 'VARBINARY', 'UNIQUEIDENTIFIER', 'XML'])

/** a column literally named like a constraint keyword (e.g. `key varchar(10)`) */
function isColumnNamed(p: TokenCursor): boolean {
  const n = p.peek(1)
  return !!n && n.kind === 'word' && !['KEY', '(', 'CHECK'].includes(n.upper) && p.peek()!.upper === 'KEY' && n.upper !== 'KEY'
}

/** a table constraint; `skipRest` passes its options (ALTER TABLE … ADD CONSTRAINT has no closing parenthesis to stop at) */
function parseConstraint(p: TokenCursor, s: { fks: ForeignKey[] }, skipRest = (): void => p.skipListItem()): void {
  const start = p.peek()!
  if (p.accept('CONSTRAINT')) p.ident()
  if (p.acceptSeq('FOREIGN', 'KEY')) {
    const cols = idents(p)
    p.expect('REFERENCES')
    const ref = p.qname()
    const refCols = p.isOp('(') ? idents(p) : []
    s.fks.push({ columns: cols, refTable: ref, refColumns: refCols, loc: locOf(start, p.prev()) })
  }
  skipRest()
}

function idents(p: TokenCursor): Ident[] {
  p.expectOp('(')
  const out = [p.ident()]
  while (p.acceptOp(',')) out.push(p.ident())
  p.expectOp(')')
  return out
}

function parseColumnDef(p: TokenCursor, s: Extract<Stmt, { k: 'createTable' }>): ColumnDef {
  const start = p.peek()!
  const name = p.ident()
  let dataType: string | undefined
  if (!p.isOp(',') && !p.isOp(')')) {
    const tt = p.peek()!
    if (tt.kind === 'word' || tt.kind === 'qident') { parseType(p); dataType = tt.image.toLowerCase() }
  }
  // constraints and options until , or )
  while (!p.eof() && !p.isOp(',') && !p.isOp(')')) {
    if (p.isWord('REFERENCES')) {
      const rs = p.next()
      const ref: QName = p.qname()
      const refCols = p.isOp('(') ? idents(p) : []
      s.fks.push({ columns: [name], refTable: ref, refColumns: refCols, loc: locOf(rs, p.prev()) } as ForeignKey)
      continue
    }
    if (p.isOp('(')) { p.skipParens(); continue }
    p.next()
  }
  return { name, dataType, loc: locOf(start, p.prev()) }
}

function parseCreateView(p: TokenCursor, start: Token, materialized: boolean): Stmt {
  ifNotExists(p)
  const name = p.tableName()
  let columns: Ident[] | undefined
  if (p.isOp('(')) {
    p.next(); columns = []
    do { columns.push(p.ident()); p.skipListItem() } while (p.acceptOp(','))
    p.expectOp(')')
  }
  const afterName = p.i
  // a view with no AS query in its statement (Oracle CREATE MATERIALIZED VIEW LOG ON t …) defines no lineage:
  // the search stops at the `;`, or it took the next statement's query as its own
  while (!p.eof() && !p.isWord('AS') && !p.isOp(';')) { if (p.isOp('(')) p.skipParens(); else p.next() }
  if (p.isOp(';') && name.parts[name.parts.length - 1].name.toUpperCase() === 'LOG') return { k: 'other', kind: 'CREATE MATERIALIZED VIEW LOG', loc: locOf(start, p.prev()) }
  // Spark CREATE TEMPORARY VIEW v [(cols)] USING parquet OPTIONS (path '…'): a view of files, an external table
  if ((p.isOp(';') || p.eof()) && usingSource(p, afterName)) {
    const location = optionsPath(p, afterName)
    return { k: 'createTable', name, columns: (columns ?? []).map((c) => ({ name: c, loc: c.loc })), fks: [], temporary: true, external: true, location, loc: locOf(start, p.prev()) }
  }
  p.expect('AS')
  if (p.isWord('LOCKING') || p.isWord('LOCK')) while (!p.eof() && !p.isWord('SELECT') && !p.isWord('SEL') && !p.isWord('WITH')) p.next()
  const query = parseQuery(p)
  if (materialized && !p.isOp(';') && !p.eof() && !p.atBatchSeparator()) skipToEnd(p)
  // WITH CHECK OPTION, WITH READ ONLY, WITH [NO] DATA (T-SQL: up to GO or the next statement's line)
  // HANA WITH STRUCTURED PRIVILEGE CHECK, WITH ANONYMIZATION (…)
  while (p.isWord('WITH') && p.isAnyWord(['CHECK', 'READ', 'NO', 'DATA', 'CASCADED', 'LOCAL', 'STRUCTURED', 'ANONYMIZATION'], 1)) { p.next(); skipToEnd(p) }
  return { k: 'createView', name, columns, query, materialized, loc: locOf(start, p.prev()) }
}

/** whether the tokens from `from` to the cursor has a USING data source (Spark USING parquet | csv | delta …) */
function usingSource(p: TokenCursor, from: number): boolean {
  for (let j = from; j < p.i; j++) if (p.toks[j].upper === 'USING' && p.toks[j + 1]?.kind === 'word') return true
  return false
}

/** the path of a Spark data source's OPTIONS (path 'uri', …) between token `from` and the cursor */
function optionsPath(p: TokenCursor, from: number): string | undefined {
  for (let j = from; j < p.i; j++) if (p.toks[j].upper === 'PATH' && p.toks[j + 1]?.kind === 'string' && (p.toks[j - 1]?.image === '(' || p.toks[j - 1]?.image === ',')) return p.toks[j + 1].image.slice(1, -1)
  return undefined
}

/** at VIEW of ALTER VIEW: whether a query follows the name (AS SELECT …), not RENAME TO, SET … or OWNER TO */
function redefinesView(p: TokenCursor): boolean {
  const save = p.i
  p.next(); p.acceptSeq('IF', 'EXISTS')
  p.tableName()
  if (p.isOp('(')) p.skipParens()
  if (p.isWord('WITH')) { p.next(); while ((p.isIdentToken() && !p.isWord('AS')) || p.isOp(',')) p.next() }
  const query = p.isWord('AS') && startsQuery(p, 1)
  p.i = save
  return query
}

function parseCreateStream(p: TokenCursor, start: Token): Stmt {
  ifNotExists(p)
  const name = p.qname()
  while (!p.eof() && !p.isWord('ON')) p.next()
  p.expect('ON'); p.accept('TABLE'); p.accept('VIEW'); p.accept('EXTERNAL'); p.accept('TABLE')
  const table = p.qname()
  skipToEnd(p)
  return { k: 'stream', name, table, loc: locOf(start, p.prev()) }
}

export function parseAlter(p: TokenCursor, start: Token): Stmt {
  p.next()
  // ALTER VIEW v [(cols)] [WITH SCHEMABINDING …] AS SELECT …: the view's new query (T-SQL, Hive, Impala, MySQL, DB2)
  if (p.isWord('VIEW') && redefinesView(p)) { p.next(); return parseCreateView(p, start, false) }
  if (p.isWord('TABLE') || p.isWord('VIEW')) {
    p.next(); p.acceptSeq('IF', 'EXISTS'); p.accept('ONLY')
    const from = p.tableName()
    if (p.isWord('RENAME') && p.isWord('TO', 1)) { p.i += 2; const to = p.qname(); skipToEnd(p); return { k: 'rename', from, to, loc: locOf(start, p.prev()) } }
    const alter = columnChanges(p)
    if (alter) return { k: 'alterColumns', table: from, ...alter, loc: locOf(start, p.prev()) }
    if (p.isWord('SWAP') && p.isWord('WITH', 1)) { p.i += 2; const to = p.qname(); skipToEnd(p); return { k: 'rename', from, to, loc: locOf(start, p.prev()) } }
    // Redshift ALTER TABLE t APPEND FROM src: src's rows move into t (INSERT INTO t SELECT * FROM src)
    if (p.isWord('APPEND') && p.isWord('FROM', 1)) {
      p.i += 2; const src = p.qname(); skipToEnd(p)
      return { k: 'insert', target: { name: from, loc: from.loc }, query: selectAll(src), loc: locOf(start, p.prev()) }
    }
  }
  skipToEnd(p)
  return { k: 'other', kind: 'ALTER', loc: locOf(start, p.prev()) }
}

const NOT_A_COLUMN = new Set(['CONSTRAINT', 'PRIMARY', 'FOREIGN', 'UNIQUE', 'CHECK', 'INDEX', 'KEY', 'PARTITION', 'FULLTEXT', 'SPATIAL', 'PERIOD', 'SYSTEM'])
/**
 * ALTER TABLE t ADD [COLUMN] [IF NOT EXISTS] c type … [FIRST | AFTER x], ADD (c type, …), ADD COLUMNS (…),
 * DROP [COLUMN] [IF EXISTS] c, RENAME COLUMN a TO b, CHANGE [COLUMN] a b type, separated by commas;
 * undefined (the statement is skipped) when an action is not one of these
 */
function columnChanges(p: TokenCursor): { changes: ColumnChange[]; fks: ForeignKey[] } | undefined {
  const save = p.i
  const out: ColumnChange[] = []
  const keys = { fks: [] as ForeignKey[] }
  const atEnd = (): boolean => p.eof() || p.isOp(';') || p.atBatchSeparator() || p.startsStatementLine()
  /** to the next `,` or the end of the statement, at this level */
  const skipAction = (): void => { while (!atEnd() && !p.isOp(',') && !p.isOp(')')) { if (p.isOp('(')) p.skipParens(); else p.next() } }
  const columnDef = (): void => {
    const name = p.ident()
    // the type and constraints; AFTER x / FIRST place the column (MySQL)
    while (!atEnd() && !p.isOp(',') && !p.isOp(')')) {
      if (p.isWord('AFTER') && p.isIdentToken(1)) { p.next(); out.push({ op: 'add', name, after: p.ident() }); skipAction(); return }
      if (p.isWord('FIRST')) { p.next(); out.push({ op: 'add', name, first: true }); skipAction(); return }
      if (p.isOp('(')) p.skipParens(); else p.next()
    }
    out.push({ op: 'add', name })
  }
  // ADD [CONSTRAINT c] FOREIGN KEY (…) REFERENCES t (…): the keys a dump adds after its CREATE TABLEs
  const element = (): void => {
    if (p.isWord('CONSTRAINT') || p.isWord('FOREIGN')) { parseConstraint(p, keys, skipAction); return }
    if (p.isAnyWord(NOT_A_COLUMN) || !p.isIdentToken()) skipAction(); else columnDef()
  }
  // T-SQL: ALTER TABLE t WITH CHECK | NOCHECK ADD CONSTRAINT …
  if (p.isWord('WITH') && p.isAnyWord(['CHECK', 'NOCHECK'], 1) && p.isWord('ADD', 2)) p.i += 2
  do {
    if (p.isWord('ADD')) {
      p.next()
      const list = p.accept('COLUMNS')
      if (!list) p.accept('COLUMN')
      p.acceptSeq('IF', 'NOT', 'EXISTS')
      if (p.isOp('(')) {
        p.next()
        do element(); while (p.acceptOp(','))
        p.expectOp(')')
      } else element()
    } else if (p.isWord('DROP') && (p.isWord('COLUMN', 1) || (p.isIdentToken(1) && !p.isAnyWord(NOT_A_COLUMN, 1) && !p.isAnyWord(['DEFAULT', 'NOT', 'IF', 'CONSTRAINTS'], 1)))) {
      p.next(); p.accept('COLUMN'); p.acceptSeq('IF', 'EXISTS')
      out.push({ op: 'drop', name: p.ident() })
      skipAction()
    } else if (p.isWord('RENAME') && p.isWord('COLUMN', 1)) {
      p.i += 2; const name = p.ident(); p.expect('TO'); out.push({ op: 'rename', name, to: p.ident() })
    } else if (p.isWord('CHANGE') && (p.d.name === 'dbvmysql' || p.d.name === 'dbvhive')) {
      p.next(); p.accept('COLUMN'); const name = p.ident(); const to = p.ident()
      out.push({ op: 'rename', name, to })
      skipAction()
    } else if (out.length || keys.fks.length || p.isAnyWord(['DROP', 'ALTER', 'MODIFY'])) skipAction()
    else { p.i = save; return undefined }
  } while (p.acceptOp(','))
  if (!atEnd() || (!out.length && !keys.fks.length)) { p.i = save; return undefined }
  return { changes: out, fks: keys.fks }
}

/** RENAME TABLE a TO b (MySQL, Teradata) */
export function parseRename(p: TokenCursor, start: Token): Stmt {
  p.next()
  // Informix / DB2 RENAME COLUMN t.c TO d, RENAME INDEX | SEQUENCE | DATABASE …: no table changes its name
  if (p.isAnyWord(['COLUMN', 'INDEX', 'SEQUENCE', 'DATABASE', 'TABLESPACE', 'STOGROUP'])) { skipToEnd(p); return { k: 'other', kind: 'RENAME', loc: locOf(start, p.prev()) } }
  // Synapse / PDW RENAME OBJECT [::] s.a TO b (the CTAS-and-swap load): b stays in a's schema
  const object = p.accept('OBJECT')
  if (object) p.acceptOp('::'); else p.accept('TABLE')
  const from = p.qname()
  if (!p.accept('TO')) p.expect('AS')
  let to = p.qname()
  if (object && to.parts.length === 1) to = { parts: [...from.parts.slice(0, -1), to.parts[0]], loc: to.loc }
  const first: Stmt = { k: 'rename', from, to, loc: locOf(start, p.prev()) }
  // MySQL RENAME TABLE a TO b, c TO d (the swap of a rebuilt table): every pair is a rename, in order
  const more: Stmt[] = []
  while (p.isOp(',') && p.isIdentToken(1)) {
    p.next()
    const f = p.qname(); p.expect('TO'); const t = p.qname()
    more.push({ k: 'rename', from: f, to: t, loc: locOf(start, p.prev()) })
  }
  skipToEnd(p)
  return more.length ? { k: 'block', body: [first, ...more], loc: locOf(start, p.prev()) } : first
}
