// Grammar chapter: procedural SQL (T-SQL, PL/SQL, SQL PL, PL/pgSQL, MySQL, BigQuery/Snowflake scripting).
// Bodies are analysed statement by statement whatever the control flow (conformance D14).
import type { Expr, Ident, Stmt } from '../ast/types.js'
import type { Token } from '../lexer/lexer.js'
import { tokenize } from '../lexer/lexer.js'
import { ParseError, TokenCursor, identOf, locOf, STATEMENT_WORDS } from './base.js'
import { exprLoc, parseExpr, parseExprList, parseType } from './expressions.js'
import { definedColumnNames, parseQuery, startsQuery } from './query.js'
import { isBatchSeparator, parseStatement } from './script.js'
import { skipToEnd } from './ddl.js'
import { buildsSqlText, noteSqlVar, partTokens, stringParts, unescapeQuotes, type SqlPart } from './dynsql.js'

function startsStatementWord(p: TokenCursor): boolean {
  return p.isAnyWord(['SET', 'BEGIN', 'INSERT', 'UPDATE', 'DELETE', 'SELECT', 'CALL', 'RESIGNAL', 'SIGNAL', 'RETURN', 'LEAVE', 'ITERATE', 'ROLLBACK']) && !(p.isWord('SQLSTATE', -1))
}

function parseCreateRef(p: TokenCursor, first: Token): Stmt {
  // DECLARE GLOBAL TEMPORARY TABLE x (…) → same grammar as CREATE GLOBAL TEMPORARY TABLE
  return createRef!(p, first, parseRoutine)
}
let createRef: ((p: TokenCursor, first: Token, block: (p: TokenCursor, start: Token) => Stmt) => Stmt) | undefined
export function setCreate(fn: typeof createRef): void { createRef = fn }

const PARAM_MODES = new Set(['IN', 'OUT', 'INOUT', 'VARIADIC'])

export const PROCEDURAL_START = new Set(['FORALL', 'DEFINE', 'LET', 'DECLARE', 'BEGIN', 'IF', 'WHILE', 'FOR', 'LOOP', 'REPEAT', 'SET', 'RETURN',
  'OPEN', 'FETCH', 'CLOSE', 'DO', 'EXECUTE', 'EXEC', 'CASE', 'FOREACH', 'ON', 'TRACE', 'SYSTEM', 'PIPE'])

/** the routine being parsed: a trigger's table and row names, a trigger function, the function a trigger executes */
interface RoutineState { triggerTable?: import('../ast/types.js').QName; triggerRows?: string[]; triggerTables?: string[]; triggerFunction?: boolean; triggerCall?: import('../ast/types.js').QName; returnsTable?: { columns?: Ident[]; variable?: string } }
type Cur = TokenCursor & { inBlock?: boolean } & RoutineState

function endOfStatement(p: TokenCursor): void { p.acceptOp(';') }

/** T-SQL Service Broker END CONVERSATION @h [WITH …]: a statement, not the end of the block it is in */
export const endsConversation = (p: TokenCursor): boolean => p.d.batchWord !== undefined && p.isWord('CONVERSATION', 1)

/** statements until one of the stop words (not consumed) */
export function parseBody(p: Cur, stops: string[], stopAtParen = false): Stmt[] {
  const body: Stmt[] = []
  const was = p.inBlock
  p.inBlock = true
  try {
    while (!p.eof()) {
      if (p.acceptOp(';')) continue
      if (isBatchSeparator(p)) break
      if (stopAtParen && p.isOp(')')) break
      if (p.isAnyWord(stops) && !(p.isWord('END') && (p.isOp('.', 1) || endsConversation(p)))) break
      const s0 = p.i
      try {
        body.push(scalarAssignment(p) ?? parseStatement(p))
      } catch (e) {
        if (!(e instanceof ParseError)) throw e
        skipBroken(p, s0, e, stops)
        continue
      }
      endOfStatement(p)
    }
  } finally { p.inBlock = was }
  return body
}

/**
 * A statement of a block that does not parse is recorded and skipped, so one unknown statement does
 * not cost the whole routine its lineage: past the token that failed, to the next `;` at parenthesis
 * depth 0, or to a line that starts the next statement or ends the block (T-SQL needs no terminator).
 */
function skipBroken(p: Cur, s0: number, e: ParseError, stops: string[]): void {
  (p.skipped ??= []).push({ message: e.message, token: e.token })
  let failed = s0
  if (e.token) for (let j = s0; j < p.end; j++) if (p.toks[j] === e.token) { failed = j; break }
  p.i = Math.max(s0 + 1, failed)
  let depth = 0
  while (!p.eof()) {
    const t = p.peek()!
    if (t.kind === 'punct' || t.kind === 'op') {
      if (t.image === '(') depth++
      else if (t.image === ')') { if (depth === 0) return; depth-- }
      else if (t.image === ';' && depth === 0) { p.next(); return }
    }
    if (isBatchSeparator(p)) return
    if (depth === 0 && t.bol && t.kind === 'word' && p.i > failed && (STATEMENT_WORDS.has(t.upper) || t.upper === 'SELECT' || stops.includes(t.upper))) return
    p.next()
  }
}

/** a body's `name = expr` (no SET/LET) assigns a variable: SQLScript OUT parameters and return variables, PL/pgSQL `=` */
function scalarAssignment(p: Cur): Stmt | undefined {
  const first = p.peek()!
  if (first.kind !== 'word' || STATEMENT_WORDS.has(first.upper) || PROCEDURAL_START.has(first.upper)) return undefined
  const at = p.isOp('=', 1) ? 2 : p.isOp('.', 1) && p.isIdentToken(2) && p.isOp('=', 3) ? 4 : 0
  // `lt = SELECT …` and `lt = APPLY_FILTER(…)` are table variables (parseStatement)
  if (at === 0 || startsQuery(p, at) || (at === 2 && p.d.name === 'dbvhana' && (p.isWord('APPLY_FILTER', 2) || p.peek(2)!.upper.startsWith('CE_')))) return undefined
  const targets = [assignTarget(p)]
  p.expectOp('=')
  const value = parseExpr(p)
  return { k: 'assign', targets, value, loc: locOf(first, p.prev()) }
}

