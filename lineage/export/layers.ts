// A tiny layered placement for file exports (GraphML): layer = longest path from a source, capped so
// cycles (INSERT INTO t SELECT … FROM t) terminate; objects stack vertically within their layer.
import type { DbObj } from '../model/types.js'

export interface Placement { layer: number; y: number }

export function layerObjects(objs: DbObj[], pairs: Array<[string, string]>, heightOf: (o: DbObj) => number): Map<string, Placement> {
  const layer = new Map<string, number>(objs.map((o) => [o.id, 0]))
  const edges = pairs.filter(([s, t]) => s !== t)
  // relax at most |V| rounds: longest paths in a DAG settle by then, cycles stop growing there
  for (let round = 0; round < objs.length; round++) {
    let changed = false
    for (const [s, t] of edges) {
      const next = (layer.get(s) ?? 0) + 1
      if (next > (layer.get(t) ?? 0) && next <= objs.length) { layer.set(t, next); changed = true }
    }
    if (!changed) break
  }
  const nextY = new Map<number, number>()
  const out = new Map<string, Placement>()
  for (const o of objs) {
    const l = layer.get(o.id) ?? 0
    const y = nextY.get(l) ?? 0
    out.set(o.id, { layer: l, y })
    nextY.set(l, y + heightOf(o))
  }
  return out
}
