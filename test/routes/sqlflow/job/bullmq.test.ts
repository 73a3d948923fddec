// End to end on BullMQ against the real Redis (unique prefixes per run): the API process consumes.
import t from 'tap'
import type { AppConfig } from '../../../../config.js'
import { buildApp } from '../../../helpers/build-app.js'
import { jobScenario } from './scenario.js'
import { REDIS_URL, redisRun, redisUp } from './redis.js'

t.test('warehouse zip: submit → poll → exports → isolation → delete (BullMQ)', async (t) => {
  if (!(await redisUp())) { t.skip('BullMQ end to end (no Redis at 127.0.0.1:6379)', () => {}); return }
  const run = redisRun(t)
  const app = await buildApp(t, { redisUrl: REDIS_URL, jobs: { prefix: run.queuePrefix } } as Partial<AppConfig>, { store: run.store })
  t.equal(app.jobQueue.kind, 'bullmq')
  await jobScenario(t, app)
})
