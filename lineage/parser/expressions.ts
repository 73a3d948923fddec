// Grammar chapter: expressions (Pratt parser). Operators only matter to lineage as "depends on all parts".
import { mkLoc, type Expr, type Loc, type QName, type SelectItem, type WindowSpec } from '../ast/types.js'
import { ParseError, TokenCursor, locOf, NO_SOURCE_WORDS, identOf, CLAUSE_WORDS } from './base.js'
import type { Token } from '../lexer/lexer.js'
import { parseQuery, startsQuery } from './query.js'
import { noteSqlVar } from './dynsql.js'

const DATEPART_FUNCS = new Set(['DATEADD', 'DATEDIFF', 'DATEDIFF_BIG', 'DATEPART', 'DATENAME', 'DATE_TRUNC', 'TIMESTAMPADD',
  'TIMESTAMPDIFF', 'DATE_PART', 'EXTRACT', 'LAST_DAY', 'DATE_DIFF', 'TIMESTAMP_DIFF', 'DATETIME_DIFF', 'TIMESTAMP_TRUNC',
  'DATETIME_TRUNC', 'DATE_ADD', 'DATE_SUB', 'TRUNC', 'TIME_SLICE', 'TIMESTAMP_ADD', 'TIMESTAMP_SUB', 'DATETIME_ADD', 'DATETIME_SUB',
  'EXTEND', 'DATETRUNC', 'DATE_BUCKET'])
/** of DATEPART_FUNCS, those whose unit is the last argument: TIME_SLICE(d, 4, HOUR), LAST_DAY(d, WEEK), DATE_ADD(d, INTERVAL …) */
const UNIT_LAST = new Set(['DATE_DIFF', 'TIMESTAMP_DIFF', 'DATETIME_DIFF', 'TIMESTAMP_TRUNC', 'DATETIME_TRUNC', 'TIME_SLICE', 'LAST_DAY', 'TRUNC',
  'DATE_ADD', 'DATE_SUB', 'TIMESTAMP_ADD', 'TIMESTAMP_SUB', 'DATETIME_ADD', 'DATETIME_SUB'])
const DATEPARTS = new Set(['YEAR', 'YEARS', 'MONTH', 'MONTHS', 'DAY', 'DAYS', 'HOUR', 'HOURS', 'MINUTE', 'MINUTES', 'SECOND', 'SECONDS', 'WEEK',
  'WEEKS', 'QUARTER', 'DAYOFWEEK', 'DAYOFYEAR', 'DOW', 'DOY', 'EPOCH', 'MILLISECOND', 'MILLISECONDS', 'MICROSECOND', 'NANOSECOND', 'DD', 'D',
  'MM', 'M', 'YY', 'YYYY', 'HH', 'MI', 'N', 'SS', 'S', 'WK', 'WW', 'QQ', 'Q', 'DW', 'DY', 'Y', 'NS', 'MS', 'MCS', 'ISOWEEK', 'ISO_WEEK', 'TZOFFSET',
  'WEEKDAY', 'ISOYEAR', 'DATE', 'TIME', 'DATETIME', 'CENTURY', 'DECADE', 'MILLENNIUM', 'JULIAN', 'TIMEZONE', 'TIMEZONE_HOUR', 'TIMEZONE_MINUTE',
  // MySQL compound units: INTERVAL '1 2' DAY_HOUR, EXTRACT(YEAR_MONTH FROM d)
  'YEAR_MONTH', 'DAY_HOUR', 'DAY_MINUTE', 'DAY_SECOND', 'DAY_MICROSECOND', 'HOUR_MINUTE', 'HOUR_SECOND', 'HOUR_MICROSECOND', 'MINUTE_SECOND',
  'MINUTE_MICROSECOND', 'SECOND_MICROSECOND',
  // Snowflake's names and abbreviations (DATE_PART(epoch_second, ts), DATEADD(mon, 1, d), DATE_TRUNC('week', d) spelled bare)
  'EPOCH_SECOND', 'EPOCH_SECONDS', 'EPOCH_MILLISECOND', 'EPOCH_MILLISECONDS', 'EPOCH_MICROSECOND', 'EPOCH_MICROSECONDS', 'EPOCH_NANOSECOND',
  'EPOCH_NANOSECONDS', 'DAYOFWEEKISO', 'DAYOFWEEK_ISO', 'WEEKDAY_ISO', 'DOW_ISO', 'DW_ISO', 'DAYOFMONTH', 'WEEKISO', 'WEEK_ISO', 'WEEKOFYEAR',
  'WEEKOFYEARISO', 'WEEKOFYEAR_ISO', 'WOY', 'YEAROFWEEK', 'YEAROFWEEKISO', 'YEARDAY', 'QTR', 'QTRS', 'QUARTERS', 'MON', 'MONS', 'YR', 'YRS',
  'HR', 'HRS', 'MINS', 'SECS', 'NSEC', 'NANOSEC', 'NANOSECS', 'NANOSECONDS', 'MICROSECONDS', 'USEC', 'MSEC', 'TZH', 'TZM'])
const TYPED_LITERALS = new Set(['DATE', 'TIMESTAMP', 'TIME', 'INTERVAL', 'DATETIME', 'TIMESTAMPTZ', 'JSON', 'NUMERIC', 'BIGNUMERIC'])
const COMPARE_OPS = new Set(['*=', '=*', '=', '<>', '!=', '<', '>', '<=', '>=', '<=>', '==', '^=', '~', '~*', '!~', '!~*', '@>', '<@', '&&',
  // PostgreSQL text search and jsonpath matches, LIKE as operators
  '@@', '@?', '~~', '~~*', '!~~', '!~~*',
  // PostgreSQL inet containment (<<=, >>=) and range position (-|-, &<, &>)
  '<<=', '>>=', '-|-', '&<', '&>'])
/** the words parseComparison continues an operand with (any other word ends the comparison) */
const COMPARISON_WORDS = new Set(['NOT', 'IS', 'INTERPOLATE', 'OVERLAPS', 'ISNULL', 'NOTNULL', 'IN', 'BETWEEN', 'LIKE', 'ILIKE', 'RLIKE',
  'REGEXP', 'SIMILAR', 'GLOB', 'MATCH', 'MATCHES', 'MEMBER', 'SUBMULTISET', 'CONTAINS', 'SOUNDS'])
const TYPE_CONTINUATION = new Set(['PRECISION', 'VARYING', 'WITH', 'WITHOUT', 'TIME', 'ZONE', 'LOCAL', 'UNSIGNED', 'SIGNED', 'CHARACTER', 'CHAR', 'BYTE'])

export function parseExpr(p: TokenCursor): Expr { return parseOr(p) }

function op(opName: string, args: Expr[], loc: Loc): Expr { return { k: 'op', op: opName, args, loc } }
function span(a: Expr | Loc, b: Expr | Loc): Loc {
  const la = 'sl' in a ? a : exprLoc(a)
  const lb = 'sl' in b ? b : exprLoc(b)
  return mkLoc(la.sl, la.sc, lb.el, lb.ec)
}
export function exprLoc(e: Expr): Loc { return e.k === 'col' ? e.name.loc : e.loc }

function parseOr(p: TokenCursor): Expr {
  let left = parseAnd(p)
  if (p.isOp(':=') && p.d.name === 'dbvmysql') { p.next(); const r = parseOr(p); return op(':=', [left, r], span(left, r)) }
  // MySQL XOR binds like OR (between OR and AND)
  while (p.isWord('OR') || (p.isWord('XOR') && p.d.name === 'dbvmysql')) { const o = p.next().upper; const r = parseAnd(p); left = op(o, [left, r], span(left, r)) }
  return left
}
function parseAnd(p: TokenCursor): Expr {
  let left = parseNot(p)
  while (p.isWord('AND') || p.isOp('&&') && p.d.name === 'dbvmysql') { p.next(); const r = parseNot(p); left = op('AND', [left, r], span(left, r)) }
  return left
}
function parseNot(p: TokenCursor): Expr {
  if (p.isWord('NOT') || (p.isOp('!') && !p.isOp('=', 1))) { const t = p.next(); const e = parseNot(p); return op('NOT', [e], span(locOf(t, t), e)) }
  return parseComparison(p)
}

