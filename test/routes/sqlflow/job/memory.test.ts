// End to end on the in-process queue (embedded mode): the engine runs in worker_threads.
import t from 'tap'
import { buildApp } from '../../../helpers/build-app.js'
import { jobScenario } from './scenario.js'

t.test('warehouse zip: submit → poll → exports → isolation → delete (in-process queue)', async (t) => {
  const app = await buildApp(t)
  t.equal(app.jobQueue.kind, 'memory')
  await jobScenario(t, app)
})
