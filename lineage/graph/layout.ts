// Node placement with elkjs (layered, left to right: sources on the left). Only node positions come
// from ELK; rows and labels follow from the §5 size invariants. Layout is the costliest step of a
// graph response, so results are cached by a hash of the graph's shape (node sizes + node edges).
import { createHash } from 'node:crypto'
import * as elkModule from 'elkjs/lib/elk.bundled.js'
import type { ELK as ElkApi, ELKConstructorArguments } from 'elkjs/lib/elk-api.js'
import { ROW_HEIGHT, ROW_OFFSET } from './labels.js'
import type { Graph, Label } from './types.js'

/** What ELK needs: node heights and the node-to-node edges (rows collapse onto their node). */
export interface LayoutShape { nodes: [id: string, height: number][], edges: [source: string, target: string][] }
export type Positions = Record<string, [x: number, y: number]>

/** Async get/set, so an in-process map and a KvStore-backed cache fit the same slot. */
export interface LayoutCache {
  get (hash: string): Promise<Positions | null | undefined>
  set (hash: string, positions: Positions): Promise<void>
}

// Tuned for speed (bench/graph.ts): the widget routes its own edges, so POLYLINE routing, one
// crossing-minimisation pass without the greedy switch, and SIMPLE node placement are enough;
// BRANDES_KOEPF / LINEAR_SEGMENTS cost 1.3-1.5x and NETWORK_SIMPLEX 5x for little visible gain.
const LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'POLYLINE',
  'elk.layered.thoroughness': '1',
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
  'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
  'elk.spacing.nodeNode': '30',
  'elk.layered.spacing.nodeNodeBetweenLayers': '80',
}

const nodeOf = (rowId: string): string => rowId.slice(0, rowId.indexOf('::'))

export function layoutShape (graph: Graph): LayoutShape {
  const nodes = graph.elements.tables.map((t): [string, number] => [t.id, t.height])
  const seen = new Set<string>()
  const edges: [string, string][] = []
  for (const e of graph.elements.edges) {
    const s = nodeOf(e.sourceId)
    const t = nodeOf(e.targetId)
    const key = `${s}>${t}`
    if (s === t || seen.has(key)) continue
    seen.add(key)
    edges.push([s, t])
  }
  return { nodes, edges }
}

export function shapeHash (shape: LayoutShape): string {
  return createHash('sha1').update(JSON.stringify(shape)).digest('hex')
}

// elk.bundled.js is CommonJS: the constructor arrives as the default export under Node's ESM and
// as default.default under some TypeScript loaders; take whichever is a function.
type ElkCtor = new (args?: ELKConstructorArguments) => ElkApi
const mod = elkModule as unknown as { default: ElkCtor & { default?: ElkCtor } }
const ELK: ElkCtor = typeof mod.default.default === 'function' ? mod.default.default : mod.default

let elk: ElkApi | undefined

/** Run ELK on a shape. Pure data in and out, so a worker thread can run it too. */
export async function computePositions (shape: LayoutShape): Promise<Positions> {
  if (shape.nodes.length === 0) return {}
  elk ??= new ELK()
  const root = await elk.layout({
    id: 'root',
    layoutOptions: LAYOUT_OPTIONS,
    children: shape.nodes.map(([id, height]) => ({ id, width: 162, height })),
    edges: shape.edges.map(([s, t], i) => ({ id: `l${i}`, sources: [s], targets: [t] })),
  })
  const positions: Positions = {}
  for (const c of root.children ?? []) positions[c.id] = [c.x ?? 0, c.y ?? 0]
  return positions
}

function move (label: Label, dx: number, dy: number): void {
  label.x += dx
  label.y += dy
}

/** Place every node and move its rows and labels with it (row j at y + 21.96875 + 16·j, x + 1). */
export function applyPositions (graph: Graph, positions: Positions): Graph {
  for (const node of graph.elements.tables) {
    const [x, y] = positions[node.id] ?? [0, 0]
    move(node.label, x - node.x, y - node.y)
    node.x = x
    node.y = y
    node.columns.forEach((row, j) => {
      const rx = x + 1
      const ry = y + ROW_OFFSET + ROW_HEIGHT * j
      move(row.label, rx - row.x, ry - row.y)
      row.x = rx
      row.y = ry
    })
  }
  return graph
}

export interface LayoutRunner { (shape: LayoutShape): Promise<Positions> }

/**
 * Lay a graph out in place. `run` lets the caller move big layouts off the event loop (the server
 * passes its worker pool); `cache` skips ELK entirely for a shape seen before.
 */
export async function layoutGraph (graph: Graph, opts: { cache?: LayoutCache, run?: LayoutRunner } = {}): Promise<Graph> {
  const shape = layoutShape(graph)
  const hash = shapeHash(shape)
  let positions = await opts.cache?.get(hash)
  if (!positions) {
    positions = await (opts.run ?? computePositions)(shape)
    await opts.cache?.set(hash, positions)
  }
  return applyPositions(graph, positions)
}

/** A small in-process LRU: Map iteration order is insertion order, so re-inserting marks recent use. */
export function memoryLayoutCache (max = 256): LayoutCache & { size (): number } {
  const map = new Map<string, Positions>()
  return {
    async get (hash) {
      const hit = map.get(hash)
      if (hit) {
        map.delete(hash)
        map.set(hash, hit)
      }
      return hit
    },
    async set (hash, positions) {
      map.delete(hash)
      map.set(hash, positions)
      while (map.size > max) map.delete(map.keys().next().value as string)
    },
    size: () => map.size,
  }
}
