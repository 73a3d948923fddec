import type { Token } from '../lexer/lexer.js'
import type { DialectSpec } from '../dialects/spec.js'
import { mkLoc, type Ident, type Loc, type QName, type WindowSpec } from '../ast/types.js'

export class ParseError extends Error {
  constructor(message: string, readonly token: Token | undefined) { super(message) }
}

/** Words that end an expression or a FROM item, so they are never taken as an implicit alias. */
export const CLAUSE_WORDS = new Set([
  'FROM', 'WHERE', 'GROUP', 'HAVING', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'UNION', 'INTERSECT', 'EXCEPT', 'MINUS',
  'JOIN', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'OUTER', 'CROSS', 'NATURAL', 'ON', 'USING', 'WINDOW', 'QUALIFY', 'INTO',
  'VALUES', 'SET', 'RETURNING', 'OUTPUT', 'WHEN', 'THEN', 'ELSE', 'END', 'AND', 'OR', 'NOT', 'AS', 'SELECT', 'LATERAL',
  'APPLY', 'CONNECT', 'START', 'PIVOT', 'UNPIVOT', 'TABLESAMPLE', 'FOR', 'WITH', 'DISTRIBUTE', 'SORT', 'CLUSTER',
  'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'GO', 'BEGIN', 'DECLARE', 'IF', 'WHILE', 'EXEC', 'EXECUTE', 'RETURN',
  'CREATE', 'ALTER', 'DROP', 'TRUNCATE', 'IS', 'NULL', 'LIKE', 'IN', 'BETWEEN', 'ILIKE', 'RLIKE', 'REGEXP', 'ALL',
  'STRAIGHT_JOIN', 'PREWHERE', 'SEMI', 'ANTI', 'OPTION', 'UNIQUE', 'ELSIF', 'ELSEIF', 'LOOP', 'EXCEPTION', 'COMMIT',
  'ROLLBACK', 'PRINT', 'OPEN', 'CLOSE', 'FETCH', 'RAISERROR', 'THROW', 'MODEL', 'MATCH_RECOGNIZE', 'NATURAL',
  'FORMAT', 'ESCAPE', 'OVER', 'FILTER', 'UPSERT', 'REPLACE', 'NEST', 'UNNEST', 'LET', 'USE', 'KEY', 'DO',
  'GLOBAL', 'BY', 'PERCENT', 'TIMESERIES', 'SAMPLE', 'CALL', 'DEFAULT', 'WITHIN', 'LOCK', 'NOLOCK', 'SEL', 'INS', 'UPD', 'DEL', 'MATCH_CONDITION',
])

export const NO_SOURCE_WORDS = new Set([
  'NULL', 'TRUE', 'FALSE', 'CURRENT_DATE', 'CURRENT_TIMESTAMP', 'CURRENT_TIME', 'LOCALTIMESTAMP', 'LOCALTIME', 'SYSDATE',
  'SYSTIMESTAMP', 'CURRENT_USER', 'SESSION_USER', 'SYSTEM_USER', 'CURRENT_SCHEMA',
  'CURRENT_ROLE', 'CURRENT_DATABASE', 'CURRENT_CATALOG', 'SQLCODE', 'SQLERRM', 'SQLSTATE', 'CURRENT_TIMEZONE',
  'CONNECT_BY_ISLEAF', 'CONNECT_BY_ISCYCLE', 'UTC_TIMESTAMP', 'UTC_DATE', 'SYSDATETIME', 'GETDATE',
  // Netezza NZPLSQL: the name of the table a RETURNS REFTABLE procedure fills
  'REFTABLENAME',
  // VALUES (DEFAULT, …), SET c = DEFAULT: the column's default, no source
  'DEFAULT',
  // Hive / Spark GROUPING SETS: the grouping set a row belongs to, no column of the table
  'GROUPING__ID',
])

