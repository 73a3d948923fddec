/**
 * Jinja templates (dbt models, Airflow SQL) are not SQL: their tags are rewritten in place with text of
 * the same length, so the SQL around them parses and every coordinate still points into the user's text.
 *
 * - `{# … #}` comments and `{% … %}` statements become blanks; of an `{% if %}` the first branch stays (the
 *   SQL it guards reads and writes as written) and its `{% elif %}` / `{% else %}` branches become blanks (kept
 *   too, they ran into the first: `WHERE d >= '…' {% else %} d = @d` is no SQL);
 * - `{{ ref('m') }}` becomes `m`, `{{ source('s', 't') }}` becomes `s.t`, `{{ this }}` becomes `this`;
 * - `{{ config(…) }}` becomes blanks;
 * - any other `{{ expr }}` becomes a name where a table name is expected (after FROM, JOIN, INTO, …, or
 *   next to a `.`: `{{ target.schema }}.orders` → `schema.orders`) and the literal 0 elsewhere (a value);
 * - so does a Python format placeholder `{name}` (Airflow and pipeline scripts: `{schema}.orders`,
 *   `BETWEEN {start_date} AND {end_date}`): one name in single braces, which no SQL of ours writes.
 *
 * Line breaks inside a tag are kept, so lines and columns after it do not move.
 */