function parseComparison(p: TokenCursor): Expr {
  let left = parseAdditive(p)
  for (;;) {
    const t = p.peek()
    if (!t) return left
    const cmp = t.kind === 'op' ? (COMPARE_OPS.has(t.image) ? t.image : undefined) : wordOperator(p, COMPARE_OPS)
    if (cmp !== undefined) {
      p.next()
      // Oracle reads `> =`, `< =` and `< >` written with a space as the one operator
      if (p.d.slashTerminator && (cmp === '>' || cmp === '<') && (p.isOp('=') || (cmp === '<' && p.isOp('>')))) p.next()
      if (p.isAnyWord(['ANY', 'ALL', 'SOME']) && p.isOp('(', 1) && startsQuery(p, 2)) {
        p.next(); p.next(); const q = parseQuery(p); const e = p.expectOp(')')
        left = { k: 'cmpq', expr: left, query: q, loc: span(left, locOf(e, e)) }
        continue
      }
      if (p.isOp('(') && startsQuery(p, 1)) {
        const s = p.next(); const q = parseQuery(p); const e = p.expectOp(')')
        left = { k: 'cmpq', expr: left, query: q, loc: span(left, locOf(e, e)) }; void s
        continue
      }
      if (p.isAnyWord(['ANY', 'ALL', 'SOME']) && p.isOp('(', 1)) p.next()
      const r = parseAdditive(p)
      left = op(cmp, [left, r], span(left, r))
      continue
    }
    if (t.kind === 'param' && t.image === '?' && p.d.dollarQuotedStrings) {
      // PostgreSQL jsonb key-exists operators ?, ?|, ?&
      p.next(); p.acceptOp('|') || p.acceptOp('&')
      const r = parseAdditive(p); left = op('?', [left, r], span(left, r)); continue
    }
    if (t.kind !== 'word' || !COMPARISON_WORDS.has(t.upper)) return left
    const neg = t.upper === 'NOT' && p.isAnyWord(['IN', 'LIKE', 'ILIKE', 'BETWEEN', 'RLIKE', 'REGEXP', 'SIMILAR', 'MATCHES', 'MEMBER', 'SUBMULTISET'], 1)
    const w = neg ? p.peek(1)!.upper : t.upper
    if (w === 'IS') {
      p.next(); p.accept('NOT')
      if (p.accept('DISTINCT')) { p.expect('FROM'); const r = parseAdditive(p); left = op('IS', [left, r], span(left, r)); continue }
      // Oracle x IS [NOT] OF [TYPE] ([ONLY] t, …): a test of the object's type, whose names are no columns
      if (p.isWord('OF') && (p.isOp('(', 1) || (p.isWord('TYPE', 1) && p.isOp('(', 2)))) {
        p.next(); p.accept('TYPE'); p.skipParens(); left = op('IS', [left], span(left, locOf(p.prev(), p.prev()))); continue
      }
      let e = p.next() // NULL, TRUE, FALSE, UNKNOWN, NAN, JSON, EMPTY (a nested table), A SET …
      if (e.upper === 'A' && p.isWord('SET')) e = p.next()
      // IS JSON [VALUE | OBJECT | ARRAY | SCALAR] [WITH | WITHOUT UNIQUE [KEYS]]
      if (e.upper === 'JSON') {
        if (p.isAnyWord(['VALUE', 'OBJECT', 'ARRAY', 'SCALAR'])) e = p.next()
        if (p.isAnyWord(['WITH', 'WITHOUT']) && p.isWord('UNIQUE', 1)) { p.i += 2; e = p.prev(); if (p.isWord('KEYS')) e = p.next() }
      }
      left = op('IS', [left], span(left, locOf(e, e)))
      continue
    }
    if (w === 'INTERPOLATE' && p.isAnyWord(['PREVIOUS', 'NEXT'], 1)) {
      // Vertica event-series join: a.ts INTERPOLATE PREVIOUS VALUE b.ts
      p.i += 2; p.accept('VALUE'); const r = parseAdditive(p); left = op('INTERPOLATE', [left, r], span(left, r)); continue
    }
    // (start, end) OVERLAPS (start, end): a comparison of two periods
    if (w === 'OVERLAPS') { p.next(); const r = parseAdditive(p); left = op('OVERLAPS', [left, r], span(left, r)); continue }
    if (w === 'ISNULL' || w === 'NOTNULL') { const e = p.next(); left = op('IS', [left], span(left, locOf(e, e))); continue }
    if (w === 'IN') {
      if (neg) p.next()
      p.next()
      if (!p.isOp('(')) { const r = parseAdditive(p); left = op('IN', [left, r], span(left, r)); continue } // IN UNNEST(x), IN @list
      p.next()
      if (startsQuery(p)) {
        const q = parseQuery(p); const e = p.expectOp(')')
        left = { k: 'in', expr: left, query: q, loc: span(left, locOf(e, e)) }
      } else {
        const list = p.isOp(')') ? [] : parseExprList(p); const e = p.expectOp(')')
        left = { k: 'in', expr: left, list, loc: span(left, locOf(e, e)) }
      }
      continue
    }
    // Oracle nested tables: x [NOT] MEMBER OF coll, c1 [NOT] SUBMULTISET [OF] c2 (a bare MEMBER is an alias)
    if ((w === 'MEMBER' && p.isWord('OF', neg ? 2 : 1)) || w === 'SUBMULTISET') {
      if (neg) p.next()
      p.next(); p.accept('OF')
      const r = parseAdditive(p); left = op('IN', [left, r], span(left, r)); continue
    }
    // OpenEdge word-index search: c CONTAINS 'gold & silver' (a bare CONTAINS is an alias)
    if (w === 'CONTAINS' && p.peek(1)?.kind === 'string') { p.next(); const r = parseAdditive(p); left = op('LIKE', [left, r], span(left, r)); continue }
    if (w === 'BETWEEN') {
      if (neg) p.next()
      p.next(); p.accept('SYMMETRIC'); p.accept('ASYMMETRIC')
      const lo = parseAdditive(p); p.expect('AND'); const hi = parseAdditive(p)
      left = op('BETWEEN', [left, lo, hi], span(left, hi)); continue
    }
    if (w === 'LIKE' || w === 'ILIKE' || w === 'RLIKE' || w === 'REGEXP' || w === 'SIMILAR' || w === 'GLOB' || w === 'MATCH' || w === 'MATCHES'
      || (w === 'SOUNDS' && p.isWord('LIKE', 1))) {
      if (neg) p.next()
      // MySQL a SOUNDS LIKE b compares the SOUNDEX of both
      p.next(); if (w === 'SIMILAR') p.expect('TO'); else if (w === 'SOUNDS') p.expect('LIKE')
      p.accept('ANY'); p.accept('ALL')
      const r = parseAdditive(p)
      let e = r
      if (p.accept('ESCAPE')) e = parseAdditive(p)
      left = op('LIKE', [left, r], span(left, e)); continue
    }
    return left
  }
}

const ADD_OPS = new Set(['+', '-', '||', '&', '|', '^', '#', '<<', '>>', '<->', '#-'])
const MUL_OPS = new Set(['*', '/', '%', '**', '->', '->>', '#>', '#>>'])

/** an operand of BETWEEN: arithmetic, no AND / comparison (so `x AND y` stays two bounds) */
export function parseAdditive(p: TokenCursor): Expr {
  let left = parseMultiplicative(p)
  for (;;) {
    const t = p.peek()
    const o = !t ? undefined : t.kind === 'op' ? (ADD_OPS.has(t.image) ? t.image : undefined) : wordOperator(p, ADD_OPS)
    if (o !== undefined) { p.next(); const r = parseMultiplicative(p); left = op(o, [left, r], span(left, r)); continue }
    // PostgreSQL a OPERATOR(schema.op) b, as pg_dump writes an operator outside the search path
    if (t && t.kind === 'word' && t.upper === 'OPERATOR' && p.d.plpgsql && p.isOp('(', 1)) { p.next(); p.skipParens(); const r = parseMultiplicative(p); left = op('OPERATOR', [left, r], span(left, r)); continue }
    // Oracle nested tables: c1 MULTISET UNION | INTERSECT | EXCEPT [ALL | DISTINCT] c2
    if (t?.kind === 'word' && t.upper === 'MULTISET' && p.isAnyWord(['UNION', 'INTERSECT', 'EXCEPT'], 1)) {
      p.i += 2; p.accept('ALL') || p.accept('DISTINCT')
      const r = parseMultiplicative(p); left = op('MULTISET', [left, r], span(left, r)); continue
    }
    return left
  }
}
function parseMultiplicative(p: TokenCursor): Expr {
  let left = parseUnary(p)
  for (;;) {
    const t = p.peek()
    const o = !t ? undefined : t.kind === 'op' ? (MUL_OPS.has(t.image) ? t.image : undefined) : wordOperator(p, MUL_OPS)
    if (o !== undefined) { p.next(); const r = parseUnary(p); left = op(o, [left, r], span(left, r)); continue }
    return left
  }
}

/** ops that may begin an operand: a sign, a host variable `:v`, a parameter */
const OPERAND_START_OPS = new Set(['-', '+', '~', ':', '@', '?'])

/**
 * The symbol a dialect's operator word at the cursor stands for (Teradata GT, DB2 CONCAT), when it is
 * one of `ops` and an operand follows; otherwise the word is a name or an alias (`SELECT a lt FROM t`)
 */
function wordOperator(p: TokenCursor, ops: Set<string>): string | undefined {
  const t = p.peek()!
  // asked after every operand: most dialects have no operator words, and punctuation is never one
  if (!p.d.hasWordOperators || t.kind !== 'word') return undefined
  const o = p.d.wordOperators[t.upper]
  if (o === undefined || !ops.has(o)) return undefined
  const n = p.peek(1)
  if (!n) return undefined
  if (n.kind === 'op') return OPERAND_START_OPS.has(n.image) ? o : undefined
  // NULL and ALL are clause words, yet `x NE NULL` and `x GT ALL (SELECT …)` compare
  if (n.kind === 'word' && (n.upper === 'NULL' || (['ANY', 'ALL', 'SOME'].includes(n.upper) && p.isOp('(', 2)))) return o
  return startsOperand(n) ? o : undefined
}
/** system variables, with their fields: @@ROWCOUNT, @@session.sql_mode (MySQL), @@error.message (BigQuery): values, not columns */
function systemVariable(p: TokenCursor, t: Token): Expr {
  if (t.kind === 'op') p.i += 2
  let n = p.next()
  let name = t.kind === 'op' ? '@@' + n.image : n.image
  while (p.isOp('.') && p.isIdentToken(1)) { p.next(); n = p.next(); name += '.' + n.image }
  return lit(t, n, name)
}

function parseUnary(p: TokenCursor): Expr {
  const t = p.peek()
  if (t && t.kind === 'op' && t.image === '@' && p.isOp('@', 1) && p.isIdentToken(2) && p.peek(1)!.start === t.end && p.peek(2)!.start === t.end + 1) return parsePostfix(p, systemVariable(p, t))
  // BigQuery @name is a query parameter (scheduled queries: @submission_date), DB2 for i / z/OS @name a
  // variable or parameter (@ is a letter of their names): never the @ operator
  const param = t && t.image === '@' && (p.d.name === 'dbvbigquery' || p.d.name === 'dbvdb2') && p.isIdentToken(1) && p.peek(1)!.start === t.end
  // PostgreSQL |/ x and ||/ x: square and cube root
  if (t && t.kind === 'op' && (t.image === '-' || t.image === '+' || t.image === '~' || t.image === '|/' || t.image === '||/' || (t.image === '@' && !param))) {
    p.next(); const e = parseUnary(p); return op(t.image, [e], span(locOf(t, t), e))
  }
  // PRIOR c, CONNECT_BY_ROOT c (hierarchical queries): the value of c in another row of the hierarchy
  if (t && t.kind === 'word' && (t.upper === 'PRIOR' || t.upper === 'CONNECT_BY_ROOT') && startsOperand(p.peek(1))) { p.next(); return parseUnary(p) }
  // MySQL BINARY x: the value as a binary string (BINARY(x) takes the same path; CAST(x AS BINARY) is a type)
  if (t && t.kind === 'word' && t.upper === 'BINARY' && p.d.name === 'dbvmysql' && startsOperand(p.peek(1))) {
    p.next(); const e = parseUnary(p); return op('BINARY', [e], span(locOf(t, t), e))
  }
  return parsePostfix(p, parsePrimary(p))
}

