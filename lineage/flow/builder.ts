// Builds the SQLFlow model while the statements are analysed: objects, columns, relations, errors.
import type { Coordinate, DataflowSubtype, DbColumn, DbObj, LineageError, ObjectType, Relation, RelationType } from '../model/types.js'
import type { Loc } from '../ast/types.js'

export interface ColRef { obj: DbObj; col: DbColumn; loc?: Loc; clauseType?: string }

export const ROWS = 'RelationRows'

type Flow = { kind: 'direct' | 'indirect'; subtype: DataflowSubtype }
const dataflows = { direct: new Map<DataflowSubtype, Flow>(), indirect: new Map<DataflowSubtype, Flow>() }
/** one shared, frozen annotation per kind: a big model has hundreds of thousands of relations */
function dataflowOf(kind: 'direct' | 'indirect', subtype: DataflowSubtype): Flow {
  const m = dataflows[kind]
  let d = m.get(subtype)
  if (!d) { d = Object.freeze({ kind, subtype }) as Flow; m.set(subtype, d) }
  return d
}

export class ModelBuilder {
  readonly objects: DbObj[] = []
  readonly relations: Relation[] = []
  readonly errors: LineageError[] = []
  private nextId = 1
  private colIndex = new WeakMap<DbObj, Map<string, DbColumn>>()
  private relIndex = new Map<DbColumn, Relation[]>()
  /** objects made by the current statement: their column index is dropped when it ends */
  private stmtObjects: DbObj[] = []
  /** index in `relations` of the first relation of the current statement */
  private stmtRelStart = 0

  private counters = new Map<string, number>()
  hashCode = '0'
  statementIndex = 0

  id(): string { return String(this.nextId++) }

  /** the [start, end] pair of a location; one shared (read-only) array per AST location saves most allocations */
  coords(loc: Loc | undefined): Coordinate[] {
    if (!loc) return [{ x: -1, y: -1, hashCode: this.hashCode }, { x: -1, y: -1, hashCode: this.hashCode }]
    const cached = (loc as Loc & { c?: Coordinate[] }).c
    if (cached && cached[0].hashCode === this.hashCode) return cached
    const c = [{ x: loc.sl, y: loc.sc, hashCode: this.hashCode }, { x: loc.el, y: loc.ec, hashCode: this.hashCode }]
    ;(loc as Loc & { c?: Coordinate[] }).c = c
    return c
  }

  /** the n-th object of a kind: RS-1, INSERT-SELECT-2 … (n counts per kind within a response) */
  nextName(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1
    this.counters.set(prefix, n)
    return `${prefix}-${n}`
  }

  object(type: ObjectType, name: string, loc: Loc | undefined, extra: Partial<DbObj> = {}): DbObj {
    const obj: DbObj = { id: this.id(), name, type, columns: [], coordinates: loc ? this.coords(loc).slice() : [], statementIndex: this.statementIndex, ...extra }
    this.objects.push(obj)
    this.colIndex.set(obj, new Map())
    this.stmtObjects.push(obj)
    return obj
  }

  /**
   * A new statement starts: relations are per statement, and the result sets, functions and CTEs of the
   * last one are never looked up again, so their indexes go (a 50 MB script keeps only the model).
   */
  beginStatement(index: number): void {
    this.statementIndex = index
    this.relIndex.clear()
    this.trimStatement()
    this.stmtObjects = []
    this.stmtRelStart = this.relations.length
  }

  /** the analysis is over: the last statement's arrays are trimmed too */
  finish(): void { this.trimStatement(); this.stmtObjects = []; this.stmtRelStart = this.relations.length }

