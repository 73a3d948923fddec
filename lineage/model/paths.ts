// End-to-end paths over a column graph given as integer nodes: the one implementation behind
// simpleOutput / ignoreRecordSet for both the SQLFlow model and the compact store (project.ts).
// Nodes and edges are ints and typed arrays because a 50 MB job has ~2 M columns.

/** Edges grouped by source node (CSR): the edges of n are to[off[n] .. off[n+1]) with their fdr flags. */
export interface ColumnGraph { nodes: number; off: Int32Array; to: Int32Array; fdr: Uint8Array }

/** Build the CSR from edges listed in relation order (the order is kept per source). */
export function columnGraph(nodes: number, from: ArrayLike<number>, to: ArrayLike<number>, fdr: ArrayLike<number>, edges: number): ColumnGraph {
  const off = new Int32Array(nodes + 1)
  for (let e = 0; e < edges; e++) off[from[e] + 1]++
  for (let n = 0; n < nodes; n++) off[n + 1] += off[n]
  const fill = off.slice(0, nodes)
  const t = new Int32Array(edges)
  const f = new Uint8Array(edges)
  for (let e = 0; e < edges; e++) { const k = fill[from[e]]++; t[k] = to[e]; f[k] = fdr[e] }
  return { nodes, off, to: t, fdr: f }
}

export interface KeptPair { source: number; target: number; fdr: boolean }

/**
 * Pairs of kept nodes joined by a chain through nodes that are not kept (spec §4.10, conformance
 * E3): fdr if any hop is fdr; when an fdd and an fdr chain join the same pair, fdd wins. Start nodes
 * are visited in `starts` order and pairs listed in the order they are first reached.
 */
export function keptPairs(g: ColumnGraph, kept: (node: number) => boolean, starts: Iterable<number>): KeptPair[] {
  const out: KeptPair[] = []
  // per start: which (node, fdr) states were expanded, and where a target's pair is in `out`
  const seen = new Int32Array(g.nodes * 2).fill(-1)
  const pairAt = new Int32Array(g.nodes).fill(-1)
  const pairStart = new Int32Array(g.nodes).fill(-1)
  const stack: number[] = []
  for (const start of starts) {
    if (!kept(start)) continue
    stack.push(start * 2)
    while (stack.length) {
      const state = stack.pop()!
      const node = state >> 1
      const f0 = state & 1
      for (let k = g.off[node]; k < g.off[node + 1]; k++) {
        const to = g.to[k]
        const f = f0 | g.fdr[k]
        if (kept(to)) {
          if (pairStart[to] !== start) { pairStart[to] = start; pairAt[to] = out.length; out.push({ source: start, target: to, fdr: f === 1 }) }
          else if (f === 0) out[pairAt[to]].fdr = false
          continue
        }
        const s = to * 2 + f
        if (seen[s] === start) continue
        seen[s] = start
        stack.push(s)
      }
    }
  }
  return out
}