/** a token that can begin an operand (a name, a literal, a parameter or a parenthesis), not a clause keyword */
function startsOperand(t: Token | undefined): boolean {
  if (!t) return false
  if (t.kind === 'word') return !CLAUSE_WORDS.has(t.upper)
  return t.kind === 'qident' || t.kind === 'string' || t.kind === 'number' || t.kind === 'param' || (t.kind === 'punct' && t.image === '(')
}

/** `::type`, `[i]`, `.field`, `:path`, AT TIME ZONE, COLLATE */
const DURATIONS = new Set(['DAY', 'DAYS', 'MONTH', 'MONTHS', 'YEAR', 'YEARS', 'HOUR', 'HOURS', 'MINUTE', 'MINUTES', 'SECOND', 'SECONDS', 'MICROSECOND', 'MICROSECONDS'])

const TERADATA_PHRASES = new Set(['FORMAT', 'TITLE', 'NAMED', 'CHAR', 'CHARACTER', 'VARCHAR', 'DATE', 'INTEGER', 'INT', 'DECIMAL',
  'NUMBER', 'TIMESTAMP', 'CASESPECIFIC', 'NOT', 'UPPERCASE', 'BYTEINT', 'SMALLINT', 'BIGINT', 'FLOAT', 'TIME'])

/** words that can continue an operand (parsePostfix): anything else ends it at once */
const POSTFIX_WORDS = new Set([...DURATIONS, 'UNITS', 'AGAINST', 'AT', 'COLLATE'])

const TERADATA_ATTRIBUTE_WORDS = new Set(['FORMAT', 'TITLE', 'NAMED', 'CASESPECIFIC', 'UPPERCASE'])
/**
 * after a name, `(` opens a Teradata attribute phrase rather than a call's arguments: c (TITLE 'x'),
 * c (FORMAT '…'), c (NOT CASESPECIFIC), c (VARCHAR(10)), c (DATE). A type word followed by `,` stays an
 * argument unless an attribute follows (ADD_MONTHS(DATE, -1) calls with the current date).
 */
function teradataAttribute(p: TokenCursor): boolean {
  const w = p.peek(1)
  if (!w || w.kind !== 'word' || !TERADATA_PHRASES.has(w.upper)) return false
  if (TERADATA_ATTRIBUTE_WORDS.has(w.upper)) return p.peek(2)?.kind === 'string' || p.isOp(')', 2) || p.peek(2)?.kind === 'word'
  if (w.upper === 'NOT') return p.isWord('CASESPECIFIC', 2)
  return p.isOp(')', 2) || p.isOp('(', 2) || (p.isOp(',', 2) && p.isAnyWord(TERADATA_ATTRIBUTE_WORDS, 3))
}

function parsePostfix(p: TokenCursor, e: Expr): Expr {
  for (;;) {
    // most operands are followed by `,` `)` an operator or a keyword: one test, not the dozen below
    const t = p.peek()
    if (!t) return e
    if (t.kind === 'punct' || t.kind === 'op') { const im = t.image; if (im !== '::' && im !== '[' && im !== ':' && im !== '.' && im !== '(') return e }
    else if (t.kind !== 'word' || !POSTFIX_WORDS.has(t.upper)) return e
    // Teradata attribute phrases: x (FORMAT 'YYYY-MM'), x (CHAR(8)), x (TITLE 'Amount')
    if (p.d.name === 'dbvteradata' && p.isOp('(') && p.isAnyWord(TERADATA_PHRASES, 1)) { p.skipParens(); continue }
    if ((p.d.name === 'dbvdb2' || p.d.name === 'dbvinformix') && p.isAnyWord(DURATIONS) && (!p.isOp('(', 1) || qualifierPrecision(p, 1)) && !p.isOp('.', 1)) {
      // DB2 labelled durations: CURRENT DATE - 7 DAYS; Informix qualifiers: YEAR TO SECOND, INTERVAL(7) DAY(3) TO DAY
      p.next(); if (p.isOp('(')) p.skipParens()
      if (p.accept('TO')) { p.next(); if (qualifierPrecision(p, 0)) p.skipParens() }
      continue
    }
    // Informix: order_date + 30 UNITS DAY
    if (p.d.name === 'dbvinformix' && p.isWord('UNITS') && p.isAnyWord(DURATIONS, 1)) { p.i += 2; continue }
    // T-SQL static methods of a type: geography::Point(…), hierarchyid::GetRoot(): the type is no column
    if (p.isOp('::') && e.k === 'col' && p.d.batchWord !== undefined && p.isIdentToken(1) && p.isOp('(', 2)) { p.next(); e = parsePrimary(p); continue }
    if (p.isOp('::')) { p.next(); const end = parseType(p); e = op('CAST', [e], span(e, end)); continue }
    // MySQL full-text search: MATCH (a, b) AGAINST ('text' [IN BOOLEAN MODE]): the columns are searched
    if (e.k === 'func' && p.isWord('AGAINST') && p.isOp('(', 1) && e.name.toUpperCase() === 'MATCH') { p.next(); p.skipParens(); e = op('MATCH', e.args, span(e, locOf(p.prev(), p.prev()))); continue }
    if (p.isOp('[') ) {
      p.next(); const args: Expr[] = [e]
      if (!p.isOp(']')) { args.push(parseExpr(p)); while (p.acceptOp(':') || p.acceptOp(',')) if (!p.isOp(']')) args.push(parseExpr(p)) }
      const c = p.expectOp(']'); e = op('[]', args.slice(0, 1).concat(args.slice(1).filter(a => a.k !== 'lit')), span(e, locOf(c, c))); continue
    }
    if (p.isOp(':') && p.d.jsonPaths && (p.isIdentToken(1) || p.peek(1)?.kind === 'string')) {
      // VARIANT / JSON string path (Snowflake v:a.b, Databricks raw:a.b): the value comes from the top-level column (N6)
      p.next(); const t = p.next(); e = op('PATH', [e], span(e, locOf(t, t))); continue
    }
    // a method of a variable: T-SQL @x.value('(/a)[1]', 'int'), @doc.query('…') read the variable
    if (p.isOp('.') && (e.k === 'op' || e.k === 'func' || e.k === 'subq' || (e.k === 'var' && p.isOp('(', 2))) && p.isIdentToken(1)) {
      p.next(); const t = p.next()
      const args: Expr[] = [e]
      // method call on a value: (subquery FOR XML PATH('')).value('.', 'nvarchar(max)')
      if (p.isOp('(')) { p.next(); if (!p.isOp(')')) args.push(...parseExprList(p).filter((a) => a.k !== 'lit')); p.expectOp(')'); e = op('FIELD', args, span(e, locOf(p.prev(), p.prev()))); continue }
      // the field is kept: l_rows(i).c is field c of a collection element (PL/SQL), resolved by flow/expr
      e = { k: 'op', op: 'FIELD', args, loc: span(e, locOf(t, t)), field: t.image }; continue
    }
    // Oracle, PostgreSQL 17, Teradata: ts AT LOCAL (the session's zone)
    if (p.isWord('AT') && p.isWord('LOCAL', 1)) { p.i += 2; continue }
    // PostgreSQL (composite).*: every field of a row value, (json_populate_record(null::t, j)).* — one `*` value
    if (p.d.plpgsql && p.isOp('.') && p.isOp('*', 1) && (e.k === 'op' || e.k === 'func' || e.k === 'subq')) {
      p.next(); const t = p.next()
      e = { k: 'op', op: 'FIELD', args: [e], loc: span(e, locOf(t, t)), field: '*' }; continue
    }
    // Teradata writes the zone without TIME ZONE: ts AT 'America Pacific'
    if (p.isWord('AT') && (p.isWord('TIME', 1) || p.peek(1)?.kind === 'string')) { p.i += p.isWord('TIME', 1) ? 3 : 1; const z = parseUnary(p); e = op('ATZ', [e, z], span(e, z)); continue }
    if (p.isWord('COLLATE')) { p.next(); const t = p.next(); e = op('COLLATE', [e], span(e, locOf(t, t))); continue }
    return e
  }
}

/** a data type after CAST … AS or `::`; returns its last location */
export function parseType(p: TokenCursor): Loc {
  let last = p.next()
  while (p.isOp('.') && p.isIdentToken(1)) { p.next(); last = p.next() }
  for (;;) {
    if (p.isOp('(')) { p.skipParens(); last = p.prev(); continue }
    if (p.isOp('<')) { let depth = 0; do { const t = p.next(); if (t.image === '<') depth++; else if (t.image === '>') depth--; else if (t.image === '>>') depth -= 2; last = t } while (depth > 0 && !p.eof()); continue }
    if (p.isOp('[') && p.isOp(']', 1)) { p.next(); last = p.next(); continue }
    if (p.isAnyWord(TYPE_CONTINUATION) && !(p.isWord('WITH') && !p.isAnyWord(['TIME', 'LOCAL'], 1))) { last = p.next(); continue }
    if (p.isWord('ARRAY')) { last = p.next(); continue }
    // two-word types that start with LONG: Vertica LONG VARCHAR / LONG VARBINARY, Oracle LONG RAW
    if (last.upper === 'LONG' && p.isAnyWord(['VARCHAR', 'VARBINARY', 'RAW'])) { last = p.next(); continue }
    // MySQL CAST(x AS CHAR CHARACTER SET utf8mb4), CONVERT(x, CHAR(10) CHARSET latin1)
    if ((last.upper === 'CHARACTER' && p.isWord('SET')) || p.isWord('CHARSET')) { p.next(); last = p.next(); continue }
    // MySQL CAST(x AS SIGNED INTEGER | UNSIGNED INT)
    if ((last.upper === 'SIGNED' || last.upper === 'UNSIGNED') && p.isAnyWord(['INTEGER', 'INT'])) { last = p.next(); continue }
    break
  }
  return locOf(last, last)
}

export function parseExprList(p: TokenCursor): Expr[] {
  const out = [parseExpr(p)]
  while (p.acceptOp(',')) out.push(parseExpr(p))
  return out
}

function lit(a: { line: number; col: number; eline: number; ecol: number }, b = a, text?: string): Expr {
  return { k: 'lit', loc: mkLoc(a.line, a.col, b.eline, b.ecol), text }
}

