// Zetyun jobs on BullMQ against the real Redis: through the API process (embedded consumer), and
// through a separate consumer (what `npm run worker` runs) while the API only enqueues.
import t, { type Test } from 'tap'
import type { FastifyInstance } from 'fastify'
import type { AppConfig } from '../../../config.js'
import { createJobQueue } from '../../../plugins/app/jobs.js'
import { jobsConfigFromEnv } from '../../../services/jobs/config.js'
import { startZetyunConsumer } from '../../../services/zetyun/consumer.js'
import { REDIS_URL, redisRun, redisUp } from '../sqlflow/job/redis.js'
import { call, newTenant, zetyunApp } from './helpers.js'

async function runOnce (t: Test, app: FastifyInstance, token: string): Promise<void> {
  const p = (await call(app, 'POST', '/projects', token, {
    name: 'bull', workflow: [{ id: 'lineage', moduleId: 1, params: { dbvendor: 'dbvpostgresql' }, inputs: { sql: ['a.sql'] } }],
    files: [{ name: 'a.sql', text: 'insert into mart.t (a) select x from stage.s;' }],
  })).json().data.id
  const job = (await call(app, 'POST', `/tf/job/run/${p}`, token, { name: 'bull' })).json().data
  t.equal(job.status, 0)
  let status = 0
  for (let i = 0; i < 500 && status < 2; i++) {
    status = (await call(app, 'GET', `/tf/job/onlystatus/${job.autoKey}`, token)).json().data.status
    if (status < 2) await new Promise((r) => setTimeout(r, 20))
  }
  t.equal(status, 2, 'succeeded')
  const model = JSON.parse((await call(app, 'GET', `/tf/job/output/${job.autoKey}/lineage/lineage.json`, token)).body)
  t.ok(model.relations.length > 0)
}

t.test('Zetyun jobs on BullMQ', async (t) => {
  if (!(await redisUp())) { t.comment('SKIPPED: no Redis at 127.0.0.1:6379; BullMQ was NOT tested'); return }

  t.test('consumed by the API process', async (t) => {
    const run = redisRun(t)
    const { app, zy } = await zetyunApp(t, run.store, { redisUrl: REDIS_URL, jobs: { prefix: run.queuePrefix } } as Partial<AppConfig>)
    t.equal(app.jobQueue.kind, 'bullmq')
    await runOnce(t, app, (await newTenant(zy)).token)
  })

  t.test('consumed by a separate worker consumer', async (t) => {
    const run = redisRun(t)
    const { app, zy } = await zetyunApp(t, run.store, { redisUrl: REDIS_URL, jobs: { prefix: run.queuePrefix, embeddedWorker: false } } as Partial<AppConfig>)
    const cfg = jobsConfigFromEnv({}, { prefix: run.queuePrefix })
    const queue = createJobQueue(REDIS_URL, cfg)
    const consumer = await startZetyunConsumer({ store: run.store, queue, concurrency: 1, threads: 1, budget: cfg.budget })
    t.teardown(async () => { await queue.close(); await consumer.close() })
    await runOnce(t, app, (await newTenant(zy)).token)
  })
})