  /** objects are pushed in id order, so a binary search finds one without an index */
  objectById(id: string): DbObj | undefined {
    const n = Number(id)
    let lo = 0
    let hi = this.objects.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const m = Number(this.objects[mid].id)
      if (m === n) return this.objects[mid]
      if (m < n) lo = mid + 1
      else hi = mid - 1
    }
    return undefined
  }

  /** the relations made by the current statement so far */
  statementRelations(): Relation[] { return this.relations.slice(this.stmtRelStart) }

  /**
   * The statement's arrays are final: copy them to their exact length. An array grown by push keeps
   * room for 16+ elements, and most of these hold one or two, so this halves the model's heap.
   */
  private trimStatement(): void {
    const rels = this.relations
    for (let i = this.stmtRelStart; i < rels.length; i++) rels[i].sources = rels[i].sources.slice()
    for (const o of this.stmtObjects) {
      if (o.persistent || o.type === 'variable' || o.type === 'pseudoTable') continue
      this.colIndex.delete(o)
      o.coordinates = o.coordinates.slice()
      if (!o.columns) continue
      o.columns = o.columns.slice()
      for (const c of o.columns) c.coordinates = c.coordinates.slice()
    }
  }

  addOccurrence(obj: DbObj, loc: Loc | undefined): void {
    if (loc) obj.coordinates.push(...this.coords(loc))
  }

  /** get or create a column; `key` is the case-folded name used for matching */
  column(obj: DbObj, name: string, key: string, loc?: Loc, system = false): DbColumn {
    let idx = this.colIndex.get(obj)
    if (!idx) { idx = new Map(); this.colIndex.set(obj, idx) }
    let c = idx.get(key)
    if (!c) {
      c = { id: this.id(), name, coordinates: [] }
      if (system) c.source = 'system'
      idx.set(key, c)
      obj.columns!.push(c)
    }
    if (loc) { const k = this.coords(loc); c.coordinates.push(k[0], k[1]) }
    return c
  }

  findColumn(obj: DbObj, key: string): DbColumn | undefined { return this.colIndex.get(obj)?.get(key) }

  rows(obj: DbObj): DbColumn {
    let c = this.findColumn(obj, '\u0000rows')
    if (!c) {
      c = this.column(obj, ROWS, '\u0000rows', undefined, true)
      c.coordinates = obj.coordinates.slice(0, 2)
    }
    return c
  }

  /** add one relation per (type, target, effect); sources are merged and de-duplicated */
  relate(type: RelationType, target: ColRef, sources: ColRef[], effectType: string, subtype: DataflowSubtype, extra: Partial<Relation> = {}): void {
    if (!sources.length) return
    // one relation per statement and target: a table written by many statements keeps them apart
    let list = this.relIndex.get(target.col)
    if (!list) { list = []; this.relIndex.set(target.col, list) }
    let rel: Relation | undefined
    // the index holds this statement's relations only (beginStatement clears it)
    for (let i = list.length - 1; i >= 0; i--) {
      const r = list[i]
      if (r.type === type && r.effectType === effectType && r.target.parentId === target.obj.id && r.function === extra.function) { rel = r; break }
    }
    if (!rel) {
      rel = {
        id: this.id(), type, effectType,
        target: this.endpoint(target),
        sources: [],
        dataflow: dataflowOf(type === 'fdd' ? 'direct' : 'indirect', subtype),
        ...extra,
      }
      list.push(rel)
      this.relations.push(rel)
    }
    const have = rel.sources
    for (const s of sources) {
      if (s.obj === target.obj && s.col === target.col && type !== 'fdd') continue
      const coords = s.loc ? this.coords(s.loc) : undefined
      let dup = false
      for (let i = 0; i < have.length && !dup; i++) {
        const h = have[i]
        dup = h.id === s.col.id && h.parentId === s.obj.id && (coords === undefined || h.coordinates === coords || (h.coordinates[0].x === coords[0].x && h.coordinates[0].y === coords[0].y && h.coordinates[1].x === coords[1].x && h.coordinates[1].y === coords[1].y))
      }
      if (dup) continue
      rel.sources.push(this.endpoint(s, s.clauseType))
    }
    if (!rel.sources.length) { this.relations.splice(this.relations.lastIndexOf(rel), 1); list.splice(list.indexOf(rel), 1) }
  }

  /** every optional field is set in the literal: one added later moves all of them out of the object */
  private endpoint(r: ColRef, clauseType?: string): Relation['target'] {
    const coordinates = r.loc ? this.coords(r.loc) : r.col.coordinates.slice(0, 2)
    const { col, obj } = r
    if (col.source) return clauseType
      ? { id: col.id, column: col.name, parentId: obj.id, parentName: obj.name, coordinates, clauseType, source: col.source }
      : { id: col.id, column: col.name, parentId: obj.id, parentName: obj.name, coordinates, source: col.source }
    return clauseType
      ? { id: col.id, column: col.name, parentId: obj.id, parentName: obj.name, coordinates, clauseType }
      : { id: col.id, column: col.name, parentId: obj.id, parentName: obj.name, coordinates }
  }

  error(errorType: LineageError['errorType'], message: string, loc: Loc | undefined): void {
    this.errors.push({ errorType, errorMessage: message, coordinates: this.coords(loc) })
  }
}

