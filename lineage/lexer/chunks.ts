import type { DialectSpec } from '../dialects/spec.js'

export interface Chunk { text: string; offset: number; line: number }

const STATEMENT_START = /^(CREATE|INSERT|SELECT|WITH|UPDATE|DELETE|MERGE|DROP|ALTER|TRUNCATE|GRANT|REVOKE|COMMENT|SET|USE|CALL|EXEC|EXECUTE|COPY|UNLOAD|LOAD|REPLACE|UPSERT|ANALYZE|VACUUM|GO)\b/i

/**
 * Big scripts are analysed in pieces of about `size` characters so the token arrays of a 50 MB input
 * never live at once. A piece ends only at a top-level `;` (outside literals and comments) followed by
 * a line that starts a new statement at column 1, so procedure bodies (indented) stay whole.
 */
export function splitChunks(text: string, d: DialectSpec, size = 1 << 15): Chunk[] {
  if (text.length <= size * 2) return [{ text, offset: 0, line: 1 }]
  const out: Chunk[] = []
  let start = 0
  let startLine = 1
  const n = text.length
  // a regular expression jumps to the next character that can start a literal, a comment or end a
  // statement (a loop over every character was 6 % of a big analysis); lines are counted per piece
  const re = interestingChars(d)
  re.lastIndex = 0
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const i = m.index
    const c = text.charCodeAt(i)
    if (c === 39 || c === 34 || c === 96) { re.lastIndex = skipQuoted(text, i, String.fromCharCode(c), d.backslashEscapes); continue }
    if (c === 45 || c === 35) { const e = text.indexOf('\n', i); re.lastIndex = e < 0 ? n : e; continue }
    if (c === 47 && text.charCodeAt(i + 1) === 47) { const e = text.indexOf('\n', i); re.lastIndex = e < 0 ? n : e; continue }
    if (c === 47) { const e = text.indexOf('*/', i + 2); re.lastIndex = e < 0 ? n : e + 2; continue }
    if (c === 36) {
      const tag = /\$[A-Za-z_]*\$/y
      tag.lastIndex = i
      const t = tag.exec(text)
      if (t) { const e = text.indexOf(t[0], i + t[0].length); re.lastIndex = e < 0 ? n : e + t[0].length }
      continue
    }
    // c is ';'
    if (i - start >= size) {
      const nl = text.indexOf('\n', i)
      if (nl > 0 && /^[ \t\r]*$/.test(text.slice(i + 1, nl)) && startsStatement(text, nl + 1)) {
        out.push({ text: text.slice(start, nl + 1), offset: start, line: startLine })
        startLine += count(text, start, nl + 1)
        start = nl + 1
        re.lastIndex = nl + 1
      }
    }
  }
  if (start < n) out.push({ text: text.slice(start), offset: start, line: startLine })
  return out
}

const scanners = new Map<string, RegExp>()
/** `;`, quotes, `--`, `/*`, and `#` / `//` / `$` where the dialect has hash or slash comments / dollar-quoted strings */
function interestingChars(d: DialectSpec): RegExp {
  let re = scanners.get(d.name)
  if (!re) {
    re = new RegExp(`[;'"\`]|--|/\\*${d.hashComments ? '|#' : ''}${d.slashComments ? '|//' : ''}${d.dollarQuotedStrings ? '|\\$' : ''}`, 'g')
    scanners.set(d.name, re)
  }
  return re
}

/** the next line that is not blank or a comment starts a statement at column 1 */
function startsStatement(text: string, at: number): boolean {
  let p = at
  for (let guard = 0; guard < 64; guard++) {
    const rest = text.slice(p, p + 12)
    if (STATEMENT_START.test(rest)) return true
    const nl = text.indexOf('\n', p)
    const lineText = text.slice(p, nl < 0 ? text.length : nl)
    if (/^\s*(--.*)?\r?$/.test(lineText)) { if (nl < 0) return false; p = nl + 1; continue }
    if (/^\s*\/\*/.test(lineText)) { const e = text.indexOf('*/', p); if (e < 0) return false; const n2 = text.indexOf('\n', e); if (n2 < 0 || !/^\s*$/.test(text.slice(e + 2, n2))) return false; p = n2 + 1; continue }
    return false
  }
  return false
}

function skipQuoted(text: string, i: number, q: string, backslash: boolean): number {
  let j = i + 1
  for (;;) {
    const k = text.indexOf(q, j)
    if (k < 0) return text.length
    if (backslash) { let b = 0; for (let m = k - 1; m > i && text[m] === '\\'; m--) b++; if (b % 2 === 1) { j = k + 1; continue } }
    if (text[k + 1] === q) { j = k + 2; continue }
    return k + 1
  }
}

function count(text: string, from: number, to: number): number {
  let n = 0
  for (let k = text.indexOf('\n', from); k >= 0 && k < to; k = text.indexOf('\n', k + 1)) n++
  return n
}
