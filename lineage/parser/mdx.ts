// MDX (dbvmdx): WITH MEMBER/SET … SELECT <set> ON <axis>, … FROM [Cube] [WHERE (<tuple>)].
// Lineage is defined in the conformance README D18: the cube plays the schema, a dimension the table,
// a hierarchy or measure the column.
import type { Ident, Loc, Stmt } from '../ast/types.js'
import type { Token } from '../lexer/lexer.js'
import { TokenCursor, locOf, identOf } from './base.js'

export interface MdxRef { parts: Ident[]; loc: Loc; setLevel: boolean }
export type MdxStmt = Extract<Stmt, { k: 'mdx' }>

const TRAILING = new Set(['MEMBERS', 'CHILDREN', 'ALLMEMBERS', 'CURRENTMEMBER', 'PARENT', 'FIRSTCHILD', 'LASTCHILD', 'LEVEL',
  'LEVELS', 'ITEM', 'DEFAULTMEMBER', 'SIBLINGS', 'PREVMEMBER', 'NEXTMEMBER', 'FIRSTSIBLING', 'LASTSIBLING', 'UNIQUENAME',
  'NAME', 'VALUE', 'DATAMEMBER', 'LAG', 'LEAD', 'DIMENSION', 'HIERARCHY', 'ORDINAL', 'PROPERTIES'])
const KEYWORDS = new Set(['NULL', 'NON', 'EMPTY', 'ON', 'AND', 'OR', 'NOT', 'IS', 'AS', 'COLUMNS', 'ROWS', 'PAGES', 'CHAPTERS',
  'SECTIONS', 'AXIS', 'FROM', 'WHERE', 'SELECT', 'WITH', 'MEMBER', 'SET', 'CELL', 'DIMENSION', 'PROPERTIES', 'XOR', 'TRUE', 'FALSE',
  'ASC', 'DESC', 'BASC', 'BDESC', 'INCLUDE_CALC_MEMBERS', 'SELF', 'AFTER', 'BEFORE', 'SELF_AND_AFTER', 'SELF_AND_BEFORE', 'LEAVES', 'FORMAT_STRING', 'SOLVE_ORDER', 'VISIBLE'])
/** functions whose arguments after the first rank or filter a set instead of placing values on it */
const RANKING = new Set(['TOPCOUNT', 'BOTTOMCOUNT', 'TOPPERCENT', 'BOTTOMPERCENT', 'TOPSUM', 'BOTTOMSUM', 'ORDER', 'FILTER', 'HEAD', 'TAIL', 'GENERATE', 'NONEMPTY', 'SUBSET', 'RANK'])

/** all member references in tokens [from, to); `setLevel` is false inside ranking/filter arguments */
function refs(toks: Token[], from: number, to: number): MdxRef[] {
  const out: MdxRef[] = []
  const stack: Array<{ fn: string; arg: number }> = []
  let i = from
  while (i < to) {
    const t = toks[i]
    if (t.kind === 'punct' && t.image === '(') { const prev = toks[i - 1]; stack.push({ fn: prev && prev.kind === 'word' ? prev.upper : '', arg: 0 }); i++; continue }
    if (t.kind === 'punct' && t.image === ')') { stack.pop(); i++; continue }
    if (t.kind === 'punct' && t.image === ',') { if (stack.length) stack[stack.length - 1].arg++; i++; continue }
    if (t.kind === 'op' && t.image === '&') { i += 2; continue }
    if (t.kind === 'qident' || (t.kind === 'word' && !KEYWORDS.has(t.upper) && !(toks[i + 1]?.image === '('))) {
      const parts: Ident[] = [identOf(t)]
      let j = i + 1
      while (j + 1 < to && toks[j].image === '.' && (toks[j + 1].kind === 'qident' || toks[j + 1].kind === 'word')) {
        if (toks[j + 1].kind === 'word' && (TRAILING.has(toks[j + 1].upper) || toks[j + 2]?.image === '(')) { j += 2; if (toks[j]?.image === '(') break; continue }
        parts.push(identOf(toks[j + 1])); j += 2
      }
      if (toks[j]?.image === '.' && toks[j + 1]?.image === '&') j += 1
      const setLevel = stack.every((s) => !RANKING.has(s.fn) || s.arg === 0)
      if (t.kind === 'qident' || parts.length > 1) out.push({ parts, loc: locOf(t, toks[j - 1]), setLevel })
      i = j
      continue
    }
    i++
  }
  return out
}

