import type { AnalysisResult, DbObj, ModelOptions, Relation, SqlflowModel } from './types.js'
import { columnGraph, keptPairs } from './paths.js'
import { Materialiser, type ModelObj } from './store.js'

export interface EndToEndEdge { type: 'fdd' | 'fdr'; source: { obj: DbObj; colId: string; column: string }; target: { obj: DbObj; colId: string; column: string } }

/**
 * Collapse chains through intermediate objects into end-to-end edges between kept objects (spec §4.10,
 * conformance E3): fdr if any hop is fdr; when an fdd and an fdr chain join the same pair, fdd wins.
 */
export function endToEndEdges(model: SqlflowModel, keep: (o: DbObj) => boolean): EndToEndEdge[] {
  const objById = new Map(model.dbobjs.map((o) => [o.id, o]))
  // columns as int nodes: (object id, column id) → node
  const nodeOf = new Map<string, number>()
  const nodes: Array<{ obj: DbObj | undefined; colId: string; column: string }> = []
  const node = (ep: Relation['target']): number => {
    const k = `${ep.parentId}:${ep.id}`
    let n = nodeOf.get(k)
    if (n === undefined) { n = nodes.length; nodeOf.set(k, n); nodes.push({ obj: objById.get(ep.parentId), colId: ep.id, column: ep.column }) } else nodes[n].column = ep.column
    return n
  }
  const from: number[] = []
  const to: number[] = []
  const fdr: number[] = []
  const starts = new Set<number>()
  for (const r of model.relations) {
    if (r.type !== 'fdd' && r.type !== 'fdr') continue
    const t = node(r.target)
    for (const s of r.sources) { const n = node(s); starts.add(n); from.push(n); to.push(t); fdr.push(r.type === 'fdr' ? 1 : 0) }
  }
  const kept = nodes.map((n) => !!n.obj && keep(n.obj))
  const g = columnGraph(nodes.length, from, to, fdr, from.length)
  return keptPairs(g, (n) => kept[n], starts).map((p) => ({
    type: p.fdr ? 'fdr' : 'fdd',
    source: { obj: nodes[p.source].obj!, colId: nodes[p.source].colId, column: nodes[p.source].column },
    target: { obj: nodes[p.target].obj!, colId: nodes[p.target].colId, column: nodes[p.target].column },
  }))
}

export const isPersistent = (o: DbObj) => o.persistent === true

function relationTypes(options: Partial<ModelOptions>): Set<string> {
  const types = new Set((options.showRelationType ?? ['fdd']).map((t) => String(t).trim().toLowerCase()).filter(Boolean))
  if (types.has('fddi')) types.add('fdd')
  return types
}

/** Apply showRelationType / simpleOutput / ignoreRecordSet (spec §4.10) to a full model. */
export function projectModel(model: SqlflowModel, options: Partial<ModelOptions>): SqlflowModel {
  const types = relationTypes(options)
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

/**
 * projectModel for an analysis result. simpleOutput and ignoreRecordSet are computed on the compact
 * store and materialise only the kept objects and the end-to-end relations: a 50 MB job's export
 * never builds its ~1.8 M intermediate relations as objects. Same output as projectModel(r.model).
 */
export function projectResult(r: AnalysisResult, options: Partial<ModelOptions>): SqlflowModel {
  if (!options.simpleOutput && !options.ignoreRecordSet) return projectModel(r.model, options)
  const st = r.store
  const keep = options.simpleOutput ? (o: ModelObj) => o.persistent === true : (o: ModelObj) => o.persistent === true || o.topLevel === true
  const keptObj = new Uint8Array(st.objects.length)
  for (const o of st.objects) if (keep(o)) keptObj[o.ix] = 1
  const rel = st.rel
  const src = st.src
  const n = st.relationCount
  // the last endpoint written for each column gives the coordinates (and clause) of its end-to-end endpoint
  const lastLoc = new Int32Array(st.columnCount).fill(-1)
  const lastClause = new Int32Array(st.columnCount).fill(-1)
  let edges = 0
  for (let i = 0; i < n; i++) {
    const tc = rel.tCol.get(i)
    lastLoc[tc] = rel.tLoc.get(i); lastClause[tc] = -1
    for (let k = rel.src.get(i); k < st.sourceEnd(i); k++) { const sc = src.col.get(k); lastLoc[sc] = src.loc.get(k); lastClause[sc] = src.clause.get(k) }
    if (isFlow(st.relationType(i))) edges += st.sourceEnd(i) - rel.src.get(i)
  }
  const from = new Int32Array(edges)
  const to = new Int32Array(edges)
  const fdr = new Uint8Array(edges)
  const starts: number[] = []
  const isStart = new Uint8Array(st.columnCount)
  let e = 0
  for (let i = 0; i < n; i++) {
    const type = st.relationType(i)
    if (!isFlow(type)) continue
    for (let k = rel.src.get(i); k < st.sourceEnd(i); k++) {
      const sc = src.col.get(k)
      if (!isStart[sc]) { isStart[sc] = 1; starts.push(sc) }
      from[e] = sc; to[e] = rel.tCol.get(i); fdr[e] = type === 'fdr' ? 1 : 0; e++
    }
  }
  const owner = (c: number): number => st.col.obj.get(c)
  const pairs = keptPairs(columnGraph(st.columnCount, from, to, fdr, edges), (c) => keptObj[owner(c)] === 1, starts)
  const m = new Materialiser(st)
  const relations: Relation[] = []
  for (let i = 0; i < n; i++) if (!isFlow(st.relationType(i))) relations.push(m.relation(i))
  const byTarget = new Map<number, Relation>()
  let id = 0
  for (const p of pairs) {
    const type = p.fdr ? 'fdr' : 'fdd'
    const key = p.target * 2 + (p.fdr ? 1 : 0)
    let out = byTarget.get(key)
    if (!out) {
      const tObj = owner(p.target)
      out = {
        id: `e2e_${++id}`, type, effectType: st.objects[tObj].type === 'view' ? 'create_view' : 'select',
        target: m.endpoint(tObj, p.target, lastLoc[p.target], lastClause[p.target]), sources: [],
        dataflow: { kind: p.fdr ? 'indirect' : 'direct', subtype: p.fdr ? 'filter' : 'transformation' },
      }
      byTarget.set(key, out)
      relations.push(out)
    }
    out.sources.push(m.endpoint(owner(p.source), p.source, lastLoc[p.source], -1))
  }
  const used = new Set(relations.flatMap((x) => [x.target.parentId, ...x.sources.map((s) => s.parentId)]))
  const dbobjs = st.objects.filter((o) => keptObj[o.ix] === 1 || (o.type === 'pseudoTable' && used.has(o.id))).map((o) => st.wireObject(o, m))
  const types = relationTypes(options)
  return { dbvendor: r.dbvendor, dbobjs, relations: relations.filter((x) => types.has(x.type)), errors: st.errors }
}

const isFlow = (t: string): boolean => t === 'fdd' || t === 'fdr'

/** Strip engine-only annotations so the JSON matches the public shape exactly. */
export function toWireModel(model: SqlflowModel): SqlflowModel {
  const dbobjs = model.dbobjs.map(({ persistent, statementIndex, topLevel, ...o }) => { void persistent; void statementIndex; void topLevel; return o })
  const relations = model.relations.map(({ dataflow, ...r }) => { void dataflow; return r })
  const out: SqlflowModel = { dbvendor: model.dbvendor, dbobjs, relations }
  if (model.errors && model.errors.length) out.errors = model.errors
  return out
}
