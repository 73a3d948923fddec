import type { DbObj, ModelOptions, Relation, SqlflowModel } from './types.js'

export interface EndToEndEdge { type: 'fdd' | 'fdr'; source: { obj: DbObj; colId: string; column: string }; target: { obj: DbObj; colId: string; column: string } }

/**
 * Collapse chains through intermediate objects into end-to-end edges between kept objects (spec §4.10,
 * conformance E3): fdr if any hop is fdr; when an fdd and an fdr chain join the same pair, fdd wins.
 */
export function endToEndEdges(model: SqlflowModel, keep: (o: DbObj) => boolean): EndToEndEdge[] {
  const objById = new Map(model.dbobjs.map((o) => [o.id, o]))
  const colName = new Map<string, string>()
  const out = new Map<string, Array<{ to: string; fdr: boolean }>>()
  for (const r of model.relations) {
    if (r.type !== 'fdd' && r.type !== 'fdr') continue
    const t = `${r.target.parentId}:${r.target.id}`
    colName.set(t, r.target.column)
    for (const s of r.sources) {
      const k = `${s.parentId}:${s.id}`
      colName.set(k, s.column)
      let l = out.get(k)
      if (!l) { l = []; out.set(k, l) }
      l.push({ to: t, fdr: r.type === 'fdr' })
    }
  }
  const kept = (key: string) => { const o = objById.get(key.slice(0, key.indexOf(':'))); return !!o && keep(o) }
  const result = new Map<string, boolean>() // pair → fdr
  for (const start of out.keys()) {
    if (!kept(start)) continue
    const seen = new Set<string>()
    const stack: Array<[string, boolean]> = [[start, false]]
    while (stack.length) {
      const [node, fdr] = stack.pop()!
      for (const e of out.get(node) ?? []) {
        const f = fdr || e.fdr
        if (kept(e.to)) {
          const pk = `${start}|${e.to}`
          const prev = result.get(pk)
          result.set(pk, prev === undefined ? f : prev && f)
          continue
        }
        const sk = `${e.to}|${f}`
        if (seen.has(sk)) continue
        seen.add(sk)
        stack.push([e.to, f])
      }
    }
  }
  const edges: EndToEndEdge[] = []
  for (const [pk, fdr] of result) {
    const [s, t] = pk.split('|')
    const so = objById.get(s.slice(0, s.indexOf(':')))!
    const to = objById.get(t.slice(0, t.indexOf(':')))!
    edges.push({ type: fdr ? 'fdr' : 'fdd', source: { obj: so, colId: s.slice(s.indexOf(':') + 1), column: colName.get(s)! }, target: { obj: to, colId: t.slice(t.indexOf(':') + 1), column: colName.get(t)! } })
  }
  return edges
}

export const isPersistent = (o: DbObj) => o.persistent === true

/** Apply showRelationType / simpleOutput / ignoreRecordSet (spec §4.10) to a full model. */
export function projectModel(model: SqlflowModel, options: Partial<ModelOptions>): SqlflowModel {
  const types = new Set((options.showRelationType ?? ['fdd']).map((t) => String(t).trim().toLowerCase()).filter(Boolean))
  if (types.has('fddi')) types.add('fdd')
  let relations = model.relations
  let dbobjs = model.dbobjs
  if (options.ignoreFunction && !options.simpleOutput && !options.ignoreRecordSet) {
    const r = bypassFunctions(model)
    relations = r.relations
    dbobjs = r.dbobjs
  }
  if (options.simpleOutput || options.ignoreRecordSet) {
    const keep = options.simpleOutput ? isPersistent : (o: DbObj) => isPersistent(o) || o.topLevel === true
    relations = collapse(model, keep)
    const used = new Set(relations.flatMap((r) => [r.target.parentId, ...r.sources.map((s) => s.parentId)]))
    dbobjs = model.dbobjs.filter((o) => keep(o) || (o.type === 'pseudoTable' && used.has(o.id)))
  }
  relations = relations.filter((r) => types.has(r.type))
  return { ...model, dbobjs, relations }
}

