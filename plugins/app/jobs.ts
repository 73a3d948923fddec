// `fastify.jobs` (SQLFlow job use cases) and `fastify.jobQueue` (the JobQueue port, also used by
// Zetyun jobs): BullMQ with REDIS_URL, in-process otherwise. In embedded mode this process also
// consumes jobs, running the engine in worker_threads; status reconciliation runs at start and
// periodically in every process (services/jobs/consumer.ts, shared with worker.ts).
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import type { AppConfig } from '../../config.js'
import type { JobQueue } from '../../services/ports.js'
import { SessionService } from '../../services/sessions.js'
import { jobsConfigFromEnv, type JobsConfig } from '../../services/jobs/config.js'
import { JobRepo } from '../../services/jobs/repo.js'
import { JobService, SQLFLOW_JOB_TASK } from '../../services/jobs/service.js'
import { reconcileJobs, type ReconcileReport } from '../../services/jobs/reconcile.js'
import { startJobConsumer } from '../../services/jobs/consumer.js'
import { BullQueue } from './jobs/bullmq-queue.js'
import { MemoryQueue } from './jobs/memory-queue.js'

declare module 'fastify' {
  interface FastifyInstance {
    jobQueue: JobQueue
    jobs: JobService
    jobSessions: SessionService
    jobsConfig: JobsConfig
  }
}

/** Tests (and embedders) may pass `jobs` overrides on the config object. */
type ConfigWithJobs = AppConfig & { jobs?: Partial<JobsConfig> }

export function createJobQueue(redisUrl: string | null, cfg: JobsConfig): JobQueue {
  if (redisUrl === null) return new MemoryQueue()
  return new BullQueue({
    url: redisUrl, prefix: cfg.prefix, lockDuration: cfg.lockDurationMs,
    stalledInterval: cfg.stalledIntervalMs, maxStalledCount: cfg.maxStalledCount,
  }).use(SQLFLOW_JOB_TASK)
}

async function jobsPlugin(fastify: FastifyInstance): Promise<void> {
  const config = fastify.config as ConfigWithJobs
  const cfg = jobsConfigFromEnv(process.env, config.jobs)
  const queue = createJobQueue(config.redisUrl, cfg)
  const repo = new JobRepo(fastify.store)
  const sessions = new SessionService(fastify.store, { ttlSeconds: config.sessionTtlSeconds })
  const jobs = new JobService(repo, () => queue, cfg.limits)
  const onReconcile = (r: ReconcileReport): void => {
    if (r.requeued.length || r.failed.length) fastify.log.warn({ ...r }, 'job reconciliation')
  }
  const onError = (e: Error): void => { fastify.log.error({ err: e }, 'job reconciliation failed') }
  // embedded: this process consumes (and reconciles); otherwise it only reconciles
  const consumer = cfg.embeddedWorker
    ? await startJobConsumer({ store: fastify.store, queue, config: cfg, sessionTtlSeconds: config.sessionTtlSeconds, onReconcile, onError })
    : null
  const reconcile = (): void => { reconcileJobs(repo, queue).then(onReconcile, onError) }
  if (!consumer) reconcile()
  const timer = !consumer && cfg.reconcileMs > 0 ? setInterval(reconcile, cfg.reconcileMs).unref() : undefined
  fastify.decorate('jobQueue', queue)
  fastify.decorate('jobs', jobs)
  fastify.decorate('jobSessions', sessions)
  fastify.decorate('jobsConfig', cfg)
  fastify.addHook('onClose', async () => {
    clearInterval(timer)
    if (consumer) await consumer.close()
    else await queue.close()
  })
}

export default fp(jobsPlugin, { name: 'jobs', dependencies: ['config', 'store'] })
