// `fastify.lineage`: the engine facade routes use. Small inputs are analysed inline; bigger ones in
// a worker_threads pool under a per-request budget (bytes, statements, ms from config). A run that
// outlives its budget has its worker terminated and answers a clear error: no request hangs.
// Also here: graph building with a two-level layout cache, and the SQLFlow session service.
import fp from 'fastify-plugin'
import { availableParallelism } from 'node:os'
import type { FastifyInstance } from 'fastify'
import { decodeResult } from '../../lineage/model/codec.js'
import { analyze, type AnalysisResult, type AnalyzeInput, type AnalyzeOptions, type SqlflowModel } from '../../lineage/index.js'
import {
  computePositions, graphView, memoryLayoutCache, type GraphData, type GraphOptions, type GraphViewOptions,
  type LayoutCache, type LayoutShape, type Positions,
} from '../../lineage/graph/index.js'
import type { KvStore } from '../../services/ports.js'
import { SessionService } from '../../services/sessions.js'
import { HttpError } from './errors.js'
// the `config` and `store` decorators this plugin depends on (type declarations only)
import type {} from './config.js'
import type {} from './store/index.js'
import { PoolBusyError, PoolTimeoutError, WorkerPool } from './lineage-pool.js'

export interface AnalysisBudget { maxBytes: number, maxStatements: number, maxMillis: number }

export interface LineageFacade {
  /** analyze() inline or in the pool; HttpError 408 (budget), 503 (busy) or 500 (engine failure) */
  analyze (input: string | AnalyzeInput, opts: Omit<AnalyzeOptions, 'budget'>): Promise<AnalysisResult>
  /** graphView() with this server's layout cache and worker pool */
  graphView (model: SqlflowModel, options: GraphOptions, view?: Omit<GraphViewOptions, 'cache' | 'run'>): Promise<GraphData>
  sessions: SessionService
  budget: AnalysisBudget
  /** the worker pool (replaceable, e.g. by tests with a worker that never finishes) */
  pool: WorkerPool
}

declare module 'fastify' {
  interface FastifyInstance {
    lineage: LineageFacade
  }
}

/** Graphs with more nodes than this are laid out in the pool: ELK runs synchronously. */
const LAYOUT_INLINE_NODES = 150
/** Time the worker gets beyond the engine's own between-statement budget before it is stopped. */
const grace = (ms: number): number => Math.max(2000, Math.round(ms * 0.25))

/** Pick the worker file next to this module: .js from dist/, .ts under a TypeScript loader. */
export function workerUrl (): URL {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js'
  return new URL(`./lineage-worker${ext}`, import.meta.url)
}

export const inputBytes = (input: string | AnalyzeInput): number => typeof input === 'string'
  ? Buffer.byteLength(input)
  : (input.sql ? Buffer.byteLength(input.sql) : 0) + (input.files ?? []).reduce((n, f) => n + Buffer.byteLength(f.text), 0)

function poolError (err: unknown, budget: AnalysisBudget): HttpError {
  if (err instanceof PoolTimeoutError) {
    return new HttpError(408, `analysis stopped: it exceeded the time budget of ${budget.maxMillis} ms (ANALYZE_MAX_MS); split the script or raise the budget`, 'ANALYSIS_TIMEOUT')
  }
  if (err instanceof PoolBusyError) return new HttpError(503, err.message, 'BUSY')
  return new HttpError(500, err instanceof Error ? err.message : String(err))
}

/** Memory first (this process), then the store (every process sharing the Redis). */
export function layoutCache (store: KvStore, ttlSeconds: number): LayoutCache {
  const memory = memoryLayoutCache()
  const key = (hash: string): string => `sqlflow:layout:${hash}`
  return {
    async get (hash) {
      const hit = await memory.get(hash)
      if (hit) return hit
      const stored = await store.getJson<Positions>(key(hash))
      if (stored) await memory.set(hash, stored)
      return stored
    },
    async set (hash, positions) {
      await memory.set(hash, positions)
      await store.setJson(key(hash), positions, ttlSeconds)
    },
  }
}

export default fp(async function lineagePlugin (fastify: FastifyInstance) {
  const { analysis, sessionTtlSeconds } = fastify.config
  const budget: AnalysisBudget = { maxBytes: analysis.maxBytes, maxStatements: analysis.maxStatements, maxMillis: analysis.maxMillis }
  const size = analysis.workers > 0 ? analysis.workers : Math.max(1, availableParallelism() - 1)
  const pool = new WorkerPool({ size, workerUrl: workerUrl(), maxQueue: size * 16 })
  const cache = layoutCache(fastify.store, sessionTtlSeconds)
  const runLayout = async (shape: LayoutShape): Promise<Positions> => shape.nodes.length <= LAYOUT_INLINE_NODES
    ? await computePositions(shape)
    : await facade.pool.run<Positions>({ kind: 'layout', payload: shape }, 120_000).catch((err: unknown) => { throw poolError(err, budget) })

  const facade: LineageFacade = {
    budget,
    pool,
    sessions: new SessionService(fastify.store, { ttlSeconds: sessionTtlSeconds }),
    async analyze (input, opts) {
      const withBudget: AnalyzeOptions = { ...opts, budget }
      if (inputBytes(input) <= analysis.inlineBytes) {
        try {
          return analyze(input, withBudget)
        } catch (err) {
          // analyze() promises never to throw; if it does, that is an engine bug: log it, answer 500
          fastify.log.error({ err }, 'analyze() threw')
          throw new HttpError(500, 'analysis failed')
        }
      }
      // the worker sends the result in the engine's encoded form: a structured clone would lose the store's class
      const parts = await facade.pool.run<string[]>({ kind: 'analyze', payload: { input, opts: withBudget } }, budget.maxMillis + grace(budget.maxMillis))
        .catch((err: unknown) => { throw poolError(err, budget) })
      return decodeResult(parts)
    },
    graphView: async (model, options, view = {}) => await graphView(model, options, { ...view, cache, run: runLayout }),
  }
  fastify.decorate('lineage', facade)
  fastify.addHook('onClose', async () => { await facade.pool.close() })
}, { name: 'lineage', dependencies: ['config', 'store'] })
