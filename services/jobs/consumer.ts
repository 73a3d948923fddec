// A job consumer outside Fastify: the `npm run worker` process (and the benchmark) wire the same
// repo, engine threads, sessions and reconciliation the embedded mode uses.
import type { JobQueue, KvStore } from '../ports.js'
import { SessionService } from '../sessions.js'
import type { JobsConfig } from './config.js'
import { reconcileJobs, type ReconcileReport } from './reconcile.js'
import { JobRepo } from './repo.js'
import { createJobHandler } from './runner.js'
import { SQLFLOW_JOB_TASK } from './service.js'
import { ThreadPool } from './thread-pool.js'

export interface Consumer { close(): Promise<void> }

export interface ConsumerOptions {
  store: KvStore
  queue: JobQueue
  config: JobsConfig
  sessionTtlSeconds: number
  onReconcile?: (r: ReconcileReport) => void
  onError?: (e: Error) => void
}

export async function startJobConsumer(o: ConsumerOptions): Promise<Consumer> {
  const repo = new JobRepo(o.store)
  const analyzer = new ThreadPool(o.config.threads, o.config.budget.maxMillis * 2)
  const sessions = new SessionService(o.store, { ttlSeconds: o.sessionTtlSeconds })
  await o.queue.process(SQLFLOW_JOB_TASK, createJobHandler({ repo, analyzer, sessions, budget: o.config.budget }), o.config.concurrency)
  const reconcile = (): void => {
    reconcileJobs(repo, o.queue).then((r) => o.onReconcile?.(r), (e: Error) => o.onError?.(e))
  }
  reconcile()
  const timer = o.config.reconcileMs > 0 ? setInterval(reconcile, o.config.reconcileMs).unref() : undefined
  return {
    close: async () => {
      clearInterval(timer)
      await o.queue.close() // waits for the running task: a graceful stop never strands a job
      await analyzer.close()
    },
  }
}
