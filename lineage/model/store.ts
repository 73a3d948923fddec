// The engine's compact model: what the analysis produces, held in typed arrays and small handle
// objects instead of one JS object per relation, endpoint and coordinate. A 50 MB script makes
// ~1.8 M relations; as SQLFlow objects they took ~40 bytes of heap per byte of SQL, which made the
// garbage collector the largest cost of a big analysis. The SQLFlow model (model/types.ts) is
// materialised from this store only when a caller asks for it (`toModel`), and the store travels
// between threads, processes and the KvStore in its own compact form (`encodeStore`/`decodeStore`).
import type { Coordinate, DataflowSubtype, DbColumn, DbObj, LineageError, ObjectType, Relation, RelationType, SqlflowModel } from './types.js'

/** A growable Int32Array: 4 bytes per value, no per-element object. */
export class Ints {
  a: Int32Array
  n = 0
  constructor(capacity = 1024) { this.a = new Int32Array(capacity) }
  push(v: number): number {
    if (this.n === this.a.length) { const b = new Int32Array(this.a.length * 2); b.set(this.a); this.a = b }
    this.a[this.n] = v
    return this.n++
  }
  view(): Int32Array { return this.a.subarray(0, this.n) }
  static of(values: Int32Array): Ints { const i = new Ints(Math.max(16, values.length)); i.a.set(values); i.n = values.length; return i }
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

/** A column of an object. Its occurrences are a linked list in the store (`occ` = first, -1 none). */
export interface ModelCol {
  id: string
  name: string
  /** index in store.cols */
  ix: number
  occ: number
  occTail: number
  source?: 'system'
  dataType?: string
}

/** The optional, wire-visible fields of an object, in the order they are written. */
const OBJ_FIELDS = ['subType', 'database', 'schema', 'alias', 'procedureName', 'queryHashId', 'persistent', 'topLevel'] as const
export type ObjExtra = Partial<Pick<DbObj, (typeof OBJ_FIELDS)[number]>>

/** An object (table, result set, function …): a handle the analysis keeps and mutates. */
export interface ModelObj extends ObjExtra {
  id: string
  name: string
  type: ObjectType
  columns: ModelCol[]
  statementIndex: number
  /** index in store.objects */
  ix: number
  occ: number
  occTail: number
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

/** One relation endpoint while it is built: object, column, location (-1 none), clause type (-1 none). */
export interface EndpointRef { obj: number; col: number; loc: number; clause: number }

export class ModelStore {
  readonly objects: ModelObj[] = []
  readonly cols: ModelCol[] = []
  readonly errors: LineageError[] = []
  /** 5 ints per location: start line, start column, end line, end column, hash code index */
  readonly locs = new Ints(4096)
  /** occurrence lists: location, next occurrence (-1 ends) */
  readonly occLoc = new Ints(4096)
  readonly occNext = new Ints(4096)
  readonly strings = new Interner(['', '0'])
  /** per relation: id, type, effect type, subtype, target object/column/location, first source */
  readonly rel = { id: new Ints(), type: new Ints(), effect: new Ints(), subtype: new Ints(), tObj: new Ints(), tCol: new Ints(), tLoc: new Ints(), src: new Ints() }
  /** per source endpoint: object, column, location, clause type */
  readonly src = { obj: new Ints(4096), col: new Ints(4096), loc: new Ints(4096), clause: new Ints(4096) }
  /** relation index → join/function fields; few relations have them */
  readonly extras = new Map<number, RelationExtra>()

  get relationCount(): number { return this.rel.id.n }

  loc(sl: number, sc: number, el: number, ec: number, hashCode: string): number {
    const i = this.locs.n / 5
    this.locs.push(sl); this.locs.push(sc); this.locs.push(el); this.locs.push(ec); this.locs.push(this.strings.of(hashCode))
    return i
  }

  sameLoc(a: number, b: number): boolean {
    if (a === b) return true
    const l = this.locs.a
    return l[a * 5] === l[b * 5] && l[a * 5 + 1] === l[b * 5 + 1] && l[a * 5 + 2] === l[b * 5 + 2] && l[a * 5 + 3] === l[b * 5 + 3]
  }

  addObject(id: string, name: string, type: ObjectType, statementIndex: number, loc: number, extra?: ObjExtra): ModelObj {
    const obj: ModelObj = { id, name, type, columns: [], statementIndex, ix: this.objects.length, occ: -1, occTail: -1, ...extra }
    this.objects.push(obj)
    if (loc >= 0) this.occur(obj, loc)
    return obj
  }