/** words a statement starts with where no terminator is needed (T-SQL, procedural bodies) */
export const STATEMENT_WORDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'CREATE', 'ALTER', 'DROP', 'TRUNCATE', 'DECLARE',
  'SET', 'IF', 'WHILE', 'BEGIN', 'END', 'EXEC', 'EXECUTE', 'RETURN', 'PRINT', 'GRANT', 'USE', 'COMMIT', 'ROLLBACK',
  'OPEN', 'CLOSE', 'FETCH', 'DEALLOCATE', 'RAISERROR', 'THROW', 'CALL', 'FOR', 'LOOP', 'ELSE', 'ELSIF', 'EXCEPTION',
  'WHEN', 'UPSERT', 'REPLACE', 'GO', 'BREAK', 'CONTINUE', 'GOTO', 'WAITFOR', 'LOAD', 'COPY', 'UNLOAD', 'RENAME', 'FROM', 'DUMP', 'SAVE'])

/** the statement word a first word stands for: itself, or its abbreviation's first word (SEL → SELECT, Teradata CT → CREATE) */
export function statementWord(d: DialectSpec, u: string): string {
  const a = d.abbreviations[u]
  return a === undefined ? u : a.split(' ', 1)[0]
}

/**
 * T-SQL and Sybase need no terminator: a line starting with one of these starts a new statement even
 * inside one the parser skips over (FROM, WHEN and FOR also continue statements, so they are left out)
 */
const LINE_STATEMENT_WORDS = new Set([...STATEMENT_WORDS, 'SELECT'].filter((w) => w !== 'FROM' && w !== 'WHEN' && w !== 'FOR'))

/** SQL*Plus commands a script may hold between statements (each ends with its line) */
export const SQLPLUS_COMMANDS = new Set(['SPOOL', 'WHENEVER', 'DEFINE', 'UNDEFINE', 'COLUMN', 'COL', 'TTITLE', 'BTITLE', 'BREAK', 'CLEAR',
  'SHOW', 'HOST', 'PAUSE', 'ACCEPT', 'VARIABLE', 'VAR', 'PRINT', 'CONNECT', 'CONN', 'EXEC', 'EXECUTE', 'SET', 'ECHO', 'TIMING', 'DISCONNECT',
  'DEF', 'UNDEF', 'DESC', 'DESCRIBE', 'START', 'QUIT', 'COMPUTE', 'REPHEADER', 'REPFOOTER', 'PASSWORD', 'STORE', 'SHO'])

const COMPOUND_OPS = new Set(['+', '-', '*', '/', '%', '&', '|', '^'])

/** Cursor over the token list of one script, with the helpers every grammar chapter uses. */
export class TokenCursor {
  i = 0
  readonly end: number
  /** the current SELECT's references to named windows (OVER w), resolved by its WINDOW clause (parser/query) */
  windowRefs: Array<{ name: string; spec: WindowSpec }> | undefined = undefined
  /** OVER w / OVER (w …): the window named by the current word, to be filled in by the SELECT's WINDOW clause */
  referWindow(spec: WindowSpec): void { (this.windowRefs ??= []).push({ name: this.ident().name.toUpperCase(), spec }) }
  /** statements inside a block that failed to parse and were skipped (the block keeps the others' lineage) */
  skipped: Array<{ message: string; token?: Token }> | undefined = undefined
  /** T-SQL / ASE: the text of the batch's variables that hold SQL (parser/dynsql), for EXEC (@sql) */
  sqlVars: Map<string, import('./dynsql.js').SqlPart[]> | undefined = undefined
  /** Snowflake SET v = 'db.schema.t': the string a later IDENTIFIER($v) names an object with, by upper-cased name */
  namesInVariables: Map<string, Token> | undefined = undefined
  constructor(readonly toks: Token[], readonly d: DialectSpec, start = 0, end = toks.length) {
    this.i = start
    this.end = end
  }

