import { createToken, Lexer, type ILexingResult, type IToken, type TokenType, type CustomPatternMatcherFunc } from 'chevrotain'
import type { DialectSpec } from '../dialects/spec.js'

/**
 * One Chevrotain lexer per dialect, built once and cached. Words are ONE token type and keywords are
 * classified by the parser through a lookup: a token type per keyword made the lexer ~3x slower.
 */
export type TokKind = 'word' | 'qident' | 'string' | 'number' | 'param' | 'op' | 'punct' | 'bad'

export interface Token {
  kind: TokKind
  image: string
  /** upper-cased image for words, the image otherwise */
  upper: string
  /** start/end offsets (end exclusive) */
  start: number
  end: number
  line: number
  col: number
  /** end position, exclusive column */
  eline: number
  ecol: number
  /** first token on its line (for GO / `/` batch lines) */
  bol?: boolean
}

export interface LexOutput { tokens: Token[]; comments: Token[]; /** unterminated comments */ unterminated: Token[] }

const esc = (s: string) => s.replace(/[\\\]^$.*+?()[{}|-]/g, '\\$&')

function dollarString(): CustomPatternMatcherFunc {
  const re = /\$([A-Za-z_][A-Za-z0-9_]*)?\$/y
  return (text, offset) => {
    re.lastIndex = offset
    const m = re.exec(text)
    if (!m) return null
    const close = text.indexOf(m[0], offset + m[0].length)
    const end = close < 0 ? text.length : close + m[0].length
    const r = [text.slice(offset, end)] as unknown as RegExpExecArray
    r.index = offset
    return r
  }
}

function qQuote(): CustomPatternMatcherFunc {
  const pairs: Record<string, string> = { '[': ']', '(': ')', '{': '}', '<': '>' }
  return (text, offset) => {
    let i = offset
    if (text[i] === 'n' || text[i] === 'N') i++
    if ((text[i] !== 'q' && text[i] !== 'Q') || text[i + 1] !== "'") return null
    const open = text[i + 2]
    if (open === undefined) return null
    const close = pairs[open] ?? open
    const endAt = text.indexOf(close + "'", i + 3)
    const end = endAt < 0 ? text.length : endAt + 2
    const r = [text.slice(offset, end)] as unknown as RegExpExecArray
    r.index = offset
    return r
  }
}

interface Vocabulary {
  lexer: Lexer
  kinds: Map<TokenType, TokKind | 'comment'>
  /** by tokenTypeIdx: the kind, and whether a token of the type may span lines */
  kindByIdx: Array<TokKind | 'comment'>
  multiLineByIdx: boolean[]
}

