// selectedgraph (spec §6.2): the part of a model reachable upstream and downstream of a
// database/schema/table[/column] selection. Upstream and downstream are walked separately, so a
// sibling that merely shares a target with the selection is not pulled in.
import type { DbObj, Relation, SqlflowModel } from '../model/types.js'
import { matchKey, objectPath } from './names.js'
import { columnKey } from './pairs.js'
import type { Selection } from './types.js'

/** Selection levels that are empty or the widget's "DEFAULT" placeholder match anything. */
function level (value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const key = matchKey(value.trim())
  return key === '' || key === 'DEFAULT' ? undefined : key
}

export function matchesObject (obj: DbObj, sel: Selection): boolean {
  const table = level(sel.table)
  const schema = level(sel.schema)
  const database = level(sel.database)
  const path = objectPath(obj)
  if (schema && matchKey(path.schema) !== schema) return false
  if (database && matchKey(path.database) !== database) return false
  if (!table) return true
  // "schema.table" given as the table name also matches
  return matchKey(path.table) === table || matchKey(obj.name) === table
}

/** The column keys the selection starts from. */
export function selectionSeeds (model: SqlflowModel, sel: Selection): Set<string> {
  const column = level(sel.column)
  const wanted = (name: string): boolean => !column || matchKey(name) === column
  const matched = new Set(model.dbobjs.filter((o) => matchesObject(o, sel)).map((o) => o.id))
  const seeds = new Set<string>()
  for (const obj of model.dbobjs) {
    if (!matched.has(obj.id)) continue
    for (const c of obj.columns ?? []) if (wanted(c.name)) seeds.add(columnKey(obj.id, c.id))
  }
  // endpoints may name columns their object does not list
  for (const r of model.relations) {
    for (const e of [r.target, ...r.sources]) {
      if (matched.has(e.parentId) && wanted(e.column)) seeds.add(columnKey(e.parentId, e.id))
    }
  }
  return seeds
}

type Adjacency = Map<string, Set<string>>

function adjacency (relations: Relation[]): { down: Adjacency, up: Adjacency } {
  const down: Adjacency = new Map()
  const up: Adjacency = new Map()
  const link = (m: Adjacency, a: string, b: string): void => {
    const set = m.get(a) ?? new Set<string>()
    set.add(b)
    m.set(a, set)
  }
  for (const r of relations) {
    const t = columnKey(r.target.parentId, r.target.id)
    for (const s of r.sources) {
      const k = columnKey(s.parentId, s.id)
      link(down, k, t)
      link(up, t, k)
    }
  }
  return { down, up }
}

function reach (start: Set<string>, edges: Adjacency): Set<string> {
  const seen = new Set(start)
  const stack = [...start]
  while (stack.length) {
    const next = edges.get(stack.pop() as string)
    for (const n of next ?? []) {
      if (!seen.has(n)) {
        seen.add(n)
        stack.push(n)
      }
    }
  }
  return seen
}

/** The sub-model of every relation source→target that lies on an upstream or downstream path. */
export function selectSubModel (model: SqlflowModel, sel: Selection): { model: SqlflowModel, matched: boolean } {
  const seeds = selectionSeeds(model, sel)
  const { down, up } = adjacency(model.relations)
  const upstream = reach(seeds, up)
  const downstream = reach(seeds, down)
  const onPath = (s: string, t: string): boolean =>
    (upstream.has(s) && upstream.has(t)) || (downstream.has(s) && downstream.has(t))
  const relations: Relation[] = []
  for (const r of model.relations) {
    const t = columnKey(r.target.parentId, r.target.id)
    const sources = r.sources.filter((s) => onPath(columnKey(s.parentId, s.id), t))
    if (sources.length) relations.push(sources.length === r.sources.length ? r : { ...r, sources })
  }
  const used = new Set<string>()
  for (const r of relations) for (const e of [r.target, ...r.sources]) used.add(e.parentId)
  const dbobjs = model.dbobjs.filter((o) => used.has(o.id) || (seeds.size > 0 && matchesObject(o, sel)))
  return { model: { ...model, dbobjs, relations }, matched: seeds.size > 0 }
}
