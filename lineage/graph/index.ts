// lineage/graph: model → the widget's diagram (spec §5–6). No HTTP inside; routes and the job
// exporters call these functions.
export type * from './types.js'
export { graphView, wireModel, emptyGraph, type GraphData, type GraphViewOptions } from './view.js'
export { buildGraph, type BuildOptions } from './build.js'
export { buildSummary } from './summary.js'
export { columnPairs, edgeType, type ColumnPair } from './pairs.js'
export { selectSubModel, selectionSeeds, matchesObject } from './select.js'
export {
  layoutGraph, layoutShape, shapeHash, computePositions, applyPositions, memoryLayoutCache,
  type LayoutCache, type LayoutRunner, type LayoutShape, type Positions,
} from './layout.js'
export { defaultGraphOptions, resolveGraphOptions, modelOptionsOf, graphKey, DEFAULT_RELATION_LIMIT } from './options.js'
export { shortenLabel, tableHeight, TABLE_WIDTH } from './labels.js'
