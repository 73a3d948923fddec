// The engine's compact model: what the analysis produces, held in typed arrays and small handle
// objects instead of one JS object per relation, endpoint and coordinate. A 50 MB script makes
// ~1.8 M relations; as SQLFlow objects they took ~40 bytes of heap per byte of SQL, which made the
// garbage collector the largest cost of a big analysis. The SQLFlow model (model/types.ts) is
// materialised from this store only when a caller asks for it (`toModel`), and the store travels
// between threads, processes and the KvStore in its own compact form (`encodeResult`/`decodeResult` in model/codec.ts).
import type { AnalysisResult, Coordinate, DataflowSubtype, DbColumn, DbObj, LineageError, ObjectType, Relation, RelationType, SqlflowModel } from './types.js'

const SHIFT = 16
const PAGE = 1 << SHIFT
const MASK = PAGE - 1

/**
 * The store's pages live in SharedArrayBuffers. V8 counts the memory of ordinary ArrayBuffers as
 * external memory and, every 64 MB of it, finishes a full collection of the whole heap at once: a
 * 50 MB analysis (270 MB of pages) paid four such pauses of up to 180 ms, landing inside statements.
 * Shared buffers are not counted so; the heap is collected as it grows, with concurrent marking
 * (the pages are freed, like any buffer, when the store is collected).
 */
function page(n: number): Int32Array { return new Int32Array(new SharedArrayBuffer(n * 4)) }

/**
 * A growable list of int32: 4 bytes per value, no per-element object. It grows in pages of 64 K
 * values (the first page doubles up to that size, so a small analysis stays small): growing never
 * copies a big buffer, and never allocates one large ArrayBuffer at once, which makes V8 run a full
 * collection of the whole heap (seen as a 1.3 s pause in the 50 MB benchmark with doubling arrays).
 */
export class Ints {
  private pages: Int32Array[] = [page(64)]
  n = 0
  /** the last page and its first free slot: a push reads only these (the store pushes ~10 ints per relation) */
  private last: Int32Array = this.pages[0]
  private k = 0
  push(v: number): number {
    if (this.k === this.last.length) this.grow()
    this.last[this.k++] = v
    return this.n++
  }
  private grow(): void {
    if (this.last.length < PAGE) {
      const b = page(Math.min(PAGE, this.last.length * 2))
      b.set(this.last)
      this.pages[this.pages.length - 1] = this.last = b
    } else {
      this.last = page(PAGE)
      this.pages.push(this.last)
      this.k = 0
    }
  }
  get(i: number): number { return this.pages[i >>> SHIFT][i & MASK] }
  set(i: number, v: number): void { this.pages[i >>> SHIFT][i & MASK] = v }
  /** the values as one array (a copy) */
  toArray(): Int32Array {
    const out = new Int32Array(this.n)
    for (let p = 0; p < this.pages.length; p++) out.set(this.pages[p].subarray(0, Math.min(PAGE, this.n - p * PAGE)), p * PAGE)
    return out
  }
  static of(values: Int32Array): Ints {
    const ints = new Ints()
    ints.pages = []
    for (let o = 0; o < values.length; o += PAGE) { const p = page(Math.min(PAGE, values.length - o)); p.set(values.subarray(o, o + PAGE)); ints.pages.push(p) }
    if (!ints.pages.length) ints.pages.push(page(64))
    ints.n = values.length
    ints.last = ints.pages[ints.pages.length - 1]
    ints.k = values.length - (ints.pages.length - 1) * PAGE
    return ints
  }
}

/** Strings that repeat (effect types, clause types, hash codes) stored once and referred to by index. */
export class Interner {
  readonly list: string[] = []
  private readonly index = new Map<string, number>()
  constructor(init: string[] = []) { for (const s of init) this.of(s) }
  of(s: string): number {
    let i = this.index.get(s)
    if (i === undefined) { i = this.list.length; this.list.push(s); this.index.set(s, i) }
    return i
  }
}

