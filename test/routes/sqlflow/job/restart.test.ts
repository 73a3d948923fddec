// Durability with Redis: the API restarts and the worker process is killed mid-job (SIGKILL, no
// chance to clean up); a new worker picks the stalled job up and it completes. Never stuck.
import t from 'tap'
import { spawn, type ChildProcess } from 'node:child_process'
import type { AppConfig } from '../../../../config.js'
import { projectRoot } from '../../../../plugins/app/paths.js'
import { generateRepo } from '../../../../bench/sql-gen.js'
import { buildApp } from '../../../helpers/build-app.js'
import { buildZip } from '../../../helpers/zip.js'
import { caller, post, waitFinished } from './warehouse.js'
import { REDIS_URL, redisRun, redisUp } from './redis.js'

function startWorker(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker.ts'], {
    cwd: projectRoot(), env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.resume()
  child.stderr!.resume()
  return child
}

async function statusBecomes(read: () => Promise<string>, wanted: string, ms: number): Promise<void> {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if ((await read()) === wanted) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`status never became ${wanted}`)
}

t.test('a worker killed mid-job: the next worker finishes the job', async (t) => {
  if (!(await redisUp())) { t.skip('restart test (no Redis at 127.0.0.1:6379)', () => {}); return }
  const run = redisRun(t)
  const overrides = { redisUrl: REDIS_URL, jobs: { prefix: run.queuePrefix, embeddedWorker: false } } as Partial<AppConfig>
  let app = await buildApp(t, overrides, { store: run.store })
  const alice = await caller(app, 'alice')
  const zip = await buildZip(generateRepo(20, 40_000).map((f) => ({ name: f.name, data: f.text })))
  const sub = (await post(app, 'submitUserJob', alice, { jobName: 'slow', dbvendor: 'dbvmssql' }, [{ name: 'sqlfiles', value: zip, filename: 'repo.zip' }])).json()
  t.equal(sub.code, 200)
  const jobId: string = sub.data.jobId
  // the API restarts while the job waits: the job is in Redis, not in the process
  await app.close()
  app = await buildApp(t, overrides, { store: run.store })
  const status = async (): Promise<string> => (await post(app, 'displayUserJobSummary', alice, { jobId })).json().data.status
  t.equal(await status(), 'create')
  const env = {
    REDIS_URL, JOB_QUEUE_PREFIX: run.queuePrefix, WORKER_STORE_PREFIX: run.storePrefix,
    JOB_LOCK_MS: '2000', JOB_STALLED_INTERVAL_MS: '1000', JOB_RECONCILE_MS: '1000', LOG_LEVEL: 'silent',
  }
  const first = startWorker(env)
  t.teardown(() => { first.kill('SIGKILL') })
  await statusBecomes(status, 'process', 60_000)
  first.kill('SIGKILL')
  await new Promise((r) => first.once('exit', r))
  t.equal(await status(), 'process', 'the dead worker left the job running')
  const second = startWorker(env)
  t.teardown(() => { second.kill('SIGKILL') })
  const done = await waitFinished(app, alice, jobId, 120_000)
  t.equal(done.status, 'success')
  t.same(done.progress, { filesDone: 20, filesTotal: 20 })
  const csv = (await post(app, 'exportLineageAsCsv', alice, { jobId, tableToTable: 'true' })).body
  t.match(csv, /t_0_0,TABLE,DEFAULT,DEFAULT,t_1_0,TABLE,fdd/i, 'cross-file lineage of the recovered job')
  second.kill('SIGTERM')
  await new Promise((r) => second.once('exit', r))
})