  addColumn(obj: ModelObj, id: string, name: string, system: boolean): ModelCol {
    const c: ModelCol = { id, name, ix: this.cols.length, occ: -1, occTail: -1 }
    if (system) c.source = 'system'
    this.cols.push(c)
    obj.columns.push(c)
    return c
  }

  /** append an occurrence (a location) to an object's or column's list */
  occur(owner: { occ: number; occTail: number }, loc: number): void {
    const i = this.occLoc.push(loc)
    this.occNext.push(-1)
    if (owner.occTail < 0) owner.occ = i
    else this.occNext.a[owner.occTail] = i
    owner.occTail = i
  }

  firstLoc(owner: { occ: number }): number { return owner.occ < 0 ? -1 : this.occLoc.a[owner.occ] }

  addRelation(id: number, type: RelationType, effectType: string, subtype: DataflowSubtype, target: EndpointRef, sources: EndpointRef[], extra?: RelationExtra): void {
    const r = this.rel
    const i = r.id.push(id)
    r.type.push(REL_TYPES.indexOf(type)); r.effect.push(this.strings.of(effectType)); r.subtype.push(SUBTYPES.indexOf(subtype))
    r.tObj.push(target.obj); r.tCol.push(target.col); r.tLoc.push(target.loc)
    r.src.push(this.src.obj.n)
    for (const s of sources) { this.src.obj.push(s.obj); this.src.col.push(s.col); this.src.loc.push(s.loc); this.src.clause.push(s.clause) }
    if (extra && Object.keys(extra).length) this.extras.set(i, extra)
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
    const w: DbObj = { id: o.id, name: o.name, type: o.type, columns: o.columns.map((c) => m.column(c)), coordinates: m.occurrences(o), statementIndex: o.statementIndex }
    for (const f of OBJ_FIELDS) if (o[f] !== undefined) (w as unknown as Record<string, unknown>)[f] = o[f]
    return w
  }
}

/** Builds SQLFlow objects from the store, sharing one coordinate pair per location. */
class Materialiser {
  private readonly pairs: Coordinate[][] = []
  constructor(private readonly s: ModelStore) {}

  pair(loc: number): Coordinate[] {
    let p = this.pairs[loc]
    if (!p) {
      const l = this.s.locs.a
      const h = this.s.strings.list[l[loc * 5 + 4]]
      p = [{ x: l[loc * 5], y: l[loc * 5 + 1], hashCode: h }, { x: l[loc * 5 + 2], y: l[loc * 5 + 3], hashCode: h }]
      this.pairs[loc] = p
    }
    return p
  }

  occurrences(owner: { occ: number }): Coordinate[] {
    const out: Coordinate[] = []
    for (let i = owner.occ; i >= 0; i = this.s.occNext.a[i]) { const p = this.pair(this.s.occLoc.a[i]); out.push(p[0], p[1]) }
    return out
  }

  column(c: ModelCol): DbColumn {
    const w: DbColumn = { id: c.id, name: c.name, coordinates: this.occurrences(c) }
    if (c.source) w.source = c.source
    if (c.dataType !== undefined) w.dataType = c.dataType
    return w
  }

  endpoint(obj: number, col: number, loc: number, clause: number): Relation['target'] {
    const o = this.s.objects[obj]
    const c = this.s.cols[col]
    const coordinates = loc >= 0 ? this.pair(loc) : []
    const ep: Relation['target'] = { id: c.id, column: c.name, parentId: o.id, parentName: o.name, coordinates }
    if (clause >= 0) ep.clauseType = this.s.strings.list[clause]
    if (c.source) ep.source = c.source
    return ep
  }

  relation(i: number): Relation {
    const r = this.s.rel
    const s = this.s.src
    const type = REL_TYPES[r.type.a[i]]
    const end = i + 1 < r.id.n ? r.src.a[i + 1] : s.obj.n
    const sources: Relation['target'][] = new Array(end - r.src.a[i])
    for (let k = r.src.a[i]; k < end; k++) sources[k - r.src.a[i]] = this.endpoint(s.obj.a[k], s.col.a[k], s.loc.a[k], s.clause.a[k])
    const rel: Relation = {
      id: String(r.id.a[i]), type, effectType: this.s.strings.list[r.effect.a[i]],
      target: this.endpoint(r.tObj.a[i], r.tCol.a[i], r.tLoc.a[i], -1),
      sources, dataflow: dataflowOf(type === 'fdd' ? 'direct' : 'indirect', SUBTYPES[r.subtype.a[i]]),
    }
    const extra = this.s.extras.get(i)
    return extra ? { ...rel, ...extra } : rel
  }
}
