// Grammar chapter: scripts. Splits a token stream into statements, dispatches on the first word and
// recovers from a syntax error at the next statement boundary so the other statements keep their lineage.
import type { Expr, Ident, JoinCond, Query, SelectItem, Source, Stmt } from '../ast/types.js'
import type { Token } from '../lexer/lexer.js'
import type { DialectSpec } from '../dialects/spec.js'
import { ParseError, TokenCursor, locOf, STATEMENT_WORDS, SQLPLUS_COMMANDS, statementWord } from './base.js'
import { parseQuery, startsQuery, parseWith, parseFromClause, parseFromFirstQuery } from './query.js'
import { parseDelete, parseInsert, parseMerge, parseUpdate, parseApplyChanges } from './dml.js'
import { parseAlter, parseCreate, parseRename, selectAll, skipToEnd } from './ddl.js'
import { parseProcedural, parseRoutine, PROCEDURAL_START, setCreate, endsConversation, parsePrepare, skipsDynamicResult } from './procedural.js'
import { parseExpr, parseExprList } from './expressions.js'
import { parseCopy, parseExportToVertica, parseLoad, parseUnload } from './load.js'
import { parseMdx } from './mdx.js'

export interface ParsedStatement {
  stmt?: Stmt
  error?: { message: string; token?: Token }
  /** statements inside it (a block, a routine body) that did not parse and were skipped */
  skipped?: Array<{ message: string; token?: Token }>
  first: Token
  last: Token
}

const SKIP_START = new Set(['GRANT', 'REVOKE', 'DROP', 'TRUNCATE', 'USE', 'ANALYZE', 'VACUUM', 'COMMENT', 'LOCK', 'UNLOCK',
  'SHOW', 'DESCRIBE', 'DESC', 'EXPLAIN', 'REFRESH', 'MSCK', 'CACHE', 'UNCACHE', 'COMPUTE', 'GROOM', 'OPTIMIZE', 'REINDEX',
  'CHECKPOINT', 'SAVEPOINT', 'RELEASE', 'COMMIT', 'ROLLBACK', 'START', 'ABORT', 'SET', 'RESET', 'PRAGMA', 'CLUSTER',
  'DISCARD', 'LISTEN', 'NOTIFY', 'PREPARE', 'DEALLOCATE', 'EXEC', 'EXECUTE', 'CALL', 'PRINT', 'RAISERROR', 'THROW',
  'DBCC', 'BACKUP', 'RESTORE', 'KILL', 'WAITFOR', 'DENY', 'ADD', 'LIST', 'GET', 'PUT', 'REMOVE', 'UNDROP', 'SHUTDOWN',
  'FLUSH', 'INVALIDATE', 'ALLOCATE', 'DISCONNECT', 'CONNECT', 'AUDIT', 'NOAUDIT', 'PURGE', 'COLLECT', 'DATABASE',
  'HELP', 'BT', 'ET', 'LOGON', 'LOGOFF', 'CHECKSUM', 'REPAIR', 'INSTALL', 'UNINSTALL', 'KILL', 'DO', 'HANDLER',
  'LOAD', 'UNLOAD', 'COPY', 'DECLARE', 'OPEN', 'CLOSE', 'FETCH', 'NULL', 'RAISE', 'EXIT', 'CONTINUE', 'LEAVE',
  'ITERATE', 'SIGNAL', 'RESIGNAL', 'GOTO', 'BREAK', 'DEFINE', 'UPSERT_STATS', 'SUMMARIZE', 'ECHO', 'SPOOL', 'PROMPT',
  'WHENEVER', 'VARIABLE', 'EXPORT', 'IMPORT', 'VALIDATE', 'DISABLE', 'ENABLE', 'MERGE_STATS', 'RECOVER', 'UNSET', 'RUNSTATS',
  'GENERATE', 'REORG', 'ASSERT', 'DUMP', 'SAVE', 'PIPE', 'ATTACH', 'DETACH', 'CHECK', 'SECURITY', 'DESCRIBE', 'UPDATE_STATISTICS', 'EXCHANGE',
  'FLASHBACK', 'READTEXT', 'WRITETEXT', 'UPDATETEXT', 'TERMINATE', 'QUIESCE', 'UNQUIESCE', 'ACTIVATE', 'DEACTIVATE', 'REBIND', 'CATALOG', 'UNCATALOG', 'ROLLFORWARD',
  'PRUNE', 'REDISTRIBUTE', 'INSPECT', 'AUTOCOMMIT', 'SETUSER', 'RECEIVE', 'SEND', 'MESSAGE', 'MOVE', 'CANCEL', 'DIAGNOSTIC', 'ASSOCIATE', 'CONVERT', 'DFS', 'SOURCE'])