  peek(k = 0): Token | undefined { const j = this.i + k; return j < this.end ? this.toks[j] : undefined }
  eof(): boolean { return this.i >= this.end }
  next(): Token {
    const t = this.toks[this.i]
    if (this.i >= this.end || !t) throw new ParseError('unexpected end of input', this.toks[this.end - 1])
    this.i++
    return t
  }
  prev(): Token { return this.toks[this.i - 1] }

  /** word or bare keyword test (case-insensitive) */
  isWord(u: string, k = 0): boolean { const t = this.peek(k); return !!t && t.kind === 'word' && t.upper === u }
  isAnyWord(set: Set<string> | string[], k = 0): boolean {
    const t = this.peek(k)
    if (!t || t.kind !== 'word') return false
    return Array.isArray(set) ? set.includes(t.upper) : set.has(t.upper)
  }
  isOp(v: string, k = 0): boolean { const t = this.peek(k); return !!t && (t.kind === 'op' || t.kind === 'punct') && t.image === v }
  accept(u: string): boolean { if (this.isWord(u)) { this.i++; return true } return false }
  acceptSeq(...us: string[]): boolean {
    for (let k = 0; k < us.length; k++) if (!this.isWord(us[k], k)) return false
    this.i += us.length
    return true
  }
  acceptOp(v: string): boolean { if (this.isOp(v)) { this.i++; return true } return false }
  expect(u: string): Token {
    if (!this.isWord(u)) this.fail(`expected ${u}`)
    return this.next()
  }
  expectOp(v: string): Token {
    if (!this.isOp(v)) this.fail(`expected "${v}"`)
    return this.next()
  }
  fail(msg: string): never {
    const t = this.peek() ?? this.toks[this.end - 1]
    const near = t ? ` near "${t.image.slice(0, 40)}"` : ' at end of input'
    throw new ParseError(`${msg}${near}`, t)
  }

  /** a line holding only the dialect's batch word (T-SQL `GO`, also `GO;` as scripts write it) ends a batch */
  atBatchSeparator(k = 0): boolean {
    const t = this.peek(k)
    if (!t) return true
    if (this.d.batchWord && t.kind === 'word' && t.upper === this.d.batchWord && t.bol) {
      const n = this.peek(k + 1)
      return !n || n.line !== t.line || n.kind === 'number' || (n.kind === 'punct' && n.image === ';')
    }
    return false
  }

  /**
   * SQL*Plus commands (SET DEFINE OFF, SPOOL, WHENEVER SQLERROR EXIT, EXEC p(1)) end with their line; a
   * `;` is optional. Skips the rest of the command's line (parentheses may go on to the next ones).
   */
  skipSqlPlusLine(first: Token): void {
    let depth = 0
    while (!this.eof()) {
      const t = this.peek()!
      // a stray `)` must not carry the command over to the next lines
      if (depth <= 0 && (t.line !== first.line || (t.kind === 'punct' && t.image === ';'))) return
      if (t.kind === 'punct' && t.image === '(') depth++
      else if (t.kind === 'punct' && t.image === ')') depth--
      this.i++
    }
  }

  /** a psql meta-command line at k (`\copy …`: preprocess blanks the others); it ends with its line */
  atPsqlCommand(k = 0): boolean {
    const t = this.peek(k)
    return this.d.psqlCommands && !!t && t.bol && t.kind === 'op' && t.image === '\\'
  }

  /**
   * a psql meta-command after a statement on its line (SELECT … \gset, \g file, \gexec, \watch 5): it
   * ends the statement and runs it; a backslash is no operator of these dialects outside strings
   */
  atPsqlTrailer(k = 0): boolean {
    const t = this.peek(k)
    return this.d.psqlCommands && !!t && !t.bol && t.kind === 'op' && t.image === '\\'
  }

  /** the index of the first token at or after the cursor that starts past `first`'s line */
  lineEnd(first: Token): number {
    let j = this.i
    while (j < this.end && this.toks[j].line === first.line) j++
    return j
  }

