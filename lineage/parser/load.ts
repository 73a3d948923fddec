// Grammar chapter: bulk loads and unloads (COPY, LOAD DATA, UNLOAD) — lineage between locations and tables.
import type { Ident, Query, Stmt } from '../ast/types.js'
import type { Token } from '../lexer/lexer.js'
import { TokenCursor, locOf } from './base.js'
import { parseQuery, startsQuery } from './query.js'
import { skipToEnd } from './ddl.js'
import { tableQuery } from './dml.js'
import { parseEmbedded } from './procedural.js'
import { unescapeQuotes } from './dynsql.js'

type Copy = Extract<Stmt, { k: 'copy' }>

/**
 * The loaded columns. Vertica adds options per column: `b FORMAT 'YYYY-MM-DD'`, `b AS expr`, and
 * `raw FILLER type` (a parsed field that is no column of the table)
 */
function columns(p: TokenCursor): Ident[] | undefined {
  if (!p.isOp('(') || startsQuery(p, 1)) return undefined
  p.next()
  const out: Ident[] = []
  do {
    const c = p.ident()
    if (!p.isWord('FILLER')) out.push(c)
    p.skipListItem()
  } while (p.acceptOp(','))
  p.expectOp(')')
  return out
}

/** a location: 'uri', @stage/path, STDIN … as one text */
function location(p: TokenCursor): string {
  // Vertica COPY … FROM LOCAL 'file': the file is on the client
  if (p.isWord('LOCAL') && p.peek(1)?.kind === 'string') p.next()
  const t = p.peek()
  if (!t) return ''
  if (t.kind === 'string') { p.next(); return t.image.slice(1, -1) }
  if (t.image === '@') {
    const s = p.next(); let text = '@'
    while (!p.eof() && !p.isOp(';') && (p.peek()!.start === p.prev().end)) text += p.next().image
    void s
    return text
  }
  return p.next().image
}

function queryOrTable(p: TokenCursor, s: Copy): void {
  if (p.isOp('(') && startsQuery(p, 1)) { p.next(); s.query = parseQuery(p); p.expectOp(')'); return }
  s.table = p.qname(); s.columns = columns(p)
}

export function parseCopy(p: TokenCursor, first: Token): Stmt {
  p.next()
  const s: Copy = { k: 'copy', table: { parts: [], loc: locOf(first, first) }, location: '', direction: 'in', loc: locOf(first, first) }
  if (p.accept('INTO')) {
    // Snowflake: COPY INTO <table|location> FROM <location|table|(query)>
    const isLoc = p.peek()?.kind === 'string' || p.isOp('@')
    if (isLoc) { s.direction = 'out'; s.location = location(p); p.expect('FROM'); queryOrTable(p, s) }
    else {
      s.table = p.qname(); s.columns = columns(p); p.expect('FROM')
      // COPY INTO t [(cols)] FROM (SELECT $1, $2:x … FROM @stage): a load with a transformation is an
      // INSERT … SELECT from the stage, its items filling the columns by position
      if (p.isOp('(') && startsQuery(p, 1)) {
        p.next(); const query = parseQuery(p); p.expectOp(')'); skipToEnd(p)
        return { k: 'insert', target: { name: s.table, loc: s.table.loc }, columns: s.columns, query, loc: locOf(first, p.prev()) }
      }
      s.location = location(p)
    }
  } else {
    queryOrTable(p, s)
    if (p.accept('TO')) { s.direction = 'out'; s.location = location(p) }
    else {
      p.expect('FROM')
      // Vertica COPY t FROM VERTICA db.s.t (after CONNECT TO VERTICA db): the other database's table's rows
      if (p.d.name === 'dbvvertica' && p.isWord('VERTICA') && p.isIdentToken(1)) {
        const query = tableQuery(p); skipToEnd(p)
        return { k: 'insert', target: { name: s.table, loc: s.table.loc }, columns: s.columns, query, loc: locOf(first, p.prev()) }
      }
      s.location = location(p)
    }
  }
  skipToEnd(p)
  s.loc = locOf(first, p.prev())
  return s
}

/** Vertica EXPORT TO VERTICA db.s.t [(cols)] AS SELECT …: the query's rows go to the other database's table */
export function parseExportToVertica(p: TokenCursor, first: Token): Stmt {
  p.i += 3
  const name = p.qname()
  const cols = columns(p)
  p.accept('AS')
  const query = parseQuery(p)
  return { k: 'insert', target: { name, loc: name.loc }, columns: cols, query, loc: locOf(first, p.prev()) }
}

/** Hive/MySQL LOAD DATA … INPATH|INFILE 'x' [OVERWRITE] INTO TABLE t */
export function parseLoad(p: TokenCursor, first: Token): Stmt {
  p.next()
  if (!p.isWord('DATA')) { skipToEnd(p); return { k: 'other', kind: 'LOAD', loc: locOf(first, p.prev()) } }
  p.next()
  if (p.isWord('OVERWRITE') || p.isWord('INTO')) {
    // BigQuery: LOAD DATA {INTO | OVERWRITE} [TEMP TABLE] t [(cols)] FROM FILES (uris = ['gs://…']); OVERWRITE replaces INTO
    p.accept('OVERWRITE'); p.accept('INTO')
    if (p.isAnyWord(['TEMP', 'TEMPORARY']) && p.isWord('TABLE', 1)) p.i += 2
    const table = p.tableName()
    const cols = columns(p)
    let loc = 'files'
    const save = p.i
    while (!p.eof() && !p.isOp(';')) { const t = p.next(); if (t.kind === 'string' && /:\/\//.test(t.image)) { loc = t.image.slice(1, -1); break } }
    p.i = save
    skipToEnd(p)
    return { k: 'copy', table, columns: cols, location: loc, direction: 'in', loc: locOf(first, p.prev()) }
  }
  while (p.isAnyWord(['LOCAL', 'LOW_PRIORITY', 'CONCURRENT'])) p.next()
  if (!p.accept('INPATH')) p.expect('INFILE')
  const loc = location(p)
  p.accept('OVERWRITE'); p.accept('REPLACE'); p.accept('IGNORE')
  p.expect('INTO'); p.expect('TABLE')
  const table = p.qname()
  skipToEnd(p)
  return { k: 'copy', table, location: loc, direction: 'in', loc: locOf(first, p.prev()) }
}

/** Redshift UNLOAD ('select …') TO 's3://…' */
export function parseUnload(p: TokenCursor, first: Token): Stmt {
  p.next(); p.expectOp('(')
  const q = p.next()
  p.expectOp(')')
  p.expect('TO')
  const loc = location(p)
  skipToEnd(p)
  // the query's own quotes are doubled, or (Redshift strings take backslash escapes) written \'
  const inner = parseEmbedded(unescapeQuotes(q.image.slice(1, -1), p.d.backslashEscapes), p, q.line, q.col + 1, q.start + 1)
  const query = inner[0]?.k === 'query' ? inner[0].query : undefined
  return { k: 'copy', table: { parts: [], loc: locOf(first, first) }, location: loc, direction: 'out', query, loc: locOf(first, p.prev()) }
}