/** ignoreFunction: a relation out of a function node takes the function's own sources (fdr when either hop is) */
function bypassFunctions(model: SqlflowModel): { relations: Relation[]; dbobjs: DbObj[] } {
  const fnIds = new Set(model.dbobjs.filter((o) => o.type === 'function').map((o) => o.id))
  const into = new Map<string, Relation[]>()
  for (const r of model.relations) if (fnIds.has(r.target.parentId)) into.set(r.target.parentId, [...(into.get(r.target.parentId) ?? []), r])
  const out: Relation[] = []
  for (const r of model.relations) {
    if (fnIds.has(r.target.parentId)) continue
    const direct = r.sources.filter((s) => !fnIds.has(s.parentId))
    const viaFn = r.sources.filter((s) => fnIds.has(s.parentId))
    if (!viaFn.length) { out.push(r); continue }
    if (direct.length) out.push({ ...r, sources: direct })
    for (const type of ['fdd', 'fdr'] as const) {
      const srcs = viaFn.flatMap((s) => (into.get(s.parentId) ?? []).filter((x) => (type === 'fdd' ? x.type === 'fdd' && r.type === 'fdd' : x.type === 'fdr' || r.type === 'fdr')).flatMap((x) => x.sources))
      if (srcs.length) out.push({ ...r, id: `${r.id}_${type}`, type, sources: srcs, dataflow: r.dataflow && type === 'fdr' ? { kind: 'indirect', subtype: 'filter' } : r.dataflow })
    }
  }
  return { relations: out, dbobjs: model.dbobjs.filter((o) => !fnIds.has(o.id)) }
}

function collapse(model: SqlflowModel, keep: (o: DbObj) => boolean): Relation[] {
  const byKey = new Map<string, Relation>()
  const colCoords = new Map<string, Relation['target']>()
  for (const r of model.relations) {
    colCoords.set(`${r.target.parentId}:${r.target.id}`, r.target)
    for (const s of r.sources) colCoords.set(`${s.parentId}:${s.id}`, s)
  }
  let id = 0
  const out: Relation[] = model.relations.filter((r) => r.type !== 'fdd' && r.type !== 'fdr')
  for (const e of endToEndEdges(model, keep)) {
    const k = `${e.type}|${e.target.obj.id}:${e.target.colId}`
    let rel = byKey.get(k)
    if (!rel) {
      const t = colCoords.get(`${e.target.obj.id}:${e.target.colId}`)!
      rel = { id: `e2e_${++id}`, type: e.type, effectType: e.target.obj.type === 'view' ? 'create_view' : 'select', target: { ...t, coordinates: t.coordinates }, sources: [],
        dataflow: { kind: e.type === 'fdd' ? 'direct' : 'indirect', subtype: e.type === 'fdd' ? 'transformation' : 'filter' } }
      byKey.set(k, rel)
      out.push(rel)
    }
    const s = colCoords.get(`${e.source.obj.id}:${e.source.colId}`)!
    rel.sources.push({ id: s.id, column: s.column, parentId: s.parentId, parentName: s.parentName, coordinates: s.coordinates, ...(s.source ? { source: s.source } : {}) })
  }
  return out
}

/** Strip engine-only annotations so the JSON matches the public shape exactly. */
export function toWireModel(model: SqlflowModel): SqlflowModel {
  const dbobjs = model.dbobjs.map(({ persistent, statementIndex, topLevel, ...o }) => { void persistent; void statementIndex; void topLevel; return o })
  const relations = model.relations.map(({ dataflow, ...r }) => { void dataflow; return r })
  const out: SqlflowModel = { dbvendor: model.dbvendor, dbobjs, relations }
  if (model.errors && model.errors.length) out.errors = model.errors
  return out
}