/**
 * Column data types, by column index: an interned index per column rather than a Map entry per
 * typed column (a Map of millions of numbers rehashes as it grows). Iterates as [column, type] pairs.
 */
export class ColumnTypes {
  private readonly ix = new Ints()
  private readonly names = new Interner()
  get(c: number): string | undefined {
    if (c >= this.ix.n) return undefined
    const i = this.ix.get(c)
    return i < 0 ? undefined : this.names.list[i]
  }
  set(c: number, dataType: string): void {
    while (this.ix.n <= c) this.ix.push(-1)
    this.ix.set(c, this.names.of(dataType))
  }
  *[Symbol.iterator](): IterableIterator<[number, string]> {
    for (let c = 0; c < this.ix.n; c++) { const i = this.ix.get(c); if (i >= 0) yield [c, this.names.list[i]] }
  }
}

/** The optional, wire-visible fields of an object, in the order they are written. */
export const OBJ_FIELDS = ['subType', 'database', 'schema', 'alias', 'procedureName', 'queryHashId', 'persistent', 'topLevel'] as const
export type ObjExtra = Partial<Pick<DbObj, (typeof OBJ_FIELDS)[number]>>

/** An object (table, result set, function …): a handle the analysis keeps and mutates. */
export interface ModelObj extends ObjExtra {
  id: string
  name: string
  type: ObjectType
  /** indexes of the object's columns in the store (a column is a row of the store's column arrays) */
  columns: number[]
  statementIndex: number
  /** index in store.objects */
  ix: number
  occ: number
  occTail: number
}

/**
 * Every object is made here with every field, the optional ones undefined: objects of one shape keep
 * the analysis's property reads monomorphic (a spread of the extras made a shape per combination).
 */
export function modelObj(id: string, name: string, type: ObjectType, columns: number[], statementIndex: number, ix: number, occ: number, occTail: number, extra?: ObjExtra | 0): ModelObj {
  return { id, name, type, columns, statementIndex, ix, occ, occTail,
    subType: extra ? extra.subType : undefined, database: extra ? extra.database : undefined, schema: extra ? extra.schema : undefined,
    alias: extra ? extra.alias : undefined, procedureName: extra ? extra.procedureName : undefined, queryHashId: extra ? extra.queryHashId : undefined,
    persistent: extra ? extra.persistent : undefined, topLevel: extra ? extra.topLevel : undefined }
}

export type RelationExtra = Partial<Pick<Relation, 'function' | 'processId' | 'joinType' | 'condition' | 'clause'>>

const REL_TYPES: RelationType[] = ['fdd', 'fdr', 'frd', 'join', 'er', 'call']
const SUBTYPES: DataflowSubtype[] = ['identity', 'transformation', 'aggregation', 'filter', 'join', 'group_by', 'sort', 'window', 'conditional', 'row_count', 'table_event']

type Flow = { kind: 'direct' | 'indirect'; subtype: DataflowSubtype }
const flows = new Map<string, Flow>()
/** one shared, frozen annotation per kind and subtype */
function dataflowOf(kind: 'direct' | 'indirect', subtype: DataflowSubtype): Flow {
  const k = `${kind}:${subtype}`
  let d = flows.get(k)
  if (!d) { d = Object.freeze({ kind, subtype }) as Flow; flows.set(k, d) }
  return d
}

/** whether an object has an own enumerable field (Object.keys made an array per relation) */
function hasField(o: object): boolean {
  for (const k in o) if (Object.hasOwn(o, k)) return true
  return false
}

