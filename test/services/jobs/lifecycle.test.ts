import { test } from 'tap'
import { createHash } from 'node:crypto'
import { JobError } from '../../../services/jobs/errors.js'
import { reconcileJobs } from '../../../services/jobs/reconcile.js'
import { SQLFLOW_JOB_TASK } from '../../../services/jobs/service.js'
import { okResult, part, ScriptedAnalyzer, until, wire } from './helpers.js'

const md5 = (s: string): string => createHash('md5').update(s).digest('hex')
const input = (parts = [part('a.sql', 'create table a (x int);'), part('b.sql', 'insert into b select x from a;')]) =>
  ({ jobName: 'j1', dbvendor: 'dbvoracle', parts })

test('create → process → success: files in upload order, session opened, progress done', async (t) => {
  const analyzer = new ScriptedAnalyzer(okResult)
  let release!: () => void
  analyzer.gate = new Promise((r) => { release = r })
  const w = wire(analyzer)
  await w.start()
  const created = await w.jobs.submit('alice', input())
  t.equal(created.status, 'create')
  t.match(created.jobId, /^[0-9a-f]{32}$/)
  t.same(created.fileNames, ['a.sql', 'b.sql'])
  t.match(created.createTime, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/)
  t.equal((await until(w.jobs, 'alice', created.jobId, ['process'])).status, 'process')
  release()
  const done = await until(w.jobs, 'alice', created.jobId)
  t.equal(done.status, 'success')
  t.same(done.progress, { filesDone: 2, filesTotal: 2 })
  t.notOk('errorMessage' in done)
  t.same(analyzer.calls[0]!.files.map((f) => f.name), ['a.sql', 'b.sql'])
  const session = await w.sessions.get(done.sessionId!, 'alice')
  t.equal(session?.jobId, created.jobId)
  t.same(session?.sources.map((s) => s.hashCode), [md5('create table a (x int);'), md5('insert into b select x from a;')])
  t.equal(await w.sessions.get(done.sessionId!, 'bob'), null)
})

test('displayUserJobSummary is one store read; other users get not found', async (t) => {
  const w = wire()
  const job = await w.jobs.submit('alice', input())
  w.store.reads = 0
  await w.jobs.summary('alice', job.jobId)
  t.equal(w.store.reads, 1)
  const err = await w.jobs.summary('bob', job.jobId).catch((e: unknown) => e)
  t.ok(err instanceof JobError)
  t.equal((err as JobError).code, 404)
  t.equal((err as JobError).message, `job ${job.jobId} not found`)
  t.equal((await w.jobs.list('bob')).total, 0)
})

test('list and delete: status delete, every key gone, the session too', async (t) => {
  const w = wire()
  await w.start()
  const a = await w.jobs.submit('alice', input())
  const b = await w.jobs.submit('alice', { ...input(), jobName: 'j2' })
  await until(w.jobs, 'alice', a.jobId)
  const done = await until(w.jobs, 'alice', b.jobId)
  const list = await w.jobs.list('alice')
  t.same({ total: list.total, success: list.success, fail: list.fail, partialSuccess: list.partialSuccess }, { total: 2, success: 2, fail: 0, partialSuccess: 0 })
  t.same(new Set(list.jobIds), new Set([a.jobId, b.jobId]))
  await t.rejects(w.jobs.delete('bob', b.jobId), { code: 404 })
  const deleted = await w.jobs.delete('alice', b.jobId, (id) => w.sessions.delete(id))
  t.equal(deleted.status, 'delete')
  t.same(await w.store.scanPrefix(`sqlflow:job:${b.jobId}`), [])
  t.equal(await w.sessions.get(done.sessionId!, 'alice'), null)
  t.same((await w.jobs.list('alice')).jobIds, [a.jobId])
  await t.rejects(w.jobs.summary('alice', b.jobId), { code: 404 })
})

