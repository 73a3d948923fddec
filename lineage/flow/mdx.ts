// MDX dataflow (conformance D18): axis measures/hierarchies → RS columns; calculated members and named
// sets are intermediate; the WHERE slicer's hierarchies are fdr sources of every measure column.
import type { Ident, Stmt } from '../ast/types.js'
import type { MdxRef } from '../parser/mdx.js'
import type { ModelObj as DbObj } from '../model/store.js'
import type { Analyzer } from './analyzer.js'
import { inClause, type ColRef } from './builder.js'

type Mdx = Extract<Stmt, { k: 'mdx' }>

const keyOf = (r: MdxRef) => r.parts.map((p) => p.name.toUpperCase()).join('.')

export function mdxFlow(a: Analyzer, s: Mdx): void {
  const b = a.b
  const members = new Map(s.members.map((m) => [keyOf(m.name), m]))
  const sets = new Map(s.sets.map((m) => [keyOf(m.name), m]))
  const memberObjs = new Map<string, ColRef>()
  const source = (r: MdxRef): ColRef | undefined => {
    if (r.parts.length < 2) return undefined
    const dim: Ident = r.parts[0]
    const col = r.parts[1]
    const e = a.entry({ parts: [{ ...s.cube, quoted: true }, { ...dim, quoted: true }], loc: dim.loc })
    a.reads.add(e.obj.id)
    return a.ref(e.obj, col.name, r.loc, col.name.toUpperCase())
  }
  const isMeasure = (r: MdxRef) => r.parts[0].name.toUpperCase() === 'MEASURES'
  const member = (r: MdxRef): ColRef | undefined => {
    const k = keyOf(r)
    const m = members.get(k)
    if (!m) return undefined
    let ref = memberObjs.get(k)
    if (!ref) {
      const obj: DbObj = b.object('variable', r.parts.map((p) => `[${p.name}]`).join('.'), r.loc, { subType: 'calculated_member' })
      ref = a.ref(obj, r.parts[r.parts.length - 1].name, r.loc)
      memberObjs.set(k, ref)
      const deps = m.deps.map((d) => member(d) ?? source(d)).filter((x): x is ColRef => !!x)
      b.relate('fdd', ref, deps, 'select', 'transformation')
    }
    return ref
  }
  const rs = b.object('select_list', b.nextName('RS'), s.loc, { topLevel: true })
  const measureCols: ColRef[] = []
  const place = (r: MdxRef) => {
    const k = keyOf(r)
    const set = sets.get(k)
    if (set) { for (const x of set.refs) if (x.setLevel && !isMeasure(x)) place(x); return }
    if (r.parts.length < 2) return
    const name = r.parts[r.parts.length === 2 || isMeasure(r) ? 1 : 1].name
    const target = a.ref(rs, name, r.loc, name.toUpperCase())
    const src = member(r) ?? source(r)
    if (src) b.relate('fdd', target, [src], 'select', 'identity')
    if (isMeasure(r) && !measureCols.some((m) => m.col === target.col)) measureCols.push(target)
  }
  for (const axis of s.axes) for (const r of axis) if (r.setLevel) place(r)
  const slicer = s.slicer.filter((r) => !isMeasure(r)).map(source).filter((x): x is ColRef => !!x)
  for (const m of measureCols) b.relate('fdr', m, slicer.map((x) => inClause(x, 'where')), 'select', 'filter')
}
