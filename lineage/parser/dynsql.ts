// Dynamic SQL built in variables: T-SQL / ASE DECLARE @sql NVARCHAR(MAX) = N'…'; SET @sql = @sql + N'…' + @x;
// EXEC (@sql) / EXEC sp_executesql @sql, MySQL SET @sql = CONCAT(…); PREPARE s FROM @sql. Stored procedures
// build many of their ETL statements so, and the
// statements were lost. The constant parts of the text are read as SQL, each token keeping its place in
// its literal; a part the parser cannot know (a variable, a function call) stands for one value.
import { Token, tokenize } from '../lexer/lexer.js'
import type { TokenCursor } from './base.js'

/**
 * SQL text whose quotes were escaped (doubled, or \' where strings take backslash escapes): each escape
 * becomes one quote and a blank, the blank outside the literal it opens or closes (inside after an N prefix),
 * so the text keeps its length and the columns after it their coordinates
 */
export function unescapeQuotes(text: string, backslash: boolean, quote = "'"): string {
  let open = false
  const escapes = quote === '"' ? (backslash ? /""|\\"/g : /""/g) : (backslash ? /''|\\'/g : /''/g)
  const closes = `${quote} `
  const opens = ` ${quote}`
  // (the blank goes inside a literal opened right after a T-SQL N prefix: N''x'' is N'x', not N 'x')
  return text.replace(escapes, (_m, at: number) => {
    open = !open
    return !open ? closes : at > 0 && (text[at - 1] === 'N' || text[at - 1] === 'n') ? closes : opens
  })
}

/** a piece of the text: a literal's unescaped content (`src` its token), or a value unknown here (`hole`) */
export interface SqlPart { text: string; src: Token; open: number; hole: boolean }

const MAX_PARTS = 512

/** the unknown value's stand-in: a number is valid wherever a value is, and never a name */
const HOLE = '0'

/** T-SQL string literal '…' or N'…': the length of its opening, or 0 */
function openLength(t: Token): number {
  const img = t.image
  if (img[0] === "'") return 1
  return (img[0] === 'N' || img[0] === 'n') && img[1] === "'" ? 2 : 0
}

/** escaped quotes become one quote and a blank, so the text keeps the literal's length (see unescapeQuotes) */
function literalPart(t: Token, backslash: boolean): SqlPart | undefined {
  const open = openLength(t)
  if (!open || t.image.length < open + 1) return undefined
  return { text: unescapeQuotes(t.image.slice(open, -1), backslash), src: t, open, hole: false }
}

/**
 * The parts of the string expression in toks[a, b): `+` (T-SQL) and CONCAT(…) join literals, variables whose
 * text is known, CHAR(n) / NCHAR(n) (line breaks between the clauses), and anything else, which is a hole.
 * `self` is the variable being set: unset, it is the empty start of the text (SET @sql = @sql + N'…').
 */
export function stringParts(p: TokenCursor, a: number, b: number, self?: string): SqlPart[] {
  const out: SqlPart[] = []
  const known = (v: Token): SqlPart[] | undefined => { const x = p.sqlVars?.get(v.upper); return x && !x.some((y) => y.hole) ? x : undefined }
  const hole = (t: Token): void => { if (!out.length || !out[out.length - 1].hole) out.push({ text: HOLE, src: t, open: 0, hole: true }) }
  // the operands of toks[a, b) separated by `sep` outside parentheses
  const operands = (a: number, b: number, sep: string): void => {
    let k = a
    while (k < b) {
      let e = k
      let depth = 0
      for (; e < b; e++) {
        const t = p.toks[e]
        if (t.kind === 'punct' && t.image === '(') depth++
        else if (t.kind === 'punct' && t.image === ')') depth--
        else if (depth === 0 && t.image === sep && t.kind !== 'string') break
      }
      operand(k, e)
      k = e + 1
    }
  }
  const operand = (k: number, e: number): void => {
    const t = p.toks[k]
    if (e === k + 1 && t.kind === 'string') {
      const lit = literalPart(t, p.d.backslashEscapes)
      if (lit) out.push(lit); else hole(t)
    } else if (e === k + 1 && t.kind === 'word' && t.image.startsWith('@')) {
      const v = p.sqlVars?.get(t.upper)
      if (v) for (const part of v) { if (part.hole) hole(part.src); else out.push(part) }
      else if (t.upper !== self) hole(t)
    } else if (e === k + 4 && (t.upper === 'CHAR' || t.upper === 'NCHAR') && p.toks[k + 2].kind === 'number') {
      out.push({ text: String.fromCharCode(Number(p.toks[k + 2].image)), src: t, open: -1, hole: false })
    } else if (e === k + 4 && t.upper === 'QUOTENAME' && p.toks[k + 2].image.startsWith('@') && known(p.toks[k + 2])) {
      // QUOTENAME(@name) of a name set to a literal: [name]
      out.push({ text: '[', src: t, open: -1, hole: false }, ...known(p.toks[k + 2])!, { text: ']', src: p.toks[k + 3], open: -1, hole: false })
    } else if (t.upper === 'CONCAT' && p.toks[k + 1]?.image === '(' && p.toks[e - 1].image === ')') operands(k + 2, e - 1, ',')
    else if (e > k) hole(t)
  }
  operands(a, b, '+')
  return out
}

/** the dialects whose scripts build SQL text in variables: T-SQL / ASE (EXEC (@sql)), MySQL (PREPARE s FROM @sql) */
export const buildsSqlText = (p: TokenCursor): boolean => p.d.batchWord !== undefined || p.d.name === 'dbvmysql'

/** SET / DECLARE @v = expr: the variable's text, when it has a constant part */
export function noteSqlVar(p: TokenCursor, name: string, a: number, b: number, append = false): void {
  const key = name.toUpperCase()
  // SET @sql += N'…' appends
  const parts = [...(append ? p.sqlVars?.get(key) ?? [] : []), ...stringParts(p, a, b, key)]
  // (a generated script may append to one variable thousands of times: past MAX_PARTS it is let go, so each
  // append stays cheap)
  if (parts.length <= MAX_PARTS && parts.some((x) => !x.hole)) (p.sqlVars ??= new Map()).set(key, parts)
  else p.sqlVars?.delete(key)
}

/**
 * The tokens of the joined parts, each placed in its literal, and the indexes of those that take in a hole
 * and more: a name tbl_' + @suffix or [' + @db + '].dbo.t would be a wrong one, so their statements are
 * dropped, as statements the parser cannot know.
 */
export function partTokens(p: TokenCursor, parts: SqlPart[]): { tokens: Token[]; unknown: number[] } {
  let joined = ''
  const starts: number[] = []
  for (const x of parts) { starts.push(joined.length); joined += x.text }
  const { tokens } = tokenize(joined, p.d)
  const out: Token[] = []
  const holes: number[] = []
  const exact: boolean[] = []
  // each literal's position is walked forward once: tokens come in order
  let j = 0
  let pos = 0; let line = parts[0].src.line; let col = parts[0].src.col
  const seek = (x: SqlPart, rel: number): void => {
    const img = x.src.image
    const to = x.open + rel
    for (; pos < to; pos++) { if (img.charCodeAt(pos) === 10) { line++; col = 1 } else col++ }
  }
  for (const t of tokens) {
    while (j + 1 < parts.length && starts[j + 1] <= t.start) { j++; pos = 0; line = parts[j].src.line; col = parts[j].src.col }
    const x = parts[j]
    // the parts the token spans: a hole in one that is more than the hole (strings may hold one: '''' + @d + '''')
    let last = j
    while (last + 1 < parts.length && starts[last + 1] < t.end) last++
    let spansHole = false
    for (let q = j; q <= last; q++) if (parts[q].hole) spansHole = true
    if (spansHole && t.kind !== 'string') holes.push(out.length)
    exact.push(x.hole && last === j && t.image === HOLE)
    if (x.open <= 0) { out.push(t.at(x.src.start, x.src.line, x.src.col)); continue }
    seek(x, t.start - starts[j])
    out.push(t.at(x.src.start + x.open + t.start - starts[j], line, col))
  }
  // a hole is a value only when the tokens it touches (no blank between) are no names: dbo.' + @t, tbl_' + @x
  const unknown = new Set<number>()
  for (const i of holes) {
    let l = i; let r = i
    while (l > 0 && tokens[l - 1].end === tokens[l].start) l--
    while (r + 1 < tokens.length && tokens[r].end === tokens[r + 1].start) r++
    let name = !exact[i]
    for (let q = l; q <= r && !name; q++) if (q !== i && (tokens[q].kind === 'word' || tokens[q].kind === 'qident' || tokens[q].image === '.')) name = true
    if (name) for (let q = l; q <= r; q++) unknown.add(q)
  }
  return { tokens: out, unknown: [...unknown].sort((a, b) => a - b) }
}