  /** a terminator-less dialect (T-SQL, Sybase) and a line that starts with a statement word */
  startsStatementLine(k = 0): boolean {
    if (this.d.batchWord === undefined) return false
    const t = this.peek(k)
    return !!t && t.bol && t.kind === 'word' && LINE_STATEMENT_WORDS.has(t.upper)
  }

  /** Impala / Hive plan hints in brackets: INSERT INTO t [SHUFFLE] SELECT …, JOIN [BROADCAST] b */
  skipBracketHint(): void {
    if ((this.d.name === 'dbvimpala' || this.d.name === 'dbvhive') && this.isOp('[') && this.peek(1)?.kind === 'word' && this.isOp(']', 2)) this.i += 3
  }

  /**
   * T-SQL compound assignment at k (`+=`, `-=`, `*=`, `/=`, `%=`, `&=`, `|=`, `^=`): its operator, or
   * undefined. The lexer makes `+` and `=` two tokens (and `*=` / `^=` one, for the old outer join).
   */
  compoundAssign(k = 0): string | undefined {
    const t = this.peek(k)
    if (!t || t.kind !== 'op') return undefined
    if (t.image === '*=' || t.image === '^=') return t.image[0]
    const n = this.peek(k + 1)
    return COMPOUND_OPS.has(t.image) && n && n.kind === 'op' && n.image === '=' && n.start === t.end ? t.image : undefined
  }
  /** consumes a compound assignment; its operator */
  acceptCompoundAssign(): string | undefined {
    const o = this.compoundAssign()
    if (o) this.i += this.peek()!.image.length === 2 ? 1 : 2
    return o
  }

  isIdentToken(k = 0): boolean { const t = this.peek(k); return !!t && (t.kind === 'word' || t.kind === 'qident') }

  ident(): Ident {
    const t = this.peek()
    if (!t || (t.kind !== 'word' && t.kind !== 'qident' && !(t.kind === 'string' && this.d.doubleQuotedStrings && t.image[0] === '"'))) this.fail('expected an identifier')
    this.i++
    return identOf(t)
  }

  /** dotted name; stops before `.*` */
  qname(): QName {
    const t0 = this.peek()
    // most names start with a plain word: neither special form below applies
    if (t0 && t0.kind !== 'qident' && (t0.kind !== 'word' || t0.upper === 'IDENTIFIER')) return this.specialQname() ?? this.plainQname()
    return this.plainQname()
  }

  /** IDENTIFIER('db.schema.table') and :var, or undefined */
  private specialQname(): QName | undefined {
    // Snowflake IDENTIFIER('db.schema.table') names an object through a string
    if (this.isWord('IDENTIFIER') && this.isOp('(', 1) && this.peek(2)?.kind === 'string' && this.isOp(')', 3)) {
      const s = this.peek(2)!
      this.i += 4
      return nameInString(s, locOf(s, s))
    }
    // IDENTIFIER(:v), IDENTIFIER($v), IDENTIFIER(v): the name is in a variable, so the object is the table the
    // variable names, as SQLScript's FROM :v (it failed in UPDATE / INSERT INTO, and read nothing in FROM)
    if (this.isWord('IDENTIFIER') && this.isOp('(', 1)) {
      // the variable is one token (:v, $1, v) or a `:` / `$` before a name
      const k = this.isOp(':', 2) || this.isOp('$', 2) ? 3 : 2
      const v = this.peek(k)
      if (v && this.isOp(')', k + 1) && (this.isIdentToken(k) || (k === 2 && v.kind === 'param'))) {
        this.i += k + 2
        // a session variable SET to a literal earlier in the script: the object that literal names
        const named = this.namesInVariables?.get(v.image.replace(/^[:$]/, '').toUpperCase())
        if (named) return nameInString(named, locOf(v, v))
        const name = ':' + v.image.replace(/^[:$]/, '')
        return { parts: [{ name, quoted: false, loc: locOf(v, v) }], loc: locOf(v, v) }
      }
    }
    if (this.isOp(':') && this.isIdentToken(1) && this.peek(1)!.start === this.peek()!.end) {
      // SQLScript table variable :name
      const c = this.next(); const id = this.ident()
      const parts: Ident[] = [{ ...id, name: ':' + id.name, k: undefined }]
      // psql / vsql :schema.table: a variable names the schema (\set schema stage), the rest of the name follows
      if (this.d.psqlCommands) while (this.isOp('.') && this.isIdentToken(1)) { this.i++; parts.push(this.ident()) }
      return { parts, loc: locOf(c, this.prev()) }
    }
    return undefined
  }

