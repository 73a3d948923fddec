import { createToken, Lexer, type ILexingResult, type IToken, type TokenType, type CustomPatternMatcherFunc } from 'chevrotain'
import type { DialectSpec } from '../dialects/spec.js'

/**
 * One Chevrotain lexer per dialect, built once and cached. Words are ONE token type and keywords are
 * classified by the parser through a lookup: a token type per keyword made the lexer ~3x slower.
 */
export type TokKind = 'word' | 'qident' | 'string' | 'number' | 'param' | 'op' | 'punct' | 'bad'

const KINDS: TokKind[] = ['word', 'qident', 'string', 'number', 'param', 'op', 'punct', 'bad']
const WORD = 0
const BAD = 7
/** a lexer token type's kind index, or COMMENT for the comment group */
const COMMENT = 8

/**
 * A token. Its end offset, line and column are derived, and kind, line breaks and line start share one
 * number: a token keeps 6 fields, not 11. Node runs without pointer compression, so a field is 8 bytes
 * and tokens were a quarter of a big analysis's allocations.
 */
export class Token {
  constructor(
    /** index in KINDS (3 bits), first token on its line (1 bit), line breaks inside the token (the rest) */
    private readonly f: number,
    readonly image: string,
    /** upper-cased image for words, the image otherwise */
    readonly upper: string,
    /** start offset */
    readonly start: number,
    readonly line: number,
    readonly col: number,
  ) {}

  get kind(): TokKind { return KINDS[this.f & 7] }
  /** line breaks inside the token (strings, comments and quoted names may span lines) */
  get nl(): number { return this.f >>> 4 }
  /** first token on its line (for GO / `/` batch lines) */
  get bol(): boolean { return (this.f & 8) !== 0 }
  /** end offset, exclusive */
  get end(): number { return this.start + this.image.length }
  /** end position, exclusive column */
  get eline(): number { return this.line + this.nl }
  get ecol(): number { return this.nl === 0 ? this.col + this.image.length : this.image.length - this.image.lastIndexOf('\n') }
  /** the same token at another place (SQL text taken from a literal keeps the literal's coordinates) */
  at(start: number, line: number, col: number): Token { return new Token(this.f, this.image, this.upper, start, line, col) }
}

export interface LexOutput { tokens: Token[]; comments: Token[]; /** unterminated comments */ unterminated: Token[] }

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