function parsePrimary(p: TokenCursor): Expr {
  const t = p.peek()
  if (!t) p.fail('expected an expression')
  switch (t.kind) {
    case 'number': p.next(); return lit(t, t, t.image)
    case 'string': p.next(); return lit(t, t, t.image)
    case 'param': {
      p.next()
      // Snowflake $1: the first column of the FROM item (a staged file's, or any by position)
      if (p.d.name === 'dbvsnowflake' && t.image[0] === '$') { const loc = locOf(t, t); return { k: 'col', name: { parts: [{ name: t.image, quoted: false, loc }], loc } } }
      return { k: 'var', name: t.image, loc: locOf(t, t) }
    }
    case 'bad': p.fail('unterminated literal or identifier')
    case 'punct': return parsePunctPrimary(p)
    case 'qident':
      // Informix without DELIMIDENT (its default) reads "…" as a string: IN ("004", "005"), LET m = "ok";
      // "informix".t, an owner name, stays a name
      if (p.d.name === 'dbvinformix' && t.image[0] === '"' && !p.isOp('.', 1)) { p.next(); return lit(t, t, t.image) }
      return parseWordPrimary(p)
    case 'op': {
      if (t.image === ':' && p.isIdentToken(1)) {
        p.next(); let n = p.next(); let name = ':' + n.image
        while (p.isOp('.') && p.isIdentToken(1)) { p.next(); n = p.next(); name += '.' + n.image }
        return { k: 'var', name, loc: locOf(t, n) }
      }
      // a positional bind variable :1 (Oracle dynamic SQL, OCI / JDBC statements), a value like ?
      if (t.image === ':' && p.peek(1)?.kind === 'number' && p.peek(1)!.start === t.end) { p.next(); const n = p.next(); return { k: 'var', name: ':' + n.image, loc: locOf(t, n) } }
      // psql / vsql :'name' substitutes a variable as a quoted literal
      if (t.image === ':' && p.d.psqlCommands && p.peek(1)?.kind === 'string' && p.peek(1)!.start === t.end) { p.next(); const n = p.next(); return lit(t, n, n.image) }
      if (t.image === '@' && p.isOp('@', 1) && p.isIdentToken(2)) return systemVariable(p, t)
      // HANA SQLScript system variables ::ROWCOUNT, ::SQL_ERROR_CODE, ::CURRENT_OBJECT_NAME: values, not columns
      if (t.image === '::' && p.d.name === 'dbvhana' && p.isIdentToken(1)) { p.next(); const n = p.next(); return lit(t, n, '::' + n.image) }
      if (t.image === '$' && p.isIdentToken(1)) { p.next(); const n = p.next(); return lit(t, n, '$' + n.image) }
      if (t.image === '@' && p.isIdentToken(1)) { p.next(); const n = p.next(); return { k: 'var', name: '@' + n.image, loc: locOf(t, n) } }
      if (t.image === '*') { p.next(); return { k: 'star', loc: locOf(t, t) } }
      if (t.image === '?') { p.next(); return { k: 'var', name: '?', loc: locOf(t, t) } }
      p.fail('unexpected operator')
    }
    default: return parseWordPrimary(p)
  }
}

function parsePunctPrimary(p: TokenCursor): Expr {
  const t = p.peek()!
  if (t.image === '(') {
    p.next()
    if (startsQuery(p)) {
      // ((SELECT …) UNION (SELECT …)) is a query; ((SELECT …) + 1) and ((SELECT …), 0) are expressions
      // that start with one: only the first is closed right after the query
      if (!p.isOp('(')) { const q = parseQuery(p); const e = p.expectOp(')'); return { k: 'subq', query: q, loc: locOf(t, e) } }
      const save = p.i
      try {
        const q = parseQuery(p)
        if (p.isOp(')')) { const e = p.next(); return { k: 'subq', query: q, loc: locOf(t, e) } }
      } catch (err) { if (!(err instanceof ParseError)) throw err }
      p.i = save
    }
    const list = parseExprList(p); const e = p.expectOp(')')
    // (t.c).field, (c).field: a field of a composite value (PostgreSQL). The parentheses stay, so parsePostfix reads
    // the field of the value and not the column as a qualifier
    if (list.length === 1 && p.isOp('.') && (p.isIdentToken(1) || (p.d.plpgsql && p.isOp('*', 1)))) return op('()', list, locOf(t, e))
    return list.length === 1 ? wrapLoc(list[0], locOf(t, e)) : op('ROW', list, locOf(t, e))
  }
  const escaped = t.image === '{' ? odbcEscape(p, t) : undefined
  if (escaped) return escaped
  if (t.image === '[' || t.image === '{') {
    // array / object constructors (BigQuery, N1QL, Snowflake)
    const close = t.image === '[' ? ']' : '}'
    p.next(); const args: Expr[] = []
    while (!p.isOp(close)) {
      if (close === '}' && (p.peek()?.kind === 'string' || p.isIdentToken()) && p.isOp(':', 1)) { p.next(); p.next() }
      args.push(parseExpr(p)); if (!p.acceptOp(',')) break
    }
    const e = p.expectOp(close)
    return op(close === ']' ? 'ARRAY' : 'OBJECT', args, locOf(t, e))
  }
  p.fail('unexpected punctuation')
}

/**
 * ODBC / JDBC escape sequences, as applications and report tools write them in T-SQL, MySQL and DB2:
 * {d '2024-01-31'}, {t '…'}, {ts '…'} are literals, {fn UCASE(x)} is the call inside
 */
function odbcEscape(p: TokenCursor, t: Token): Expr | undefined {
  const w = p.peek(1)
  if (!w || w.kind !== 'word') return undefined
  const s = p.peek(2)
  if ((w.upper === 'D' || w.upper === 'T' || w.upper === 'TS') && s?.kind === 'string' && p.isOp('}', 3)) { p.i += 4; return lit(t, p.prev(), s.image) }
  if (w.upper !== 'FN' || !p.isIdentToken(2)) return undefined
  p.i += 2
  const e = parseExpr(p)
  const c = p.expectOp('}')
  // the call stays a call (its function node), spanning the braces
  if (e.k === 'func') { e.loc = locOf(t, c); return e }
  return wrapLoc(e, locOf(t, c))
}

function wrapLoc(e: Expr, loc: Loc): Expr {
  if (e.k === 'col' || e.k === 'lit' || e.k === 'var') return e
  return op('()', [e], loc)
}

/** the words parseWordPrimary treats apart from a name (keep in step with its tests below) */
const SPECIAL_PRIMARY_WORDS = new Set(['CASE', 'LEVEL', 'CONNECT_BY_ISLEAF', 'CONNECT_BY_ISCYCLE', 'ARRAY', 'FIRST', 'OBJECT', 'ANY', 'SOME', 'EVERY', 'APPROXIMATE', 'EXISTS', 'CAST',
  'TRY_CAST', 'SAFE_CAST', 'TREAT', 'INTERVAL', 'NEXT', 'PREVIOUS', 'NEXTVAL', 'PREVVAL', 'CURRENT', 'STRUCT', 'MAP', 'USER', ...TYPED_LITERALS, ...NO_SOURCE_WORDS])

function parseWordPrimary(p: TokenCursor): Expr {
  const t = p.peek()!
  const u = t.kind === 'word' ? t.upper : ''
  // most primaries are plain names: one set lookup instead of the chain of special forms
  if (SPECIAL_PRIMARY_WORDS.has(u)) { const e = parseSpecialPrimary(p, t, u); if (e) return e }
  // the row count / status of the last statement in a procedure body: SQL%ROWCOUNT, c%FOUND (PL/SQL), ACTIVITY_COUNT …
  if (p.d.name === 'dbvoracle' && p.isOp('%', 1) && p.isAnyWord(CURSOR_ATTRIBUTES, 2)) {
    p.i += 3
    const attr = p.prev().upper
    // SQL%BULK_EXCEPTIONS(i).ERROR_INDEX, SQL%BULK_EXCEPTIONS.COUNT, SQL%BULK_ROWCOUNT(i): still a status value
    while (p.isOp('(') || (p.isOp('.') && p.isIdentToken(1))) { if (p.isOp('(')) p.skipParens(); else p.i += 2 }
    return lit(t, p.prev(), `${u}%${attr}`)
  }
  if (STATUS_VALUES[p.d.name]?.has(u) && (p as TokenCursor & { inBlock?: boolean }).inBlock && !p.isOp('.', 1) && !p.isOp('(', 1)) { p.next(); return lit(t, t, u) }
  if (SESSION_VALUES[p.d.name]?.has(u) && !p.isOp('.', 1) && !p.isOp('(', 1)) { p.next(); return lit(t, t, u) }
  if (t.kind === 'word' && p.d.variablePrefix && t.image.startsWith(p.d.variablePrefix)) { p.next(); return { k: 'var', name: t.image, loc: locOf(t, t) } }
  if (t.kind === 'word' && t.image.startsWith('@')) {
    if (t.image.startsWith('@@') && p.isOp('.', 1)) return systemVariable(p, t)
    p.next(); return { k: 'var', name: t.image, loc: locOf(t, t) }
  }
  return parseNamePrimary(p, t)
}