  private plainQname(): QName {
    // T-SQL `.t` (generated code such as Dynamics GP's zDP_ procedures): the empty leading part is the default schema
    if (this.d.batchWord !== undefined && this.isOp('.') && this.isIdentToken(1)) this.i++
    const parts = [this.ident()]
    // every continuation below starts with an operator or punctuation (`.`, `..`, `@`, `:`)
    const n = this.peek()
    if (!n || (n.kind !== 'op' && n.kind !== 'punct')) return { parts, loc: parts[0].loc }
    // Informix database[@server]:owner.table — the server names where the database lives, not a part of the name
    if (this.d.name === 'dbvinformix' && (this.isOp(':') || (this.isOp('@') && this.isIdentToken(1) && this.isOp(':', 2))) && this.peek()!.start === this.prev().end) {
      if (this.isOp('@')) this.i += 2
      if (this.isIdentToken(1)) { this.i++; parts.push(this.ident()) }
    }
    // db..object: the owner part is left out; the default owner is dbo (Sybase / T-SQL), ADMIN (Netezza)
    if (this.isOp('..') && this.isIdentToken(1)) { this.i++; parts.push({ name: this.d.name === 'dbvnetezza' ? 'ADMIN' : 'dbo', quoted: false, loc: parts[0].loc }); parts.push(this.ident()) }
    while (this.isOp('.') && (this.isIdentToken(1) || this.peek(1)?.kind === 'number' || this.peek(1)?.kind === 'param')) {
      this.i++
      // t.$1: a staged file's column by position (Snowflake); a number part: hyphenated or numbered names
      if (this.peek()!.kind !== 'word' && this.peek()!.kind !== 'qident') { const t = this.next(); parts.push({ name: t.image, quoted: false, loc: locOf(t, t) }); continue }
      parts.push(this.ident())
    }
    // Oracle db links: tab@link (the link names a remote database, not a column qualifier)
    // (a link's name may be a domain: t@hq_link.example.com)
    if (this.isOp('@') && this.isIdentToken(1)) { this.i++; this.ident(); while (this.isOp('.') && this.isIdentToken(1) && this.peek()!.start === this.prev().end) { this.i++; this.ident() } }
    // a one-part name (most are) shares its part's location: one object less per name (locations are never mutated but for the store index they cache, which is the same for both)
    if (parts.length === 1) return { parts, loc: parts[0].loc }
    return { parts, loc: mkLoc(parts[0].loc.sl, parts[0].loc.sc, parts[parts.length - 1].loc.el, parts[parts.length - 1].loc.ec) }
  }

  /**
   * the name of a table, view or routine. BigQuery project ids may hold hyphens unquoted (my-project-123.ds.t), as
   * the first part of a qualified name only: that is why this is not qname, which expressions use (`a-b.c` is a
   * subtraction there)
   */
  tableName(): QName {
    const project = this.d.name === 'dbvbigquery' ? this.hyphenatedPart() : undefined
    if (!project) return this.qname()
    const rest = this.qname()
    return { parts: [project, ...rest.parts], loc: mkLoc(project.loc.sl, project.loc.sc, rest.loc.el, rest.loc.ec) }
  }

