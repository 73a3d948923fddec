// The `data` of /graph and /selectedgraph (spec §2.2.2, §6): mode, summary, sqlflow and graph,
// computed from the engine's full model and the request's options.
import { projectModel, toWireModel } from '../model/project.js'
import { toGenC, type GenCModel } from '../model/genc.js'
import type { SqlflowModel } from '../model/types.js'
import { buildGraph } from './build.js'
import { layoutGraph, type LayoutCache, type LayoutRunner } from './layout.js'
import { modelOptionsOf } from './options.js'
import { columnPairs, type ColumnPair } from './pairs.js'
import { selectSubModel } from './select.js'
import { buildSummary } from './summary.js'
import type { Generation, Graph, GraphMode, GraphOptions, Selection, Summary } from './types.js'

export interface GraphData {
  mode: GraphMode
  summary: Summary
  sqlflow?: SqlflowModel | GenCModel
  graph: Graph
}

export interface GraphViewOptions {
  selection?: Selection
  /** false leaves out data.sqlflow (selectedgraph isReturnModel=false) */
  includeModel?: boolean
  cache?: LayoutCache
  run?: LayoutRunner
}

/** The model a request sees: projected by its options, then cut to the selection when there is one. */
function visibleModel (full: SqlflowModel, o: GraphOptions, selection?: Selection): SqlflowModel {
  const projected = projectModel(full, modelOptionsOf(o))
  return selection ? selectSubModel(projected, selection).model : projected
}

/**
 * Above `relationLimit` distinct column pairs fall back to ignoreRecordSet (fewer intermediate
 * objects), and when that is still too big to summary only: a graph that size is unreadable and
 * its layout would cost seconds (§6.1).
 */
function chooseMode (full: SqlflowModel, o: GraphOptions, selection?: Selection):
{ mode: GraphMode, model: SqlflowModel, pairs: ColumnPair[] } {
  const model = visibleModel(full, o, selection)
  const pairs = columnPairs(model)
  if (pairs.length <= o.relationLimit) return { mode: 'global', model, pairs }
  if (!o.ignoreRecordSet && !o.simpleOutput) {
    const smaller = visibleModel(full, { ...o, ignoreRecordSet: true }, selection)
    const smallerPairs = columnPairs(smaller)
    if (smallerPairs.length <= o.relationLimit) return { mode: 'ignoreRecordSet', model: smaller, pairs: smallerPairs }
  }
  return { mode: 'summary', model, pairs }
}

export function emptyGraph (generation: Generation): Graph {
  const graph: Graph = { elements: { tables: [], edges: [] }, tooltip: {}, listIdMap: {} }
  if (generation === 'C') graph.relationshipIdMap = {}
  else graph.relationIdMap = {}
  return graph
}

/** The wire form of a model in the requested generation. */
export function wireModel (model: SqlflowModel, generation: Generation): SqlflowModel | GenCModel {
  const wire = toWireModel(model)
  return generation === 'C' ? toGenC(wire) : wire
}

export async function graphView (full: SqlflowModel, o: GraphOptions, v: GraphViewOptions = {}): Promise<GraphData> {
  const { mode, model, pairs } = chooseMode(full, o, v.selection)
  const summary = buildSummary(model, pairs, o.generation)
  const graph = mode === 'summary'
    ? emptyGraph(o.generation)
    : await layoutGraph(buildGraph(model, { ...o }), { cache: v.cache, run: v.run })
  const data: GraphData = { mode, summary, graph }
  if (v.includeModel !== false) data.sqlflow = wireModel(model, o.generation)
  return data
}
