// Builds the model while the statements are analysed: objects, columns, relations, errors. The
// relations of the statement being analysed are staged (a relation gains sources while the statement
// runs): one small object per relation, its sources a chain in the typed arrays of a SourcePool;
// when the statement ends they move into the compact store.
import type { Coordinate, DataflowSubtype, LineageError, ObjectType, RelationType } from '../model/types.js'
import { ModelStore, type ModelObj, type ObjExtra, type RelationExtra } from '../model/store.js'
import type { Loc } from '../ast/types.js'

export type { ModelObj } from '../model/store.js'

/** col: the column's index in the store */
export interface ColRef { obj: ModelObj; col: number; loc?: Loc; clauseType?: string }

/** Every ColRef is made here with all four fields: one shape (object spreads made many, and were slow). */
export function colRef(obj: ModelObj, col: number, loc?: Loc, clauseType?: string): ColRef { return { obj, col, loc, clauseType } }
/** the same column at another location */
export function refAt(r: ColRef, loc: Loc | undefined): ColRef { return { obj: r.obj, col: r.col, loc, clauseType: r.clauseType } }
/** the same column reference in a clause (where, joinCondition, groupBy …) */
export function inClause(r: ColRef, clauseType: string): ColRef { return { obj: r.obj, col: r.col, loc: r.loc, clauseType } }

export const ROWS = 'RelationRows'

/** A relation of the current statement: its target, and its sources as a chain in the SourcePool. */
export interface StagedRelation {
  id: number
  type: RelationType
  effectType: string
  subtype: DataflowSubtype
  tObj: number
  tCol: number
  tLoc: number
  targetObj: ModelObj
  extra: RelationExtra | undefined
  /** first and last source in the pool, -1 for none */
  first: number
  last: number
  /** the statement's previous relation into the same target column */
  sameTarget: StagedRelation | undefined
}

/**
 * The sources of the current statement's relations, one row per source (object, column, location,
 * clause type, next source of the same relation): typed arrays reused by every statement, where an
 * object per source was a tenth of a big analysis's allocations.
 */
class SourcePool {
  obj = new Int32Array(256)
  col = new Int32Array(256)
  loc = new Int32Array(256)
  clause = new Int32Array(256)
  next = new Int32Array(256)
  n = 0
  add(rel: StagedRelation, obj: number, col: number, loc: number, clause: number): void {
    if (this.n === this.obj.length) this.grow()
    const k = this.n++
    this.obj[k] = obj; this.col[k] = col; this.loc[k] = loc; this.clause[k] = clause; this.next[k] = -1
    if (rel.last < 0) rel.first = k
    else this.next[rel.last] = k
    rel.last = k
  }
  private grow(): void {
    const cap = this.obj.length * 2
    const g = (a: Int32Array) => { const b = new Int32Array(cap); b.set(a); return b }
    this.obj = g(this.obj); this.col = g(this.col); this.loc = g(this.loc); this.clause = g(this.clause); this.next = g(this.next)
  }
}

export class ModelBuilder {
  readonly store = new ModelStore()
  private nextId = 1
  /** by object index: the object's columns by matching key (an array, not a WeakMap: cheaper to read and to collect) */
  private colIndex: Array<Map<string, number> | undefined> = []
  /**
   * by target column: 1 + the index in `staged` of the statement's last relation into it (the others
   * follow through sameTarget), 0 for none; flush clears the entries it set. An array read per
   * relate call instead of a Map lookup (relate runs for every value a statement moves).
   */
  private relHead = new Int32Array(1024)
  private staged: StagedRelation[] = []
  private readonly pool = new SourcePool()
  /** objects made by the current statement: their column index is dropped when it ends */
  private stmtObjects: ModelObj[] = []

  private counters = new Map<string, number>()
  hashCode = '0'
  /** hashIx: the index of hash code hashOf in the store's strings (a file's locations share it) */
  private hashOf = ''
  private hashIx = -1
  statementIndex = 0

  get objects(): ModelObj[] { return this.store.objects }
  get errors(): LineageError[] { return this.store.errors }

  id(): string { return String(this.nextId++) }

  /** the store's location index of an AST location (one per location and hash code), -1 for none */
  private locOf(loc: Loc | undefined): number {
    if (!loc) return -1
    if (loc.li >= 0 && loc.lh === this.hashCode) return loc.li
    if (this.hashCode !== this.hashOf) { this.hashOf = this.hashCode; this.hashIx = this.store.strings.of(this.hashCode) }
    loc.li = this.store.loc(loc.sl, loc.sc, loc.el, loc.ec, this.hashIx)
    loc.lh = this.hashCode
    return loc.li
  }

  /** the n-th object of a kind: RS-1, INSERT-SELECT-2 … (n counts per kind within a response) */
  nextName(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1
    this.counters.set(prefix, n)
    // join makes one flat string; `${prefix}-${n}` made a tree of two or three, kept for the whole analysis
    return [prefix, n].join('-')
  }

  /** the store's one string for a column key or any other text the model keeps (store.intern) */
  intern(k: string): string { return this.store.intern(k) }

  /** one frozen `{ function }` annotation per function name, shared by every relation through it */
  private readonly fnExtras = new Map<string, RelationExtra>()
  functionExtra(fname: string): RelationExtra {
    let x = this.fnExtras.get(fname)
    if (!x) { x = Object.freeze({ function: fname }); this.fnExtras.set(fname, x) }
    return x
  }

  object(type: ObjectType, name: string, loc: Loc | undefined, extra?: ObjExtra): ModelObj {
    const obj = this.store.addObject(this.id(), name, type, this.statementIndex, this.locOf(loc), extra)
    this.colIndex[obj.ix] = new Map()
    this.stmtObjects.push(obj)
    return obj
  }