/** CASE, CAST, EXISTS, typed literals and the other special forms; undefined: `u` is a name here */
function parseSpecialPrimary(p: TokenCursor, t: Token, u: string): Expr | undefined {
  if (u === 'CASE') return parseCase(p)
  // LEVEL / CONNECT_BY_ISLEAF in a CONNECT BY query (Snowflake, DB2, migrated Oracle code) are the hierarchy's
  // pseudo columns; without CONNECT BY in the statement LEVEL stays a column (a log's level)
  if ((u === 'LEVEL' || u === 'CONNECT_BY_ISLEAF' || u === 'CONNECT_BY_ISCYCLE') && !p.isOp('.', 1) && !p.isOp('(', 1) && !p.isOp('.', -1) && p.d.batchWord === undefined && connectByAhead(p)) { p.next(); return lit(t, t, u) }
  if (p.d.name === 'dbvcouchbase' && (((u === 'ARRAY' || u === 'FIRST' || u === 'OBJECT') && !p.isOp('(', 1) && !p.isOp('[', 1)) || ((u === 'ANY' || u === 'SOME' || u === 'EVERY') && p.isIdentToken(1) && (p.isWord('IN', 2) || p.isWord('WITHIN', 2))))) return parseComprehension(p)
  // Redshift APPROXIMATE COUNT(DISTINCT x) / APPROXIMATE PERCENTILE_DISC(p) WITHIN GROUP (…): the aggregate, estimated
  if (u === 'APPROXIMATE' && (p.isWord('COUNT', 1) || p.isWord('PERCENTILE_DISC', 1)) && p.isOp('(', 2)) p.next()
  if (u === 'EXISTS' && p.isOp('(', 1)) {
    p.next(); p.next(); const q = parseQuery(p); const e = p.expectOp(')')
    return { k: 'exists', query: q, loc: locOf(t, e) }
  }
  // Oracle TREAT(x AS [REF] type): x seen as a subtype, the type no column
  if ((u === 'CAST' || u === 'TRY_CAST' || u === 'SAFE_CAST' || (u === 'TREAT' && p.d.name === 'dbvoracle')) && p.isOp('(', 1)) {
    p.next(); p.next(); const e = parseExpr(p)
    if (p.accept('AS') && !p.isWord('FORMAT')) { if (u === 'TREAT') p.accept('REF'); parseType(p) }
    if (p.accept('FORMAT')) parseExpr(p)
    const c = p.expectOp(')')
    return op('CAST', [e], locOf(t, c))
  }
  // Informix DATETIME (2024-01-31 10:30) YEAR TO MINUTE, INTERVAL (1:30) HOUR TO MINUTE: the parentheses hold a literal
  if (p.d.name === 'dbvinformix' && (u === 'DATETIME' || u === 'INTERVAL') && p.isOp('(', 1)) { p.next(); p.skipParens(); return lit(t, p.prev()) }
  if (u === 'INTERVAL' && startsInterval(p)) {
    // MySQL INTERVAL expr unit: any expression (INTERVAL n - 1 DAY), INTERVAL being reserved
    p.next(); const v = p.d.name === 'dbvmysql' ? parseAdditive(p) : parseUnary(p)
    // the units belong to the literal, and to the name of an unaliased column: dt + INTERVAL '1' DAY
    let end: Loc = exprLoc(v)
    while (p.isAnyWord(DATEPARTS) || p.isWord('TO')) { p.next(); if (p.isOp('(')) p.skipParens(); end = locOf(p.prev(), p.prev()) }
    return v.k === 'lit' ? lit({ line: t.line, col: t.col, eline: end.el, ecol: end.ec }) : op('INTERVAL', [v], span(locOf(t, t), end))
  }
  if (TYPED_LITERALS.has(u) && p.peek(1)?.kind === 'string') { p.next(); const s = p.next(); return lit(t, s, s.image) }
  // NEXT | PREVIOUS VALUE FOR s (DB2 also NEXTVAL | PREVVAL FOR s): a sequence's value, no column
  const seqWords = (u === 'NEXT' || u === 'PREVIOUS') && p.isWord('VALUE', 1) && p.isWord('FOR', 2) ? 3 : (u === 'NEXTVAL' || u === 'PREVVAL') && p.isWord('FOR', 1) ? 2 : 0
  if (seqWords) { p.i += seqWords; const n = p.qname(); return lit(t, p.prev(), n.parts.map(x => x.name).join('.')) }
  if (u === 'CURRENT' && p.isAnyWord(['DATE', 'TIMESTAMP', 'TIME', 'USER', 'SCHEMA', 'SERVER', 'TIMEZONE', 'PATH', 'SQLID', 'DEGREE', 'YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND', 'FRACTION'], 1)) {
    p.next(); let e = p.next()
    if (p.accept('TO')) { e = p.next(); if (p.isOp('(')) { p.skipParens(); e = p.prev() } }
    return lit(t, e)
  }
  // Teradata DATE and TIME alone are the current date and time (DATE '…' is a typed literal, above)
  if ((u === 'DATE' || u === 'TIME') && p.d.name === 'dbvteradata' && !p.isOp('.', 1) && (!p.isOp('(', 1) || attributeAfter(p)) && p.peek(1)?.kind !== 'string') { p.next(); return lit(t, t, u) }
  // Informix CURRENT alone is the current datetime
  if (u === 'CURRENT' && p.d.name === 'dbvinformix' && !p.isOp('.', 1) && !p.isWord('OF', 1)) { p.next(); return lit(t, t, u) }
  if (u === 'ARRAY' && p.isOp('(', 1) && startsQuery(p, 2)) {
    p.next(); p.next(); const q = parseQuery(p); const e = p.expectOp(')')
    return { k: 'subq', query: q, loc: locOf(t, e) }
  }
  if ((u === 'ARRAY' || u === 'STRUCT' || u === 'MAP') && (p.isOp('[', 1) || p.isOp('<', 1))) {
    p.next(); if (p.isOp('<')) parseTypeArgs(p)
    if (p.isOp('(')) return parseFuncArgs(p, t, u)
    return parsePunctPrimary(p)
  }
  if (NO_SOURCE_WORDS.has(u) && !p.isOp('.', 1) && (!p.isOp('(', 1) || attributeAfter(p))) { p.next(); return lit(t, t, u) }
  // PostgreSQL family: bare USER is a reserved word, CURRENT_USER (a column of that name is written "user")
  if (u === 'USER' && p.d.plpgsql && t.kind === 'word' && !p.isOp('.', 1) && !p.isOp('(', 1)) { p.next(); return lit(t, t, u) }
  return undefined
}

/**
 * INTERVAL '1' DAY, INTERVAL 7 DAY, INTERVAL -1 HOUR, INTERVAL n MINUTE, INTERVAL $1: a literal; otherwise
 * (interval + 1, CAST(interval AS INT), ORDER BY interval) a column of that name
 */
let intervalLookahead = false
function startsInterval(p: TokenCursor): boolean {
  const n = p.peek(1)
  if (!n) return false
  if (n.kind === 'string' || n.kind === 'number' || n.kind === 'param') return true
  // MySQL INTERVAL expr unit (INTERVAL n - 1 DAY, INTERVAL (n * 7) DAY): an expression and a unit after it;
  // INTERVAL(n, a, b …) is the function, and interval * 2 a column
  // (one look-ahead at a time: INTERVAL INTERVAL … must not look ahead at each)
  if (p.d.name === 'dbvmysql' && !intervalLookahead && (n.kind === 'word' || n.kind === 'qident' || n.image === '(')) {
    const s0 = p.i
    p.i++
    let unit = false
    intervalLookahead = true
    try { parseAdditive(p); unit = p.isAnyWord(DATEPARTS) } catch (e) { if (!(e instanceof ParseError)) throw e } finally { intervalLookahead = false }
    p.i = s0
    return unit
  }
  // INTERVAL -1 HOUR, not interval - 1
  if (n.kind === 'op' && (n.image === '-' || n.image === '+')) return p.peek(2)?.kind === 'string' || p.isAnyWord(DATEPARTS, 3)
  // INTERVAL n MINUTE, INTERVAL j.every_min MINUTE
  let k = 1
  while (p.isIdentToken(k) && p.isOp('.', k + 1)) k += 2
  return p.isIdentToken(k) && p.isAnyWord(DATEPARTS, k + 1)
}

/** Teradata `CURRENT_DATE (FORMAT 'YYYY-MM-DD')`: the `(` after this word opens an attribute phrase, not arguments */
function attributeAfter(p: TokenCursor): boolean {
  if (p.d.name !== 'dbvteradata') return false
  p.i++
  const yes = teradataAttribute(p)
  p.i--
  return yes
}

const CURSOR_ATTRIBUTES = new Set(['ROWCOUNT', 'FOUND', 'NOTFOUND', 'ISOPEN', 'BULK_ROWCOUNT', 'BULK_EXCEPTIONS'])
/** per dialect, the words a procedure body reads the last statement's outcome from (never a column there) */
const STATUS_VALUES: Partial<Record<string, Set<string>>> = {
  dbvteradata: new Set(['ACTIVITY_COUNT']),
  dbvsnowflake: new Set(['SQLROWCOUNT', 'SQLFOUND', 'SQLNOTFOUND', 'SQLID']),
  dbvnetezza: new Set(['ROW_COUNT']),
}

/**
 * Per-dialect words that read the session, not a column: Oracle USER / UID and the system-event attributes
 * of DDL and database triggers (ora_sysevent …), DB2 special register USER, Informix USER / SITENAME, Teradata USER / SESSION.
 * Audit triggers write them (VALUES (:old.id, USER, SYSDATE)); as columns they were orphans
 */
const SESSION_VALUES: Partial<Record<string, Set<string>>> = {
  // and the pseudo columns of Oracle and Informix (ROWNUM, LEVEL, ROWID, TODAY): elsewhere these are
  // common column names (a log's level, ROW_NUMBER() … AS rownum read by the outer query)
  dbvoracle: new Set(['ROWNUM', 'LEVEL', 'ROWID', 'USER', 'UID', 'ORA_SYSEVENT', 'ORA_LOGIN_USER', 'ORA_DICT_OBJ_NAME', 'ORA_DICT_OBJ_OWNER', 'ORA_DICT_OBJ_TYPE',
    'ORA_DATABASE_NAME', 'ORA_CLIENT_IP_ADDRESS', 'ORA_INSTANCE_NUM', 'ORA_SERVER_ERROR_DEPTH']),
  dbvdb2: new Set(['USER']),
  // Teradata reserves these built-in values (INSERT INTO audit VALUES (USER, SESSION, CURRENT_TIMESTAMP))
  dbvteradata: new Set(['USER', 'SESSION', 'ACCOUNT', 'ROLE', 'PROFILE']),
  dbvinformix: new Set(['USER', 'SITENAME', 'DBSERVERNAME', 'TODAY', 'LEVEL', 'ROWID']),
  // T-SQL and ASE niladic USER (DEFAULT USER, INSERT … VALUES (USER, GETDATE()))
  dbvmssql: new Set(['USER']),
  dbvsybase: new Set(['USER']),
}