export function parseProcedural(p: Cur, first: Token): Stmt | undefined {
  const u = first.upper
  switch (u) {
    case 'BEGIN': return parseBegin(p, first)
    case 'DECLARE': return parseDeclare(p, first)
    case 'IF': return parseIf(p, first)
    case 'WHILE': return parseWhile(p, first)
    case 'LOOP': case 'REPEAT': {
      p.next(); const body = parseBody(p, ['END', 'UNTIL']); if (p.accept('UNTIL')) { parseExpr(p) } p.expect('END'); p.accept('LOOP') || p.accept('REPEAT'); if (p.isIdentToken() && !p.isOp(';', 0) && p.peek()!.line === p.prev().line) p.next()
      return { k: 'block', body, loc: locOf(first, p.prev()) }
    }
    case 'FOR': case 'FOREACH': return parseFor(p, first)
    case 'SET': return parseSet(p, first)
    case 'RETURN': {
      p.next()
      if (p.isOp(';') || p.eof() || p.isWord('END')) return { k: 'return', loc: locOf(first, first) }
      if (startsQuery(p) || p.isOp('(') && startsQuery(p, 1)) { const q = parseQuery(p); return { k: 'query', query: q, loc: locOf(first, p.prev()) } }
      if (p.isWord('QUERY')) {
        p.next()
        // RETURN QUERY EXECUTE sql [USING args]: dynamic SQL, skipped like EXECUTE (it failed the function)
        if (p.accept('EXECUTE')) { skipToEnd(p); return { k: 'other', kind: 'EXEC', loc: locOf(first, p.prev()) } }
        const q = parseQuery(p); return { k: 'query', query: q, loc: locOf(first, p.prev()) }
      }
      const value = parseExpr(p)
      // Informix SPL: RETURN a, b [WITH RESUME] (the routine goes on, a cursor function)
      const more: Expr[] = []
      while (p.acceptOp(',')) more.push(parseExpr(p))
      p.acceptSeq('WITH', 'RESUME')
      return { k: 'return', value, ...(more.length ? { more } : {}), loc: locOf(first, p.prev()) }
    }
    case 'PIPE': {
      if (!p.isWord('ROW', 1) || !p.isOp('(', 2)) return undefined
      p.i += 3; const value = parseExpr(p); p.expectOp(')')
      return { k: 'return', value, row: true, loc: locOf(first, p.prev()) }
    }
    case 'ON': return p.isWord('EXCEPTION', 1) ? parseOnException(p, first) : undefined
    case 'TRACE': case 'SYSTEM': {
      // Informix SPL debugging output and shell commands carry no lineage
      if (!p.inBlock) return undefined
      p.next(); skipToEnd(p); return { k: 'other', kind: u, loc: locOf(first, p.prev()) }
    }
    case 'OPEN': {
      p.next(); const cursor = p.ident()
      // OPEN c FOR v_sql [USING x]: dynamic SQL in a variable or a string is skipped like EXECUTE IMMEDIATE
      if (p.accept('FOR') && startsQuery(p)) { const q = parseQuery(p); return { k: 'declare', vars: [{ name: cursor, query: q }], loc: locOf(first, p.prev()) } }
      skipToEnd(p); return { k: 'other', kind: 'OPEN', loc: locOf(first, p.prev()) }
    }
    case 'FETCH': {
      p.next()
      // (T-SQL FETCH NEXT FROM c without INTO ends at its line)
      while (!p.eof() && !p.isOp(';') && !p.isWord('INTO') && !p.isWord('BULK') && !p.atBatchSeparator() && !p.startsStatementLine()) p.next()
      const cursorTok = p.prev()
      if (p.accept('INTO') || p.acceptSeq('BULK', 'COLLECT', 'INTO')) {
        const targets = parseExprList(p)
        // FETCH c BULK COLLECT INTO l LIMIT n: the batch size
        if (p.accept('LIMIT')) parseExpr(p)
        const src: Expr = { k: 'var', name: cursorTok.image, loc: locOf(cursorTok, cursorTok) }
        return { k: 'assign', targets, value: src, loc: locOf(first, p.prev()) }
      }
      return { k: 'other', kind: 'FETCH', loc: locOf(first, p.prev()) }
    }
    case 'EXECUTE': case 'EXEC': {
      p.next()
      // T-SQL EXEC @rc = sp_executesql …: the return status goes to @rc
      if (p.d.batchWord !== undefined && p.peek()?.image.startsWith('@') && p.isOp('=', 1) && p.isAnyWord(['SP_EXECUTESQL', 'SYS'], 2)) p.i += 2
      // Informix EXECUTE PROCEDURE | FUNCTION p(args) [INTO v, …]: the values p returns set the variables
      if (p.d.name === 'dbvinformix' && p.isAnyWord(['PROCEDURE', 'FUNCTION']) && p.isIdentToken(1)) {
        p.next()
        const name = p.qname()
        const args = p.acceptOp('(') && !p.acceptOp(')') ? (() => { const a = parseExprList(p); p.expectOp(')'); return a })() : []
        const into = p.accept('INTO') ? parseExprList(p) : undefined
        skipToEnd(p)
        return { k: 'other', kind: 'EXEC', call: { name, args: args.map((value) => ({ value })), into }, loc: locOf(first, p.prev()) }
      }
      // EXECUTE IMMEDIATE 'INSERT …' / $$ … $$ with the SQL as one literal: its statements are analysed
      const lit = p.isWord('IMMEDIATE') && p.peek(1)?.kind === 'string' && (p.isOp(';', 2) || p.isAnyWord(['USING', 'INTO'], 2) || !p.peek(2)) ? p.peek(1)!
        // PL/pgSQL (and PLvSQL) EXECUTE 'INSERT …' [USING …]: the same, without the IMMEDIATE
        : p.d.plpgsql && p.inBlock && p.peek()?.kind === 'string' && (p.isOp(';', 1) || p.isWord('USING', 1) || !p.peek(1)) ? p.peek()! : tsqlDynamicLiteral(p)
      const parts = lit ? undefined : tsqlDynamicParts(p)
      const body = lit ? stringBody(p, lit) : parts ? dynamicBody(p, parts) : undefined
      skipToEnd(p)
      return body ? { k: 'block', body, loc: locOf(first, p.prev()) } : { k: 'other', kind: 'EXEC', loc: locOf(first, p.prev()) }
    }
    case 'CASE': {
      // CASE statement: CASE … WHEN … THEN stmts … END CASE
      p.next(); if (!p.isWord('WHEN')) parseExpr(p)
      const body: Stmt[] = []
      while (p.accept('WHEN')) { parseExpr(p); p.expect('THEN'); body.push(...parseBody(p, ['WHEN', 'ELSE', 'END'])) }
      if (p.accept('ELSE')) body.push(...parseBody(p, ['END']))
      p.expect('END'); p.accept('CASE')
      return { k: 'block', body, loc: locOf(first, p.prev()) }
    }
    case 'DO': {
      // SAP HANA anonymous block: DO [(params)] BEGIN … END
      if (p.isWord('BEGIN', 1)) { p.next(); const b = parseBegin(p, p.peek()!); return { k: 'block', body: [b], loc: locOf(first, p.prev()) } }
      // PostgreSQL anonymous block: DO [LANGUAGE l] $$ … $$ [LANGUAGE l]
      let k = 1
      if (p.isWord('LANGUAGE', 1)) k = 3
      const t = p.peek(k)
      if (!t || t.kind !== 'string' || !p.d.dollarQuotedStrings) return undefined
      p.i += k + 1
      skipToEnd(p)
      const body = isSqlBody(p, first) ? stringBody(p, t) : undefined
      return body ? { k: 'block', body, loc: locOf(first, p.prev()) } : { k: 'other', kind: 'DO', loc: locOf(first, p.prev()) }
    }
    case 'FORALL': {
      // the index is a loop variable, as in FOR i IN 1..n (the statement's l_ids(i) reads it, no column)
      p.next(); const record = p.ident(); p.expect('IN')
      while (!p.eof() && !p.isAnyWord(['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'SAVE'])) { if (p.isOp('(')) p.skipParens(); else p.next() }
      if (p.accept('SAVE')) p.accept('EXCEPTIONS')
      const body = parseStatement(p)
      return { k: 'cursorLoop', record, body: [body], loc: locOf(first, p.prev()) }
    }
    case 'DEFINE': {
      // Informix SPL: DEFINE v, w type
      p.next(); if (p.accept('GLOBAL')) { /* scope only */ }
      const vars: Array<{ name: Ident }> = [{ name: p.ident() }]
      while (p.acceptOp(',')) vars.push({ name: p.ident() })
      skipToEnd(p)
      return { k: 'declare', vars, loc: locOf(first, p.prev()) }
    }
    case 'LET': {
      if (p.d.name === 'dbvsnowflake') return parseSnowflakeLet(p, first)
      p.next(); const targets = [assignTarget(p)]; while (p.acceptOp(',')) targets.push(assignTarget(p)); p.expectOp('=')
      if (p.isOp('(') && startsQuery(p, 1)) { p.next(); const q = parseQuery(p); p.expectOp(')'); return { k: 'assign', targets, query: q, loc: locOf(first, p.prev()) } }
      const value = parseExpr(p); while (p.acceptOp(',')) parseExpr(p)
      return { k: 'assign', targets, value, loc: locOf(first, p.prev()) }
    }
  }
  return undefined
}

/** Informix SPL: ON EXCEPTION [IN (codes)] [SET vars] statements END EXCEPTION [WITH RESUME] — a handler, analysed like any block */
function parseOnException(p: Cur, first: Token): Stmt {
  p.i += 2
  if (p.accept('IN')) p.skipParens()
  if (p.accept('SET')) { p.ident(); while (p.acceptOp(',')) p.ident() }
  const body = parseBody(p, ['END'])
  p.expect('END'); p.expect('EXCEPTION'); p.acceptSeq('WITH', 'RESUME')
  return { k: 'block', body, loc: locOf(first, p.prev()) }
}

function parseBegin(p: Cur, first: Token): Stmt {
  p.next()
  if (p.isAnyWord(['TRAN', 'TRANSACTION', 'WORK', 'DISTRIBUTED'])) {
    const line = p.peek()!.line
    p.next(); p.accept('TRANSACTION'); p.accept('TRAN')
    // the transaction's name, unless the line goes on with a statement (begin tran insert …)
    if (p.isIdentToken() && p.peek()!.line === line && !p.isAnyWord(['WITH']) && !STATEMENT_WORDS.has(p.peek()!.upper) && !startsQuery(p)) p.next()
    return { k: 'other', kind: 'BEGIN TRANSACTION', loc: locOf(first, p.prev()) }
  }
  // Service Broker BEGIN DIALOG [CONVERSATION] @h FROM SERVICE … / BEGIN CONVERSATION TIMER (@h) TIMEOUT = n open no block
  if (p.d.batchWord !== undefined && (p.isWord('DIALOG') || (p.isWord('CONVERSATION') && p.isWord('TIMER', 1)))) {
    p.next(); skipToEnd(p)
    return { k: 'other', kind: 'BEGIN DIALOG', loc: locOf(first, p.prev()) }
  }
  if ((p.isOp(';') || p.eof()) && p.d.name !== 'dbvoracle' && p.d.name !== 'dbvbigquery' && p.d.name !== 'dbvsnowflake') {
    return { k: 'other', kind: 'BEGIN TRANSACTION', loc: locOf(first, p.prev()) }
  }
  if (p.accept('TRY')) {
    const body = parseBody(p, ['END']); p.expect('END'); p.expect('TRY')
    if (p.isWord('BEGIN') && p.isWord('CATCH', 1)) { p.i += 2; body.push(...parseBody(p, ['END'])); p.expect('END'); p.expect('CATCH') }
    return { k: 'block', body, loc: locOf(first, p.prev()) }
  }
  // T-SQL natively compiled bodies: BEGIN ATOMIC WITH (TRANSACTION ISOLATION LEVEL = SNAPSHOT, LANGUAGE = N'…')
  if (p.accept('ATOMIC') && p.isWord('WITH') && p.isOp('(', 1)) { p.next(); p.skipParens() }
  p.acceptSeq('NOT', 'ATOMIC')
  // SQLScript BEGIN SEQUENTIAL | PARALLEL EXECUTION, BEGIN AUTONOMOUS TRANSACTION: how the block runs
  if (p.d.name === 'dbvhana' && (p.isWord('EXECUTION', 1) || p.isWord('TRANSACTION', 1)) && p.isAnyWord(['SEQUENTIAL', 'PARALLEL', 'AUTONOMOUS'])) p.i += 2
  const body = parseBody(p, ['END', 'EXCEPTION'])
  if (p.accept('EXCEPTION')) {
    while (p.accept('WHEN')) { while (!p.isWord('THEN') && !p.eof()) p.next(); p.expect('THEN'); body.push(...parseBody(p, ['WHEN', 'END'])) }
  }
  p.expect('END')
  // END label (PL/SQL, SQL PL); T-SQL / ASE blocks have none: `END set nocount off` goes on with a statement
  if (p.d.batchWord === undefined && p.isIdentToken() && !p.isOp('(', 1) && p.peek()!.line === p.prev().line && !p.isAnyWord(['IF', 'LOOP', 'ELSE', 'ELSIF', 'WHEN', 'END'])) p.qname()
  return { k: 'block', body, loc: locOf(first, p.prev()) }
}

/** ELSIF (PL/SQL), ELSEIF (SQL PL, MySQL), ELIF (Informix SPL) */
const ELSE_IF = ['ELSIF', 'ELSEIF', 'ELIF']
const IF_BRANCH_END = [...ELSE_IF, 'ELSE', 'END']

function parseIf(p: Cur, first: Token): Stmt {
  p.next()
  const cond = parseExpr(p)
  const body: Stmt[] = []
  if (p.accept('THEN')) {
    body.push(...parseBody(p, IF_BRANCH_END))
    for (;;) {
      if (p.isAnyWord(ELSE_IF)) { p.next(); parseExpr(p); p.expect('THEN'); body.push(...parseBody(p, IF_BRANCH_END)); continue }
      if (p.accept('ELSE')) { body.push(...parseBody(p, ['END'])); continue }
      break
    }
    p.expect('END'); p.expect('IF')
  } else {
    // T-SQL: IF cond statement [ELSE statement]
    body.push(parseStatement(p)); p.acceptOp(';')
    if (p.accept('ELSE')) { body.push(parseStatement(p)) }
  }
  return { k: 'block', body, loc: locOf(first, p.prev()), cond } as Stmt
}

function parseWhile(p: Cur, first: Token): Stmt {
  p.next()
  const cond = parseExpr(p)
  // T-SQL (the dialects with a batch word): WHILE cond <one statement or BEGIN … END>;
  // elsewhere the loop ends with END LOOP / END WHILE (Informix SPL: no DO before the statements)
  const tsql = p.d.batchWord !== undefined && !p.isAnyWord(['LOOP', 'DO'])
  const body = tsql ? [parseStatement(p)] : parseLoopBody(p, 'WHILE')
  return { k: 'block', body, loc: locOf(first, p.prev()), cond } as Stmt
}

function parseFor(p: Cur, first: Token): Stmt {
  if (first.upper === 'FOREACH') return parseForeach(p, first)
  p.next()
  const record = p.ident()
  // DB2: FOR v AS [c CURSOR FOR] query DO … END FOR; SQLScript: FOR r AS c[(args)] DO … END FOR over a declared cursor
  if (p.accept('AS')) {
    let query, cursor: Ident | undefined
    if (p.isIdentToken() && p.isWord('CURSOR', 1)) { p.i += 2; p.accept('WITH') && p.accept('HOLD'); p.expect('FOR') }
    if (startsQuery(p)) query = parseQuery(p)
    else { cursor = p.ident(); if (p.isOp('(')) p.skipParens() }
    p.expect('DO')
    const body = parseBody(p, ['END']); p.expect('END'); p.expect('FOR')
    return { k: 'cursorLoop', record, query, cursor, body, loc: locOf(first, p.prev()) }
  }
  // PL/pgSQL FOR k, v IN SELECT … LOOP: the targets take the row's columns by position, as SELECT INTO
  if (p.d.plpgsql && p.isOp(',')) {
    const targets: Expr[] = [{ k: 'col', name: { parts: [record], loc: record.loc } }]
    while (p.acceptOp(',')) targets.push({ k: 'col', name: p.qname() })
    const { query } = parseForSource(p)
    const head: Stmt[] = query ? [{ k: 'assign', targets, query, loc: locOf(first, p.prev()) }] : []
    return { k: 'block', body: [...head, ...parseLoopBody(p, 'FOR')], loc: locOf(first, p.prev()) }
  }
  const { query, cursor } = parseForSource(p)
  return { k: 'cursorLoop', record, query, cursor, body: parseLoopBody(p, 'FOR'), loc: locOf(first, p.prev()) }
}

/** Informix SPL: FOREACH [cursor [WITH HOLD] FOR] SELECT … INTO vars … END FOREACH */
function parseForeach(p: Cur, first: Token): Stmt {
  p.next()
  // PL/pgSQL: FOREACH v [SLICE n] IN ARRAY expr LOOP … END LOOP: v takes the array's elements
  if (p.d.plpgsql && p.isIdentToken() && (p.isWord('IN', 1) || p.isWord('SLICE', 1))) {
    const name = p.qname()
    const target: import('../ast/types.js').Expr = { k: 'col', name }
    if (p.accept('SLICE')) p.next()
    p.expect('IN'); p.expect('ARRAY')
    const value = parseExpr(p)
    const assign: Stmt = { k: 'assign', targets: [target], value, loc: locOf(first, p.prev()) }
    const body = parseLoopBody(p, 'LOOP')
    if (p.isIdentToken() && !p.isOp(';')) p.next()
    return { k: 'block', body: [assign, ...body], loc: locOf(first, p.prev()) }
  }
  // the cursor name and FOR are optional: FOREACH WITH HOLD SELECT … is written too
  if (!p.isWord('SELECT') && !p.isWord('EXECUTE')) {
    if (!p.isWord('WITH')) p.ident()
    p.acceptSeq('WITH', 'HOLD')
    if (!p.isWord('SELECT') && !p.isWord('EXECUTE')) p.expect('FOR')
  }
  const q = p.isWord('EXECUTE') ? (skipToEnd(p), undefined) : parseQuery(p)
  p.acceptOp(';')
  const body = parseBody(p, ['END'])
  p.expect('END'); p.expect('FOREACH')
  const head: Stmt[] = q ? [{ k: 'query', query: q, loc: q.loc }] : []
  return { k: 'block', body: [...head, ...body], loc: locOf(first, p.prev()) }
}

/** what a FOR loop iterates: a query, a cursor, or numbers (whose bounds carry no lineage) */
function parseForSource(p: Cur): { query?: import('../ast/types.js').Query; cursor?: Ident } {
  // Informix SPL: FOR i = 1 TO 10 [STEP n]
  if (p.acceptOp('=')) { parseSplRanges(p); return {} }
  p.expect('IN'); p.accept('REVERSE')
  // Vertica PLvSQL: FOR r IN QUERY SELECT … LOOP
  if (p.isWord('QUERY') && startsQuery(p, 1)) p.next()
  if (p.isOp('(') && startsQuery(p, 1)) { p.next(); const query = parseQuery(p); p.expectOp(')'); return { query } }
  if (startsQuery(p)) return { query: parseQuery(p) }
  // PL/pgSQL FOR r IN EXECUTE sql [USING args] LOOP (NZPLSQL: EXECUTE IMMEDIATE): the rows of dynamic SQL
  // (the record has no known source)
  if (p.d.plpgsql && p.accept('EXECUTE')) { p.accept('IMMEDIATE'); parseExpr(p); if (p.accept('USING')) parseExprList(p); return {} }
  if (p.isOp('(')) {
    // Informix SPL: FOR i IN (1 TO 10 STEP 2, 20); PL/SQL: FOR i IN (lo)..hi
    p.next(); parseSplRanges(p); p.expectOp(')')
    acceptRangeEnd(p)
    return {}
  }
  const e = parseExpr(p)
  // Snowflake Scripting FOR i IN [REVERSE] lo TO hi DO: a counter
  if (p.accept('TO')) { parseExpr(p); return {} }
  // FOR r IN c[(args)] LOOP: a single name that is no range is a cursor
  // (a cursor with parameters reads as a call: c_cust('EU'))
  const ranged = acceptRangeEnd(p)
  // PL/pgSQL FOR i IN [REVERSE] lo..hi BY step
  if (ranged && p.accept('BY')) parseExpr(p)
  const cursor = ranged ? undefined : e.k === 'col' && e.name.parts.length === 1 ? e.name.parts[0]
    : e.k === 'func' && !e.name.includes('.') ? { name: e.name, quoted: false, loc: e.loc } : undefined
  if (p.isOp('(')) p.skipParens()
  return { cursor }
}

/** LOOP … END LOOP, DO … END <word>, or (Informix SPL) the statements directly, up to END <word> */
function parseLoopBody(p: Cur, word: string): Stmt[] {
  if (p.accept('LOOP')) { const body = parseBody(p, ['END']); p.expect('END'); p.expect('LOOP'); return body }
  p.accept('DO')
  const body = parseBody(p, ['END']); p.expect('END'); p.expect(word)
  return body
}

/** Informix SPL loop ranges: expr [TO expr [STEP expr]] {, …} */
function parseSplRanges(p: TokenCursor): void {
  do {
    parseExpr(p)
    if (p.accept('TO')) { parseExpr(p); if (p.accept('STEP')) parseExpr(p) }
  } while (p.acceptOp(','))
}

/**
 * `..hi`, the rest of a numeric range. The lexer reads `1..10` as the numbers `1.` `.10` and `1..n` as `1.` `.` `n`:
 * after a number ending in a dot, an adjacent `.` is the range, and an adjacent `.10` is the range and its bound.
 */
function acceptRangeEnd(p: TokenCursor): boolean {
  if (p.acceptOp('..')) { parseExpr(p); return true }
  const prev = p.prev(); const t = p.peek()
  if (!t || prev.kind !== 'number' || !prev.image.endsWith('.') || t.start !== prev.end) return false
  if (t.kind === 'punct' && t.image === '.') { p.next(); parseExpr(p); return true }
  if (t.kind !== 'number' || !t.image.startsWith('.')) return false
  p.next()
  // `1..10 - 1`: an operator after the bound continues its expression
  if (p.peek()?.kind === 'op') { p.next(); parseExpr(p) }
  return true
}

const TSQL_OPTION_END = ['ON', 'OFF']

function parseSet(p: Cur, first: Token): Stmt {
  // SET @v = expr | SET v := expr | SET (a, b) = (SELECT …) ; other SET forms are session options
  const save = p.i
  p.next()
  // Hive and Impala SET key=value is a session setting (SET MEM_LIMIT=2g, SET hive.exec.parallel=true);
  // so is every SET of the PL/pgSQL dialects (PostgreSQL family, Vertica, Netezza), which assign variables
  // with := only (pg_dump's SET standard_conforming_strings = on made `on` an orphan column)
  if (p.d.name === 'dbvhive' || p.d.name === 'dbvimpala' || p.d.plpgsql) { skipToEnd(p); return { k: 'other', kind: 'SET', loc: locOf(first, p.prev()) } }
  // MySQL SET name = … outside a routine sets a system variable (dumps: SET character_set_client = utf8mb4)
  if (p.d.name === 'dbvmysql' && !p.inBlock && p.peek()?.kind === 'word' && !p.peek()!.image.startsWith('@') && p.isOp('=', 1)) {
    skipToEnd(p); return { k: 'other', kind: 'SET', loc: locOf(first, p.prev()) }
  }
  const isVar = (p.isIdentToken() || p.peek()?.kind === 'param') && (p.isOp('=', 1) || p.isOp(':=', 1) || p.compoundAssign(1) !== undefined)
    || (p.isIdentToken() && p.isOp('.', 1) && p.isOp('=', 3))
  // Teradata SET QUERY_BAND = '…' FOR SESSION tags the session (every Teradata ETL job opens with it)
  // Snowflake SET v = 'raw.orders': IDENTIFIER($v) later names that table
  if (isVar && p.isOp('=', 1)) nameInVariable(p, identOf(p.peek()!), 2)
  if (isVar && !p.isAnyWord(['SESSION', 'GLOBAL', 'LOCAL', 'NAMES', 'TRANSACTION', 'QUERY_BAND'])) {
    const targets: Expr[] = [assignTarget(p)]
    // SET @v += x: the new value is @v + x
    const compound = p.acceptCompoundAssign()
    if (!compound) p.next()
    // SET c = CURSOR [WITH HOLD] FOR SELECT … (DB2), SET @c = CURSOR [LOCAL FAST_FORWARD …] FOR … (T-SQL): a
    // cursor variable over the query, like DECLARE c CURSOR FOR
    const t0 = targets[0]
    const cursor = t0.k === 'var' ? { name: t0.name, quoted: false, loc: t0.loc } : t0.k === 'col' && t0.name.parts.length === 1 ? t0.name.parts[0] : undefined
    if (p.isWord('CURSOR') && cursor) {
      while (!p.eof() && !p.isWord('FOR') && !p.isOp(';')) p.next()
      p.expect('FOR')
      return { k: 'declare', vars: [{ name: cursor, query: parseQuery(p) }], loc: locOf(first, p.prev()) }
    }
    let one: Stmt
    if (startsQuery(p)) one = { k: 'assign', targets, query: parseQuery(p), loc: locOf(first, p.prev()) }
    else {
      const v0 = p.i
      let value = parseExpr(p)
      if (t0.k === 'var' && buildsSqlText(p) && (!compound || compound === '+')) noteSqlVar(p, t0.name, v0, p.i, compound === '+')
      if (compound) value = { k: 'op', op: compound, args: [targets[0], value], loc: exprLoc(value) }
      one = { k: 'assign', targets, value, loc: locOf(first, p.prev()) }
    }
    if (!p.isOp(',')) return one
    // SET a = x, b = (SELECT …) (SQL PL, MySQL): each assignment keeps its own lineage
    const body: Stmt[] = [one]
    while (p.acceptOp(',')) {
      const t0 = p.peek()!; const more = [assignTarget(p)]; p.next()
      body.push(startsQuery(p) ? { k: 'assign', targets: more, query: parseQuery(p), loc: locOf(t0, p.prev()) } : { k: 'assign', targets: more, value: parseExpr(p), loc: locOf(t0, p.prev()) })
    }
    return { k: 'block', body, loc: locOf(first, p.prev()) }
  }
  // SET (a, b) = (SELECT x, y …) (BigQuery, DB2 SQL PL): each target takes its column of the row
  if (p.isOp('(') && (p.d.name === 'dbvbigquery' || p.d.name === 'dbvdb2')) {
    p.next(); const targets = parseExprList(p); p.expectOp(')'); p.expectOp('=')
    const e = parseExpr(p)
    if (e.k === 'subq') return { k: 'assign', targets, query: e.query, loc: locOf(first, p.prev()) }
    return { k: 'assign', targets, value: e, loc: locOf(first, p.prev()) }
  }
  p.i = save + 1
  // a T-SQL session option (SET NOCOUNT ON, SET ROWCOUNT 10) needs no terminator either: ON/OFF ends it,
  // and so does a statement word, on its line or not (`begin set nocount on select 1 end`)
  if (p.d.batchWord !== undefined) skipToEnd(p, (c) => c.i > save + 1 && (c.isAnyWord(TSQL_OPTION_END, -1) || (c.peek()!.kind === 'word' && STATEMENT_WORDS.has(c.peek()!.upper)) || startsQuery(c)))
  else skipToEnd(p)
  return { k: 'other', kind: 'SET', loc: locOf(first, p.prev()) }
}

/** the left side of an assignment: a variable or a (qualified) name — never an expression, `=` follows */
function assignTarget(p: TokenCursor): Expr {
  const t = p.peek()!
  if (t.kind === 'param') { p.next(); return { k: 'var', name: t.image, loc: locOf(t, t) } }
  if (p.isOp(':') && p.isIdentToken(1)) { p.next(); const n = p.next(); return { k: 'var', name: ':' + n.image, loc: locOf(t, n) } }
  if (t.kind === 'word' && t.image.startsWith('@')) { p.next(); return { k: 'var', name: t.image, loc: locOf(t, t) } }
  const name = p.qname()
  return { k: 'col', name }
}

function parseDeclare(p: Cur, first: Token): Stmt {
  p.next()
  // DB2: DECLARE GLOBAL TEMPORARY TABLE is a CREATE TABLE
  // (SQL Anywhere / IQ: DECLARE LOCAL TEMPORARY TABLE t (…), likewise)
  if (p.isAnyWord(['GLOBAL', 'LOCAL']) && p.isWord('TEMPORARY', 1)) { p.i--; return parseCreateRef(p, first) }
  // MySQL / SQL PL condition handlers: the handler's statement is analysed like any other
  if (p.isAnyWord(['CONTINUE', 'EXIT', 'UNDO']) && p.isWord('HANDLER', 1)) {
    p.i += 2; p.expect('FOR')
    while (!p.eof() && !p.isOp(';') && !startsStatementWord(p)) { p.next(); if (p.isOp(',')) p.next() }
    if (p.isOp(';') || p.eof()) return { k: 'other', kind: 'HANDLER', loc: locOf(first, p.prev()) }
    const body = parseStatement(p)
    return { k: 'block', body: [body], loc: locOf(first, p.prev()) }
  }
  const vars: Array<{ name: Ident; value?: Expr; query?: import('../ast/types.js').Query; table?: Ident[]; over?: Ident }> = []
  // PL/SQL anonymous block: DECLARE decls BEGIN … END
  if (p.d.name === 'dbvoracle' || (p.d.name !== 'dbvmssql' && p.d.name !== 'dbvsybase' && p.d.name !== 'dbvbigquery' && p.d.name !== 'dbvmysql' && isPlDeclSection(p))) {
    const nested: Stmt[] = []
    parsePlDecls(p, vars, nested)
    const blk = p.isWord('BEGIN') ? parseBegin(p, p.peek()!) : undefined
    const body: Stmt[] = [{ k: 'declare', vars, loc: locOf(first, first) }, ...nested]
    if (blk) body.push(blk)
    return { k: 'block', body, loc: locOf(first, p.prev()) }
  }
  do {
    const name = atName(p) ? atIdent(p) : p.ident()
    // SQL Anywhere DECLARE e EXCEPTION FOR SQLSTATE '…': a condition name, no value
    if (p.isWord('EXCEPTION') && p.isWord('FOR', 1)) { skipToEnd(p); vars.push({ name }); continue }
    if (p.accept('CURSOR')) {
      while (!p.isWord('FOR') && !p.eof()) p.next(); p.expect('FOR')
      if (namesCursorSource(p)) { vars.push({ name, over: p.ident() }); continue }
      const q = parseQuery(p); vars.push({ name, query: q }); if (p.isWord('FOR') && p.isWord('UPDATE', 1)) skipToEnd(p); continue
    }
    p.accept('AS')
    if (p.accept('TABLE')) { vars.push({ name, table: tableVarColumns(p) }); continue }
    if (!p.isOp('=') && !p.isOp(',') && !p.isOp(';') && !p.isWord('DEFAULT')) parseType(p)
    if (p.acceptOp('=') || p.accept('DEFAULT') || p.acceptOp(':=')) {
      if (p.isOp('(') && startsQuery(p, 1)) { p.next(); const q = parseQuery(p); p.expectOp(')'); vars.push({ name, query: q }) }
      else {
        const v0 = p.i
        vars.push({ name, value: parseExpr(p) })
        if (p.d.batchWord !== undefined) noteSqlVar(p, name.name, v0, p.i)
      }
    } else vars.push({ name })
  } while (p.acceptOp(','))
  return { k: 'declare', vars, loc: locOf(first, p.prev()) }
}

/** T-SQL table variable (DECLARE @t TABLE (…), RETURNS @r TABLE (…)): its columns are declared like a table's */
const TABLE_VAR_CONSTRAINTS = ['PRIMARY', 'UNIQUE', 'INDEX', 'CHECK', 'CONSTRAINT']
function tableVarColumns(p: TokenCursor): Ident[] { return definedColumnNames(p, TABLE_VAR_CONSTRAINTS) }

function isPlDeclSection(p: TokenCursor): boolean {
  // DECLARE name type; … BEGIN  (PL/pgSQL, Snowflake, DB2 inside bodies) vs T-SQL DECLARE @x
  const t = p.peek()
  return !!t && !t.image.startsWith('@')
}

const NOT_A_DECLARATION = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'SELECT', 'WITH', 'SET', 'IF', 'FOR', 'WHILE', 'LOOP',
  'REPEAT', 'CALL', 'RETURN', 'OPEN', 'FETCH', 'CLOSE', 'GET', 'EXECUTE', 'EXEC', 'CASE', 'LEAVE', 'ITERATE', 'SIGNAL', 'COMMIT',
  'ROLLBACK', 'TRUNCATE', 'CREATE', 'DROP', 'ALTER', 'FOREACH', 'LET', 'RAISE', 'NULL', 'VALUES'])

const METHOD_WORDS = ['MEMBER', 'STATIC', 'CONSTRUCTOR', 'MAP', 'ORDER', 'OVERRIDING', 'FINAL', 'INSTANTIABLE', 'NOT']

/** a declaration section: items until BEGIN/END — or, in SQL PL bodies, until the first statement */
function parsePlDecls(p: Cur, vars: import('../ast/types.js').DeclaredVar[], nested: Stmt[] = []): void {
  while (!p.eof() && !p.isWord('BEGIN') && !p.isWord('END')) {
    // SQL PL repeats DECLARE before each item: a script's DECLARE c CURSOR FOR …; ends before the next statement
    // (LOAD FROM c OF CURSOR … was read as a declaration of LOAD)
    if (p.acceptOp(';')) { if (p.d.name === 'dbvdb2' && !p.isWord('DECLARE')) return; continue }
    // DB2 DECLARE GLOBAL TEMPORARY TABLE: a statement (a CREATE TABLE), not a variable named GLOBAL
    if (p.isWord('DECLARE') && p.isAnyWord(['GLOBAL', 'LOCAL'], 1) && p.isWord('TEMPORARY', 2)) return
    if (isTimingPoint(p)) return
    if (p.isWord('DECLARE')) { p.next(); continue }
    // a PL/pgSQL DECLARE section holds declarations only, up to its BEGIN: `values text;`, `key text;` name variables
    const plDecl = p.d.plpgsql && p.inBlock && p.peek(1)?.kind === 'word'
    if (p.isAnyWord(NOT_A_DECLARATION) && !plDecl && !p.isOp('.', 1) && !(p.peek(1)?.kind === 'word' && p.isWord('CURSOR', 1))) break
    if (p.isAnyWord(['CONTINUE', 'EXIT', 'UNDO']) && p.isWord('HANDLER', 1)) { p.i--; return }
    // a declaration has a type (or `:=` / DEFAULT): `name = …` is the first statement (SQLScript `lt = SELECT …`)
    if (p.isIdentToken() && p.isOp('=', 1)) break
    // a TYPE BODY's methods: [OVERRIDING | FINAL] MEMBER | STATIC | CONSTRUCTOR | MAP | ORDER FUNCTION …
    let m = 0
    while (p.isAnyWord(METHOD_WORDS, m)) m++
    if (m && p.isAnyWord(['PROCEDURE', 'FUNCTION'], m)) p.i += m
    if (p.isAnyWord(['PROCEDURE', 'FUNCTION'])) { const s = p.peek()!; nested.push(parseRoutineBody(p, s, false)); continue }
    // TYPE t IS RECORD (f type, …): FETCH and SELECT INTO fill a record of type t by position, under these names
    if (p.isWord('TYPE') && p.isIdentToken(1) && p.isAnyWord(['IS', 'AS'], 2)) {
      p.next(); const name = p.ident(); p.next()
      if (p.accept('RECORD') && p.isOp('(')) {
        const open = p.i; p.next()
        const fields: Ident[] = []
        while (!p.eof() && !p.isOp(')')) { fields.push(p.ident()); p.skipListItem(); p.acceptOp(',') }
        p.i = open; p.skipParens()
        vars.push({ name, fields })
      } else {
        // TABLE OF t [INDEX BY …], VARRAY (n) OF t: a collection of t's records
        while (!p.eof() && !p.isOp(';') && !p.isWord('OF')) p.next()
        if (p.accept('OF') && p.isIdentToken()) { const q = p.qname(); if (!p.isOp('%')) vars.push({ name, elementType: q.parts[q.parts.length - 1].name }) }
      }
      skipToEnd(p); continue
    }
    if (p.isAnyWord(['TYPE', 'SUBTYPE', 'PRAGMA'])) { skipToEnd(p); continue }
    if (p.accept('CURSOR')) {
      // the cursor's parameters are variables of its query (they were read as columns of its tables)
      const name = p.ident(); if (p.isOp('(')) for (const n of paramNames(p)) vars.push({ name: n })
      if (p.accept('RETURN')) { parseType(p); if (p.isOp('%')) p.i += 2 }
      // a package spec declares the cursor (CURSOR c RETURN t%ROWTYPE;); its body gives the query
      if (p.isOp(';')) continue
      if (!p.accept('IS')) p.expect('FOR')
      const q = parseQuery(p); vars.push({ name, query: q }); skipToEnd(p); continue
    }
    const name = atName(p) ? atIdent(p) : p.ident()
    if (p.accept('CURSOR')) {
      while (!p.isWord('FOR') && !p.isWord('IS') && !p.eof()) p.next()
      p.next()
      // DECLARE c CURSOR FOR s1: over a statement PREPAREd later from a string (dynamic SQL), or a RESULTSET
      if (namesCursorSource(p)) { vars.push({ name, over: p.ident() }); continue }
      const q = parseQuery(p); vars.push({ name, query: q }); skipToEnd(p); continue
    }
    p.accept('CONSTANT')
    if (p.accept('EXCEPTION')) { skipToEnd(p); continue }
    // SQLScript DECLARE lt TABLE (a INT, …): a table variable with declared columns
    if (p.isWord('TABLE') && p.isOp('(', 1)) { p.next(); vars.push({ name, table: tableVarColumns(p) }); skipToEnd(p); continue }
    const typeAt = p.i
    const resultset = p.isWord('RESULTSET') && p.d.name === 'dbvsnowflake'
    if (!p.isOp(':=') && !p.isWord('DEFAULT') && !p.isOp(';')) parseType(p)
    // the declared type's name (its last part), unless it is t%ROWTYPE or a built-in type with a size
    const typed = p.i > typeAt && !p.isOp('%') && p.prev().kind === 'word' ? p.prev().upper : undefined
    if (p.isOp('%')) { p.next(); p.next() }
    p.acceptSeq('NOT', 'NULL')
    const type = typed ? { type: typed } : {}
    if (p.acceptOp(':=') || p.accept('DEFAULT') || p.acceptOp('=')) {
      nameInVariable(p, name)
      if (startsQuery(p)) vars.push({ name, query: parseQuery(p), ...type })
      else vars.push({ name, value: parseExpr(p), ...type })
    } else vars.push(resultset ? { name, resultset, ...type } : { name, ...type })
    skipToEnd(p)
  }
}

/** DB2 for i / z/OS @name (the @ is a letter of the name; the lexer splits it off as an operator) */
function atName(p: Cur, k = 0): boolean {
  const t = p.peek(k)
  return !!t && t.image === '@' && t.kind === 'op' && p.d.name === 'dbvdb2' && p.isIdentToken(k + 1) && p.peek(k + 1)!.start === t.end
}

/** reads @name as one name */
function atIdent(p: Cur): Ident {
  const at = p.next(); const n = p.next()
  return { name: '@' + n.image, quoted: false, loc: locOf(at, n), k: '@' + n.upper }
}

/** the names of a parenthesised parameter list (routine or cursor): (IN p_day DATE, n INT DEFAULT 0, …) */
function paramNames(p: Cur, out?: number[]): Ident[] {
  const params: Ident[] = []
  p.next()
  while (!p.isOp(')') && !p.eof()) {
    if ((p.isIdentToken() || atName(p)) && (p.peek(-1)?.image === '(' || p.peek(-1)?.image === ',')) {
      // a mode before the name (IN p_day DATE, INOUT n INT): the name follows
      while (p.isAnyWord(PARAM_MODES) && (p.isIdentToken(1) || atName(p, 1))) { if (p.isWord('OUT') || p.isWord('INOUT')) out?.push(params.length); p.next() }
      if (atName(p)) { params.push(atIdent(p)); p.i-- } else params.push(identOf(p.peek()!))
    }
    if (p.isOp('(')) p.skipParens(); else p.next()
  }
  p.expectOp(')')
  return params
}

/** one type of an Informix RETURNING list (DATETIME YEAR TO SECOND, MONEY(16,2) …) and its optional AS name */
function informixReturnType(p: Cur): void {
  while (!p.eof() && !p.isOp(',') && !p.isOp(';') && !p.isAnyWord(['AS', 'WITH'])) { if (p.isOp('(')) p.skipParens(); else p.next() }
  if (p.accept('AS')) p.ident()
}

/** statements an Informix trigger action list may hold */
const TRIGGER_ACTION_START = ['INSERT', 'UPDATE', 'DELETE', 'EXECUTE', 'MERGE', 'CALL']

/** Informix trigger actions: BEFORE (…), FOR EACH ROW [WHEN (…)] (…), AFTER (…) — statements separated by commas */
function triggerActionList(p: Cur): Stmt[] {
  const out: Stmt[] = []
  p.expectOp('(')
  do { out.push(parseStatement(p)) } while (p.acceptOp(','))
  p.expectOp(')')
  return out
}

/** a compound trigger's section header: BEFORE | AFTER STATEMENT, BEFORE | AFTER | INSTEAD OF EACH ROW */
function isTimingPoint(p: Cur): boolean {
  if (p.isWord('INSTEAD') && p.isWord('OF', 1)) return p.isWord('EACH', 2)
  return p.isAnyWord(['BEFORE', 'AFTER']) && p.isAnyWord(['STATEMENT', 'EACH'], 1)
}

/**
 * Oracle COMPOUND TRIGGER: shared declarations, then sections `<timing point> IS [declarations] BEGIN …
 * END <timing point>;` up to END [name]. Each section is a block of the trigger, so its DML gives lineage
 */
function compoundTriggerBody(p: Cur, start: Token, name: import('../ast/types.js').QName): Stmt {
  const vars: Array<{ name: Ident; value?: Expr; query?: import('../ast/types.js').Query }> = []
  const body: Stmt[] = [{ k: 'declare', vars, loc: locOf(start, start) }]
  for (;;) {
    parsePlDecls(p, vars, body)
    if (!isTimingPoint(p)) break
    while (!p.eof() && !p.isWord('IS')) p.next()
    p.expect('IS')
    const local: typeof vars = []
    parsePlDecls(p, local, body)
    body.push({ k: 'declare', vars: local, loc: locOf(start, start) })
    if (p.isWord('BEGIN')) body.push(parseBegin(p, p.peek()!))
    // END BEFORE STATEMENT / END AFTER EACH ROW: the words after END repeat the timing point
    while (!p.eof() && !p.isOp(';')) p.next()
  }
  p.expect('END')
  if (p.isIdentToken()) p.qname()
  return { k: 'block', body, name, loc: locOf(start, p.prev()) }
}

/**
 * Oracle CREATE TYPE t [FORCE] [AUTHID …] AS | IS OBJECT | UNDER s (attr type, … [, MEMBER FUNCTION …]) [NOT FINAL]:
 * the attributes in order; other type specifications (TABLE OF, VARRAY) are skipped
 */
function objectType(p: Cur, start: Token): Stmt {
  const name = p.d.name === 'dbvoracle' && p.isIdentToken() ? p.tableName() : undefined
  while (name && !p.eof() && !p.isOp(';') && !p.isOp('(') && !p.isWord('OBJECT') && !p.isWord('UNDER')) p.next()
  if (p.accept('UNDER')) p.qname(); else p.accept('OBJECT')
  const attributes: Ident[] = []
  if (name && p.isOp('(')) {
    const open = p.i
    p.next()
    while (!p.eof() && !p.isOp(')') && !p.isAnyWord(METHOD_WORDS)) { attributes.push(p.ident()); p.skipListItem(); p.acceptOp(',') }
    // past the methods' specifications
    p.i = open; p.skipParens()
  }
  skipToEnd(p)
  const loc = locOf(start, p.prev())
  return name && attributes.length ? { k: 'objectType', name, attributes, loc } : { k: 'other', kind: 'CREATE TYPE', loc }
}

/** statements that start an Informix SPL body (it follows the header with no AS / BEGIN) */
const SPL_BODY_START = ['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'DEFINE', 'LET', 'FOREACH', 'SELECT', 'CALL']
/** … and, in Informix, the control statements, which other dialects' routine headers may contain as words (FOR, ON) */
const SPL_CONTROL_START = ['IF', 'FOR', 'WHILE', 'ON', 'TRACE', 'SYSTEM', 'RETURN', 'RAISE', 'LOOP']

/** CREATE PROCEDURE / FUNCTION / TRIGGER / PACKAGE / MACRO / TASK: the body's statements are analysed */
export function parseRoutine(p: TokenCursor, start: Token): Stmt {
  const c = p as Cur
  const outer: RoutineState = { triggerTable: c.triggerTable, triggerRows: c.triggerRows, triggerTables: c.triggerTables, triggerFunction: c.triggerFunction, triggerCall: c.triggerCall, returnsTable: c.returnsTable }
  Object.assign(c, { triggerTable: undefined, triggerRows: ['NEW', 'OLD'], triggerTables: undefined, triggerFunction: false, triggerCall: undefined, returnsTable: undefined })
  try {
    const s = parseRoutineBody(c, start, true)
    if (s.k === 'block' && (c.triggerTable || c.triggerFunction)) { s.triggerTable = c.triggerTable; s.triggerRows = c.triggerRows; s.triggerCall = c.triggerCall; if (c.triggerTables) s.triggerTables = c.triggerTables }
    if (s.k === 'block' && c.returnsTable && s.name) s.returnsTable = c.returnsTable
    return s
  } finally { Object.assign(c, outer) }
}

function parseRoutineBody(p: Cur, start: Token, hasKind: boolean): Stmt {
  const ret: { decl?: Stmt; out?: number[] } = {}
  const s = parseRoutineHeader(p, start, hasKind, ret)
  // the body fills the returned table variable like one it declared itself
  if (ret.decl && s.k === 'block') s.body.unshift(ret.decl)
  if (ret.out?.length && s.k === 'block' && s.params) s.outParams = ret.out
  return s
}

function parseRoutineHeader(p: Cur, start: Token, hasKind: boolean, ret: { decl?: Stmt; out?: number[] }): Stmt {
  const kind = p.next().upper
  if (kind === 'PACKAGE') { p.accept('BODY') }
  // an Oracle TYPE BODY holds the type's methods like a package body; a type specification is skipped
  if (kind === 'TYPE' && !(p.d.name === 'dbvoracle' && p.accept('BODY'))) return objectType(p, start)
  if (kind === 'EVENT') {
    // MySQL: CREATE EVENT … DO <statement>
    while (!p.eof() && !p.isWord('DO') && !p.isOp(';')) p.next()
    if (!p.accept('DO')) return { k: 'other', kind: 'CREATE EVENT', loc: locOf(start, p.prev()) }
    const body = parseStatement(p)
    return { k: 'block', body: [body], loc: locOf(start, p.prev()) }
  }
  p.acceptSeq('IF', 'NOT', 'EXISTS')
  const name = p.tableName()
  if (kind === 'RULE') return ruleBody(p, start, name)
  // T-SQL / Sybase numbered procedures: CREATE PROCEDURE p;2 is the second procedure of group p
  if (p.d.batchWord !== undefined && p.isOp(';') && p.peek(1)?.kind === 'number') p.i += 2
  // Informix names the event right after the trigger: CREATE TRIGGER t DELETE ON items … — not a DELETE statement
  const nameEnd = p.i
  /** where a trigger's body starts after FOR EACH ROW [FOLLOWS | PRECEDES t] */
  let eachRowEnd = -1
  const actions: Stmt[] = []
  const params = p.isOp('(') ? paramNames(p, ret.out = []) : []
  const wasBlock = p.inBlock
  p.inBlock = true
  /** Oracle RETURN t PIPELINED: the rows are what the body pipes (a nested function of a package too) */
  let pipelined = false
  try {
    // header options until the body starts
    for (;;) {
      if (kind === 'FUNCTION' && p.isWord('PIPELINED')) pipelined = true
      if (p.eof()) return { k: 'block', body: actions, name, loc: locOf(start, p.prev()) }
      if (p.isOp(';') && kind === 'PACKAGE') break
      if (kind === 'TRIGGER' && p.isOp('(') && p.isAnyWord(TRIGGER_ACTION_START, 1)) { actions.push(...triggerActionList(p)); continue }
      // Snowflake CREATE ALERT a … IF (EXISTS (query)) THEN statement: the action runs like a task's body
      if (kind === 'ALERT' && p.accept('THEN')) { const b = parseStatement(p); return { k: 'block', body: [b], name, loc: locOf(start, p.prev()) } }
      if (kind === 'TRIGGER' && actions.length && p.isOp(';')) return { k: 'block', body: actions, name, loc: locOf(start, p.prev()) }
      const t = p.peek()!
      if (t.kind === 'string' && (t.image.startsWith('$') || p.prev().upper === 'AS')) return embeddedBody(p, t, start, name, params, kind)
      if ((p.isWord('EXECUTE') || p.isWord('EXEC')) && p.isWord('AS', 1)) { p.i += 3; continue }
      // an Oracle constructor: RETURN SELF AS RESULT (its AS starts no body)
      if (p.isWord('SELF') && p.isWord('AS', 1) && p.isWord('RESULT', 2)) { p.i += 3; continue }
      // Informix SPL: RETURNING type [AS name], … — a named return value's AS is no body
      if (p.d.name === 'dbvinformix' && p.isWord('RETURNING')) { p.next(); do { informixReturnType(p) } while (p.acceptOp(',')); continue }
      // T-SQL multi-statement table-valued function: RETURNS @r TABLE (…)
      if (kind === 'FUNCTION' && p.isWord('RETURNS') && p.isWord('TABLE', 2) && p.peek(1)!.image.startsWith('@')) {
        const f = p.next(); const name = p.ident(); p.next()
        ret.decl = { k: 'declare', vars: [{ name, table: tableVarColumns(p) }], loc: locOf(f, p.prev()) }
        p.returnsTable = { variable: name.name }
        continue
      }
      // T-SQL parameters may put AS before their type: CREATE PROCEDURE p @a AS INT, @b AS NVARCHAR(10) AS …
      const prefix = p.d.variablePrefix
      if (prefix && p.isWord('AS') && p.prev().image.startsWith(prefix) && p.prev().kind === 'word' && p.isIdentToken(1)) { p.next(); continue }
      if (p.isWord('AS') || p.isWord('IS')) {
        p.next()
        if (p.isWord('BEGIN_PROC')) {
          // Netezza NZPLSQL: AS BEGIN_PROC [DECLARE …] BEGIN … END; END_PROC
          p.next()
          const body: Stmt[] = []
          if (p.isWord('DECLARE')) { p.next(); const vars: Array<{ name: Ident; value?: Expr; query?: import('../ast/types.js').Query }> = []; parsePlDecls(p, vars); body.push({ k: 'declare', vars, loc: locOf(start, start) }) }
          if (p.isWord('BEGIN')) body.push(parseBegin(p, p.peek()!))
          p.acceptOp(';'); p.expect('END_PROC')
          return { k: 'block', body, name, params, loc: locOf(start, p.prev()) }
        }
        if (kind === 'FUNCTION' && p.isOp('(') && !startsQuery(p, 1)) {
          // SQL function whose body is one expression: AS (expr)
          const e = parseExpr(p)
          return { k: 'block', body: [{ k: 'return', value: e, loc: locOf(start, p.prev()) }], name, params, loc: locOf(start, p.prev()) }
        }
        const n = p.peek()
        if (n && n.kind === 'string') return embeddedBody(p, n, start, name, params, kind)
        // Vertica UDx: CREATE [TRANSFORM | AGGREGATE …] FUNCTION f AS LANGUAGE 'C++' NAME 'F' LIBRARY lib: no SQL body
        // (read as T-SQL-style statements up to the end of the script, it swallowed them)
        if (p.isWord('LANGUAGE')) { skipToEnd(p); return { k: 'other', kind: `CREATE ${kind}`, loc: locOf(start, p.prev()) } }
        if (kind === 'MACRO' && p.isOp('(')) { p.next(); const body = parseBody(p, [], true); p.expectOp(')'); return { k: 'block', body, name, loc: locOf(start, p.prev()) } }
        if (p.d.name === 'dbvoracle') {
          const vars: Array<{ name: Ident; value?: Expr; query?: import('../ast/types.js').Query }> = []
          const nested: Stmt[] = []
          parsePlDecls(p, vars, nested)
          const body: Stmt[] = [{ k: 'declare', vars, loc: locOf(start, start) }, ...nested]
          if (p.isWord('BEGIN')) body.push(parseBegin(p, p.peek()!))
          else if (p.accept('END')) { if (p.isIdentToken()) p.next() }
          return { k: 'block', body, name, params, loc: locOf(start, p.prev()), ...(pipelined ? { returnsTable: {} } : {}), ...(kind === 'FUNCTION' ? { func: true } : {}) }
        }
        // (a T-SQL body that opens with DECLARE goes on to GO: the statements after the DECLARE are the routine's too)
        if (p.isWord('BEGIN') || (p.isWord('DECLARE') && p.d.batchWord === undefined)) { const b = parseStatement(p); return { k: 'block', body: [b], name, params, loc: locOf(start, p.prev()) } }
        if (p.isOp('(') && startsQuery(p, 1) || startsQuery(p) || p.isAnyWord(['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'CALL'])) {
          const body = kind === 'TASK' || kind === 'FUNCTION' || kind === 'VIEW' ? [parseStatement(p)] : parseBody(p, ['END'])
          return { k: 'block', body, name, params, loc: locOf(start, p.prev()) }
        }
        // T-SQL: AS followed by statements until GO
        const body = parseBody(p, [])
        return { k: 'block', body, name, params, loc: locOf(start, p.prev()) }
      }
      if (p.d.javaRoutines && (p.isWord('IMPORT') || p.isWord('BEGIN'))) return { k: 'block', body: javaBody(p), name, params, loc: locOf(start, p.prev()) }
      if (p.isWord('BEGIN') && !p.isWord('ATOMIC', 1) || p.isWord('BEGIN') && p.isWord('ATOMIC', 1)) { const b = parseStatement(p); return { k: 'block', body: [b], name, params, loc: locOf(start, p.prev()) } }
      // (an Informix SPL body that opens with RETURN (SELECT …) goes on to END FUNCTION: below)
      if (p.isWord('RETURN') && (startsQuery(p, 1) || p.isOp('(', 1) && startsQuery(p, 2)) && p.d.name !== 'dbvinformix') { p.next(); const q = parseQuery(p); return { k: 'block', body: [{ k: 'query', query: q, loc: q.loc }], name, params, loc: locOf(start, p.prev()) } }
      if (!hasKind && p.isOp(';')) { p.next(); return { k: 'other', kind: 'DECLARATION', loc: locOf(start, p.prev()) } }
      if (p.isOp('(')) { p.skipParens(); continue }
      // PostgreSQL: RETURNS trigger, the body's NEW / OLD belong to the table of the trigger that executes it
      if (kind === 'FUNCTION' && p.isWord('RETURNS') && p.isWord('TRIGGER', 1)) p.triggerFunction = true
      // RETURNS TABLE [(c type, …)] (T-SQL inline, PostgreSQL), RETURNS SETOF t: FROM f(…) reads the rows its query returns
      if (kind === 'FUNCTION' && p.isWord('RETURNS') && (p.isWord('SETOF', 1) || (p.isWord('TABLE', 1) && !p.isOp('<', 2)))) {
        p.i += 2
        const columns = p.isOp('(') ? definedColumnNames(p) : []
        p.returnsTable = columns.length ? { columns } : {}
        continue
      }
      if (kind === 'TRIGGER' && p.isWord('EXECUTE') && p.isAnyWord(['FUNCTION', 'PROCEDURE'], 1) && p.isIdentToken(2)) {
        // PostgreSQL … EXECUTE FUNCTION f(args): the trigger ends there (it ran on over the next statements)
        p.i += 2; p.triggerCall = p.qname(); if (p.isOp('(')) p.skipParens()
        if (p.isOp(';') || p.eof()) return { k: 'block', body: [], name, loc: locOf(start, p.prev()) }
        continue
      }
      // BEFORE INSERT ON orders: NEW / OLD in the body are rows of orders (not ON DATABASE / SCHEMA triggers)
      if (kind === 'TRIGGER' && !p.triggerTable && p.isWord('ON') && p.isIdentToken(1) && !p.isAnyWord(['DATABASE', 'SCHEMA'], 1)) { p.next(); p.triggerTable = p.qname(); continue }
      // REFERENCING NEW [ROW] AS n OLD [ROW] AS o (DB2, Informix, Oracle): n and o name the rows too
      if (kind === 'TRIGGER' && p.accept('REFERENCING')) {
        while (p.isAnyWord(['NEW', 'OLD', 'NEW_TABLE', 'OLD_TABLE'])) {
          const table = p.next().upper.endsWith('_TABLE') || p.accept('TABLE')
          if (!table) p.accept('ROW')
          p.accept('AS')
          if (!p.isIdentToken()) break
          const n = p.next().upper
          // NEW TABLE AS nt (DB2, SQL standard): FROM nt reads the trigger's table
          if (!table) p.triggerRows!.push(n); else (p.triggerTables ??= []).push(n)
        }
        continue
      }
      if (p.isWord('FOR') && p.isWord('EACH', 1)) {
        p.i += 3
        // MySQL trigger order: FOR EACH ROW FOLLOWS | PRECEDES other_trigger
        if (p.isAnyWord(['FOLLOWS', 'PRECEDES']) && p.isIdentToken(1)) { p.next(); p.qname() }
        eachRowEnd = p.i
        continue
      }
      // DB2 … FOR EACH ROW MODE DB2SQL [WHEN (cond)] SET n.c = …: the one-statement body still follows the row clause
      if (kind === 'TRIGGER' && p.i === eachRowEnd && ((p.isWord('MODE') && p.isIdentToken(1)) || (p.isWord('WHEN') && p.isOp('(', 1)))) {
        if (p.accept('WHEN')) p.skipParens(); else p.i += 2
        eachRowEnd = p.i
        continue
      }
      if (kind === 'TRIGGER' && p.isWord('COMPOUND') && p.isWord('TRIGGER', 1)) { p.i += 2; return compoundTriggerBody(p, start, name) }
      if ((kind === 'PROCEDURE' || kind === 'FUNCTION') && (p.isAnyWord(SPL_BODY_START) || p.d.name === 'dbvinformix' && p.isAnyWord(SPL_CONTROL_START))) {
        // Informix SPL: the body follows the header directly and ends with END PROCEDURE
        const body = parseBody(p, ['END'])
        p.expect('END'); p.accept('PROCEDURE') || p.accept('FUNCTION')
        // DOCUMENT 'text' [, 'text'] WITH LISTING IN 'file': comments and a warnings file, no lineage
        if (p.accept('DOCUMENT')) while (p.peek()?.kind === 'string' || p.isOp(',')) p.next()
        if (p.isWord('WITH') && p.isWord('LISTING', 1)) { p.i += 3; p.next() }
        return { k: 'block', body, name, params, loc: locOf(start, p.prev()) }
      }
      if (p.isOp(';') && p.d.name === 'dbvinformix' && (kind === 'PROCEDURE' || kind === 'FUNCTION')) { p.next(); continue }
      if (p.isOp(';') && kind !== 'TRIGGER') { return { k: 'other', kind: `CREATE ${kind}`, loc: locOf(start, p.prev()) } }
      // MySQL FOR EACH ROW SET NEW.c = …; / CALL p(…); : a one-statement body that ends at its `;`
      if (kind === 'TRIGGER' && p.isAnyWord(['SET', 'CALL']) && p.i === eachRowEnd) { const b = parseStatement(p); return { k: 'block', body: [b], name, loc: locOf(start, p.prev()) } }
      if (kind === 'TRIGGER' && p.i !== nameEnd && (startsQuery(p) || p.isAnyWord(['INSERT', 'UPDATE', 'DELETE', 'MERGE'])) && p.prev().upper !== 'BEFORE' && p.prev().upper !== 'AFTER' && p.prev().upper !== 'OR' && p.prev().upper !== ',' && p.prev().upper !== 'OF' && p.prev().upper !== 'INSTEAD' && p.prev().upper !== 'FOR') {
        const b = parseStatement(p); return { k: 'block', body: [b], name, loc: locOf(start, p.prev()) }
      }
      p.next()
    }
  } finally { p.inBlock = wasBlock }
  skipToEnd(p)
  return { k: 'other', kind: `CREATE ${kind}`, loc: locOf(start, p.prev()) }
}

/**
 * PostgreSQL CREATE RULE r AS ON event TO t [WHERE cond] DO [ALSO | INSTEAD] NOTHING | command | (command; …):
 * the commands run for each row written to t, like a row trigger's body (NEW / OLD are t's rows)
 */
function ruleBody(p: Cur, start: Token, name: import('../ast/types.js').QName): Stmt {
  p.expect('AS'); p.expect('ON'); p.next(); p.expect('TO')
  p.triggerTable = p.qname()
  if (p.accept('WHERE')) parseExpr(p)
  p.expect('DO')
  if (!p.accept('ALSO')) p.accept('INSTEAD')
  const body: Stmt[] = []
  if (p.accept('NOTHING')) return { k: 'block', body, name, loc: locOf(start, p.prev()) }
  if (!p.acceptOp('(')) body.push(parseStatement(p))
  else {
    while (!p.eof() && !p.isOp(')')) { if (!p.acceptOp(';')) body.push(parseStatement(p)) }
    p.expectOp(')')
  }
  return { k: 'block', body, name, loc: locOf(start, p.prev()) }
}

/** the OpenEdge classes that run the SQL of their constructor's literal */
const JAVA_SQL_CLASSES = new Set(['SQLCURSOR', 'SQLISTATEMENT', 'SQLPSTATEMENT'])

/**
 * An OpenEdge Java body, [IMPORT java imports] BEGIN … END (its END alone on the last line; Java has
 * no END): the statements of each new SQLCursor("…") literal, the rest is Java, not SQL (it failed
 * statement by statement)
 */
function javaBody(p: Cur): Stmt[] {
  const body: Stmt[] = []
  while (!p.eof() && !p.isWord('BEGIN')) p.next()
  p.next()
  while (!p.eof()) {
    const t = p.next()
    if (t.upper === 'END' && t.bol && t.kind === 'word' && (p.eof() || p.isOp(';') || p.peek()!.line > t.line)) { p.acceptOp(';'); break }
    const lit = p.peek(1)
    if (t.kind === 'word' && JAVA_SQL_CLASSES.has(t.upper) && p.isOp('(') && lit?.kind === 'qident' && p.isOp(')', 2)) {
      body.push(...parseEmbedded(lit.image.slice(1, -1), p, lit.line, lit.col + 1, lit.start + 1))
      p.i += 3
    }
  }
  return body
}

/** $$ … $$ or '…' bodies: re-lex the inner text with positions mapped back into the script */
function embeddedBody(p: Cur, t: Token, start: Token, name: import('../ast/types.js').QName, params: Ident[], kind: string): Stmt {
  p.next()
  skipToEnd(p)
  if (!isSqlBody(p, start)) return { k: 'other', kind: 'ROUTINE', loc: locOf(start, p.prev()) }
  return { k: 'block', body: stringBody(p, t, kind === 'FUNCTION') ?? [], name, params, loc: locOf(start, p.prev()) }
}

/** LANGUAGE (before or after the body, up to the statement's end) decides whether the body text is SQL */
function isSqlBody(p: Cur, start: Token): boolean {
  let lang = 'SQL'
  const first = p.toks.indexOf(start)
  for (let k = first; k < p.i; k++) if (p.toks[k].upper === 'LANGUAGE' && p.toks[k + 1]) lang = p.toks[k + 1].upper.replace(/'/g, '')
  return ['SQL', 'PLPGSQL', 'PLSQL', 'SQLSCRIPT', 'PLVSQL'].includes(lang)
}

/** CURSOR FOR name; — a cursor over a prepared statement (DB2 s1) or a RESULTSET variable (Snowflake), not a query */
function namesCursorSource(p: Cur): boolean { return p.isIdentToken() && (p.isOp(';', 1) || !p.peek(1)) }

/** Snowflake Scripting c CURSOR FOR rs: a cursor over a RESULTSET variable, not over a query */
function cursorOver(p: Cur): Ident | undefined {
  return namesCursorSource(p) && !startsQuery(p) ? p.ident() : undefined
}

/**
 * Snowflake SET v = 'raw.orders', LET v := 'raw.orders', DECLARE v DEFAULT 'raw.orders' (a literal, at the cursor,
 * that is the whole value): a later IDENTIFIER($v) / IDENTIFIER(:v) names that object
 */
function nameInVariable(p: TokenCursor, name: Ident, k = 0): void {
  const t = p.peek(k)
  if (p.d.name !== 'dbvsnowflake' || t?.kind !== 'string' || !(p.isOp(';', k + 1) || !p.peek(k + 1))) return
  (p.namesInVariables ??= new Map()).set(name.name.toUpperCase(), t)
}

/** Snowflake Scripting rs := (EXECUTE IMMEDIATE :q [USING …]): a RESULTSET of dynamic SQL, skipped (no known source) */
export function skipsDynamicResult(p: TokenCursor): boolean {
  if (!(p.isOp('(') && p.isWord('EXECUTE', 1) && p.isWord('IMMEDIATE', 2))) return false
  p.skipParens()
  return true
}

/** Snowflake Scripting: LET n [type] := | DEFAULT expr, LET c CURSOR FOR query, LET rs RESULTSET := (query) — a declaration */
function parseSnowflakeLet(p: Cur, first: Token): Stmt {
  p.next()
  const name = p.ident()
  const done = (v: { name: Ident; value?: Expr; query?: import('../ast/types.js').Query; over?: Ident }): Stmt => ({ k: 'declare', vars: [v], loc: locOf(first, p.prev()) })
  if (p.accept('CURSOR')) { p.expect('FOR'); const over = cursorOver(p); return done(over ? { name, over } : { name, query: parseQuery(p) }) }
  if (!p.isOp(':=') && !p.isWord('DEFAULT')) parseType(p)
  if (!p.acceptOp(':=') && !p.accept('DEFAULT')) return done({ name })
  if (skipsDynamicResult(p)) return done({ name })
  nameInVariable(p, name)
  if (startsQuery(p)) return done({ name, query: parseQuery(p) })
  if (p.isOp('(') && startsQuery(p, 1)) { p.next(); const q = parseQuery(p); p.expectOp(')'); return done({ name, query: q }) }
  return done({ name, value: parseExpr(p) })
}

/**
 * T-SQL / ASE dynamic SQL written as one literal: EXEC ('CREATE VIEW …'), EXEC (N'…'), EXEC [sys.]sp_executesql N'…' [, …]
 * (migration scripts wrap DDL so in IF NOT EXISTS); a concatenation or a variable is read by tsqlDynamicParts
 */
function tsqlDynamicLiteral(p: TokenCursor): Token | undefined {
  if (p.d.batchWord === undefined) return undefined
  if (p.isOp('(') && p.peek(1)?.kind === 'string' && p.isOp(')', 2)) return p.peek(1)
  let k = 0
  if (p.isWord('SYS') && p.isOp('.', 1)) k = 2
  const t = p.peek(k + 1)
  if (!p.isWord('SP_EXECUTESQL', k) || t?.kind !== 'string') return undefined
  const n = p.peek(k + 2)
  return !n || n.image === ',' || n.image === ';' || n.line !== t.eline ? t : undefined
}

/**
 * T-SQL / ASE dynamic SQL in an expression: EXEC (@sql), EXEC (N'…' + @x), EXEC [sys.]sp_executesql @sql | N'…' + …
 * [, N'@p int', …] (also @stmt = …): the parts of its text, undefined when none is known
 */
function tsqlDynamicParts(p: TokenCursor): SqlPart[] | undefined {
  if (p.d.batchWord === undefined) return undefined
  const save = p.i
  let a = -1
  if (p.isOp('(')) a = p.i + 1
  else {
    if (p.isWord('SYS') && p.isOp('.', 1)) p.i += 2
    if (p.accept('SP_EXECUTESQL')) {
      if (p.isWord('@STMT') && p.isOp('=', 1)) p.i += 2
      a = p.i
    }
  }
  let parts: SqlPart[] | undefined
  if (a >= 0) {
    try {
      p.i = a
      parseExpr(p)
      if (p.i > a && (p.toks[a].kind === 'string' || p.toks[a].image.startsWith('@'))) parts = stringParts(p, a, p.i)
    } catch (e) { if (!(e instanceof ParseError)) throw e }
  }
  p.i = save
  return parts?.some((x) => !x.hole) ? parts : undefined
}

/** MySQL PREPARE s FROM 'INSERT …' | @sql: the statement's text is analysed where it is prepared */
export function parsePrepare(p: TokenCursor, first: Token): Stmt {
  p.i += 3
  const t = p.next()
  const parts = t.kind === 'string' ? undefined : stringParts(p, p.i - 1, p.i)
  const body = t.kind === 'string' ? stringBody(p, t) : parts?.some((x) => !x.hole) ? dynamicBody(p, parts) : undefined
  skipToEnd(p)
  return body ? { k: 'block', body, loc: locOf(first, p.prev()) } : { k: 'other', kind: 'PREPARE', loc: locOf(first, p.prev()) }
}

/** the statements of dynamic SQL built from parts; when a part is unknown, those that fail are a guess's and dropped */
function dynamicBody(p: TokenCursor, parts: SqlPart[]): Stmt[] {
  const { tokens, unknown } = partTokens(p, parts)
  const sub: Cur = new TokenCursor(tokens, p.d)
  const body = parseStatements(sub, unknown)
  if (sub.skipped && !parts.some((x) => x.hole)) (p.skipped ??= []).push(...sub.skipped)
  return body
}

/**
 * The statements of SQL held in one string token: a $$ / $tag$ body, an Oracle q'[…]' literal, or a '…'
 * (T-SQL N'…') literal, its doubled quotes read as one each, in place; undefined for other strings
 */
/** `exprBody`: a SQL function, whose quoted body may be one expression (Snowflake AS 'x * 1.2', AS $$ a + b $$) */
export function stringBody(p: TokenCursor, t: Token, exprBody = false): Stmt[] | undefined {
  const img = t.image
  const dollar = img.startsWith('$')
  // T-SQL N'…' (a Unicode literal), BigQuery r"…" (raw): the text starts after the prefix
  const raw = (img[0] === 'r' || img[0] === 'R') && p.d.name === 'dbvbigquery'
  const n = !dollar && (img[0] === 'N' || img[0] === 'n' || raw) && (img[1] === "'" || img[1] === '"') ? 1 : 0
  const q = !dollar && !n && (img[0] === 'q' || img[0] === 'Q') && img[1] === "'"
  const quote = img[n]
  // BigQuery also quotes with " and with """ or ''' (EXECUTE IMMEDIATE """INSERT …""")
  if (!dollar && !q && ((quote !== "'" && !(quote === '"' && p.d.doubleQuotedStrings)) || img.length < n + 2)) return undefined
  const triple = !dollar && !q && img.length >= n + 6 && img[n + 1] === quote && img[n + 2] === quote
  const openLen = dollar ? img.indexOf('$', 1) + 1 : q ? 3 : n + (triple ? 3 : 1)
  const closeLen = dollar ? openLen : q ? 2 : triple ? 3 : 1
  let inner = img.slice(openLen, img.length - closeLen)
  // a quoted body doubles its own quotes (AS 'SELECT … WHERE s = ''x''', Redshift also \')
  if (!dollar && !q && !triple && inner.includes(quote)) inner = unescapeQuotes(inner, p.d.backslashEscapes && !raw, quote)
  return parseEmbedded(inner, p, t.line, t.col + openLen, t.start + openLen, exprBody)
}

export function parseEmbedded(text: string, p: TokenCursor, line: number, col: number, offset: number, exprBody = false): Stmt[] {
  const { tokens } = tokenize(text, p.d, offset, line, col)
  const sub: Cur = new TokenCursor(tokens, p.d)
  const t0 = tokens[0]
  // (a body never starts with a CASE statement: that is inside BEGIN … END)
  if (exprBody && t0 && !(t0.kind === 'word' && (STATEMENT_WORDS.has(t0.upper) || (PROCEDURAL_START.has(t0.upper) && t0.upper !== 'CASE') || startsQuery(sub)))) {
    // the function returns the expression's value, as AS (expr)
    try {
      const value = parseExpr(sub)
      if (sub.eof()) return [{ k: 'return', value, loc: exprLoc(value) }]
    } catch (e) { if (!(e instanceof ParseError)) throw e }
    sub.i = 0
  }
  const body = parseStatements(sub)
  if (sub.skipped) (p.skipped ??= []).push(...sub.skipped)
  return body
}

/** a body's statements; one that fails to parse is skipped (to its `;`) so the others still give lineage */
function parseStatements(sub: Cur, unknown?: number[]): Stmt[] {
  sub.inBlock = true
  const out: Stmt[] = []
  let u = 0
  while (!sub.eof()) {
    if (sub.acceptOp(';')) continue
    const s0 = sub.i
    try {
      const s = parseStatement(sub)
      // (`unknown`: tokens of dynamic SQL that hold a part not known here; their statements are dropped)
      while (unknown && u < unknown.length && unknown[u] < s0) u++
      if (!unknown || u >= unknown.length || unknown[u] >= sub.i) out.push(s)
    } catch (e) {
      if (!(e instanceof ParseError)) throw e
      ;(sub.skipped ??= []).push({ message: e.message, token: e.token })
      sub.i = s0 + 1
      skipToEnd(sub)
    }
  }
  return out
}
