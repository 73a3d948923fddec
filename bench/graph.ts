// Graph + layout time for scripts whose default /graph has ~50, ~500 and ~2000 relations (distinct
// column pairs). Target (issue 5): the 500-relation graph lays out in under 1 s on this machine.
//   node --import tsx bench/graph.ts            (or: npm run bench:graph)
// Layout is measured cold (first ELK run of the process: JIT warm-up included), for the first graph
// of each size, as the median of 3 more runs (a running server), and cached (what a repeat request
// pays). The machine's load changes these numbers a lot: print `uptime` next to them.
import { analyze } from '../lineage/index.js'
import {
  buildGraph, columnPairs, computePositions, graphView, layoutGraph, layoutShape, memoryLayoutCache, modelOptionsOf, resolveGraphOptions,
} from '../lineage/graph/index.js'
import { projectModel } from '../lineage/model/project.js'

const COLS = 5

/** A warehouse chain: each INSERT joins the previous two tables into the next one (5 columns each). */
function script (statements: number): string {
  const cols = Array.from({ length: COLS }, (_v, i) => `c${i}`)
  const lines = [`CREATE TABLE t0 (${cols.map((c) => `${c} int`).join(', ')});`, `CREATE TABLE t1 (${cols.map((c) => `${c} int`).join(', ')});`]
  for (let i = 2; i < statements + 2; i++) {
    const items = cols.map((c, k) => (k % 2 === 0 ? `a.${c} + b.${c} AS ${c}` : `CASE WHEN a.${c} > 0 THEN b.${c} ELSE a.${c} END AS ${c}`))
    lines.push(`INSERT INTO t${i} (${cols.join(', ')}) SELECT ${items.join(', ')} FROM t${i - 1} a JOIN t${i - 2} b ON a.c0 = b.c0 WHERE a.c1 > 10;`)
  }
  return lines.join('\n')
}

const time = async <T>(fn: () => Promise<T> | T): Promise<[T, number]> => {
  const t0 = performance.now()
  const out = await fn()
  return [out, performance.now() - t0]
}

/** The smallest script whose default graph has at least `target` relations. */
function scriptFor (target: number): { sql: string, relations: number } {
  const options = modelOptionsOf(resolveGraphOptions())
  let n = 1
  for (;;) {
    const sql = script(n)
    const model = projectModel(analyze(sql, { dbvendor: 'dbvoracle' }).model, options)
    const relations = columnPairs(model).length
    if (relations >= target) return { sql, relations }
    n = Math.max(n + 1, Math.floor(n * target / Math.max(relations, 1)))
  }
}

const fmt = (ms: number): string => `${ms.toFixed(0)} ms`.padStart(9)

async function main (): Promise<void> {
  // warm ELK once on an unrelated small graph, so "warm" means what a running server sees
  const warmup = buildGraph(projectModel(analyze(script(3), { dbvendor: 'dbvoracle' }).model, modelOptionsOf(resolveGraphOptions())),
    { showLinkOnly: true, hideColumn: false, generation: 'A' })
  const [, cold] = await time(() => computePositions(layoutShape(warmup)))
  console.log(`ELK cold start (first layout in the process, 3-statement graph): ${cold.toFixed(0)} ms\n`)
  console.log('relations  nodes  edges | analyze   graph(build)  layout(1st)  layout(median of 3)  layout(cached)  graphView total')
  for (const target of [50, 500, 2000]) {
    const { sql, relations } = scriptFor(target)
    const [result, tAnalyze] = await time(() => analyze(sql, { dbvendor: 'dbvoracle' }))
    const options = resolveGraphOptions({ relationLimit: 100_000 })
    const [graph, tBuild] = await time(() => buildGraph(projectModel(result.model, modelOptionsOf(options)), options))
    const shape = layoutShape(graph)
    const [, tLayout] = await time(() => computePositions(shape))
    const repeats: number[] = []
    for (let i = 0; i < 3; i++) repeats.push((await time(() => computePositions(shape)))[1])
    const tMedian = repeats.sort((a, b) => a - b)[1]!
    const cache = memoryLayoutCache()
    await layoutGraph(buildGraph(projectModel(result.model, modelOptionsOf(options)), options), { cache })
    const [, tCached] = await time(() => layoutGraph(graph, { cache }))
    const [, tView] = await time(() => graphView(result.model, options))
    console.log(`${String(relations).padStart(9)} ${String(graph.elements.tables.length).padStart(6)} ${String(graph.elements.edges.length).padStart(6)} |` +
      `${fmt(tAnalyze)} ${fmt(tBuild)}    ${fmt(tLayout)}     ${fmt(tMedian)}          ${fmt(tCached)}       ${fmt(tView)}`)
  }
}

await main()