const XML_METHODS = new Set(['VALUE', 'QUERY', 'EXIST', 'NODES', 'MODIFY',
  // the methods of the geometry / geography and hierarchyid types: shape.STAsText(), node.GetLevel() read the column
  'STASTEXT', 'STASBINARY', 'STDISTANCE', 'STINTERSECTS', 'STCONTAINS', 'STWITHIN', 'STBUFFER', 'STAREA', 'STLENGTH',
  'STCENTROID', 'STENVELOPE', 'STGEOMETRYTYPE', 'STISVALID', 'STNUMPOINTS', 'STPOINTN', 'STSTARTPOINT', 'STENDPOINT',
  'STUNION', 'STINTERSECTION', 'MAKEVALID', 'ASTEXTZM', 'TOSTRING', 'GETLEVEL', 'GETANCESTOR', 'GETDESCENDANT',
  'ISDESCENDANTOF', 'GETREPARENTEDVALUE'])
/** T-SQL `col.value(…)`, `t.col.nodes(…)`: the method's name, when `name` ends with an xml method of a column */
export function xmlMethod(p: TokenCursor, name: QName): string | undefined {
  if (name.parts.length < 2 || (p.d.name !== 'dbvmssql' && p.d.name !== 'dbvsybase')) return undefined
  const last = name.parts[name.parts.length - 1]
  const u = last.quoted ? '' : last.name.toUpperCase()
  return XML_METHODS.has(u) ? u : undefined
}

/** what an xml method reads: the column before it, or a variable (@doc.nodes('/r'), a parameter the body never declared) */
export function xmlMethodSubject(p: TokenCursor, name: QName): Expr {
  const parts = name.parts.slice(0, -1)
  const v = parts.length === 1 && !parts[0].quoted && p.d.variablePrefix && parts[0].name.startsWith(p.d.variablePrefix)
  return v ? { k: 'var', name: parts[0].name, loc: parts[0].loc } : { k: 'col', name: { parts, loc: name.loc } }
}

/** whether the statement holds a CONNECT BY (after the cursor, or before it for a LEVEL in WHERE / ORDER BY) */
function connectByAhead(p: TokenCursor): boolean {
  const toks = p.toks
  const at = (j: number) => toks[j].kind === 'word' && toks[j].upper === 'CONNECT' && toks[j + 1]?.kind === 'word' && toks[j + 1].upper === 'BY'
  for (let j = p.i + 1; j < toks.length - 1 && toks[j].image !== ';'; j++) if (at(j)) return true
  for (let j = p.i - 1; j >= 0 && toks[j].image !== ';'; j--) if (at(j)) return true
  return false
}

/** a name: column, qualified column, star, or a function call */
function parseNamePrimary(p: TokenCursor, t: Token): Expr {
  const name = p.qname()
  // a plain column reference (most are) is followed by a word or nothing: none of the forms below
  const n = p.peek()
  if (!n || (n.kind !== 'op' && n.kind !== 'punct')) return nextval(name, p, t) ?? { k: 'col', name }
  if (p.isOp('.') && p.isOp('*', 1)) {
    p.next(); const s = p.next()
    return finishStar(p, { k: 'star', qualifier: name, loc: mkLoc(name.loc.sl, name.loc.sc, s.eline, s.ecol) })
  }
  // Oracle outer-join marker col(+)
  if (p.isOp('(') && p.isOp('+', 1) && p.isOp(')', 2)) { p.i += 3; return { k: 'col', name } }
  if (p.isOp('(') && !(p.d.name === 'dbvteradata' && teradataAttribute(p))) {
    // T-SQL xml methods on a column: x.value('…', 'int'), t.doc.query('…'): the column is the first argument
    const method = xmlMethod(p, name)
    if (method) {
      const f = parseFuncArgs(p, t, method)
      if (f.k === 'func') f.args.unshift(xmlMethodSubject(p, name))
      return f
    }
    const one = name.parts.length === 1 && !name.parts[0].quoted ? name.parts[0].k : undefined
    return parseFuncArgs(p, t, one ?? name.parts.map(x => x.name.toUpperCase()).join('.'))
  }
  const seq = nextval(name, p, t)
  if (seq) return seq
  // Oracle outer-join marker col(+)
  if (p.isOp('(') && p.isOp('+', 1) && p.isOp(')', 2)) p.i += 3
  return { k: 'col', name }
}

/** sequence.NEXTVAL / CURRVAL: a value, not a column (upper-cased only when it can be: this runs for every column reference) */
function nextval(name: QName, p: TokenCursor, t: Token): Expr | undefined {
  if (name.parts.length < 2 || name.parts[name.parts.length - 1].name.length !== 7) return undefined
  const last = name.parts[name.parts.length - 1].name.toUpperCase()
  return last === 'NEXTVAL' || last === 'CURRVAL' ? lit(t, p.prev()) : undefined
}

function parseTypeArgs(p: TokenCursor): void {
  let depth = 0
  do { const t = p.next(); if (t.image === '<') depth++; else if (t.image === '>') depth--; else if (t.image === '>>') depth -= 2 } while (depth > 0 && !p.eof())
}

function finishStar(p: TokenCursor, star: Extract<Expr, { k: 'star' }>): Expr {
  // BigQuery / Snowflake: * EXCEPT (a, b), * REPLACE (expr AS c), * EXCLUDE (a)
  for (;;) {
    if ((p.isWord('EXCEPT') || p.isWord('EXCLUDE')) && (p.isOp('(', 1) || p.isIdentToken(1))) {
      p.next(); const paren = p.acceptOp('(')
      star.except = [p.ident()]; while (paren && p.acceptOp(',')) star.except.push(p.ident())
      if (paren) p.expectOp(')'); continue
    }
    if (p.isWord('REPLACE') && p.isOp('(', 1)) {
      p.next(); p.next(); star.replace = []
      do { const e = parseExpr(p); p.accept('AS'); const a = p.ident(); star.replace.push({ expr: e, alias: a, loc: span(e, a.loc) }) } while (p.acceptOp(','))
      p.expectOp(')'); continue
    }
    if (p.isWord('ILIKE') && p.peek(1)?.kind === 'string') { p.next(); const t = p.next(); star.ilike = t.image.slice(1, -1).replace(/''/g, "'"); continue }
    // Snowflake * RENAME (a AS b, …) | * RENAME a AS b: the column keeps its source under a new name
    if (p.isWord('RENAME') && (p.isOp('(', 1) || (p.isIdentToken(1) && p.isWord('AS', 2)))) {
      p.next(); const paren = p.acceptOp('('); star.rename ??= []
      do { const from = p.ident(); p.expect('AS'); star.rename.push({ from, to: p.ident() }) } while (paren && p.acceptOp(','))
      if (paren) p.expectOp(')'); continue
    }
    return star
  }
}

/** N1QL: ARRAY e FOR v IN arr [WHEN c] END, ANY|EVERY v IN arr SATISFIES c END — v stands for arr's elements (N6) */
function parseComprehension(p: TokenCursor): Expr {
  const t = p.next()
  const u = t.upper
  const parts: Expr[] = []
  const bound: string[] = []
  let body: Expr | undefined
  if (u === 'ARRAY' || u === 'FIRST' || u === 'OBJECT') { body = parseExpr(p); if (u === 'OBJECT' && p.acceptOp(':')) parseExpr(p); p.expect('FOR') }
  do {
    bound.push(p.ident().name.toUpperCase())
    if (!p.accept('IN')) p.expect('WITHIN')
    parts.push(parseExpr(p))
  } while (p.acceptOp(','))
  const conds: Expr[] = []
  if (p.accept('WHEN') || p.accept('SATISFIES')) conds.push(parseExpr(p))
  const e = p.expect('END')
  const keep = (x: Expr): boolean => !(x.k === 'col' && bound.includes(x.name.parts[0].name.toUpperCase()))
  const strip = (x: Expr): Expr[] => (x.k === 'col' ? (keep(x) ? [x] : []) : x.k === 'op' || x.k === 'func' ? x.args.flatMap(strip) : [x])
  return op('ARRAY', [...parts, ...(body ? strip(body) : []), ...conds.flatMap(strip)], locOf(t, e))
}

function parseCase(p: TokenCursor): Expr {
  const t = p.next()
  const operand = p.isWord('WHEN') ? undefined : parseExpr(p)
  const whens: Array<{ when: Expr; then: Expr }> = []
  while (p.accept('WHEN')) { const w = parseExpr(p); p.expect('THEN'); whens.push({ when: w, then: parseExpr(p) }) }
  const els = p.accept('ELSE') ? parseExpr(p) : undefined
  const e = p.expect('END')
  return { k: 'case', operand, whens, else: els, loc: locOf(t, e) }
}

/** words inside a function's parentheses that are syntax, not arguments: EXTRACT(… FROM x), TRIM(BOTH …), LISTAGG(… WITH COUNT) */
const ARG_KEYWORDS = ['FORMAT', 'TITLE', 'NAMED', 'SEPARATOR', 'FROM', 'FOR', 'IN', 'USING', 'PLACING', 'BOTH', 'LEADING', 'TRAILING', 'IGNORE',
  'RESPECT', 'NULLS', 'ON', 'OVERFLOW', 'WITH', 'COUNT', 'TRUNCATE', 'WITHOUT', 'ERROR', 'EMPTY', 'ABSENT', 'RETURNING', 'KEEP',
  // JSON_QUERY(j, p … PRETTY WITH CONDITIONAL WRAPPER)
  'PRETTY', 'WRAPPER', 'CONDITIONAL', 'UNCONDITIONAL']
/** JSON_QUERY(… WITH CONDITIONAL ARRAY WRAPPER), WITHOUT WRAPPER */
const JSON_WRAPPER_WORDS = ['CONDITIONAL', 'UNCONDITIONAL', 'ARRAY', 'WRAPPER']
/** of those, the ones that are also common column names (title, format, count …) */
const SOFT_ARG_KEYWORDS = new Set(['FORMAT', 'TITLE', 'NAMED', 'SEPARATOR', 'OVERFLOW', 'COUNT', 'TRUNCATE', 'ERROR', 'EMPTY', 'ABSENT', 'KEEP',
  'PRETTY', 'WRAPPER', 'CONDITIONAL', 'UNCONDITIONAL'])