/** SQL*Plus substitution variables: &v, &&v, and &v. (the period ends the name: &&schema..orders) */
const SUBSTITUTION = /&&?([A-Za-z_][\w$#]*)\.?/g
/** shell variables in scripts run through a here-document or `hive -e "…"`: $schema.$table (not inside a name: a$b) */
const SHELL_VAR = /(?<![\w$#])\$([A-Za-z_]\w*)/g

/** which client rewrites variables before the database sees the text: SQL*Plus `&v`, a shell `$v` */
export type Substitution = '&' | '$' | undefined
const TABLE_CONTEXT = /(?:\bFROM|\bJOIN|\bINTO|\bTABLE|\bUPDATE|\bUSING|\bMERGE|\bVIEW|\bEXISTS)\s*$/i
const STRING_ARGS = /(['"])((?:(?!\1).)*)\1/g
/** a Python format placeholder: `{name}` or `{params.name}` (no blank inside, unlike ODBC `{fn …}` escapes) */
const PLACEHOLDER = /\{[A-Za-z_][\w.]*\}/
const PLACEHOLDER_BODY = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/

const MAX_TAG = 4000
const IDENT_CHAR = /[A-Za-z0-9_]/

export function hasTemplates(text: string, substitution: Substitution): boolean {
  return text.includes('{{') || text.includes('{%') || text.includes('{#') || text.includes('${') || (substitution !== undefined && text.includes(substitution))
    || PLACEHOLDER.test(text) || text.includes('<#') || text.includes('</#')
}

/** a FreeMarker directive on a line of its own (<#if …>, <#else>, </#if>, <#list …>: Obevo and code generators); no SQL line starts so */
const FREEMARKER_LINE = /^[ \t]*<\/?#[A-Za-z][^\n]*>[ \t]*\r?$/gm

/** `substitution`: the client that runs the script (SQL*Plus, a shell) replaces &v / $v before the database sees it */
export function blankTemplates(text: string, substitution: Substitution): string {
  const branches: Array<[number, number]> = []
  const open: number[] = []
  const names: Rendered[] = []
  // a table name in the tag's place (remembered, so a quoted identifier around it can lose the padding)
  // a tag glued to the name after it (`{db_env}_NAP_FCT.t`) pads before the name, so the two stay one name
  const named = (name: string, tag: string, at: number): string => {
    names.push({ at, len: tag.length, name })
    return isNameChar(text.charCodeAt(at + tag.length)) ? fitRight(name, tag) : fit(name, tag)
  }
  const out = replaceTags(text, (tag: string, at: number) => {
    // ${prefix}orders, {{ prefix }}orders: the tag is the front of the name written after it, which stays the name
    // (a {name} placeholder glued to a name, {db_env}_NAP_FCT, renders as part of it: named below)
    if ((tag[0] === '$' || tag[1] === '{') && IDENT_CHAR.test(text[at + tag.length] ?? '')) return blank(tag)
    if (tag[0] === '$') {
      // ${v}, ${hivevar:v}, ${env:v} (Hive, shell and Airflow scripts)
      const name = tag.slice(2, -1).trim().replace(/^(hivevar|hiveconf|env|system):/i, '')
      return tableContext(text, at, tag) && /^[A-Za-z_]\w*$/.test(name) ? named(name, tag, at) : fit('0', tag)
    }
    if (tag[1] !== '{' && tag[1] !== '%' && tag[1] !== '#') {
      // {name}: a name where a table name is expected (its last part), else a value
      const name = tag.slice(1, -1).split('.').pop()!
      return tableContext(text, at, tag) ? named(name, tag, at) : fit('0', tag)
    }
    if (tag[1] === '%') ifBranches(tag, at, open, branches)
    if (tag[1] !== '{') return blank(tag)
    const body = tag.slice(2, -2).replace(/^-|-$/g, '').trim()
    const call = /^([A-Za-z_][\w.]*)\s*(\(([\s\S]*)\))?$/.exec(body)
    const fn = call?.[1]
    const args = call?.[3] !== undefined ? [...call[3].matchAll(STRING_ARGS)].map((m) => m[2]) : []
    if (fn === 'config') return blank(tag)
    if (fn === 'ref' && args.length) return named(args[args.length - 1], tag, at)
    if (fn === 'source' && args.length >= 2) return named(`${args[0]}.${args[1]}`, tag, at)
    // {{ header }} before a statement prints text around the SQL (comments, SET options): no value there
    if (statementStart(text, at)) return blank(tag)
    if (!tableContext(text, at, tag)) return fit('0', tag)
    // a name: the last part of a dotted name, or of the call's last string argument
    const name = (call && call[2] === undefined ? fn!.split('.').pop() : args[args.length - 1]) ?? 'template'
    return named(/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(name) ? name : 'template', tag, at)
  })
  let sql = blankRanges(unpadQuoted(out, names), branches)
  if (sql.includes('#')) sql = sql.replace(FREEMARKER_LINE, blank)
  if (!substitution) return sql
  return sql.replace(substitution === '&' ? SUBSTITUTION : SHELL_VAR, (tag: string, name: string, at: number) => {
    // PL/SQL has no & operator: outside a string every & is a substitution; inside one, rewriting it
    // changes only the literal's text
    return fit(tableContext(sql, at, tag) ? name : '0', tag)
  })
}

/**
 * `text` with each tag replaced by `f(tag, offset)`: `{{ … }}`, `{% … %}`, `{# … #}`, `${…}` (on one
 * line) and `{name}`. Linear: the closer found for one opener serves the openers before it, so braces that open
 * in a string and close far away (no tag is longer than MAX_TAG) cost one search.
 */
function replaceTags(text: string, f: (tag: string, at: number) => string): string {
  const out: string[] = []
  let last = 0
  const closerAt: Record<string, number> = { '}}': -2, '%}': -2, '#}': -2 }
  let braceAt = -2
  for (let i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) {
    const n = text[i + 1]
    let start = i
    let end = -1
    if (n === '{' || n === '%' || n === '#') {
      const close = n === '{' ? '}}' : n + '}'
      let j = closerAt[close]
      if (j !== -1 && j < i + 2) j = closerAt[close] = text.indexOf(close, i + 2)
      if (j < 0 || j + 2 - i > MAX_TAG) continue
      end = j + 2
    } else if (i > 0 && text[i - 1] === '$') {
      const j = text.indexOf('}', i)
      if (j < 0 || j - i > 200) continue
      const inner = text.slice(i + 1, j)
      if (inner.includes('\n') || inner.includes('{')) continue
      start = i - 1; end = j + 1
    } else if (/[A-Za-z_]/.test(n ?? '')) {
      // the next `}` serves every `{` before it (braces that never close cost one search, not one each)
      if (braceAt !== -1 && braceAt < i) braceAt = text.indexOf('}', i)
      const j = braceAt
      if (j < 0 || j - i > 100 || !PLACEHOLDER_BODY.test(text.slice(i + 1, j))) continue
      end = j + 1
    } else continue
    if (start < last) continue
    out.push(text.slice(last, start), f(text.slice(start, end), start))
    last = end
    i = end - 1
  }
  if (!out.length) return text
  out.push(text.slice(last))
  return out.join('')
}

/** whether a name, not a value, is expected where the tag stands: after FROM, JOIN, INTO …, or next to a `.` */
function tableContext(text: string, at: number, tag: string): boolean {
  let before = text.slice(Math.max(0, at - 13), at)
  // FROM `{{ table }}`, FROM "{{ schema }}".t: the quote opens the name
  if (before.endsWith('`') || before.endsWith('"') || before.endsWith('[')) before = before.slice(0, -1)
  return TABLE_CONTEXT.test(before) || before.endsWith('.') || text[at + tag.length] === '.' || tag.endsWith('.')
    // glued to letters, the tag is part of a name (`stg_{env}.t`, `{env}_dw.t`), not a value
    || isNameChar(text.charCodeAt(at - 1)) || isNameChar(text.charCodeAt(at + tag.length))
}

/** a letter, digit, `_` or `$` (NaN outside the text is none) */
function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36
}

const IF_TAG = /^\{%-?\s*(if|elif|else|endif)\b/
/**
 * `{% if %}` … `{% endif %}` nesting: `open` holds, per open if, where its first elif / else starts (-1 before
 * one); at its endif, that start to the endif is a branch to blank
 */
function ifBranches(tag: string, at: number, open: number[], branches: Array<[number, number]>): void {
  const m = IF_TAG.exec(tag)
  if (!m) return
  if (m[1] === 'if') open.push(-1)
  else if (m[1] === 'endif') { const from = open.pop(); if (from !== undefined && from >= 0) branches.push([from, at]) }
  else if (open.length && open[open.length - 1] < 0) open[open.length - 1] = at
}

/** `text` with the given ranges blanked (line breaks kept); ranges may nest */
function blankRanges(text: string, ranges: Array<[number, number]>): string {
  if (!ranges.length) return text
  ranges.sort((a, b) => a[0] - b[0])
  const out: string[] = []
  let last = 0
  for (const [a, b] of ranges) {
    if (b <= last) continue
    const from = Math.max(a, last)
    out.push(text.slice(last, from), blank(text.slice(from, b)))
    last = b
  }
  out.push(text.slice(last))
  return out.join('')
}

/** whether only blanks (and no SQL) stand between the previous `;` or the script's start and `at` */
function statementStart(text: string, at: number): boolean {
  let i = at - 1
  while (i >= 0 && /\s/.test(text[i])) i--
  return i < 0 || text[i] === ';'
}

interface Rendered { at: number; len: number; name: string }
const QUOTES: Record<string, string> = { '`': '`', '"': '"', '[': ']' }

/** the quote that opens the identifier `at` stands in (`{{ project }}.ds.t`), or -1 */
function quoteBefore(text: string, at: number): number {
  let i = at - 1
  while (i >= 0 && !(text[i] in QUOTES) && !/[\s,;()]/.test(text[i])) i--
  return i >= 0 && text[i] in QUOTES ? i : -1
}

/**
 * A name rendered into a quoted identifier is padded to the tag's length, and the pad would be part of the
 * name: each such identifier is rebuilt without the pads, its closing quote moved left and the blanks put
 * after it, so nothing after the identifier moves.
 */
function unpadQuoted(out: string, names: Rendered[]): string {
  const pieces: string[] = []
  let last = 0
  for (let k = 0; k < names.length; k++) {
    const open = quoteBefore(out, names[k].at)
    if (open < last) continue
    const close = out.indexOf(QUOTES[out[open]], names[k].at + names[k].len)
    if (close < 0 || out.slice(open, close).includes('\n')) continue
    let content = ''
    let pos = open + 1
    for (; k < names.length && names[k].at < close; k++) { content += out.slice(pos, names[k].at) + names[k].name; pos = names[k].at + names[k].len }
    k--
    const ident = out[open] + content + out.slice(pos, close) + out[close]
    pieces.push(out.slice(last, open), ident + ' '.repeat(close + 1 - open - ident.length))
    last = close + 1
  }
  if (!pieces.length) return out
  pieces.push(out.slice(last))
  return pieces.join('')
}

/** the tag's text as blanks, its line breaks kept */
export function blank(tag: string): string { return tag.replace(/[^\n]/g, ' ') }

/** `s` at the end of a one-line tag's place, blanks before it */
function fitRight(s: string, tag: string): string {
  if (s.length > tag.length || tag.includes('\n')) return fit(s, tag)
  return ' '.repeat(tag.length - s.length) + s
}

/** `s` in the tag's place, padded with blanks (line breaks kept) to the tag's length */
function fit(s: string, tag: string): string {
  const b = blank(tag)
  // it goes on the tag's first line, so a tag over several lines keeps its line breaks after it
  const nl = tag.indexOf('\n')
  if (s.length > (nl < 0 ? tag.length : nl)) return b
  return s + b.slice(s.length)
}
