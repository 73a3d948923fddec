// The Zetyun job lifecycle (spec §B.4) at the service level, where a gated built-in holds a job in
// RUNNING deterministically: 0→1→2, stop while running (opStatus 1, then 4, later steps skipped),
// a run finishing before its stop takes effect, failures → 3, quota slots; on both stores.
import t from 'tap'
import { MemoryQueue } from '../../plugins/app/jobs/memory-queue.js'
import { ZetyunService, ZetyunError, type Builtin, type LineageRunner, type ZyUser } from '../../services/zetyun/index.js'
import { onEachStore } from '../routes/koodrive/stores.js'

const noEngine: LineageRunner = {
  lineage: async () => { throw new Error('not used') },
  exportLineage: async () => { throw new Error('not used') },
}

/** A built-in whose runs wait until released, so tests can look at a RUNNING job. */
function gate (id: number, cmd: string, fail = false) {
  let release: () => void = () => {}
  let started: () => void = () => {}
  const running = new Promise<void>((resolve) => { started = resolve })
  const done = new Promise<void>((resolve) => { release = resolve })
  let runs = 0
  const builtin: Builtin = {
    id, tags: ['test'],
    spec: { Name: cmd, Description: '', Version: '1', CategoryTags: [], Cmd: cmd, Param: { p: { Default: 'd', Type: 'string' } }, Input: {}, Output: { out: ['txt'] } },
    async run (_engine, ctx) {
      runs++
      started()
      await done
      if (fail) throw new Error('boom from the module')
      return [{ name: 'out.txt', contentType: 'text/plain', content: `p=${ctx.params.p}` }]
    },
  }
  return { builtin, release: () => release(), running, runs: () => runs }
}

const until = async (check: () => Promise<boolean>): Promise<void> => {
  for (let i = 0; i < 500; i++) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 5))
  }
  throw new Error('condition not reached')
}

