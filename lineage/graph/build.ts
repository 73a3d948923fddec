// Model → graph elements (spec §5): nodes n<i>, rows n<i>::n<j>, one edge per distinct column pair,
// listIdMap covering every node and row, tooltip, and the edge→relation map of the generation asked.
// Positions are all 0 here; layout.ts places the nodes and moves rows and labels with them.
import type { DbColumn, DbObj, SqlflowModel } from '../model/types.js'
import {
  ROW_HEIGHT, ROW_LABEL_HEIGHT, ROW_OFFSET, ROW_WIDTH, TABLE_LABEL_HEIGHT, TABLE_WIDTH, makeLabel, tableHeight,
} from './labels.js'
import { columnPairs, edgeType, wins, type ColumnPair, type ColumnRef } from './pairs.js'
import type { Generation, Graph, GraphNode } from './types.js'

export interface BuildOptions { showLinkOnly: boolean, hideColumn: boolean, generation: Generation }

interface NodePlan { obj: DbObj, rows: { label: string, columnIds: string[] }[], rowOf: Map<string, number> }

const TABLE_LIKE = new Set(['table', 'view', 'pseudoTable', 'stream'])

export function buildGraph (model: SqlflowModel, opts: BuildOptions): Graph {
  const pairs = columnPairs(model)
  const plans = planNodes(model, pairs, opts)
  const graph: Graph = { elements: { tables: [], edges: [] }, tooltip: {}, listIdMap: {} }
  const nodeIndex = new Map<string, number>()
  plans.forEach((plan, i) => {
    nodeIndex.set(plan.obj.id, i)
    graph.elements.tables.push(makeNode(`n${i}`, plan, graph))
  })
  addEdges(graph, pairs, plans, nodeIndex, opts.generation)
  return graph
}

/** Which objects become nodes, and which rows each shows, in model order. */
function planNodes (model: SqlflowModel, pairs: ColumnPair[], opts: BuildOptions): NodePlan[] {
  const linked = new Map<string, ColumnRef[]>()
  for (const p of pairs) {
    for (const end of [p.source, p.target]) {
      const list = linked.get(end.objectId) ?? []
      list.push(end)
      linked.set(end.objectId, list)
    }
  }
  const plans: NodePlan[] = []
  for (const obj of model.dbobjs) {
    const ends = linked.get(obj.id)
    if (!ends && (opts.showLinkOnly || !TABLE_LIKE.has(obj.type))) continue
    const columns = rowColumns(obj, ends ?? [], opts.showLinkOnly)
    plans.push(opts.hideColumn ? collapsed(obj, columns) : expanded(obj, columns))
  }
  return plans
}

/** Columns to show: the linked ones (showLinkOnly) or every non-system column plus linked ones. */
function rowColumns (obj: DbObj, ends: ColumnRef[], linkOnly: boolean): Pick<DbColumn, 'id' | 'name'>[] {
  const linkedIds = new Set(ends.map((e) => e.columnId))
  const known = obj.columns ?? []
  const shown: Pick<DbColumn, 'id' | 'name'>[] = known.filter((c) => linkedIds.has(c.id) || (!linkOnly && c.source !== 'system'))
  const knownIds = new Set(known.map((c) => c.id))
  // an endpoint whose column the object does not list still gets a row, named as the relation names it
  for (const e of ends) {
    if (!knownIds.has(e.columnId)) {
      knownIds.add(e.columnId)
      shown.push({ id: e.columnId, name: e.column })
    }
  }
  return shown
}

function expanded (obj: DbObj, columns: Pick<DbColumn, 'id' | 'name'>[]): NodePlan {
  const rowOf = new Map<string, number>()
  const rows = columns.map((c, j) => {
    rowOf.set(c.id, j)
    return { label: c.name, columnIds: [c.id] }
  })
  return { obj, rows, rowOf }
}

/** hideColumn: one "*" row standing for every shown column, so edges still join rows (§5). */
function collapsed (obj: DbObj, columns: Pick<DbColumn, 'id' | 'name'>[]): NodePlan {
  const rowOf = new Map(columns.map((c) => [c.id, 0] as const))
  return { obj, rows: columns.length ? [{ label: '*', columnIds: columns.map((c) => c.id) }] : [], rowOf }
}

function makeNode (id: string, plan: NodePlan, graph: Graph): GraphNode {
  const box = { x: 0, y: 0, width: TABLE_WIDTH }
  graph.listIdMap[id] = [plan.obj.id]
  const node: GraphNode = {
    id,
    label: makeLabel(plan.obj.name, box, TABLE_LABEL_HEIGHT, graph.tooltip),
    x: 0,
    y: 0,
    width: TABLE_WIDTH,
    height: tableHeight(plan.rows.length),
    columns: [],
  }
  plan.rows.forEach((row, j) => {
    const rowId = `${id}::n${j}`
    const rowBox = { x: 1, y: ROW_OFFSET + ROW_HEIGHT * j, width: ROW_WIDTH }
    graph.listIdMap[rowId] = row.columnIds
    node.columns.push({ id: rowId, ...rowBox, height: ROW_HEIGHT, label: makeLabel(row.label, rowBox, ROW_LABEL_HEIGHT, graph.tooltip) })
  })
  return node
}

function addEdges (graph: Graph, pairs: ColumnPair[], plans: NodePlan[], nodeIndex: Map<string, number>,
  generation: Generation): void {
  // with hideColumn several column pairs fall onto one row pair: the same fdd-wins rule picks the relation
  const byRows = new Map<string, { sourceId: string, targetId: string, pair: ColumnPair }>()
  const rowId = (end: ColumnRef): string => {
    const i = nodeIndex.get(end.objectId) as number
    return `n${i}::n${plans[i]!.rowOf.get(end.columnId) as number}`
  }
  for (const pair of pairs) {
    const sourceId = rowId(pair.source)
    const targetId = rowId(pair.target)
    const key = `${sourceId}>${targetId}`
    const seen = byRows.get(key)
    if (!seen) byRows.set(key, { sourceId, targetId, pair })
    else if (wins(pair.relation, seen.pair.relation)) seen.pair = pair
  }
  const idMapA: Record<string, string> = {}
  const idMapC: Record<string, [string, string]> = {}
  let k = 0
  for (const { sourceId, targetId, pair } of byRows.values()) {
    const id = `e${k++}`
    graph.elements.edges.push({ id, sourceId, targetId })
    idMapA[id] = edgeType(pair.relation)
    idMapC[id] = [pair.relation.id, edgeType(pair.relation)]
  }
  if (generation === 'C') graph.relationshipIdMap = idMapC
  else graph.relationIdMap = idMapA
}