export class ModelStore {
  readonly objects: ModelObj[] = []
  /**
   * Columns, one row each (~2 M in a 50 MB model, so no object per column): id, owning object,
   * first/last occurrence, flags (1 = system column); names as shared strings; data types by index.
   */
  readonly col = { id: new Ints(), obj: new Ints(), occ: new Ints(), occTail: new Ints(), flags: new Ints() }
  readonly colName: string[] = []
  readonly colDataType = new ColumnTypes()
  readonly errors: LineageError[] = []
  /** 5 ints per location: start line, start column, end line, end column, hash code index */
  readonly locs = new Ints()
  /** occurrence lists: location, next occurrence (-1 ends) */
  readonly occLoc = new Ints()
  readonly occNext = new Ints()
  readonly strings = new Interner(['', '0'])
  /** per relation: id, type, effect type, subtype, target object/column/location, first source */
  readonly rel = { id: new Ints(), type: new Ints(), effect: new Ints(), subtype: new Ints(), tObj: new Ints(), tCol: new Ints(), tLoc: new Ints(), src: new Ints() }
  /** per source endpoint: object, column, location, clause type */
  readonly src = { obj: new Ints(), col: new Ints(), loc: new Ints(), clause: new Ints() }
  private readonly names = new Map<string, string>()
  /** relation index → join/function fields; few relations have them */
  readonly extras = new Map<number, RelationExtra>()

  get relationCount(): number { return this.rel.id.n }
  relationType(i: number): RelationType { return REL_TYPES[this.rel.type.get(i)] }
  /** relation i's sources are the source rows [rel.src(i), sourceEnd(i)) */
  sourceEnd(i: number): number { return i + 1 < this.rel.id.n ? this.rel.src.get(i + 1) : this.src.obj.n }

  /** The typed arrays by name (what the codec writes), in a fixed order. */
  arrays(): Record<string, Ints> {
    const r = this.rel
    const s = this.src
    const c = this.col
    return { locs: this.locs, occLoc: this.occLoc, occNext: this.occNext, colId: c.id, colObj: c.obj, colOcc: c.occ, colOccTail: c.occTail, colFlags: c.flags, relId: r.id, relType: r.type, relEffect: r.effect, relSubtype: r.subtype,
      relTObj: r.tObj, relTCol: r.tCol, relTLoc: r.tLoc, relSrc: r.src, srcObj: s.obj, srcCol: s.col, srcLoc: s.loc, srcClause: s.clause }
  }

  /** A store read back by the codec: arrays by the names `arrays()` gives. */
  static restore(data: { objects: ModelObj[]; colNames: string[]; colDataTypes: Array<[number, string]>; errors: LineageError[]; strings: string[]; extras: Array<[number, RelationExtra]>; arrays: Record<string, Int32Array> }): ModelStore {
    const st = new ModelStore()
    // loops, not push(...list): a big model has more objects than a call may have arguments
    for (const o of data.objects) st.objects.push(o)
    for (const n of data.colNames) st.colName.push(n)
    for (const [i, t] of data.colDataTypes) st.colDataType.set(i, t)
    for (const e of data.errors) st.errors.push(e)
    for (const x of data.strings) st.strings.of(x)
    for (const [i, e] of data.extras) st.extras.set(i, e)
    const mine = st.arrays()
    for (const [name, ints] of Object.entries(mine)) {
      const a = data.arrays[name]
      if (!a) throw new Error(`stored model lacks ${name}`)
      Object.assign(ints, Ints.of(a))
    }
    return st
  }

  /** a new location; `hash`: the hash code's index in `strings` */
  loc(sl: number, sc: number, el: number, ec: number, hash: number): number {
    const i = this.locs.n / 5
    this.locs.push(sl); this.locs.push(sc); this.locs.push(el); this.locs.push(ec); this.locs.push(hash)
    return i
  }

  sameLoc(a: number, b: number): boolean {
    if (a === b) return true
    const l = this.locs
    return l.get(a * 5) === l.get(b * 5) && l.get(a * 5 + 1) === l.get(b * 5 + 1) && l.get(a * 5 + 2) === l.get(b * 5 + 2) && l.get(a * 5 + 3) === l.get(b * 5 + 3)
  }