/** index of the next top-level token satisfying pred, or `to` */
function scan(toks: Token[], from: number, to: number, pred: (t: Token) => boolean): number {
  let depth = 0
  for (let i = from; i < to; i++) {
    const t = toks[i]
    if (t.kind === 'punct' && (t.image === '(' || t.image === '{')) depth++
    else if (t.kind === 'punct' && (t.image === ')' || t.image === '}')) depth--
    else if (depth === 0 && pred(t)) return i
  }
  return to
}

export function parseMdx(p: TokenCursor): Stmt {
  const toks = p.toks
  const first = p.peek()!
  const members: MdxStmt['members'] = []
  const sets: MdxStmt['sets'] = []
  const end = p.end
  if (p.accept('WITH')) {
    while (p.isWord('MEMBER') || p.isWord('SET') || p.isWord('CELL')) {
      const kind = p.next().upper
      const nameStart = p.i
      const asAt = scan(toks, p.i, end, (t) => t.kind === 'word' && t.upper === 'AS')
      if (asAt >= end) p.fail('expected AS')
      const name = refs(toks, nameStart, asAt)[0]
      const bodyEnd = scan(toks, asAt + 1, end, (t) => t.kind === 'word' && (t.upper === 'MEMBER' || t.upper === 'SET' || t.upper === 'SELECT' || t.upper === 'CELL'))
      const body = refs(toks, asAt + 1, bodyEnd)
      if (name && kind === 'MEMBER') members.push({ name, deps: body })
      if (name && kind === 'SET') sets.push({ name, refs: body })
      p.i = bodyEnd
    }
  }
  p.expect('SELECT')
  const fromAt = scan(toks, p.i, end, (t) => t.kind === 'word' && t.upper === 'FROM')
  const axes: MdxRef[][] = []
  let i = p.i
  while (i < fromAt) {
    const onAt = scan(toks, i, fromAt, (t) => t.kind === 'word' && t.upper === 'ON')
    if (onAt >= fromAt) break
    const propsAt = scan(toks, i, onAt, (t) => t.kind === 'word' && t.upper === 'DIMENSION')
    axes.push(refs(toks, i, propsAt))
    const comma = scan(toks, onAt, fromAt, (t) => t.kind === 'punct' && t.image === ',')
    i = comma + 1
  }
  p.i = fromAt
  p.expect('FROM')
  let slicer: MdxRef[] = []
  let cube: Ident
  if (p.isOp('(')) {
    // subcube: FROM (SELECT … FROM [Cube]) — its axes restrict the facts like a slicer
    const open = p.i
    p.skipParens()
    const inner = parseMdx(new TokenCursor(toks, p.d, open + 1, p.i - 1)) as MdxStmt
    cube = inner.cube
    slicer = [...inner.axes.flat(), ...inner.slicer]
  } else cube = p.ident()
  if (p.accept('WHERE')) {
    const s = p.i
    const e = scan(toks, s, end, (t) => t.kind === 'word' && (t.upper === 'CELL' || t.upper === 'SELECT' || t.upper === 'WITH'))
    slicer = [...slicer, ...refs(toks, s, e)]
    p.i = e
  }
  if (p.isWord('CELL')) while (!p.eof() && !p.isWord('SELECT') && !p.isWord('WITH')) p.next()
  return { k: 'mdx', members, sets, axes, cube, slicer, loc: locOf(first, p.prev()) }
}