onEachStore(t, 'zy-lifecycle', async (t, store) => {
  const queue = new MemoryQueue()
  t.teardown(() => queue.close())
  const zy = new ZetyunService(store, () => queue, { maxActivePerUser: 2, slotTtlSeconds: 3600, scryptCost: { log2N: 12, r: 8, p: 1 } })
  await zy.consume(queue, noEngine, 4)
  const { token } = await zy.users.createTenantAdmin({ name: `lc${Date.now()}${Math.random().toString(36).slice(2, 6)}`, email: `lc${Date.now()}${Math.random().toString(36).slice(2, 6)}@example.com`, password: 'a long passphrase' })
  const admin = (await zy.users.byToken(token)) as ZyUser
  const a = gate(9001, 'builtin:test-a')
  const b = gate(9002, 'builtin:test-b')
  const c = gate(9003, 'builtin:test-c')
  const f = gate(9004, 'builtin:test-fail', true)
  for (const g of [a, b, c, f]) zy.builtins.add(g.builtin)
  const project = (steps: number[]) => zy.projects.create(admin, { name: 'lc', workflow: steps.map((m, i) => ({ id: `s${i}`, moduleId: m, params: {}, inputs: {} })), files: [] })
  const status = (id: number) => zy.jobs.onlyStatus(admin, id)

  t.test('0 → 1 → 2 with startTime/endTime, outputs and variable overrides', async (t) => {
    const p = await project([a.builtin.id])
    const job = await zy.jobs.run(admin, p.id, { name: 'ok', variable: [{ name: 'p', value: '$(id)' }, { name: 'unknown', value: 'x' }] })
    t.same({ status: job.status, opStatus: job.opStatus, startTime: job.startTime }, { status: 0, opStatus: 0, startTime: null })
    await a.running
    t.same(await status(job.autoKey), { status: 1, opStatus: 0 })
    t.ok((await zy.jobs.status(admin, job.autoKey)).startTime !== null)
    a.release()
    await until(async () => (await status(job.autoKey)).status === 2)
    const done = await zy.jobs.status(admin, job.autoKey)
    t.ok(done.endTime !== null)
    t.same(done.steps, [{ id: 's0', moduleId: a.builtin.id, status: 2 }])
    t.same(await zy.jobs.output(admin, job.autoKey, 's0/out.txt'), { contentType: 'text/plain', content: 'p=$(id)' }, 'the variable reached the module as a literal value')
  })

  t.test('stop while running: opStatus 1, then 4; later steps never run', async (t) => {
    const p = await project([b.builtin.id, c.builtin.id])
    const job = await zy.jobs.run(admin, p.id, { name: 'stop' })
    await b.running
    const stopped = await zy.jobs.stop(admin, job.autoKey)
    t.same({ status: stopped.status, opStatus: stopped.opStatus }, { status: 1, opStatus: 1 })
    t.same(await status(job.autoKey), { status: 1, opStatus: 1 })
    b.release()
    await until(async () => (await status(job.autoKey)).status === 4)
    t.same(await status(job.autoKey), { status: 4, opStatus: 0 }, 'terminal: opStatus reset')
    t.equal(c.runs(), 0, 'the second step never started')
    const again = await zy.jobs.stop(admin, job.autoKey)
    t.equal(again.status, 4, 'idempotent')
    const log = (await zy.jobs.log(admin, job.autoKey, 0, 100)).lines.join('\n')
    t.match(log, /stop requested/)
    t.match(log, /job cancelled on request/)
  })

  t.test('a run that finishes before its stop takes effect ends SUCCEEDED (1 → 2 allowed)', async (t) => {
    const g = gate(9005, 'builtin:test-late')
    zy.builtins.add(g.builtin)
    const p = await project([g.builtin.id])
    const job = await zy.jobs.run(admin, p.id, { name: 'late' })
    await g.running
    await zy.jobs.stop(admin, job.autoKey)
    g.release()
    await until(async () => (await status(job.autoKey)).status >= 2)
    t.same(await status(job.autoKey), { status: 2, opStatus: 0 })
    await t.rejects(zy.jobs.stop(admin, job.autoKey), new ZetyunError('conflict', 'The job has already finished.'))
  })

  t.test('a failing module → 3 with the reason in the log; terminal states are immutable', async (t) => {
    const p = await project([f.builtin.id])
    const job = await zy.jobs.run(admin, p.id, { name: 'fail' })
    f.release()
    await until(async () => (await status(job.autoKey)).status === 3)
    const full = await zy.jobs.status(admin, job.autoKey)
    t.same(full.steps, [{ id: 's0', moduleId: f.builtin.id, status: 3 }])
    t.match((await zy.jobs.log(admin, job.autoKey, 0, 100)).lines.at(-1), /job failed: boom from the module/)
    await t.rejects(zy.jobs.stop(admin, job.autoKey), new ZetyunError('conflict', 'The job has already finished.'))
    // a redelivered task (e.g. after a worker crash) must not restart a finished job
    await queue.enqueue('zetyun-job', `redeliver-${job.autoKey}`, { jobId: job.autoKey })
    await new Promise((r) => setTimeout(r, 50))
    t.equal((await status(job.autoKey)).status, 3)
  })

  t.test('active-job slots: quota, then freed by a terminal state', async (t) => {
    const g = gate(9006, 'builtin:test-hold')
    zy.builtins.add(g.builtin)
    const p = await project([g.builtin.id])
    const j1 = await zy.jobs.run(admin, p.id, { name: 'h1' })
    const j2 = await zy.jobs.run(admin, p.id, { name: 'h2' })
    await t.rejects(zy.jobs.run(admin, p.id, { name: 'h3' }), new ZetyunError('rate_limited', 'At most 2 active jobs per user.'))
    g.release()
    await until(async () => (await status(j1.autoKey)).status === 2 && (await status(j2.autoKey)).status === 2)
    const j4 = await zy.jobs.run(admin, p.id, { name: 'h4' })
    await until(async () => (await status(j4.autoKey)).status === 2)
    t.pass('slots were released')
  })
})