  addObject(id: string, name: string, type: ObjectType, statementIndex: number, loc: number, extra?: ObjExtra): ModelObj {
    const obj = modelObj(id, name, type, [], statementIndex, this.objects.length, -1, -1, extra)
    this.objects.push(obj)
    if (loc >= 0) this.occur(obj, loc)
    return obj
  }

  /**
   * one string per distinct text: column names and matching keys repeat (every result set copies its
   * sources' names, every table has its ORDER_ID), and each copy would stay for the whole analysis
   */
  intern(text: string): string {
    const v = this.names.get(text)
    if (v !== undefined) return v
    this.names.set(text, text)
    return text
  }

  /** a new column of obj; its index */
  addColumn(obj: ModelObj, id: number, name: string, system: boolean): number {
    const shared = this.intern(name)
    const c = this.col
    const ix = c.id.push(id)
    c.obj.push(obj.ix); c.occ.push(-1); c.occTail.push(-1); c.flags.push(system ? 1 : 0)
    this.colName.push(shared)
    obj.columns.push(ix)
    return ix
  }

  get columnCount(): number { return this.col.id.n }
  isSystemColumn(c: number): boolean { return (this.col.flags.get(c) & 1) === 1 }

  /** append an occurrence (a location) to an object's list */
  occur(owner: { occ: number; occTail: number }, loc: number): void {
    const i = this.newOccurrence(loc)
    if (owner.occTail < 0) owner.occ = i
    else this.occNext.set(owner.occTail, i)
    owner.occTail = i
  }

  /** append an occurrence (a location) to a column's list */
  occurColumn(c: number, loc: number): void {
    const i = this.newOccurrence(loc)
    const tail = this.col.occTail.get(c)
    if (tail < 0) this.col.occ.set(c, i)
    else this.occNext.set(tail, i)
    this.col.occTail.set(c, i)
  }

  private newOccurrence(loc: number): number {
    this.occNext.push(-1)
    return this.occLoc.push(loc)
  }

  firstLoc(owner: { occ: number }): number { return owner.occ < 0 ? -1 : this.occLoc.get(owner.occ) }
  firstColumnLoc(c: number): number { const o = this.col.occ.get(c); return o < 0 ? -1 : this.occLoc.get(o) }

  /** a relation; its sources are the addSource calls that follow, up to the next addRelation */
  addRelation(id: number, type: RelationType, effectType: string, subtype: DataflowSubtype, tObj: number, tCol: number, tLoc: number, extra?: RelationExtra): void {
    const r = this.rel
    const i = r.id.push(id)
    r.type.push(REL_TYPES.indexOf(type)); r.effect.push(this.strings.of(effectType)); r.subtype.push(SUBTYPES.indexOf(subtype))
    r.tObj.push(tObj); r.tCol.push(tCol); r.tLoc.push(tLoc)
    r.src.push(this.src.obj.n)
    if (extra && hasField(extra)) this.extras.set(i, extra)
  }

  /** a source of the last relation added: object, column, location (-1 none), clause type (-1 none) */
  addSource(obj: number, col: number, loc: number, clause: number): void {
    const s = this.src
    s.obj.push(obj); s.col.push(col); s.loc.push(loc); s.clause.push(clause)
  }

  /** The SQLFlow model (generation A with the internal annotations). Coordinate pairs are shared per location. */
  toModel(dbvendor: string): SqlflowModel {
    const m = new Materialiser(this)
    return { dbvendor, dbobjs: this.objects.map((o) => this.wireObject(o, m)), relations: this.relations(0, this.relationCount, m), errors: this.errors }
  }

  /** the relations as SQLFlow objects, in creation order */
  relations(from = 0, to = this.relationCount, m = new Materialiser(this)): Relation[] {
    const out: Relation[] = new Array(Math.max(0, to - from))
    for (let i = from; i < to; i++) out[i - from] = m.relation(i)
    return out
  }

