// Job worker process (`npm run worker`): consumes SQLFlow jobs from BullMQ (REDIS_URL is required)
// with the engine in worker_threads, shares the API's store, and runs status reconciliation.
// Several workers and API processes may share one Redis. SIGTERM/SIGINT finish the running job.
import { ConfigError, loadConfig } from './config.js'
import { RedisStore } from './plugins/app/store/index.js'
import { createJobQueue } from './plugins/app/jobs.js'
import { jobsConfigFromEnv } from './services/jobs/config.js'
import { startJobConsumer } from './services/jobs/consumer.js'
import { startZetyunConsumer } from './services/zetyun/consumer.js'

const log = (level: string, msg: string, extra: Record<string, unknown> = {}): void => {
  process.stdout.write(JSON.stringify({ level, time: Date.now(), msg, pid: process.pid, ...extra }) + '\n')
}

async function main(): Promise<void> {
  const config = loadConfig()
  if (config.redisUrl === null) throw new ConfigError('the worker needs REDIS_URL (embedded mode runs jobs inside the API)')
  const jobs = jobsConfigFromEnv()
  // WORKER_STORE_PREFIX must match the API's store prefix (none in production; tests use one)
  const store = new RedisStore(config.redisUrl, { prefix: process.env.WORKER_STORE_PREFIX ?? '' })
  const queue = createJobQueue(config.redisUrl, jobs)
  const consumer = await startJobConsumer({
    store, queue, config: jobs, sessionTtlSeconds: config.sessionTtlSeconds,
    onReconcile: (r) => { if (r.requeued.length || r.failed.length) log('warn', 'job reconciliation', { ...r }) },
    onError: (e) => log('error', 'job reconciliation failed', { err: e.message }),
  })
  // Zetyun platform jobs share the queue and the engine threads' budget
  const zetyun = await startZetyunConsumer({
    store, queue, concurrency: jobs.concurrency, threads: jobs.threads,
    budget: { maxBytes: config.analysis.maxBytes, maxStatements: config.analysis.maxStatements, maxMillis: config.analysis.maxMillis },
  })
  log('info', 'worker ready', { concurrency: jobs.concurrency, threads: jobs.threads, prefix: jobs.prefix })
  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) return
    stopping = true
    log('info', 'worker stopping', { signal })
    consumer.close().then(() => zetyun.close()).then(() => store.close()).then(() => process.exit(0), () => process.exit(1))
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

main().catch((e: unknown) => {
  process.stderr.write(`lineage-gateway worker failed to start: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exit(1)
})