/** a block comment whose inner /* … *\/ pairs nest; unclosed, it runs to the end of the input */
function nestedComment(): CustomPatternMatcherFunc {
  return (text, offset) => {
    if (text.charCodeAt(offset) !== 47 || text.charCodeAt(offset + 1) !== 42) return null
    let depth = 1
    let i = offset + 2
    while (depth > 0) {
      const close = text.indexOf('*/', i)
      if (close < 0) { i = text.length; break }
      // an opener before this closer nests one level (scanned only up to the closer: linear in the comment)
      let open = -1
      for (let j = i; j < close; j++) if (text.charCodeAt(j) === 47 && text.charCodeAt(j + 1) === 42) { open = j; break }
      if (open >= 0) { depth++; i = open + 2 } else { depth--; i = close + 2 }
    }
    const r = [text.slice(offset, i)] as unknown as RegExpExecArray
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

/**
 * Words and white space are most of the input: a character-class table read in a loop matches them
 * with no regular expression call (Chevrotain's sticky `test` per token was a fifth of the lexing).
 * A word seen recently (a direct-mapped cache by the hash of its characters) gives back the same
 * image and upper-cased strings: no substring, no toUpperCase (a runtime call) and, as the strings
 * keep their hash, cheaper Map lookups of the names later. The result array is reused: Chevrotain
 * reads `[0]` at once and passes it to makeToken, which takes the upper-cased form from `word.upper`.
 */
interface WordMatcher { match: CustomPatternMatcherFunc; startCodes: number[]; /** the upper-cased image of the last match */ upper: string }

const WORD_CACHE_BITS = 12

function wordMatcher(startExtra: string, partExtra: string): WordMatcher {
  const START = 1
  const PART = 2
  const cls = new Uint8Array(65536)
  const mark = (lo: number, hi: number, bits: number) => { for (let c = lo; c <= hi; c++) cls[c] |= bits }
  mark(65, 90, START | PART); mark(97, 122, START | PART); mark(95, 95, START | PART); mark(0xc0, 0xffff, START | PART)
  mark(48, 57, PART)
  for (const ch of startExtra) cls[ch.charCodeAt(0)] |= START
  for (const ch of partExtra) cls[ch.charCodeAt(0)] |= PART
  const images: string[] = new Array(1 << WORD_CACHE_BITS).fill('')
  const uppers: string[] = new Array(1 << WORD_CACHE_BITS).fill('')
  const mask = (1 << WORD_CACHE_BITS) - 1
  const out = [''] as unknown as RegExpExecArray
  const w: WordMatcher = { match: (text, offset) => {
    let c = text.charCodeAt(offset)
    if ((cls[c] & START) === 0) return null
    let h = c
    let i = offset + 1
    const n = text.length
    while (i < n && (cls[c = text.charCodeAt(i)] & PART) !== 0) { h = (Math.imul(h, 31) + c) | 0; i++ }
    const slot = (h ^ (h >>> WORD_CACHE_BITS)) & mask
    const cached = images[slot]
    const len = i - offset
    let hit = cached.length === len
    for (let k = 0; hit && k < len; k++) hit = cached.charCodeAt(k) === text.charCodeAt(offset + k)
    if (hit) { out[0] = cached; w.upper = uppers[slot] } else {
      const image = text.substring(offset, i)
      out[0] = images[slot] = image
      w.upper = uppers[slot] = image.toUpperCase()
    }
    return out
  }, startCodes: [], upper: '' }
  for (let c = 0; c < 65536; c++) if (cls[c] & START) w.startCodes.push(c)
  return w
}

const WS_CHARS = ' \t\r\n\f\v\u00a0\ufeff\u2028\u2029'
/** the image of a skipped white-space run is never read, only its length: one cached string per length */
function whiteSpaceMatcher(): CustomPatternMatcherFunc {
  const ws = new Uint8Array(65536)
  for (const ch of WS_CHARS) ws[ch.charCodeAt(0)] = 1
  const blanks: string[] = []
  const out = [''] as unknown as RegExpExecArray
  return (text, offset) => {
    let i = offset
    const n = text.length
    while (i < n && ws[text.charCodeAt(i)] === 1) i++
    const len = i - offset
    if (len === 0) return null
    out[0] = len < 4096 ? (blanks[len] ??= ' '.repeat(len)) : ' '.repeat(len)
    return out
  }
}

interface Vocabulary {
  lexer: Lexer
  /** by tokenTypeIdx: the kind (an index in KINDS, or COMMENT), and whether a token of the type may span lines */
  kindByIdx: number[]
  multiLineByIdx: boolean[]
  /** string types whose pattern takes the rest of the input when the closing delimiter is missing ($$, q'[ ]') */
  openEndedByIdx: boolean[]
  /** Chevrotain calls makeToken for every match (see below); false if this Chevrotain has no such hook */
  direct: boolean
  /** the Word type's matcher and type index: makeToken takes its upper-cased image from it */
  word: WordMatcher
  wordIdx: number
}

function buildVocabulary(d: DialectSpec): Vocabulary {
  const kinds = new Map<TokenType, TokKind | 'comment'>()
  const defs: TokenType[] = []
  const add = (t: TokenType, k: TokKind | 'comment') => { kinds.set(t, k); defs.push(t) }
  defs.push(createToken({ name: 'WS', pattern: whiteSpaceMatcher(), group: Lexer.SKIPPED, line_breaks: true, start_chars_hint: [...WS_CHARS] }))
  // MDX (SSAS scripts and calculations) and Snowflake also comment with //
  add(createToken({ name: 'LineComment', pattern: d.hashComments ? /(?:--|#)[^\n]*/ : d.slashComments ? /(?:--|\/\/)[^\n]*/ : /--[^\n]*/, group: 'comments' }), 'comment')
  add(createToken({ name: 'BlockComment', pattern: d.nestedComments ? nestedComment() : /\/\*[\s\S]*?(?:\*\/|$(?![\s\S]))/, group: 'comments', line_breaks: true, start_chars_hint: ['/'] }), 'comment')
  if (d.braceComments) add(createToken({ name: 'BraceComment', pattern: /\{[^}]*\}?/, group: 'comments', line_breaks: true }), 'comment')
  if (d.dollarQuotedStrings) add(createToken({ name: 'DollarString', pattern: dollarString(), line_breaks: true, start_chars_hint: ['$'] }), 'string')
  if (d.qQuoteStrings) add(createToken({ name: 'QString', pattern: qQuote(), line_breaks: true, start_chars_hint: ['q', 'Q', 'n', 'N'] }), 'string')
  // PostgreSQL / Vertica E'…' strings take backslash escapes even where plain strings do not (E'it\'s')
  if (!d.backslashEscapes && (d.plpgsql || d.name === 'dbvvertica')) add(createToken({ name: 'EString', pattern: /[Ee]'(?:[^'\\]|\\[\s\S]|'')*'/, line_breaks: true, start_chars_hint: ['E', 'e'] }), 'string')
  const sq = d.backslashEscapes ? "'(?:[^'\\\\]|\\\\[\\s\\S]|'')*'" : "'(?:[^']|'')*'"
  const prefix = `(?:[NnEeXxBbRrUu]&?|[Rr][Bb]|[Bb][Rr]${d.charsetIntroducers ? '|_[A-Za-z0-9]+' : ''})?`
  add(createToken({ name: 'String', pattern: new RegExp(`${prefix}${sq}`), line_breaks: true }), 'string')
  if (d.name === 'dbvbigquery') add(createToken({ name: 'TripleString', pattern: /[rRbB]{0,2}(?:"{3}[\s\S]*?"{3}|'{3}[\s\S]*?'{3})/, line_breaks: true }), 'string')
  if (d.doubleQuotedStrings) {
    const dq = (d.name === 'dbvbigquery' ? '(?:[rRbB]{1,2})?' : '') + (d.backslashEscapes ? '"(?:[^"\\\\]|\\\\[\\s\\S]|"")*"' : '"(?:[^"]|"")*"')
    add(createToken({ name: 'DString', pattern: new RegExp(dq), line_breaks: true }), 'string')
  }
  // PostgreSQL U&"d\0061t": a quoted name spelled with Unicode escapes
  if (!d.doubleQuotedStrings && d.identifierQuotes.includes('"')) add(createToken({ name: 'QIdent', pattern: d.plpgsql ? /(?:[Uu]&)?"(?:[^"]|"")*"/ : /"(?:[^"]|"")*"/, line_breaks: true }), 'qident')
  if (d.identifierQuotes.includes('`')) add(createToken({ name: 'BIdent', pattern: /`(?:[^`]|``)*`/, line_breaks: true }), 'qident')
  if (d.identifierQuotes.includes('[')) add(createToken({ name: 'BrIdent', pattern: /\[(?:[^\]\n]|\]\])*\]/ }), 'qident')
  // An unterminated literal or quoted name swallows the rest: the parser reports it with its position.
  add(createToken({ name: 'Unterminated', pattern: /['"`][\s\S]*/, line_breaks: true }), 'bad')
  // 0x1F: T-SQL, MySQL and Sybase binary / hexadecimal literals; a bare 0x is the empty binary value (T-SQL)
  const num = /0[xX][0-9A-Fa-f]*|(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/
  // MySQL names may start with a digit when they are no number (2fa_codes, t.1st_login): a word, before Number
  if (d.name === 'dbvmysql') add(createToken({ name: 'DigitWord', pattern: /(?!0[xX][0-9A-Fa-f]*(?![\w$]))(?!0[bB][01]+(?![\w$]))(?!\d+[eE][+-]?\d+(?![\w$]))\d+[A-Za-z_$][\w$]*/, start_chars_hint: [...'0123456789'] }), 'word')
  const numPattern = d.name === 'dbvmysql' ? /0[xX][0-9A-Fa-f]*|0[bB][01]+|(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?(?![A-Za-z_$])/ : num
  add(createToken({ name: 'Number', pattern: d.moneyLiterals ? new RegExp(`\\$\\d+(?:\\.\\d*)?|${num.source}`) : numPattern }), 'number')
  add(createToken({ name: 'Param', pattern: /\$\d+|\?/ }), 'param')
  const word = wordMatcher(d.identStartExtra, d.identPartExtra)
  const wordType = createToken({ name: 'Word', pattern: word.match, start_chars_hint: word.startCodes })
  add(wordType, 'word')
  add(createToken({ name: 'Op', pattern: /<<=|>>=|-\|-|&<|&>|\|\|\/(?!\*)|\|\/(?!\*)|\*=|=\*(?![*\w])|::|:=|=>|->>|->|#>>|#>|\|\||<->|<=>|<=|>=|<>|!=|==|\^=|!~~\*|!~~|~~\*|~~|!~\*|!~|~\*|@>|<@|@@(?![A-Za-z_])|@\?|#-|&&|<<|>>|\*\*|\.\./ }), 'op')
  // one token type per single character: Chevrotain matches a one-character string pattern without a
  // regular expression and uses the pattern as the image (no substring per token); a third of the
  // tokens are punctuation. After the multi-character operators, which take precedence.
  for (const c of '-+*/%=<>!~^&|?:@#\\$') add(createToken({ name: `Op${c.charCodeAt(0)}`, pattern: c }), 'op')
  for (const c of '(),;.[]{}') add(createToken({ name: `Punct${c.charCodeAt(0)}`, pattern: c }), 'punct')
  add(createToken({ name: 'Other', pattern: /[\s\S]/ }), 'bad')
  const lexer = new Lexer(defs, {
    positionTracking: 'onlyOffset',
    lineTerminatorsPattern: /\n/g,
    lineTerminatorCharacters: ['\n'],
    ensureOptimizations: true,
    skipValidations: true,
  })
  const kindByIdx: number[] = []
  const multiLineByIdx: boolean[] = []
  const openEndedByIdx: boolean[] = []
  for (const [t, k] of kinds) {
    kindByIdx[t.tokenTypeIdx!] = k === 'comment' ? COMMENT : KINDS.indexOf(k)
    multiLineByIdx[t.tokenTypeIdx!] = t.LINE_BREAKS === true || k === 'bad'
    openEndedByIdx[t.tokenTypeIdx!] = t.name === 'DollarString' || t.name === 'QString'
  }
  const v: Vocabulary = { lexer, kindByIdx, multiLineByIdx, openEndedByIdx, direct: false, word, wordIdx: wordType.tokenTypeIdx! }
  ;(lexer as unknown as { createTokenInstance: unknown }).createTokenInstance = makeToken
  v.direct = probeDirect(v)
  return v
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
}

/**
 * Chevrotain makes a token object per match through its instance method createTokenInstance; the
 * lexer's is replaced by makeToken, which makes this module's Token (kind, upper-cased word, line and
 * column) in place of Chevrotain's: one object per token instead of two and no conversion pass (a
 * tenth of a 10 MB analysis's allocations). `ctx` holds the piece being lexed: the engine is
 * synchronous, and tokenize sets and clears it around one lexer.tokenize call.
 */
interface LexContext { v: Vocabulary; lc: LineCounter; offset: number; dl: number; /** columns added on the piece's first line */ dc: number; prevLine: number }
let ctx: LexContext | undefined

function makeToken(image: string, at: number, tokenTypeIdx: number): Token {
  const c = ctx!
  let kind = c.v.kindByIdx[tokenTypeIdx]
  const comment = kind === COMMENT
  if (comment) kind = BAD
  else if (c.v.openEndedByIdx[tokenTypeIdx] && !terminated(image)) kind = BAD
  const lc = c.lc
  lc.seek(at)
  const tl = lc.line + c.dl
  let nl = 0
  if (c.v.multiLineByIdx[tokenTypeIdx]) for (let k = image.indexOf('\n'); k >= 0; k = image.indexOf('\n', k + 1)) nl++
  const bol = !comment && tl !== c.prevLine
  if (!comment) c.prevLine = tl + nl
  // (a token spanning over 2^27 lines, possible only past the input budget, would report fewer)
  return new Token(kind | (bol ? 8 : 0) | (Math.min(nl, 0x7ffffff) << 4), image, kind !== WORD ? image : tokenTypeIdx === c.v.wordIdx && c.v.direct ? c.v.word.upper : image.toUpperCase(), at + c.offset, tl, lc.line === 1 ? lc.col + c.dc : lc.col)
}

/** whether the lexer's tokens come from makeToken (a Chevrotain that renamed its hook falls back to converting) */
function probeDirect(v: Vocabulary): boolean {
  ctx = { v, lc: new LineCounter('a'), offset: 0, dl: 0, dc: 0, prevLine: 0 }
  try { return (v.lexer.tokenize('a').tokens[0] as unknown as Token | undefined)?.upper === 'A' } finally { ctx = undefined }
}

/** whether `d`'s lexer makes this module's tokens directly (a test keeps a Chevrotain upgrade from silently losing it) */
export function lexesDirectly(d: DialectSpec): boolean { return vocabularyOf(d).direct }

/**
 * `offset`, `line`, `col`: where `text` starts in the whole script (a piece of it, or a routine body
 * lexed again): positions come out absolute
 */
export function tokenize(text: string, d: DialectSpec, offset = 0, line = 1, col = 1): LexOutput {
  const v = vocabularyOf(d)
  const at = (): LexContext => ({ v, lc: new LineCounter(text), offset, dl: line - 1, dc: col - 1, prevLine: 0 })
  // makeToken's line counter restarts for each piece; comments (a group) are lexed in order with the
  // tokens, so one forward pass serves both
  ctx = at()
  let res: ILexingResult
  try { res = v.lexer.tokenize(text) } finally { ctx = undefined }
  let tokens = res.tokens as unknown as Token[]
  let comments = (res.groups.comments ?? []) as unknown as Token[]
  if (!v.direct) {
    // a Chevrotain without the hook: its tokens are converted (comments apart, as they come in a group)
    tokens = convert(res.tokens, at())
    comments = convert(res.groups.comments ?? [], at())
  }
  if (d.slashTerminator && text.includes('$')) tokens = plsqlDirectives(tokens)
  return { tokens, comments, unterminated: comments.length ? comments.filter(isUnterminatedComment) : [] }
}

const NUMBER = 3
const isDollar = (t: Token | undefined): boolean => t !== undefined && t.kind === 'op' && t.image === '$'

/**
 * PL/SQL conditional compilation: `$IF … $THEN`, `$ELSIF … $THEN`, `$ELSE`, `$END` and `$ERROR … $END` select
 * code at compile time and move no data, so they are dropped and every branch is read; an inquiry
 * directive ($$PLSQL_UNIT, $$debug) becomes one literal. Unhandled, each directive failed its statement.
 */
function plsqlDirectives(tokens: Token[]): Token[] {
  const out: Token[] = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (!isDollar(t)) { out.push(t); continue }
    const n = tokens[i + 1]
    if (isDollar(n) && tokens[i + 2]?.kind === 'word' && n.start === t.end && tokens[i + 2].start === n.end) {
      const w = tokens[i + 2]
      out.push(new Token(NUMBER | (t.bol ? 8 : 0), `$$${w.image}`, `$$${w.image}`, t.start, t.line, t.col)); i += 2; continue
    }
    const u = n?.kind === 'word' && n.start === t.end ? n.upper : ''
    if (u === 'ELSE' || u === 'END') { i++; continue }
    if (u === 'IF' || u === 'ELSIF' || u === 'ERROR') {
      // to the closing $THEN ($END for $ERROR)
      const close = u === 'ERROR' ? 'END' : 'THEN'
      let k = i + 2
      while (k < tokens.length && !(isDollar(tokens[k]) && tokens[k + 1]?.upper === close)) k++
      i = k + 1; continue
    }
    out.push(t)
  }
  return out
}

function convert(src: IToken[], c: LexContext): Token[] {
  const out: Token[] = new Array(src.length)
  ctx = c
  try { for (let i = 0; i < src.length; i++) out[i] = makeToken(src[i].image, src[i].startOffset, src[i].tokenTypeIdx) } finally { ctx = undefined }
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