test('errors in some files: partial_success with per-file errors; nothing ok: fail', async (t) => {
  const w = wire(new ScriptedAnalyzer((req) => ({
    ...okResult(req),
    summary: { statements: 3, okStatements: req.files.length > 1 ? 2 : 0, truncated: false, filesSeen: 2,
      fileErrors: [{ file: 'b.sql', errorType: 'SyntaxError', message: 'unexpected token', line: 1, column: 8 }] },
  })))
  await w.start()
  const partial = await until(w.jobs, 'alice', (await w.jobs.submit('alice', input())).jobId)
  t.equal(partial.status, 'partial_success')
  t.equal(partial.errorMessage, '1 error(s); first b.sql:1: unexpected token')
  t.same(partial.fileErrors, [{ file: 'b.sql', errorType: 'SyntaxError', message: 'unexpected token', line: 1, column: 8 }])
  const failed = await until(w.jobs, 'alice', (await w.jobs.submit('alice', input([part('b.sql', 'selec')]))).jobId)
  t.equal(failed.status, 'fail')
  t.match(failed.errorMessage, /^no statement could be analysed; first error b\.sql:1: unexpected token/)
})

test('an engine crash ends the job as fail with the reason; only binary files: fail', async (t) => {
  const w = wire(new ScriptedAnalyzer(() => new Error('engine thread exited with code 1')))
  await w.start()
  const failed = await until(w.jobs, 'alice', (await w.jobs.submit('alice', input())).jobId)
  t.equal(failed.status, 'fail')
  t.equal(failed.errorMessage, 'analysis failed: engine thread exited with code 1')
  const bin = await until(w.jobs, 'alice', (await w.jobs.submit('alice', input([part('x.sql', Buffer.from([0, 1, 2]))]))).jobId)
  t.equal(bin.status, 'fail')
  t.equal(bin.errorMessage, 'no SQL file in the upload (x.sql: skipped, not a text file)')
})

test('incremental: files added or replaced, recomputed once, an older run is discarded', async (t) => {
  const analyzer = new ScriptedAnalyzer(okResult)
  const w = wire(analyzer)
  const first = await w.jobs.submit('alice', input(), true)
  const again = await w.jobs.addFiles('alice', first.jobId, input([part('b.sql', 'insert into b select 2 from a;'), part('c.sql', 'select * from b;')]))
  t.equal(again.jobId, first.jobId)
  t.equal(again.status, 'create')
  t.same(again.fileNames, ['a.sql', 'b.sql', 'c.sql'])
  await w.start()
  const done = await until(w.jobs, 'alice', first.jobId)
  t.equal(done.status, 'success')
  t.equal(analyzer.calls.length, 1, 'the run-1 task was stale and skipped')
  t.same(analyzer.calls[0]!.files.map((f) => [f.name, f.text]), [
    ['a.sql', 'create table a (x int);'], ['b.sql', 'insert into b select 2 from a;'], ['c.sql', 'select * from b;'],
  ])
  await t.rejects(w.jobs.addFiles('bob', first.jobId, input()), { code: 404 })
})

test('a refused upload stores nothing', async (t) => {
  const w = wire()
  await t.rejects(w.jobs.submit('alice', input([part('x.zip', 'not a zip')])), { message: 'x.zip is not a zip archive (no zip signature)' })
  t.same(await w.store.scanPrefix('sqlflow:'), [])
})

test('reconcile: a lost task is enqueued again, a failed one marks the job fail', async (t) => {
  const w = wire()
  const lost = await w.jobs.submit('alice', input())
  await w.queue.cancel(lost.jobId + '-1') // as if the enqueue never reached the queue
  const dead = await w.jobs.submit('alice', input())
  await w.queue.process(SQLFLOW_JOB_TASK, async (task) => {
    if ((task.payload as { jobId: string }).jobId === dead.jobId) throw new Error('job stalled more than allowable limit')
    return w.handler(task)
  })
  await until(w.jobs, 'alice', dead.jobId, ['create']) // the failing handler never moves it
  await new Promise((r) => setTimeout(r, 50))
  const report = await reconcileJobs(w.repo, w.queue)
  t.same(report, { requeued: [lost.jobId], failed: [dead.jobId] })
  const d = await w.jobs.summary('alice', dead.jobId)
  t.equal(d.status, 'fail')
  t.equal(d.errorMessage, 'the job worker failed: job stalled more than allowable limit')
  t.equal((await until(w.jobs, 'alice', lost.jobId)).status, 'success')
})