  wireObject(o: ModelObj, m = new Materialiser(this)): DbObj {
    const w: DbObj = { id: o.id, name: o.name, type: o.type, columns: o.columns.map((c) => m.column(c)), coordinates: m.occurrences(o.occ), statementIndex: o.statementIndex }
    for (const f of OBJ_FIELDS) if (o[f] !== undefined) (w as unknown as Record<string, unknown>)[f] = o[f]
    return w
  }
}

/** Builds SQLFlow objects from the store, sharing one coordinate pair per location. */
export class Materialiser {
  private readonly pairs: Coordinate[][] = []
  private readonly colIds: string[] = []
  constructor(private readonly s: ModelStore) {}

  pair(loc: number): Coordinate[] {
    let p = this.pairs[loc]
    if (!p) {
      const l = this.s.locs
      const h = this.s.strings.list[l.get(loc * 5 + 4)]
      p = [{ x: l.get(loc * 5), y: l.get(loc * 5 + 1), hashCode: h }, { x: l.get(loc * 5 + 2), y: l.get(loc * 5 + 3), hashCode: h }]
      this.pairs[loc] = p
    }
    return p
  }

  occurrences(first: number): Coordinate[] {
    const out: Coordinate[] = []
    for (let i = first; i >= 0; i = this.s.occNext.get(i)) { const p = this.pair(this.s.occLoc.get(i)); out.push(p[0], p[1]) }
    return out
  }

  colId(c: number): string { return (this.colIds[c] ??= String(this.s.col.id.get(c))) }

  column(c: number): DbColumn {
    const w: DbColumn = { id: this.colId(c), name: this.s.colName[c], coordinates: this.occurrences(this.s.col.occ.get(c)) }
    if (this.s.isSystemColumn(c)) w.source = 'system'
    const dataType = this.s.colDataType.get(c)
    if (dataType !== undefined) w.dataType = dataType
    return w
  }

  endpoint(obj: number, col: number, loc: number, clause: number): Relation['target'] {
    const o = this.s.objects[obj]
    const coordinates = loc >= 0 ? this.pair(loc) : []
    const ep: Relation['target'] = { id: this.colId(col), column: this.s.colName[col], parentId: o.id, parentName: o.name, coordinates }
    if (clause >= 0) ep.clauseType = this.s.strings.list[clause]
    if (this.s.isSystemColumn(col)) ep.source = 'system'
    return ep
  }

  relation(i: number): Relation {
    const r = this.s.rel
    const s = this.s.src
    const type = REL_TYPES[r.type.get(i)]
    const end = this.s.sourceEnd(i)
    const sources: Relation['target'][] = new Array(end - r.src.get(i))
    for (let k = r.src.get(i); k < end; k++) sources[k - r.src.get(i)] = this.endpoint(s.obj.get(k), s.col.get(k), s.loc.get(k), s.clause.get(k))
    const rel: Relation = {
      id: String(r.id.get(i)), type, effectType: this.s.strings.list[r.effect.get(i)],
      target: this.endpoint(r.tObj.get(i), r.tCol.get(i), r.tLoc.get(i), -1),
      sources, dataflow: dataflowOf(type === 'fdd' ? 'direct' : 'indirect', SUBTYPES[r.subtype.get(i)]),
    }
    const extra = this.s.extras.get(i)
    return extra ? { ...rel, ...extra } : rel
  }
}

/** The result keeps the compact store; the SQLFlow model is materialised on first read (once). */
export function analysisResult(store: ModelStore, dbvendor: string, statements: AnalysisResult['statements'] | (() => AnalysisResult['statements']),
  stats: AnalysisResult['stats']): AnalysisResult {
  let model: SqlflowModel | undefined
  let list = typeof statements === 'function' ? undefined : statements
  return {
    get model(): SqlflowModel { return (model ??= store.toModel(dbvendor)) },
    /** a decoded result parses its statements on first read */
    get statements(): AnalysisResult['statements'] { return (list ??= (statements as () => AnalysisResult['statements'])()) },
    store, dbvendor, stats,
  }
}