/** upper(title), match(title, body): a soft keyword that starts an argument and is followed by `,` `)` `.` or an operator is a column */
function isColumnNamedLikeArgKeyword(p: TokenCursor): boolean {
  if (!SOFT_ARG_KEYWORDS.has(p.peek()!.upper)) return false
  const before = p.peek(-1), after = p.peek(1)
  const atStart = !!before && before.kind === 'punct' && (before.image === '(' || before.image === ',')
  return atStart && !!after && (after.kind === 'op' || (after.kind === 'punct' && (after.image === ',' || after.image === ')' || after.image === '.')) || after.upper === 'AS')
}

function parseFuncArgs(p: TokenCursor, start: import('../lexer/lexer.js').Token, fname: string): Expr {
  p.expectOp('(')
  const upper = fname.split('.').pop()!
  const args: Expr[] = []
  const within: Expr[] = []
  let distinct = false
  let star = false
  if (p.accept('DISTINCT')) distinct = true
  else p.accept('ALL')
  if (p.isOp('*') && p.isOp(')', 1)) { p.next(); star = true }
  // XMLELEMENT(NAME tag, …), XMLPI(NAME target …): the tag is a name, not a column; Oracle writes it
  // without NAME (XMLELEMENT(e, ename || ','), XMLELEMENT("emp", …)) and may escape it first
  if (upper === 'XMLELEMENT' || upper === 'XMLPI') {
    if (!p.accept('ENTITYESCAPING')) p.accept('NOENTITYESCAPING')
    if (p.isWord('NAME') && p.isIdentToken(1)) p.i += 2
    else if (!p.accept('EVALNAME') && p.isIdentToken() && (p.isOp(',', 1) || p.isOp(')', 1))) p.next()
  }
  while (!p.isOp(')')) {
    if (p.isOp(',')) { p.next(); continue }
    if (p.isWord('ORDER') && p.isWord('BY', 1)) { p.i += 2; within.push(...parseOrderList(p)); continue }
    if (p.isAnyWord(ARG_KEYWORDS) && !isColumnNamedLikeArgKeyword(p)) {
      const w = p.next().upper
      if (w === 'USING' && p.isIdentToken() && !p.isOp('(', 1)) { p.next(); continue }
      if ((w === 'IGNORE' || w === 'RESPECT') && p.isWord('NULLS')) { p.next(); continue }
      // JSON_OBJECT(… RETURNING CLOB), JSON_VALUE(x, '$.a' RETURNING NUMBER(10)): a type, not a column
      if (w === 'RETURNING' && p.isIdentToken()) parseType(p)
      if (w === 'WITH' || w === 'WITHOUT') while (p.isAnyWord(JSON_WRAPPER_WORDS)) p.next()
      continue
    }
    if (p.isWord('AS') && args.length > 0) { p.next(); if (!p.isOp(')')) parseType(p); continue }
    // JSON_OBJECT(KEY 'k' VALUE v)
    if (p.isWord('KEY') && p.peek(1)?.kind === 'string') { p.next(); continue }
    // f(name => v); PostgreSQL also takes the older f(name := v)
    if (p.isIdentToken() && (p.isOp('=>', 1) || (p.d.plpgsql && p.isOp(':=', 1)))) { p.i += 2; args.push(parseExpr(p)); continue }
    if (upper === 'LIMIT' || p.isWord('LIMIT')) { p.next(); parseExpr(p); continue }
    // Teradata CASE_N / RANGE_N (…, NO CASE | NO RANGE [OR UNKNOWN], UNKNOWN): the catch-all partitions, no columns
    if ((upper === 'CASE_N' || upper === 'RANGE_N') && (p.isWord('UNKNOWN') || (p.isWord('NO') && p.isAnyWord(['CASE', 'RANGE'], 1)))) {
      if (p.accept('NO')) { p.next(); if (p.isWord('OR') && p.isWord('UNKNOWN', 1)) p.i += 2 } else p.next()
      continue
    }
    if (startsQuery(p) && !p.isOp('(')) { const q = parseQuery(p); args.push({ k: 'subq', query: q, loc: q.loc }); continue }
    if (p.d.lambdas) { const params = lambdaParams(p); if (params) { args.push(parseLambda(p, params)); continue } }
    args.push(parseExpr(p))
    if (p.isIdentToken() && !p.isAnyWord(['ORDER', 'SEPARATOR', 'FROM', 'FOR', 'IN', 'USING', 'AS', 'IGNORE', 'RESPECT', 'NULLS', 'ON', 'LIMIT', 'RETURNING', 'WITH', 'WITHOUT']) && upper !== 'STRUCT') {
      // typed/keyword glue we don't model (e.g. JSON_VALUE(x, 'p' RETURNING …)); skip one word
      p.next()
    }
  }
  let end = p.expectOp(')')
  fixKeywordArgs(p, upper, args)
  const fn: Extract<Expr, { k: 'func' }> = { k: 'func', name: upper, args, distinct, star, loc: locOf(start, end) }
  if (within.length) fn.within = within
  for (;;) {
    if (p.isWord('WITHIN') && p.isWord('GROUP', 1)) { p.i += 2; p.expectOp('('); p.expect('ORDER'); p.expect('BY'); (fn.within ??= []).push(...parseOrderList(p)); end = p.expectOp(')'); continue }
    if (p.isWord('FILTER') && p.isOp('(', 1)) { p.i += 2; p.expect('WHERE'); fn.filter = parseExpr(p); end = p.expectOp(')'); continue }
    if ((p.isWord('IGNORE') || p.isWord('RESPECT')) && p.isWord('NULLS', 1)) { p.i += 2; end = p.prev(); continue }
    if (p.isWord('KEEP') && p.isOp('(', 1)) { p.i += 2; while (!p.isOp(')') && !p.eof()) { if (p.acceptSeq('ORDER', 'BY')) (fn.within ??= []).push(...parseOrderList(p)); else p.next() } end = p.expectOp(')'); continue }
    if (p.isWord('OVER')) { p.next(); fn.over = parseWindow(p); end = p.prev(); continue }
    break
  }
  fn.loc = locOf(start, end)
  return fn
}

/**
 * The parameters of a lambda at the cursor (`x ->`, `(k, v) ->`, Snowflake `(x INT) ->`), consumed
 * with the arrow; undefined, nothing consumed, when no lambda starts here
 */
function lambdaParams(p: TokenCursor): string[] | undefined {
  if (p.isIdentToken() && (p.isOp('->', 1) || (p.isIdentToken(1) && p.isOp('->', 2)))) {
    const id = p.ident()
    if (!p.isOp('->')) p.next()
    p.next()
    return [id.name.toUpperCase()]
  }
  if (!p.isOp('(') || !p.isIdentToken(1)) return undefined
  const names: string[] = []
  let k = 1
  for (;;) {
    if (!p.isIdentToken(k)) return undefined
    names.push(identOf(p.peek(k)!).name.toUpperCase())
    k++
    // a typed parameter (Snowflake): the type's words and (precision)
    while (p.isIdentToken(k)) k++
    if (p.isOp('(', k)) { while (!p.isOp(')', k) && p.peek(k)) k++; k++ }
    if (p.isOp(',', k)) { k++; continue }
    if (p.isOp(')', k) && p.isOp('->', k + 1)) { p.i += k + 2; return names }
    return undefined
  }
}

/** a lambda's body, with its parameters (and their fields, x.f) taken out: what is left are the columns it reads */
function parseLambda(p: TokenCursor, params: string[]): Expr {
  const body = parseExpr(p)
  return op('LAMBDA', [unbind(body, params)], exprLoc(body))
}

function unbind(e: Expr, params: string[]): Expr {
  switch (e.k) {
    case 'col': return params.includes(e.name.parts[0].name.toUpperCase()) && !e.name.parts[0].quoted ? { k: 'lit', loc: e.name.loc } : e
    case 'op': return { ...e, args: e.args.map((a) => unbind(a, params)) }
    case 'func': {
      const f: Extract<Expr, { k: 'func' }> = { ...e, args: e.args.map((a) => unbind(a, params)) }
      if (e.within) f.within = e.within.map((a) => unbind(a, params))
      if (e.filter) f.filter = unbind(e.filter, params)
      if (e.over) f.over = { partition: e.over.partition.map((a) => unbind(a, params)), order: e.over.order.map((a) => unbind(a, params)) }
      return f
    }
    case 'case': {
      const c: Extract<Expr, { k: 'case' }> = { ...e, whens: e.whens.map((w) => ({ when: unbind(w.when, params), then: unbind(w.then, params) })) }
      if (e.operand) c.operand = unbind(e.operand, params)
      if (e.else) c.else = unbind(e.else, params)
      return c
    }
    case 'in': return e.list ? { ...e, expr: unbind(e.expr, params), list: e.list.map((a) => unbind(a, params)) } : { ...e, expr: unbind(e.expr, params) }
    case 'cmpq': return { ...e, expr: unbind(e.expr, params) }
    default: return e
  }
}

const DB2_DATE_FORMATS = new Set(['ISO', 'USA', 'EUR', 'JIS', 'LOCAL'])

/** a date part keyword: YEAR, dd … and the ODBC interval names SQL_TSI_DAY … (TIMESTAMPADD) */
const isDatePart = (u: string): boolean => DATEPARTS.has(u) || u.startsWith('SQL_TSI_')

const WEEKDAYS = new Set(['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'])
const NORMAL_FORMS = new Set(['NFC', 'NFD', 'NFKC', 'NFKD'])
/** an unquoted one-part name, upper-cased (a keyword argument where the function takes one), or undefined */
const bareWord = (a: Expr): string | undefined => a.k === 'col' && a.name.parts.length === 1 && !a.name.parts[0].quoted ? a.name.parts[0].name.toUpperCase() : undefined
/** an unquoted one-part name in `words`: a keyword argument, not a column */
const bareWordIn = (a: Expr, words: Set<string>): boolean => words.has(bareWord(a) ?? '')

/** Informix qualifier precision at k: DAY(3), FRACTION(5) */
const qualifierPrecision = (p: TokenCursor, k: number): boolean => p.d.name === 'dbvinformix' && p.isOp('(', k) && p.peek(k + 1)?.kind === 'number' && p.isOp(')', k + 2)

function isBareDatePart(a: Expr): boolean {
  const w = bareWord(a)
  return w !== undefined && isDatePart(w)
}

