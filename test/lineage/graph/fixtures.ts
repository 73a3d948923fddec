// Hand-built models in the spec's generation A shape (§3), so the graph can be tested without the
// parser. Ids are numeric strings as in the published samples.
import type { Coordinate, DbObj, ObjectType, Relation, RelationType, SqlflowModel } from '../../../lineage/model/types.js'

const at = (line: number, col: number, len: number): Coordinate[] =>
  [{ x: line, y: col, hashCode: '0' }, { x: line, y: col + len, hashCode: '0' }]

export class ModelBuilder {
  readonly model: SqlflowModel
  private nextId = 1
  private byName = new Map<string, DbObj>()

  constructor (dbvendor = 'dbvoracle') {
    this.model = { dbvendor, dbobjs: [], relations: [] }
  }

  private id (): string {
    return String(this.nextId++)
  }

  /** An object with named columns; every object also gets its system RelationRows column. */
  obj (name: string, columns: string[], type: ObjectType = 'table', extra: Partial<DbObj> = {}): DbObj {
    const obj: DbObj = {
      id: this.id(),
      name,
      type,
      coordinates: at(1, 1, name.length),
      columns: [
        ...columns.map((c) => ({ id: this.id(), name: c, coordinates: at(1, 1, c.length) })),
        { id: this.id(), name: 'RelationRows', coordinates: at(1, 1, name.length), source: 'system' as const },
      ],
      // the engine marks catalog objects persistent; projections keep them through ignoreRecordSet
      ...(type === 'table' || type === 'view' ? { persistent: true } : {}),
      ...extra,
    }
    this.model.dbobjs.push(obj)
    this.byName.set(name, obj)
    return obj
  }

  col (objName: string, column: string): { obj: DbObj, id: string } {
    const obj = this.byName.get(objName)
    const c = obj?.columns?.find((x) => x.name === column)
    if (!obj || !c) throw new Error(`fixture: no ${objName}.${column}`)
    return { obj, id: c.id }
  }

  private endpoint (objName: string, column: string): Relation['target'] {
    const { obj, id } = this.col(objName, column)
    const system = obj.columns!.find((c) => c.id === id)!.source
    return { id, column, parentId: obj.id, parentName: obj.name, coordinates: at(1, 1, column.length), ...(system ? { source: system } : {}) }
  }

  /** `sources` and `target` are "object.column" strings; returns the relation id */
  rel (type: RelationType, sources: string[], target: string, extra: Partial<Relation> = {}): string {
    const split = (s: string): [string, string] => {
      const i = s.lastIndexOf('.')
      return [s.slice(0, i), s.slice(i + 1)]
    }
    const id = extra.id ?? this.id()
    this.model.relations.push({
      id,
      type,
      effectType: 'select',
      target: this.endpoint(...split(target)),
      sources: sources.map((s) => this.endpoint(...split(s))),
      ...extra,
    })
    return id
  }
}

/**
 * A 3-hop chain a → b → c → d (column x), a sibling e.z → c.z that must not appear in b's lineage,
 * and an unrelated column a.y.
 */
export function chainModel (): ModelBuilder {
  const m = new ModelBuilder()
  m.obj('a', ['x', 'y'])
  m.obj('b', ['x'])
  m.obj('c', ['x', 'z'])
  m.obj('d', ['x'])
  m.obj('e', ['z'])
  m.rel('fdd', ['a.x'], 'b.x')
  m.rel('fdd', ['b.x'], 'c.x')
  m.rel('fdd', ['c.x'], 'd.x')
  m.rel('fdd', ['e.z'], 'c.z')
  return m
}
