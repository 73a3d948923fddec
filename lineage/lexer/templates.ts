/**
 * Jinja templates (dbt models, Airflow SQL) are not SQL: their tags are rewritten in place with text of
 * the same length, so the SQL around them parses and every coordinate still points into the user's text.
 *
 * - `{# … #}` comments and `{% … %}` statements become blanks (both branches of an `{% if %}` stay);
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
const TABLE_CONTEXT = /(?:\bFROM|\bJOIN|\bINTO|\bTABLE|\bUPDATE|\bUSING|\bMERGE|\bVIEW|\bEXISTS)\s*$/i
const STRING_ARGS = /(['"])((?:(?!\1).)*)\1/g
/** a Python format placeholder: `{name}` or `{params.name}` (no blank inside, unlike ODBC `{fn …}` escapes) */
const PLACEHOLDER = /\{[A-Za-z_][\w.]*\}/
const PLACEHOLDER_BODY = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/

const MAX_TAG = 4000

export function hasTemplates(text: string, substitution: boolean): boolean {
  return text.includes('{{') || text.includes('{%') || text.includes('{#') || text.includes('${') || (substitution && text.includes('&'))
    || PLACEHOLDER.test(text)
}

/** `substitution`: the script is run by SQL*Plus, which replaces &v before the database sees it */
export function blankTemplates(text: string, substitution: boolean): string {
  const out = replaceTags(text, (tag: string, at: number) => {
    if (tag[0] === '$') {
      // ${v}, ${hivevar:v}, ${env:v} (Hive, shell and Airflow scripts)
      const name = tag.slice(2, -1).trim().replace(/^(hivevar|hiveconf|env|system):/i, '')
      return fit(tableContext(text, at, tag) && /^[A-Za-z_]\w*$/.test(name) ? name : '0', tag)
    }
    if (tag[1] !== '{' && tag[1] !== '%' && tag[1] !== '#') {
      // {name}: a name where a table name is expected (its last part), else a value
      const name = tag.slice(1, -1).split('.').pop()!
      return fit(tableContext(text, at, tag) ? name : '0', tag)
    }
    if (tag[1] !== '{') return blank(tag)
    const body = tag.slice(2, -2).replace(/^-|-$/g, '').trim()
    const call = /^([A-Za-z_][\w.]*)\s*(\(([\s\S]*)\))?$/.exec(body)
    const fn = call?.[1]
    const args = call?.[3] !== undefined ? [...call[3].matchAll(STRING_ARGS)].map((m) => m[2]) : []
    if (fn === 'config') return blank(tag)
    if (fn === 'ref' && args.length) return fit(args[args.length - 1], tag)
    if (fn === 'source' && args.length >= 2) return fit(`${args[0]}.${args[1]}`, tag)
    if (!tableContext(text, at, tag)) return fit('0', tag)
    // a name: the last part of a dotted name, or of the call's last string argument
    const name = (call && call[2] === undefined ? fn!.split('.').pop() : args[args.length - 1]) ?? 'template'
    return fit(/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(name) ? name : 'template', tag)
  })
  if (!substitution) return out
  return out.replace(SUBSTITUTION, (tag: string, name: string, at: number) => {
    // PL/SQL has no & operator: outside a string every & is a substitution; inside one, rewriting it
    // changes only the literal's text
    return fit(tableContext(out, at, tag) ? name : '0', tag)
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
  const before = text.slice(Math.max(0, at - 12), at)
  return TABLE_CONTEXT.test(before) || before.endsWith('.') || text[at + tag.length] === '.' || tag.endsWith('.')
}

/** the tag's text as blanks, its line breaks kept */
function blank(tag: string): string { return tag.replace(/[^\n]/g, ' ') }

/** `s` in the tag's place, padded with blanks (line breaks kept) to the tag's length */
function fit(s: string, tag: string): string {
  const b = blank(tag)
  // it goes on the tag's first line, so a tag over several lines keeps its line breaks after it
  const nl = tag.indexOf('\n')
  if (s.length > (nl < 0 ? tag.length : nl)) return b
  return s + b.slice(s.length)
}