function fixKeywordArgs(p: TokenCursor, name: string, args: Expr[]): void {
  // MySQL / Spark DATEDIFF(a, b) takes no unit
  if (DATEPART_FUNCS.has(name) && args.length > 1 && !(args.length === 2 && name === 'DATEDIFF')) {
    // the unit is the first argument (DATEADD(day, 1, d), EXTRACT(YEAR FROM d)) or, in BigQuery's and
    // Snowflake's later forms, the last (DATE_DIFF(a, b, DAY), TIME_SLICE(d, 4, HOUR)): only there is a
    // bare DAY or D the unit; elsewhere it is a column, and date, day, d … are common column names
    if (name === 'EXTEND') {
      // Informix EXTEND(d, YEAR TO DAY): the qualifier's two units
      for (let i = 1; i < args.length; i++) if (isBareDatePart(args[i])) args[i] = { k: 'lit', loc: exprLoc(args[i]) }
    } else {
      const at = UNIT_LAST.has(name) || (p.d.name === 'dbvbigquery' && name !== 'EXTRACT') ? args.length - 1 : 0
      if (isBareDatePart(args[at])) args[at] = { k: 'lit', loc: exprLoc(args[at]) }
    }
    for (let i = 0; i < args.length; i++) {
      const a = args[i]
      // BigQuery DATE_TRUNC(d, WEEK(SUNDAY)), DATE_DIFF(a, b, ISOWEEK(MONDAY)): a week starting on that day
      if (a.k === 'func' && a.args.length === 1 && isDatePart(a.name.toUpperCase()) && bareWordIn(a.args[0], WEEKDAYS)) args[i] = { k: 'lit', loc: a.loc }
    }
  }
  // EXTRACT(field FROM x): the field is always a name of a part (isodow, timezone_abbr …), never a column
  if (name === 'EXTRACT' && args.length === 2 && bareWord(args[0]) !== undefined) args[0] = { k: 'lit', loc: exprLoc(args[0]) }
  // BigQuery NORMALIZE(s, NFD): the Unicode normal form
  if ((name === 'NORMALIZE' || name === 'NORMALIZE_AND_CASEFOLD') && args.length === 2 && bareWordIn(args[1], NORMAL_FORMS)) args[1] = { k: 'lit', loc: exprLoc(args[1]) }
  // DB2 CHAR(d, ISO | USA | EUR | JIS | LOCAL): the second argument names a date format
  if ((name === 'CHAR' || name === 'VARCHAR') && p.d.name === 'dbvdb2' && args.length === 2 && bareWordIn(args[1], DB2_DATE_FORMATS)) args[1] = { k: 'lit', loc: exprLoc(args[1]) }
  // MariaDB NEXTVAL(seq), LASTVAL(seq), SETVAL(seq, n): the argument names a sequence, not a column
  if ((name === 'NEXTVAL' || name === 'LASTVAL' || name === 'SETVAL') && p.d.name === 'dbvmysql' && args.length >= 1) args[0] = { k: 'lit', loc: exprLoc(args[0]) }
  // MySQL CONVERT(x, type): the type is no column (CONVERT(x, CHAR), CONVERT(d, DATE))
  if (name === 'CONVERT' && p.d.name === 'dbvmysql' && args.length === 2) args.length = 1
  // SELECT IDENTITY(INT, 1, 1) AS id INTO t (T-SQL / ASE): a new numbering column of that type, no column of the source
  if (name === 'IDENTITY' && p.d.batchWord !== undefined && args.length >= 1) args.splice(0, args.length, { k: 'lit', loc: exprLoc(args[0]) })
  // CONVERT(type, x[, style]): T-SQL, ASE, and Redshift's CONVERT(INTEGER, x)
  if ((name === 'CONVERT' || name === 'TRY_CONVERT') && (p.d.name === 'dbvmssql' || p.d.name === 'dbvsybase' || (p.d.name === 'dbvredshift' && args.length === 2)) && args.length >= 2) {
    args[0] = { k: 'lit', loc: exprLoc(args[0]) }
    if (args.length > 2) args.length = 2
  }
}

export function parseWindow(p: TokenCursor): WindowSpec {
  const w: WindowSpec = { partition: [], order: [] }
  if (!p.isOp('(')) { p.referWindow(w); return w }
  p.next()
  if (p.isIdentToken() && !p.isAnyWord(['PARTITION', 'ORDER', 'ROWS', 'RANGE', 'GROUPS'])) p.referWindow(w)
  if (p.acceptSeq('PARTITION', 'BY')) w.partition = parseExprList(p)
  if (p.acceptSeq('ORDER', 'BY')) w.order = parseOrderList(p)
  // frame clause: skip to the closing paren
  let depth = 0
  while (!p.eof()) {
    if (p.isOp('(')) depth++
    if (p.isOp(')')) { if (depth === 0) break; depth-- }
    p.next()
  }
  p.expectOp(')')
  return w
}

export function parseOrderList(p: TokenCursor): Expr[] {
  const out: Expr[] = []
  do {
    out.push(parseExpr(p))
    p.accept('ASC') || p.accept('DESC')
    if (p.accept('USING')) p.next()
    if (p.accept('NULLS')) p.next()
  } while (p.acceptOp(','))
  return out
}

/** `more`: where the further outputs of a Hive table-generating function go (explode(m) AS (k, v)), each an item from the same call */
export function parseSelectItem(p: TokenCursor, more?: SelectItem[]): SelectItem {
  const start = p.peek()!
  // T-SQL: alias = expr
  if (p.isIdentToken() && p.isOp('=', 1) && (p.d.name === 'dbvmssql' || p.d.name === 'dbvsybase') && !p.peek()!.image.startsWith('@')) {
    const alias = p.ident(); p.next(); const expr = parseExpr(p)
    return { expr, alias, loc: locOf(start, p.prev()) }
  }
  // T-SQL SELECT @v += expr: @v = @v + expr
  const t0 = p.peek()
  if (t0 && t0.kind === 'word' && t0.image.startsWith('@') && p.d.batchWord !== undefined) {
    if (p.compoundAssign(1)) {
      p.next(); const o = p.acceptCompoundAssign()!
      const v: Expr = { k: 'var', name: t0.image, loc: locOf(t0, t0) }
      const value = parseExpr(p)
      return { expr: op('=', [v, op(o, [v, value], span(v, value))], span(v, value)), loc: locOf(start, p.prev()) }
    }
  }
  // a bare * is never an operand: * ILIKE 'p' (Snowflake) filters the star's columns
  let expr: Expr
  if (p.isOp('*')) { const t = p.next(); expr = finishStar(p, { k: 'star', loc: locOf(t, t) }) } else {
    const v0 = p.i
    expr = parseExpr(p)
    // T-SQL SELECT @sql = N'INSERT …': the text of dynamic SQL, like SET's
    if (t0 && t0.kind === 'word' && t0.image.startsWith('@') && p.d.batchWord !== undefined && p.toks[v0 + 1]?.kind === 'op' && p.toks[v0 + 1].image === '=') noteSqlVar(p, t0.image, v0 + 2, p.i)
    if (expr.k === 'star') expr = finishStar(p, expr)
  }
  let alias
  if (more && p.isWord('AS') && p.isOp('(', 1) && p.isIdentToken(2)) {
    p.i += 2
    const names = [p.ident()]
    while (p.acceptOp(',')) names.push(p.ident())
    p.expectOp(')')
    const loc = locOf(start, p.prev())
    for (const n of names.slice(1)) more.push({ expr, alias: n, loc })
    return { expr, alias: names[0], loc }
  }
  if (p.accept('AS')) alias = aliasIdent(p)
  else if (canBeAlias(p)) alias = aliasIdent(p)
  return { expr, alias, loc: locOf(start, p.prev()) }
}

function aliasIdent(p: TokenCursor) {
  const t = p.peek()
  if (t && t.kind === 'string') { p.next(); return identOf(t) }
  return p.ident()
}

/** an implicit alias: an identifier that is not a clause keyword */
export function canBeAlias(p: TokenCursor, k = 0): boolean {
  const t = p.peek(k)
  if (!t) return false
  if (t.kind === 'qident') return true
  if (t.kind === 'string' && (p.d.name === 'dbvmssql' || p.d.name === 'dbvsybase' || p.d.name === 'dbvmysql')) return true
  // PL/SQL SELECT … BULK COLLECT INTO: BULK starts the INTO clause
  if (t.kind === 'word' && t.upper === 'BULK' && p.isWord('COLLECT', k + 1)) return false
  // Oracle DML error logging: INSERT … SELECT … FROM src LOG ERRORS [INTO e] (LOG was src's alias)
  if (t.kind === 'word' && t.upper === 'LOG' && p.isWord('ERRORS', k + 1)) return false
  // join modifiers (t ASOF JOIN u, t POSITIONAL JOIN u), Sybase t AT ISOLATION 0 and t PLAN "…"
  if (t.kind === 'word' && JOIN_MODIFIERS.has(t.upper) && p.isWord('JOIN', k + 1)) return false
  // T-SQL / Sybase need no terminator: a line that starts with a statement word (WAITFOR, DEALLOCATE, GOTO) starts the next statement
  if (t.bol && p.startsStatementLine(k)) return false
  if (t.bol && p.d.batchWord !== undefined && p.isOp(':', k + 1)) return false
  if (t.kind === 'word' && ((t.upper === 'AT' && p.isWord('ISOLATION', k + 1)) || (t.upper === 'PLAN' && (p.peek(k + 1)?.kind === 'string' || p.peek(k + 1)?.kind === 'qident')))) return false
  // BigQuery and others do not reserve UNIQUE: ARRAY_AGG(x LIMIT 1)[OFFSET(0)] unique; Teradata's UNIQUE PRIMARY INDEX stays DDL
  if (t.kind === 'word' && t.upper === 'UNIQUE') return !p.isAnyWord(['PRIMARY', 'INDEX', 'KEY'], k + 1) && !p.isOp('(', k + 1) && !startsOperand(p.peek(k + 1))
  return t.kind === 'word' && !isClauseWord(p, t.upper)
}

const JOIN_MODIFIERS = new Set(['ASOF', 'POSITIONAL', 'ANY', 'GLOBAL', 'SEMI', 'ANTI', 'PASTE'])

export function isClauseWord(p: TokenCursor, u: string): boolean {
  return CLAUSE_WORDS.has(u) || (p.d.name === 'dbvteradata' && (u === 'SAMPLE' || u === 'EXPAND'))
}