  /**
   * `my-project-123.`: adjacent words, numbers and `-` up to a `.`, consumed with that dot. The lexer reads
   * `123.ds` as the number `123.` and `ds`, so a number ending in a dot ends the part too.
   */
  private hyphenatedPart(): Ident | undefined {
    const first = this.peek()
    if (!first || first.kind !== 'word' || !this.isOp('-', 1)) return undefined
    let k = 1, last = first, text = first.image, dotted = false
    for (;;) {
      const t = this.peek(k)
      if (!t || t.start !== last.end) return undefined
      if (t.kind === 'punct' && t.image === '.') { k++; break }
      const hyphen = t.kind === 'op' && t.image === '-'
      if (!hyphen && t.kind !== 'word' && t.kind !== 'number') return undefined
      if (hyphen && last.kind === 'op') return undefined
      last = t; k++
      dotted = t.kind === 'number' && t.image.endsWith('.')
      if (dotted) { text += t.image.slice(0, -1); break }
      text += t.image
    }
    if (last.kind === 'op' || !this.isIdentToken(k)) return undefined
    this.i += k
    return { name: text, quoted: false, loc: mkLoc(first.line, first.col, last.eline, last.ecol - (dotted ? 1 : 0)) }
  }

  /** skip the rest of a list element: to the next `,` or `)` outside parentheses (column definitions, constraints, options) */
  skipListItem(): void {
    while (!this.eof() && !this.isOp(',') && !this.isOp(')')) { if (this.isOp('(')) this.skipParens(); else this.next() }
  }

  /** skip a balanced (...) group starting at the current `(` */
  /** an index or slice in brackets, nested (arr[i], m['k', 2001][…]): it picks elements, no columns */
  skipBrackets(): void {
    if (!this.isOp('[')) return
    let depth = 0
    do { if (this.isOp('[')) depth++; else if (this.isOp(']')) depth--; this.next() } while (!this.eof() && depth > 0)
  }

  skipParens(): void {
    if (!this.isOp('(')) return
    let depth = 0
    while (!this.eof()) {
      const t = this.next()
      if (t.kind === 'punct' && t.image === '(') depth++
      else if (t.kind === 'punct' && t.image === ')') { depth--; if (depth === 0) return }
    }
  }

  locFrom(start: Token): Loc { return locOf(start, this.prev()) }
}

export function locOf(a: Token, b: Token): Loc { return mkLoc(a.line, a.col, b.eline, b.ecol) }

export function identOf(t: Token): Ident {
  const loc = mkLoc(t.line, t.col, t.eline, t.ecol)
  if (t.kind === 'qident' && t.image[1] === '&') return { name: unicodeEscaped(t.image.slice(3, -1).split('""').join('"')), quoted: true, loc, k: undefined }
  if (t.kind === 'qident' || t.kind === 'string') {
    const q = t.image[0]
    const close = q === '[' ? ']' : q
    const inner = t.image.slice(1, -1).split(close + close).join(close)
    return q === '[' ? { name: inner, quoted: true, loc, k: undefined, bracket: true } : { name: inner, quoted: true, loc, k: undefined }
  }
  // an unquoted name's matching key is its upper-cased form, which the lexer already made
  return { name: t.image, quoted: false, loc, k: t.kind === 'word' ? t.upper : undefined }
}

/** the text of a U&"…" name: \XXXX and \+XXXXXX are code points, \\ a backslash */
function unicodeEscaped(s: string): string {
  return s.replace(/\\(\\|\+[0-9A-Fa-f]{6}|[0-9A-Fa-f]{4})/g, (_, e: string) => e === '\\' ? e : String.fromCodePoint(parseInt(e.replace('+', ''), 16)))
}

/** 'db.schema.t' or '"db"."T"': the object a string names (Snowflake IDENTIFIER) */
function nameInString(s: Token, loc: Loc): QName {
  const parts = s.image.slice(1, -1).split('.').map((n) => (n.startsWith('"') ? { name: n.slice(1, -1), quoted: true, loc } : { name: n, quoted: false, loc }))
  return { parts, loc }
}
