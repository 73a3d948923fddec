// The analysis worker pool: deadlines (queued and running), crash recovery, busy refusal, and the
// real worker file loading both under the test's TypeScript loader and from compiled JavaScript.
import t from 'tap'
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { WorkerPool, type PoolTask } from '../../plugins/app/lineage-pool.js'
import { workerUrl } from '../../plugins/app/lineage.js'
import type { Positions } from '../../lineage/graph/index.js'
import { decodeResult } from '../../lineage/model/codec.js'

const run = promisify(execFile)
const testWorker = new URL('./fixtures/pool-test-worker.mjs', import.meta.url)
const task = (kind: string, payload: unknown = null): PoolTask => ({ kind, payload } as unknown as PoolTask)

t.test('a running task past its deadline is stopped; the pool keeps serving', async (t) => {
  const pool = new WorkerPool({ size: 1, workerUrl: testWorker, maxQueue: 10 })
  t.teardown(() => pool.close())
  const started = Date.now()
  await t.rejects(pool.run(task('spin'), 300), { name: 'PoolTimeoutError' })
  const took = Date.now() - started
  t.ok(took >= 290 && took < 2000, `stopped after ${took} ms`)
  t.equal(await pool.run(task('echo', 42), 30_000), 42, 'a fresh worker answers')
  t.same(pool.stats, { workers: 1, busy: 0, queued: 0 })
})

t.test('a queued task past its deadline is dropped without running', async (t) => {
  const pool = new WorkerPool({ size: 1, workerUrl: testWorker, maxQueue: 10 })
  t.teardown(() => pool.close())
  const spinning = pool.run(task('spin'), 800)
  await t.rejects(pool.run(task('echo', 1), 200), { name: 'PoolTimeoutError' })
  t.equal(pool.stats.queued, 0)
  await t.rejects(spinning, { name: 'PoolTimeoutError' })
  t.equal(await pool.run(task('echo', 'after'), 30_000), 'after')
})

t.test('task errors and worker crashes fail only their task', async (t) => {
  const pool = new WorkerPool({ size: 1, workerUrl: testWorker, maxQueue: 10 })
  t.teardown(() => pool.close())
  await t.rejects(pool.run(task('fail'), 30_000), { name: 'PoolTaskError', message: 'task said no' })
  await t.rejects(pool.run(task('crash'), 30_000), /analysis worker failed: worker exited with code 3/)
  t.equal(await pool.run(task('echo', 'ok'), 30_000), 'ok')
})

t.test('a full queue refuses with the documented busy message', async (t) => {
  const pool = new WorkerPool({ size: 1, workerUrl: testWorker, maxQueue: 1 })
  t.teardown(() => pool.close())
  const a = pool.run(task('spin'), 500)
  const b = pool.run(task('echo'), 500)
  await t.rejects(pool.run(task('echo'), 500), { name: 'PoolBusyError', message: 'Sorry, the service is busy. Please try again later.' })
  await t.rejects(a, { name: 'PoolTimeoutError' })
  await t.rejects(b, { name: 'PoolTimeoutError' })
})

t.test('close() rejects what is pending', async (t) => {
  const pool = new WorkerPool({ size: 1, workerUrl: testWorker, maxQueue: 10 })
  const a = t.rejects(pool.run(task('spin'), 10_000), /closed/)
  const b = t.rejects(pool.run(task('echo'), 10_000), /closed/)
  await pool.close()
  await a
  await b
  await t.rejects(pool.run(task('echo'), 100), /closed/)
})

const SQL = 'INSERT INTO b SELECT x FROM a;'
const shape = { nodes: [['n0', 41.96875], ['n1', 41.96875]], edges: [['n0', 'n1']] }

t.test('the real worker loads under the TypeScript loader (tests)', async (t) => {
  t.match(workerUrl().pathname, /plugins\/app\/lineage-worker\.ts$/)
  const pool = new WorkerPool({ size: 1, workerUrl: workerUrl(), maxQueue: 4 })
  t.teardown(() => pool.close())
  const positions = await pool.run<Positions>({ kind: 'layout', payload: shape }, 60_000)
  t.ok(positions.n0![0] < positions.n1![0], 'n0 left of n1')
  // the worker answers with the encoded result (a structured clone would lose the store's class)
  const result = decodeResult(await pool.run<string[]>({ kind: 'analyze', payload: { input: SQL, opts: { dbvendor: 'dbvoracle' } } }, 60_000))
  t.same(result.model.dbobjs.filter((o) => o.type === 'table').map((o) => o.name), ['b', 'a'])
  t.equal(result.stats.statements, 1)
})

t.test('the real worker loads from compiled JavaScript (npm start)', async (t) => {
  // inside the project (node_modules resolve from there) and git-ignored
  mkdirSync(join(process.cwd(), 'test-output'), { recursive: true })
  const out = mkdtempSync(join(process.cwd(), 'test-output', 'pool-'))
  t.teardown(() => rmSync(out, { recursive: true, force: true }))
  // the project's compiler settings, only the plugin and what it imports
  const root = process.cwd()
  writeFileSync(join(out, 'tsconfig.json'), JSON.stringify({
    extends: join(root, 'tsconfig.json'),
    // noCheck: emit exactly what tsc emits, minus the type check (typecheck is its own CI step)
    compilerOptions: { outDir: out, rootDir: root, noEmitOnError: false, sourceMap: false, noCheck: true },
    // the worker is loaded by URL, not imported: list it like tsconfig.build.json's plugins/**/*.ts does
    files: [join(root, 'plugins/app/lineage.ts'), join(root, 'plugins/app/lineage-worker.ts')],
    include: [],
  }))
  await run('npx', ['tsc', '-p', join(out, 'tsconfig.json')], { timeout: 120_000 }).catch((err: { stdout?: string }) => {
    // type errors elsewhere in the tree still emit; only a missing output matters below
    t.comment(err.stdout?.slice(0, 500) ?? String(err))
  })
  const script = `
    const { WorkerPool } = await import('${out}/plugins/app/lineage-pool.js')
    const { workerUrl } = await import('${out}/plugins/app/lineage.js')
    const pool = new WorkerPool({ size: 1, workerUrl: workerUrl(), maxQueue: 4 })
    const p = await pool.run({ kind: 'layout', payload: ${JSON.stringify(shape)} }, 60000)
    const { decodeResult } = await import('${out}/lineage/model/codec.js')
    const r = decodeResult(await pool.run({ kind: 'analyze', payload: { input: ${JSON.stringify(SQL)}, opts: { dbvendor: 'dbvoracle' } } }, 60000))
    console.log(JSON.stringify({ url: workerUrl().pathname, p, tables: r.model.dbobjs.filter((o) => o.type === 'table').map((o) => o.name) }))
    await pool.close()`
  // plain node: no TypeScript loader, exactly as dist/ runs
  writeFileSync(join(out, 'check.mjs'), script)
  const { stdout } = await run(process.execPath, [join(out, 'check.mjs')], { timeout: 60_000, env: { ...process.env, NODE_OPTIONS: '' } })
  const res = JSON.parse(stdout) as { url: string, p: Positions, tables: string[] }
  t.match(res.url, /plugins\/app\/lineage-worker\.js$/)
  t.ok(res.p.n0![0] < res.p.n1![0])
  t.same(res.tables, ['b', 'a'], 'the compiled engine analysed in the thread')
})
