// Job settings: queue, engine threads, budgets, reconciliation, upload limits. Read from the
// environment (README "Jobs and CSV columns"); tests pass overrides as `config.jobs`.
import { uploadLimitsFromEnv, type UploadLimits } from '../uploads/index.js'

export interface JobsConfig {
  /** consume jobs in this process (embedded mode; with Redis the API may leave it to `npm run worker`) */
  embeddedWorker: boolean
  /** jobs run at once per process */
  concurrency: number
  /** engine threads per process */
  threads: number
  /** engine budget of one job */
  budget: { maxBytes: number; maxStatements: number; maxMillis: number }
  /** BullMQ key prefix; braced for Redis Cluster */
  prefix: string
  lockDurationMs: number
  stalledIntervalMs: number
  maxStalledCount: number
  /** period of the status reconciliation; 0 = only at start */
  reconcileMs: number
  limits: UploadLimits
}

type Env = Record<string, string | undefined>

function int(env: Env, name: string, def: number): number {
  const raw = env[name]?.trim()
  if (!raw) return def
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`)
  return n
}

export function jobsConfigFromEnv(env: Env = process.env, overrides: Partial<JobsConfig> = {}): JobsConfig {
  const limits = uploadLimitsFromEnv(env)
  return {
    embeddedWorker: (env.JOB_EMBEDDED_WORKER ?? 'true').trim().toLowerCase() !== 'false',
    concurrency: Math.max(1, int(env, 'JOB_CONCURRENCY', 1)),
    threads: Math.max(1, int(env, 'JOB_THREADS', 1)),
    budget: { maxBytes: limits.maxTotalBytes, maxStatements: int(env, 'JOB_MAX_STATEMENTS', 1_000_000), maxMillis: int(env, 'JOB_MAX_MILLIS', 10 * 60_000) },
    prefix: env.JOB_QUEUE_PREFIX?.trim() || '{lineage}',
    lockDurationMs: int(env, 'JOB_LOCK_MS', 30_000),
    stalledIntervalMs: int(env, 'JOB_STALLED_INTERVAL_MS', 30_000),
    maxStalledCount: int(env, 'JOB_MAX_STALLED', 1),
    reconcileMs: int(env, 'JOB_RECONCILE_MS', 60_000),
    limits,
    ...overrides,
  }
}