  /**
   * A new statement starts: its relations are final, and the result sets, functions and CTEs of the
   * last one are never looked up again, so their indexes go (a 50 MB script keeps only the model).
   */
  beginStatement(index: number): void {
    this.flush()
    this.statementIndex = index
  }

  /** the analysis is over: the last statement's relations go to the store */
  finish(): void { this.flush() }

  private flush(): void {
    const st = this.store
    const P = this.pool
    for (const r of this.staged) {
      st.addRelation(r.id, r.type, r.effectType, r.subtype, r.tObj, r.tCol, r.tLoc, r.extra)
      for (let k = r.first; k >= 0; k = P.next[k]) st.addSource(P.obj[k], P.col[k], P.loc[k], P.clause[k])
    }
    P.n = 0
    for (const r of this.staged) this.relHead[r.tCol] = 0
    this.staged = []
    for (const o of this.stmtObjects) {
      if (o.persistent || o.type === 'variable' || o.type === 'pseudoTable') continue
      this.colIndex[o.ix] = undefined
      // final now: an array grown by push keeps room for 16+ columns
      o.columns = o.columns.slice()
    }
    this.stmtObjects = []
  }

  /** the sources of this statement's fdd relations into a column */
  statementSourcesOf(col: number): ColRef[] {
    const out: ColRef[] = []
    const P = this.pool
    // the chain runs newest first: the sources come out in the order the relations were made
    const rels: StagedRelation[] = []
    for (let r = this.headOf(col); r; r = r.sameTarget) rels.push(r)
    for (let i = rels.length - 1; i >= 0; i--) {
      if (rels[i].type !== 'fdd') continue
      for (let k = rels[i].first; k >= 0; k = P.next[k]) out.push(colRef(this.store.objects[P.obj[k]], P.col[k]))
    }
    return out
  }

  colName(c: number): string { return this.store.colName[c] }
  setDataType(c: number, dataType: string): void { this.store.colDataType.set(c, dataType) }

  addOccurrence(obj: ModelObj, loc: Loc | undefined): void {
    if (loc) this.store.occur(obj, this.locOf(loc))
  }

  /** get or create a column; `key` is the case-folded name used for matching */
  column(obj: ModelObj, name: string, key: string, loc?: Loc, system = false): number {
    let idx = this.colIndex[obj.ix]
    if (!idx) { idx = new Map(); this.colIndex[obj.ix] = idx }
    let c = idx.get(key)
    if (c === undefined) {
      c = this.store.addColumn(obj, this.nextId++, name, system)
      idx.set(this.intern(key), c)
    }
    if (loc) this.store.occurColumn(c, this.locOf(loc))
    return c
  }

  findColumn(obj: ModelObj, key: string): number | undefined { return this.colIndex[obj.ix]?.get(key) }

  rows(obj: ModelObj): number {
    let c = this.findColumn(obj, '\u0000rows')
    if (c === undefined) {
      c = this.column(obj, ROWS, '\u0000rows', undefined, true)
      const first = this.store.firstLoc(obj)
      if (first >= 0) this.store.occurColumn(c, first)
    }
    return c
  }

  private headOf(col: number): StagedRelation | undefined {
    const h = col < this.relHead.length ? this.relHead[col] : 0
    return h ? this.staged[h - 1] : undefined
  }

  /** add one relation per (type, target, effect); sources are merged and de-duplicated */
  relate(type: RelationType, target: ColRef, sources: ColRef[], effectType: string, subtype: DataflowSubtype, extra?: RelationExtra): void {
    if (!sources.length) return
    // one relation per statement and target: a table written by many statements keeps them apart
    const head = this.headOf(target.col)
    let rel: StagedRelation | undefined
    const fn = extra?.function
    for (let r = head; r; r = r.sameTarget) {
      if (r.type === type && r.effectType === effectType && r.targetObj === target.obj && r.extra?.function === fn) { rel = r; break }
    }
    const created = !rel
    if (!rel) {
      const tLoc = target.loc ? this.locOf(target.loc) : this.store.firstColumnLoc(target.col)
      rel = { id: this.nextId++, type, effectType, subtype, tObj: target.obj.ix, tCol: target.col, tLoc, targetObj: target.obj, extra, first: -1, last: -1, sameTarget: head }
    }
    const P = this.pool
    for (const s of sources) {
      if (s.obj === target.obj && s.col === target.col && type !== 'fdd') continue
      const li = s.loc ? this.locOf(s.loc) : -1
      const so = s.obj.ix
      let dup = false
      for (let k = rel.first; k >= 0 && !dup; k = P.next[k]) {
        dup = P.col[k] === s.col && P.obj[k] === so && (li < 0 || (P.loc[k] >= 0 && this.store.sameLoc(P.loc[k], li)))
      }
      if (dup) continue
      P.add(rel, so, s.col, li >= 0 ? li : this.store.firstColumnLoc(s.col), s.clauseType ? this.store.strings.of(s.clauseType) : -1)
    }
    if (created && rel.first >= 0) {
      this.staged.push(rel)
      if (target.col >= this.relHead.length) { const g = new Int32Array(Math.max(this.relHead.length * 2, target.col + 1)); g.set(this.relHead); this.relHead = g }
      this.relHead[target.col] = this.staged.length
    }
  }

  error(errorType: LineageError['errorType'], message: string, loc: Loc | undefined): void {
    const h = this.hashCode
    const coordinates: Coordinate[] = loc
      ? [{ x: loc.sl, y: loc.sc, hashCode: h }, { x: loc.el, y: loc.ec, hashCode: h }]
      : [{ x: -1, y: -1, hashCode: h }, { x: -1, y: -1, hashCode: h }]
    this.store.errors.push({ errorType, errorMessage: message, coordinates })
  }
}