function buildVocabulary(d: DialectSpec): Vocabulary {
  const kinds = new Map<TokenType, TokKind | 'comment'>()
  const defs: TokenType[] = []
  const add = (t: TokenType, k: TokKind | 'comment') => { kinds.set(t, k); defs.push(t) }
  defs.push(createToken({ name: 'WS', pattern: /[ \t\r\n\f\v\u00a0\ufeff\u2028\u2029]+/, group: Lexer.SKIPPED, line_breaks: true }))
  add(createToken({ name: 'LineComment', pattern: d.hashComments ? /(?:--|#)[^\n]*/ : /--[^\n]*/, group: 'comments' }), 'comment')
  add(createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?(?:\*\/|$(?![\s\S]))/, group: 'comments', line_breaks: true }), 'comment')
  if (d.braceComments) add(createToken({ name: 'BraceComment', pattern: /\{[^}]*\}?/, group: 'comments', line_breaks: true }), 'comment')
  if (d.dollarQuotedStrings) add(createToken({ name: 'DollarString', pattern: dollarString(), line_breaks: true, start_chars_hint: ['$'] }), 'string')
  if (d.qQuoteStrings) add(createToken({ name: 'QString', pattern: qQuote(), line_breaks: true, start_chars_hint: ['q', 'Q', 'n', 'N'] }), 'string')
  const sq = d.backslashEscapes ? "'(?:[^'\\\\]|\\\\[\\s\\S]|'')*'" : "'(?:[^']|'')*'"
  add(createToken({ name: 'String', pattern: new RegExp(`(?:[NnEeXxBbRrUu]&?|[Rr][Bb]|[Bb][Rr])?${sq}`), line_breaks: true }), 'string')
  if (d.name === 'dbvbigquery') add(createToken({ name: 'TripleString', pattern: /[rRbB]{0,2}(?:"{3}[\s\S]*?"{3}|'{3}[\s\S]*?'{3})/, line_breaks: true }), 'string')
  if (d.doubleQuotedStrings) {
    const dq = (d.name === 'dbvbigquery' ? '(?:[rRbB]{1,2})?' : '') + (d.backslashEscapes ? '"(?:[^"\\\\]|\\\\[\\s\\S]|"")*"' : '"(?:[^"]|"")*"')
    add(createToken({ name: 'DString', pattern: new RegExp(dq), line_breaks: true }), 'string')
  }
  if (!d.doubleQuotedStrings && d.identifierQuotes.includes('"')) add(createToken({ name: 'QIdent', pattern: /"(?:[^"]|"")*"/, line_breaks: true }), 'qident')
  if (d.identifierQuotes.includes('`')) add(createToken({ name: 'BIdent', pattern: /`(?:[^`]|``)*`/, line_breaks: true }), 'qident')
  if (d.identifierQuotes.includes('[')) add(createToken({ name: 'BrIdent', pattern: /\[(?:[^\]\n]|\]\])*\]/ }), 'qident')
  // An unterminated literal or quoted name swallows the rest: the parser reports it with its position.
  add(createToken({ name: 'Unterminated', pattern: /['"`][\s\S]*/, line_breaks: true }), 'bad')
  add(createToken({ name: 'Number', pattern: /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/ }), 'number')
  add(createToken({ name: 'Param', pattern: /\$\d+|\?/ }), 'param')
  const start = `A-Za-z_\\u00c0-\\uffff${esc(d.identStartExtra)}`
  const part = `A-Za-z0-9_\\u00c0-\\uffff${esc(d.identPartExtra)}`
  add(createToken({ name: 'Word', pattern: new RegExp(`[${start}][${part}]*`) }), 'word')
  add(createToken({ name: 'Op', pattern: /\*=|=\*(?![*\w])|::|:=|=>|->>|->|#>>|#>|\|\||<=>|<=|>=|<>|!=|==|\^=|!~\*|!~|~\*|@>|<@|&&|<<|>>|\*\*|\.\.|[-+*\/%=<>!~^&|?:@#\\$]/ }), 'op')
  add(createToken({ name: 'Punct', pattern: /[(),;.\[\]{}]/ }), 'punct')
  add(createToken({ name: 'Other', pattern: /[\s\S]/ }), 'bad')
  const lexer = new Lexer(defs, {
    positionTracking: 'onlyOffset',
    lineTerminatorsPattern: /\n/g,
    lineTerminatorCharacters: ['\n'],
    ensureOptimizations: true,
    skipValidations: true,
  })
  const kindByIdx: Array<TokKind | 'comment'> = []
  const multiLineByIdx: boolean[] = []
  for (const [t, k] of kinds) { kindByIdx[t.tokenTypeIdx!] = k; multiLineByIdx[t.tokenTypeIdx!] = t.LINE_BREAKS === true || k === 'bad' }
  return { lexer, kinds, kindByIdx, multiLineByIdx }
}

const vocabularies = new Map<string, Vocabulary>()

function vocabularyOf(d: DialectSpec): Vocabulary {
  let v = vocabularies.get(d.name)
  if (!v) { v = buildVocabulary(d); vocabularies.set(d.name, v) }
  return v
}

/** line and column of every offset, computed in one forward pass (Chevrotain tracks offsets only) */
class LineCounter {
  line = 1
  col = 1
  private lineStart = 0
  private pos = 0
  /** the next line break at or after pos (-1: none): one indexOf per line, not per token */
  private nextBreak: number
  constructor(private readonly text: string) { this.nextBreak = text.indexOf('\n') }
  /** moves to offset and sets line/col (no object per call: this runs once per token) */
  seek(offset: number): void {
    if (offset < this.pos) { this.line = 1; this.lineStart = 0; this.pos = 0; this.nextBreak = this.text.indexOf('\n') }
    while (this.nextBreak >= 0 && this.nextBreak < offset) { this.line++; this.lineStart = this.nextBreak + 1; this.nextBreak = this.text.indexOf('\n', this.lineStart) }
    this.pos = offset
    this.col = offset - this.lineStart + 1
  }
  at(offset: number): { line: number; col: number } { this.seek(offset); return { line: this.line, col: this.col } }
}

/** `offset`, `line`: where `text` starts in the whole script (a piece of it): positions come out absolute */
export function tokenize(text: string, d: DialectSpec, offset = 0, line = 1): LexOutput {
  const v = vocabularyOf(d)
  const res: ILexingResult = v.lexer.tokenize(text)
  const tokens = convertTokens(res.tokens, text, v, offset, line)
  const src = res.groups.comments
  const comments = src && src.length ? convertComments(src, text, offset, line) : []
  return { tokens, comments, unterminated: comments.length ? comments.filter(isUnterminatedComment) : [] }
}

// The token loop and the comment pass are separate functions: in one function, the rarely seen
// comment arrays deoptimised the hot loop's code on every piece of a big script (140 times per 10 MB).
function convertTokens(src: IToken[], text: string, v: Vocabulary, offset: number, line: number): Token[] {
  const { kindByIdx, multiLineByIdx } = v
  const tokens: Token[] = new Array(src.length)
  const lc = new LineCounter(text)
  let prevLine = 0
  const dl = line - 1
  for (let i = 0; i < src.length; i++) {
    const t = src[i]
    let kind = kindByIdx[t.tokenTypeIdx] as TokKind
    const image = t.image
    if (kind === 'string' && !terminated(image)) kind = 'bad'
    const at = t.startOffset
    lc.seek(at)
    const tl = lc.line + dl
    const col = lc.col
    let eline = tl
    let ecol = col + image.length
    if (multiLineByIdx[t.tokenTypeIdx] && image.indexOf('\n') >= 0) { lc.seek(at + image.length); eline = lc.line + dl; ecol = lc.col }
    const start = at + offset
    tokens[i] = { kind, image, upper: kind === 'word' ? image.toUpperCase() : image, start, end: start + image.length, line: tl, col, eline, ecol, bol: tl !== prevLine }
    prevLine = eline
  }
  return tokens
}

function convertComments(src: IToken[], text: string, offset: number, line: number): Token[] {
  const cc = new LineCounter(text)
  const dl = line - 1
  const out: Token[] = new Array(src.length)
  for (let i = 0; i < src.length; i++) {
    const t = src[i]
    const s = cc.at(t.startOffset)
    const e = cc.at(t.startOffset + t.image.length)
    const start = t.startOffset + offset
    out[i] = { kind: 'bad', image: t.image, upper: t.image, start, end: start + t.image.length, line: s.line + dl, col: s.col, eline: e.line + dl, ecol: e.col, bol: false }
  }
  return out
}

function isUnterminatedComment(c: Token): boolean {
  return (c.image.startsWith('/*') && !(c.image.length >= 4 && c.image.endsWith('*/'))) || (c.image.startsWith('{') && !c.image.endsWith('}'))
}

/** dollar-quoted and q-quoted strings swallow the rest of the input when unterminated */
function terminated(s: string): boolean {
  if (s.startsWith('$')) { const tag = s.slice(0, s.indexOf('$', 1) + 1); return s.length >= tag.length * 2 && s.endsWith(tag) }
  const q = /^[nN]?[qQ]'(.)/.exec(s)
  if (q) { const close = ({ '[': ']', '(': ')', '{': '}', '<': '>' } as Record<string, string>)[q[1]] ?? q[1]; return s.length >= 5 && s.endsWith(close + "'") }
  return true
}