/** DB2 CLP commands that begin like SQL: UPDATE DB CFG …, UPDATE MONITOR SWITCHES …, LABEL ON …, FORCE APPLICATION … */
const CLP_UPDATE: Record<string, string[]> = {
  DB: ['CFG', 'CONFIGURATION'], DBM: ['CFG', 'CONFIGURATION'], DATABASE: ['CFG', 'CONFIGURATION', 'MANAGER'], MONITOR: ['SWITCHES'],
  COMMAND: ['OPTIONS'], CLI: ['CFG', 'CONFIGURATION'], ADMIN: ['CFG', 'CONFIGURATION'], ALTERNATE: ['SERVER'], HISTORY: ['FOR', 'EID'],
}
function isClpCommand(p: TokenCursor, u: string): boolean {
  if (p.d.name !== 'dbvdb2') return false
  if (u === 'UPDATE') { const w = CLP_UPDATE[p.peek(1)?.upper ?? '']; return w !== undefined && p.isAnyWord(w, 2) }
  return (u === 'LABEL' && p.isWord('ON', 1)) || (u === 'FORCE' && p.isWord('APPLICATION', 1))
}

/**
 * DB2 ALTER MODULE m ADD | PUBLISH PROCEDURE | FUNCTION …: a routine of the module, its body analysed like
 * CREATE PROCEDURE's (it was cut at its first `;`, every statement after failing on its own); other
 * module changes (PUBLISH TYPE, ADD VARIABLE, DROP …) define nothing
 */
function parseAlterModule(p: TokenCursor, first: Token): Stmt {
  p.i += 2; p.qname()
  if (p.isAnyWord(['ADD', 'PUBLISH']) && p.isAnyWord(['PROCEDURE', 'FUNCTION'], 1)) { p.next(); return parseRoutine(p, first) }
  skipToEnd(p)
  return { k: 'other', kind: 'ALTER MODULE', loc: locOf(first, p.prev()) }
}

/** how DB2 LOAD / IMPORT (and Informix LOAD) put the file's rows into the table: the word before INTO */
const LOAD_MODES = ['INSERT', 'REPLACE', 'RESTART', 'TERMINATE', 'INSERT_UPDATE', 'REPLACE_CREATE', 'CREATE']

/** the statements PERFORM may run besides a query */
const PERFORMED_STATEMENTS = ['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'CREATE', 'ALTER', 'DROP', 'TRUNCATE', 'COPY', 'CALL']

/** a statement boundary the parser may stop at without a `;` (T-SQL and procedural bodies) */
export function isBatchSeparator(p: TokenCursor, k = 0): boolean { return p.atBatchSeparator(k) }

setCreate(parseCreate)

export function parseStatement(p: TokenCursor): Stmt {
  const first = p.peek()
  // a prefix (LOCKING …, USING (…), PERFORM) may take the rest of the input: a syntax error, not a crash
  if (!first) p.fail('expected a statement')
  if (p.d.mdx && (p.isWord('SELECT') || p.isWord('WITH'))) return parseMdx(p)
  const u = first.kind === 'word' ? statementWord(p.d, first.upper) : first.image
  if (u === 'WITH') {
    const w = parseWith(p)
    const s = parseWithStatement(p, w, first)
    // Oracle WITH FUNCTION: the functions' bodies are analysed too, after the query, whose names must not
    // resolve to their parameters (a call passes its arguments' lineage through anyway)
    return w.routines ? { k: 'block', body: [s, ...w.routines], loc: s.loc } : s
  }
  // DB2 also writes a one-column VALUES without parentheses: VALUES CURRENT TIMESTAMP
  // PL/pgSQL PERFORM is a SELECT whose rows are discarded (parseSelectCore takes its keyword)
  // Vertica PLvSQL runs any statement whose result it discards with PERFORM: PERFORM UPDATE …, PERFORM CREATE TABLE …
  if (u === 'PERFORM' && p.d.plpgsql && p.isAnyWord(PERFORMED_STATEMENTS, 1)) { p.next(); return parseStatement(p) }
  if (u === 'SELECT' || u === '(' || u === 'VALUES' || (u === 'TABLE' && startsQuery(p)) || (u === 'PERFORM' && p.d.plpgsql && (p as TokenCursor & { inBlock?: boolean }).inBlock)) {
    const q = parseQuery(p)
    // DB2 VALUES expr INTO :v, VALUES (a, b) INTO :x, :y: the row's values set the variables by position
    if (q.k === 'values' && p.accept('INTO')) return { k: 'assign', targets: parseExprList(p), query: q, loc: locOf(first, p.prev()) }
    return { k: 'query', query: q, loc: locOf(first, p.prev()) }
  }
  // Teradata REPLACE VIEW / PROCEDURE / MACRO / FUNCTION is CREATE OR REPLACE
  if (u === 'REPLACE' && p.isAnyWord(['VIEW', 'PROCEDURE', 'MACRO', 'FUNCTION', 'TRIGGER', 'RECURSIVE'], 1)) return parseCreate(p, first, parseRoutine)
  if (u === 'INSERT' || u === 'UPSERT' || (u === 'REPLACE' && (p.isWord('INTO', 1) || p.isIdentToken(1)))) return parseInsert(p)
  if (u === 'BULK' && p.isWord('INSERT', 1)) return parseBulkInsert(p, first)
  if (first.kind === 'word' && isClpCommand(p, u)) { p.next(); skipToEnd(p); return { k: 'other', kind: `CLP ${u}`, loc: locOf(first, p.prev()) } }
  // UPDATE STATISTICS t; ASE also UPDATE INDEX | ALL | TABLE STATISTICS t
  if (u === 'UPDATE' && (p.isWord('STATISTICS', 1) || (p.isAnyWord(['INDEX', 'ALL', 'TABLE'], 1) && p.isWord('STATISTICS', 2)))) { p.next(); skipToEnd(p); return { k: 'other', kind: 'UPDATE STATISTICS', loc: locOf(first, p.prev()) } }
  if (u === 'END' && endsConversation(p)) { p.next(); skipToEnd(p); return { k: 'other', kind: 'END CONVERSATION', loc: locOf(first, p.prev()) } }
  if (u === 'END' && (p.isAnyWord(['TRANSACTION', 'WORK'], 1) || p.isOp(';', 1) || p.i + 1 >= p.end)) { p.next(); skipToEnd(p); return { k: 'other', kind: 'END TRANSACTION', loc: locOf(first, p.prev()) } }
  if (u === 'LOCKING' || (u === 'LOCK' && p.isAnyWord(['ROW', 'TABLE', 'DATABASE', 'VIEW'], 1) && p.d.name === 'dbvteradata')) {
    // Teradata LOCKING … FOR ACCESS prefix: the statement that follows carries the lineage
    while (!p.eof() && !p.isAnyWord(['SELECT', 'SEL', 'INSERT', 'INS', 'UPDATE', 'UPD', 'DELETE', 'DEL', 'MERGE', 'WITH'])) p.next()
    return parseStatement(p)
  }
  // Teradata USING (a INTEGER, …) request modifier: it only declares the :a host variables of the statement after it
  if (u === 'USING' && p.d.name === 'dbvteradata' && p.isOp('(', 1)) { p.next(); p.skipParens(); return parseStatement(p) }
  // SQLScript table variable operators :lt.INSERT((…)[, i]), :lt.UPDATE(…), :lt.DELETE(i): rows edited in place
  if (p.d.name === 'dbvhana' && u === ':' && p.isIdentToken(1) && p.isOp('.', 2) && p.isAnyWord(['INSERT', 'UPDATE', 'DELETE'], 3) && p.isOp('(', 4)) { skipToEnd(p); return { k: 'other', kind: 'TABLE VARIABLE OPERATOR', loc: locOf(first, p.prev()) } }
  // Vertica historical queries AT EPOCH LATEST | n / AT TIME 'ts' SELECT …, and PROFILE stmt: the statement after the prefix
  if (p.d.name === 'dbvvertica' && ((u === 'AT' && p.isAnyWord(['EPOCH', 'TIME'], 1)) || (u === 'PROFILE' && p.peek(1)?.kind === 'word'))) { p.i += u === 'AT' ? 3 : 1; return parseStatement(p) }
  // Spark CACHE [LAZY] TABLE c [OPTIONS (…)] AS SELECT …: a temporary table filled by the query
  if (u === 'CACHE' && p.d.name === 'dbvhive' && (p.isWord('TABLE', 1) || (p.isWord('LAZY', 1) && p.isWord('TABLE', 2)))) {
    p.next(); p.accept('LAZY'); p.next()
    const name = p.qname()
    if (p.accept('OPTIONS')) p.skipParens()
    if (!p.accept('AS') && !startsQuery(p)) { skipToEnd(p); return { k: 'other', kind: 'CACHE', loc: locOf(first, p.prev()) } }
    const query = parseQuery(p)
    return { k: 'createTable', name, columns: [], fks: [], query, temporary: true, loc: locOf(first, p.prev()) }
  }
  if (u === 'UPDATE') {
    const upd = parseUpdate(p)
    // Teradata atomic upsert: UPDATE … ELSE INSERT …, both statements of one request
    if (p.d.name === 'dbvteradata' && p.isWord('ELSE') && p.isAnyWord(['INSERT', 'INS'], 1)) { p.next(); const ins = parseInsert(p); return { k: 'block', body: [upd, ins], loc: locOf(first, p.prev()) } }
    return upd
  }
  if (u === 'DELETE') return parseDelete(p)
  // HANA MERGE DELTA OF t: moves t's delta store into its main store, no rows change
  if (u === 'MERGE' && p.isWord('DELTA', 1) && p.isWord('OF', 2)) { p.next(); skipToEnd(p); return { k: 'other', kind: 'MERGE DELTA', loc: locOf(first, p.prev()) } }
  if (u === 'MERGE') return parseMerge(p)
  if (u === 'CREATE') return parseCreate(p, first, parseRoutine)
  if (u === 'ALTER' && p.isWord('MODULE', 1)) return parseAlterModule(p, first)
  if (u === 'ALTER') return parseAlter(p, first)
  if (u === 'RENAME') return parseRename(p, first)
  if (u === 'COPY' && !p.isOp('(', 1) || u === 'COPY' && startsQuery(p, 2)) return parseCopy(p, first)
  if (u === 'LOAD' && !p.isWord('FROM', 1)) return parseLoad(p, first)
  if (u === 'EXPORT' && p.d.name === 'dbvvertica' && p.isWord('TO', 1) && p.isWord('VERTICA', 2)) return parseExportToVertica(p, first)
  if ((u === 'UNLOAD' || u === 'EXPORT' || (u === 'OUTPUT' && p.d.name === 'dbvinformix')) && p.isWord('TO', 1)) {
    // Informix DB-Access UNLOAD TO 'file' … SELECT and OUTPUT TO 'file' [WITHOUT HEADINGS] SELECT;
    // Vertica EXPORT TO PARQUET (directory = '…') AS SELECT
    p.i += 2
    let uri = 'export'
    while (!p.eof() && !startsQuery(p) && !p.isOp(';')) { const t = p.next(); if (t.kind === 'string' && uri === 'export') uri = t.image.slice(1, -1); if (p.isOp('(')) { const s0 = p.i; p.skipParens(); for (const x of p.toks.slice(s0, p.i)) if (x.kind === 'string' && uri === 'export') uri = x.image.slice(1, -1) } }
    const query = parseQuery(p)
    return { k: 'copy', table: { parts: [], loc: locOf(first, first) }, location: uri, direction: 'out', query, loc: locOf(first, p.prev()) }
  }
  if ((u === 'LOAD' || u === 'IMPORT') && p.isWord('FROM', 1)) {
    // Informix DB-Access LOAD FROM 'file' [DELIMITER 'x'] INSERT INTO t [(cols)];
    // DB2 LOAD | IMPORT FROM file OF DEL [options] INSERT | REPLACE | INSERT_UPDATE | CREATE … INTO t [(cols)]
    p.i += 2
    // DB2 LOAD FROM c OF CURSOR (DECLARE c CURSOR FOR SELECT …): the cursor's rows, not a file
    const cursor = p.isIdentToken() && p.isWord('OF', 1) && p.isWord('CURSOR', 2) ? p.ident() : undefined
    // an unquoted path (/data/in/x.del) is several tokens with no space between them
    const file = cursor ? undefined : p.next()
    let location = file ? file.image.replace(/^'|'$/g, '') : ''
    if (file && file.kind !== 'string') while (!p.eof() && p.peek()!.start === p.prev().end && !p.isOp(';')) location += p.next().image
    while (!p.eof() && !(p.isAnyWord(LOAD_MODES) && p.isWord('INTO', 1)) && !p.isOp(';')) p.next()
    if (!p.isAnyWord(LOAD_MODES)) p.expect('INSERT')
    p.next(); p.expect('INTO')
    const table = p.qname()
    let columns
    if (p.isOp('(')) { p.next(); columns = [p.ident()]; while (p.acceptOp(',')) columns.push(p.ident()); p.expectOp(')') }
    // DB2 options after the table (NONRECOVERABLE, FOR EXCEPTION t, ALLOW READ ACCESS …) move nothing
    while (!p.eof() && !p.isOp(';')) p.next()
    if (cursor) return { k: 'insert', target: { name: table, loc: table.loc }, columns, cursorRows: cursor, loc: locOf(first, p.prev()) }
    return { k: 'copy', table, columns, location, direction: 'in', loc: locOf(first, p.prev()) }
  }
  if (u === 'EXPORT' && p.isWord('DATA', 1)) {
    p.i += 2
    let uri = 'export'
    while (!p.eof() && !(p.isWord('AS') && startsQuery(p, 1))) { const t = p.next(); if (t.kind === 'string' && /:\/\//.test(t.image) && uri === 'export') uri = t.image.slice(1, -1) }
    p.expect('AS')
    const query = parseQuery(p)
    return { k: 'copy', table: { parts: [], loc: locOf(first, first) }, location: uri, direction: 'out', query, loc: locOf(first, p.prev()) }
  }
  if (u === 'UNLOAD' && p.isOp('(', 1) && p.peek(2)?.kind === 'string') return parseUnload(p, first)
  if (p.atPsqlCommand()) return parsePsqlCopy(p, first)
  if (u === 'FROM' && (p.d.name === 'dbvhive' || p.d.name === 'dbvimpala')) return parseMultiInsert(p, first)
  if (u === 'APPLY' && p.isWord('CHANGES', 1) && p.isWord('INTO', 2)) return parseApplyChanges(p)
  // SQL*Plus commands between the statements of an Oracle script (SET TRANSACTION / ROLE are SQL)
  if (p.d.slashTerminator && first.kind === 'word' && SQLPLUS_COMMANDS.has(u) && !(p as TokenCursor & { inBlock?: boolean }).inBlock
    && !(u === 'SET' && p.isAnyWord(['TRANSACTION', 'ROLE', 'CONSTRAINT', 'CONSTRAINTS'], 1)) && !(u.startsWith('EXEC') && p.isWord('IMMEDIATE', 1))) {
    p.next(); p.skipSqlPlusLine(first)
    return { k: 'other', kind: `SQL*Plus ${u}`, loc: locOf(first, p.prev()) }
  }
  if (first.kind === 'word' && PROCEDURAL_START.has(u)) {
    const s = parseProcedural(p, first)
    if (s) return s
  }
  // SQLScript calculation engine plan operators: lt = CE_PROJECTION(:src, [cols]) … are queries
  if (p.d.name === 'dbvhana' && first.kind === 'word' && p.isOp('=', 1) && p.peek(2)?.upper.startsWith('CE_') && p.isOp('(', 3)) {
    const name = p.ident(); p.next()
    const query = parseCeOperator(p)
    if (query) return { k: 'tableVar', name, query, loc: locOf(first, p.prev()) }
    p.fail('unsupported calculation engine operator')
  }
  // SQLScript lt = APPLY_FILTER(:src | table, :filter): the rows of src that a dynamic WHERE keeps
  if (p.d.name === 'dbvhana' && first.kind === 'word' && p.isOp('=', 1) && p.isWord('APPLY_FILTER', 2) && p.isOp('(', 3)) {
    const name = p.ident(); p.i += 3
    const from = p.tableName()
    while (!p.eof() && !p.isOp(')')) { if (p.isOp('(')) p.skipParens(); else p.next() }
    p.expectOp(')')
    return { k: 'tableVar', name, query: selectAll(from), loc: locOf(first, p.prev()) }
  }
  if (first.kind === 'word' && p.isOp('=', 1) && startsQuery(p, 2)) {
    const name = p.ident(); p.next()
    const query = parseQuery(p)
    return { k: 'tableVar', name, query, loc: locOf(first, p.prev()) }
  }
  // Oracle trigger bodies: :NEW.col := expr; a dynamic block's bind variable: :r := f(:p)
  const bind = first.kind === 'op' && first.image === ':' && p.isIdentToken(1) && (p.isOp(':=', 2) || (p.isOp('.', 2) && p.isOp(':=', 4)))
  if (bind || ((first.kind === 'word' || first.kind === 'param') && (p.isOp(':=', 1) || (p.isOp('.', 1) && p.isOp(':=', 3))))) {
    const target = parseExpr(p); p.expectOp(':=')
    if (skipsDynamicResult(p)) return { k: 'other', kind: 'EXECUTE IMMEDIATE', loc: locOf(first, p.prev()) }
    // PLvSQL: x := SELECT … (the query's single value, without parentheses)
    if (startsQuery(p) && !p.isOp('(')) { const query = parseQuery(p); return { k: 'assign', targets: [target], query, loc: locOf(first, p.prev()) } }
    const value = parseExpr(p)
    return { k: 'assign', targets: [target], value, loc: locOf(first, p.prev()) }
  }
  // T-SQL / ASE COMMIT | ROLLBACK | SAVE [TRAN | TRANSACTION | WORK] [name]: what follows on the line is the next statement
  // (BEGIN ROLLBACK TRANSACTION GOTO err END: skipping to the next line took the GOTO and the END)
  if (p.d.batchWord !== undefined && (u === 'COMMIT' || u === 'ROLLBACK' || u === 'SAVE')) {
    p.next()
    // ASE ROLLBACK TRIGGER [WITH RAISERROR n 'text'] undoes the trigger's statement
    if (u === 'ROLLBACK' && p.isWord('TRIGGER')) { skipToEnd(p); return { k: 'other', kind: u, loc: locOf(first, p.prev()) } }
    p.accept('TRAN') || p.accept('TRANSACTION') || p.accept('WORK')
    const n = p.peek()
    if (n && (n.kind === 'word' || n.kind === 'qident') && !STATEMENT_WORDS.has(n.upper) && !startsQuery(p) && !isBatchSeparator(p)) p.next()
    if (p.isWord('WITH') && p.isOp('(', 1)) { p.next(); p.skipParens() }
    return { k: 'other', kind: u, loc: locOf(first, p.prev()) }
  }
  if (u === 'PREPARE' && p.d.name === 'dbvmysql' && p.isWord('FROM', 2) && p.peek(3)) return parsePrepare(p, first)
  if (u === 'CALL' && first.kind === 'word' && p.isIdentToken(1)) { const c = parseCall(p, first); if (c) return c }
  // Hive CLI !cmd; and Beeline !connect … lines (no `;`): a shell or client command, ended by its line
  if (u === '!' && first.bol && (p.d.name === 'dbvhive' || p.d.name === 'dbvimpala')) {
    const end = p.lineEnd(first)
    while (p.i < end && !p.isOp(';')) p.next()
    return { k: 'other', kind: 'SHELL', loc: locOf(first, p.prev()) }
  }
  if (first.kind === 'word' && SKIP_START.has(u)) {
    p.next(); skipToEnd(p)
    return { k: 'other', kind: u, loc: locOf(first, p.prev()) }
  }
  // procedure call without CALL/EXEC: name(args); pkg.proc(args); (PL/SQL, SQL PL, SPL)
  if (first.kind === 'word' && (p as TokenCursor & { inBlock?: boolean }).inBlock) {
    const save = p.i
    p.qname()
    if (p.isOp('(')) p.skipParens()
    if (p.isOp(';') || p.eof() || p.isWord('END')) return { k: 'other', kind: 'CALL', loc: locOf(first, p.prev()) }
    // PL/SQL collection element or its field: l(i) := v, l(l.LAST) := v, l(i).f := v, m(k)(j) := v
    while (p.isOp('(') || (p.isOp('.') && p.isIdentToken(1))) { if (p.isOp('(')) p.skipParens(); else p.i += 2 }
    const assign = p.isOp(':=')
    p.i = save
    if (assign) {
      const target = parseExpr(p); p.expectOp(':=')
      const value = parseExpr(p)
      return { k: 'assign', targets: [target], value, loc: locOf(first, p.prev()) }
    }
  }
  // T-SQL / Sybase GOTO target: a line starting with label:
  if (first.kind === 'word' && p.d.batchWord !== undefined && first.bol && p.isOp(':', 1)) { p.i += 2; return { k: 'other', kind: 'LABEL', loc: locOf(first, p.prev()) } }
  if (first.kind === 'word' && p.d.batchWord !== undefined && atBatchStart(p)) {
    const call = bareProcedureCall(p, first)
    if (call) return call
  }
  if (first.kind === 'op' && first.image === '<<') { while (!p.isOp('>>') && !p.eof()) p.next(); p.next(); return { k: 'other', kind: 'LABEL', loc: locOf(first, p.prev()) } }
  if (first.kind === 'word' && p.isOp(':', 1) && p.isAnyWord(['BEGIN', 'LOOP', 'WHILE', 'FOR', 'REPEAT'], 2)) { p.i += 2; return parseStatement(p) }
  p.fail(`unsupported statement`)
}

/**
 * A SQLScript calculation engine operator as the query it stands for: CE_COLUMN_TABLE | CE_OLAP_VIEW |
 * CE_JOIN_VIEW | CE_CALC_VIEW (t [, [cols]]), CE_PROJECTION (:v, [cols] [, 'filter']), CE_AGGREGATION
 * (:v, [agg AS name, …] [, [group cols]]), CE_JOIN (:a, :b, [join cols] [, [cols]]), CE_UNION_ALL (:a, :b).
 * undefined (nothing consumed) for the others.
 */
function parseCeOperator(p: TokenCursor): Query | undefined {
  const start = p.peek()!
  const op = start.upper
  if (!['CE_COLUMN_TABLE', 'CE_OLAP_VIEW', 'CE_JOIN_VIEW', 'CE_CALC_VIEW', 'CE_PROJECTION', 'CE_AGGREGATION', 'CE_JOIN', 'CE_UNION_ALL'].includes(op)) return undefined
  p.i += 2
  const source = (): Source => { const name = p.tableName(); return { k: 'table', name, loc: name.loc } }
  /** [item, …]: a column "A", an expression f("A"), each with its optional AS name */
  const list = (): SelectItem[] => {
    const items: SelectItem[] = []
    p.expectOp('[')
    while (!p.isOp(']') && !p.eof()) {
      const s0 = p.peek()!
      const expr = parseExpr(p)
      const alias = p.accept('AS') ? p.ident() : undefined
      items.push({ expr, alias, loc: locOf(s0, p.prev()) })
      if (!p.acceptOp(',')) break
    }
    p.expectOp(']')
    return items
  }
  const star = (): SelectItem[] => [{ expr: { k: 'star', loc: locOf(start, start) }, loc: locOf(start, start) }]
  const select = (items: SelectItem[], from: Source[], joins: JoinCond[] = [], groupBy: Expr[] = []): Query =>
    ({ k: 'select', distinct: false, items, from, joins, groupBy, connectBy: [], orderBy: [], loc: locOf(start, p.prev()) })
  const rest = () => { while (p.acceptOp(',')) { if (p.isOp('[')) list(); else parseExpr(p) } p.expectOp(')') }
  const a = source()
  let q: Query
  if (op === 'CE_UNION_ALL' || op === 'CE_JOIN') {
    p.expectOp(',')
    const b = source()
    if (op === 'CE_UNION_ALL') { rest(); q = { k: 'setop', op: 'UNION', all: true, left: select(star(), [a]), right: select(star(), [b]), orderBy: [], loc: locOf(start, p.prev()) }; return q }
    p.expectOp(',')
    const using = list().map((i) => i.expr.k === 'col' ? i.expr.name.parts[0] : undefined).filter((x): x is Ident => !!x)
    const items = p.acceptOp(',') && p.isOp('[') ? list() : star()
    rest()
    return select(items, [a, b], [{ kind: 'inner', using, loc: locOf(start, p.prev()) }])
  }
  if (op === 'CE_AGGREGATION') {
    p.expectOp(',')
    const aggs = list()
    const groups = p.acceptOp(',') && p.isOp('[') ? list() : []
    rest()
    // the result holds the grouping columns, then the aggregates
    return select([...groups, ...aggs], [a], [], groups.map((g) => g.expr))
  }
  const items = p.acceptOp(',') && p.isOp('[') ? list() : star()
  rest()
  return select(items, [a])
}

/**
 * CALL p [(arg, name => arg, …)] [WITH OVERVIEW | IN DEBUG MODE …]: its arguments, for a procedure of the script
 * that fills OUT ones; arguments that are no expressions (CALL p(?), a dialect's own forms) leave a plain CALL
 */
function parseCall(p: TokenCursor, first: Token): Stmt | undefined {
  const save = p.i
  try {
    p.next()
    const name = p.qname()
    const args: Array<{ name?: Ident; value: Expr }> = []
    if (p.acceptOp('(') && !p.acceptOp(')')) {
      do {
        const named = p.isIdentToken() && p.isOp('=>', 1) ? p.ident() : undefined
        if (named) p.next()
        args.push({ name: named, value: parseExpr(p) })
      } while (p.acceptOp(','))
      p.expectOp(')')
    }
    // Informix CALL p(args) RETURNING v, …: the returned values set the variables
    const into = p.accept('RETURNING') ? parseExprList(p) : undefined
    skipToEnd(p)
    return { k: 'other', kind: 'CALL', call: { name, args, into }, loc: locOf(first, p.prev()) }
  } catch (e) {
    if (!(e instanceof ParseError)) throw e
    p.i = save
    return undefined
  }
}

/** the cursor is at the first statement of a T-SQL / Sybase batch: the script's start, or right after GO [n] */
function atBatchStart(p: TokenCursor): boolean {
  return p.atBatchSeparator(-1) || (p.peek(-1)?.kind === 'number' && p.atBatchSeparator(-2))
}

/**
 * T-SQL / Sybase: the first statement of a batch may call a procedure without EXEC (sp_procxmode 'p', 'unchained';
 * dbo.sp_bindrule r, 't.c'). A name followed by arguments or by the end of its line; it carries no lineage.
 */
function bareProcedureCall(p: TokenCursor, first: Token): Stmt | undefined {
  const save = p.i
  p.qname()
  const n = p.peek()
  // arguments are values or names (sp_bindrule r_pos, 't.c'), never an operator or a parenthesis
  const args = !n || n.line !== p.prev().line || n.kind === 'string' || n.kind === 'number' || n.kind === 'qident'
    || (n.kind === 'punct' && n.image === ';') || (n.kind === 'word' && !p.isOp('(', 1) && !p.isOp('.', 1) && !p.isOp('=', 1))
  if (!args) { p.i = save; return undefined }
  skipToEnd(p)
  return { k: 'other', kind: 'EXEC', loc: locOf(first, p.prev()) }
}

/** the statement a WITH clause starts: a query or DML */
function parseWithStatement(p: TokenCursor, w: import('../ast/types.js').With, first: Token): Stmt {
  const nu = statementWord(p.d, p.peek()?.upper ?? '')
  if (nu === 'INSERT') return parseInsert(p, w)
  if (nu === 'UPDATE') return parseUpdate(p, w)
  if (nu === 'DELETE') return parseDelete(p, w)
  if (nu === 'MERGE') return parseMerge(p, w)
  // Hive WITH c AS (…) FROM c INSERT … INSERT …: every branch sees the CTEs
  if (nu === 'FROM' && (p.d.name === 'dbvhive' || p.d.name === 'dbvimpala')) return parseMultiInsert(p, first, w)
  const q = parseQuery(p)
  q.with = w
  q.loc = locOf(first, p.prev())
  return { k: 'query', query: q, loc: q.loc }
}

/** T-SQL BULK INSERT t FROM 'file' WITH (…): a load of the file into the table */
function parseBulkInsert(p: TokenCursor, first: Token): Stmt {
  p.i += 2
  const table = p.qname()
  p.expect('FROM')
  const file = p.next()
  if (p.isWord('WITH') && p.isOp('(', 1)) { p.next(); p.skipParens() }
  return { k: 'copy', table, location: file.kind === 'string' ? file.image.slice(1, -1) : file.image, direction: 'in', loc: locOf(first, p.prev()) }
}

/**
 * psql \copy t [(cols)] FROM | TO 'file' [options]: a COPY the client runs. It has no terminator and ends with its
 * line, so it is parsed on a cursor that stops there.
 */
function parsePsqlCopy(p: TokenCursor, first: Token): Stmt {
  const end = p.lineEnd(first)
  const line = new TokenCursor(p.toks, p.d, p.i + 1, end)
  if (!line.isWord('COPY') || line.peek()!.start !== first.end) p.fail('unsupported psql command')
  const s = parseCopy(line, first)
  p.i = end
  return s
}

/** Hive: FROM src INSERT OVERWRITE TABLE a SELECT … [WHERE …] INSERT INTO b SELECT … */
function parseMultiInsert(p: TokenCursor, first: Token, w?: import('../ast/types.js').With): Stmt {
  const save = p.i
  p.next()
  const from: import('../ast/types.js').Source[] = []
  const joins: import('../ast/types.js').JoinCond[] = []
  parseFromClause(p, from, joins)
  // FROM src SELECT …: a query with its FROM first
  if (startsQuery(p) && !p.isWord('WITH')) {
    p.i = save
    const q = parseFromFirstQuery(p)
    if (w) q.with = w
    q.loc = locOf(first, p.prev())
    return { k: 'query', query: q, loc: q.loc }
  }
  const body: Stmt[] = []
  while (p.isWord('INSERT')) {
    const ins = parseInsert(p, w) as Extract<Stmt, { k: 'insert' }>
    if (ins.query && ins.query.k === 'select') { ins.query.from = from; ins.query.joins = joins }
    body.push(ins)
  }
  if (!body.length) p.fail('expected INSERT')
  return { k: 'block', body, loc: locOf(first, p.prev()) }
}

/** true when the statement just parsed may end here */
function atBoundary(p: TokenCursor): boolean {
  if (p.eof() || p.isOp(';') || isBatchSeparator(p) || p.atPsqlTrailer()) return true
  const t = p.peek()!
  if (t.bol && t.image === '!' && (p.d.name === 'dbvhive' || p.d.name === 'dbvimpala')) return true
  // statements without a terminator (T-SQL, procedural code) end where the next one starts
  return t.kind === 'word' && (startsQuery(p) || STATEMENT_WORDS.has(statementWord(p.d, t.upper)))
}


/** Parse one statement and require a clean boundary after it. */
export function parseOne(p: TokenCursor): Stmt {
  const psql = p.atPsqlCommand()
  const s = parseStatement(p)
  // a SQL*Plus or psql command ends with its line, whatever the next line starts with
  if (!atBoundary(p) && !psql && !(s.k === 'other' && s.kind.startsWith('SQL*Plus'))) p.fail('unexpected token')
  return s
}

/**
 * Parse a script, handing each statement to `emit` as soon as it is parsed (so its AST dies young)
 * until `emit` returns false (the analysis budget stops there); without `emit`, the statements are returned.
 */
export function parseScript(tokens: Token[], d: DialectSpec, emit?: (s: ParsedStatement) => boolean): ParsedStatement[] {
  const p = new TokenCursor(tokens, d)
  const out: ParsedStatement[] = []
  const put = emit ?? ((s: ParsedStatement) => { out.push(s); return true })
  while (!p.eof()) {
    if (p.isOp(';')) { p.next(); continue }
    // GO [count]: the count repeats the batch, it is no statement
    // (a batch's variables end with it)
    if (isBatchSeparator(p)) { p.sqlVars = undefined; const go = p.next(); if (p.peek()?.kind === 'number' && p.peek()!.line === go.line) p.next(); continue }
    if (p.atPsqlTrailer()) { p.i = p.lineEnd(p.peek()!); continue }
    const startIdx = p.i
    const first = p.peek()!
    let ps: ParsedStatement
    try {
      const stmt = parseOne(p)
      ps = { stmt, first, last: p.toks[Math.max(startIdx, p.i - 1)] }
      if (p.skipped) { ps.skipped = p.skipped; p.skipped = undefined }
    } catch (e) {
      p.skipped = undefined
      // a TypeError here is a grammar rule that read past the last token of a truncated statement: that
      // statement is lost, not the rest of the script (the engine's last catch drops the whole piece)
      if (!(e instanceof ParseError) && !(e instanceof RangeError) && !(e instanceof TypeError)) throw e
      const tok = e instanceof ParseError ? e.token : first
      const message = e instanceof ParseError ? e.message : e instanceof RangeError ? 'statement too deeply nested' : 'unexpected end of the statement'
      p.i = startIdx
      recover(p)
      ps = { error: { message, token: tok }, first, last: p.toks[Math.max(startIdx, p.i - 1)] }
    }
    if (!put(ps)) break
  }
  return out
}

/** skip to the end of the broken statement: the next `;` (unbalanced parentheses must not hide it) or batch separator */
function recover(p: TokenCursor): void {
  // a broken psql command still ends with its line: the next statement keeps its lineage
  if (p.atPsqlCommand()) { p.i = p.lineEnd(p.peek()!); return }
  p.next()
  while (!p.eof()) {
    const t = p.peek()!
    if (t.kind === 'punct' && t.image === ';') return
    if (isBatchSeparator(p)) return
    p.next()
  }
}
