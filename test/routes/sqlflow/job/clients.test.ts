// Replays the official clients' job flows (spec §2.5) byte-for-byte in their request shapes:
// python (multipart submit, urlencoded polls/exports, tableToTable=false), java (multipart
// everywhere, tableToTable=true), PHP (hand-built multipart: file part named by a unix time with
// no extension plus an extra `filename` text field; no tableToTable), booleans as `True`.
import t from 'tap'
import { buildApp, form, multipart } from '../../../helpers/build-app.js'
import { parseCsv } from '../../../../lineage/export/index.js'
import { parseXml } from '../../../helpers/xml.js'
import { caller, lc, URL_BASE, warehouseZip } from './warehouse.js'

t.test('python, java and php job flows', async (t) => {
  const app = await buildApp(t)
  const who = await caller(app, 'gudu|client')
  const zip = await warehouseZip()
  const inject = (path: string, body: { payload: string | Buffer; headers: Record<string, string> }) =>
    app.inject({ method: 'POST', url: `${URL_BASE}/${path}`, payload: body.payload, headers: { ...body.headers, 'Request-Origion': 'SwaggerBootstrapUi', accept: 'application/json;charset=utf-8' } })
  const poll = async (jobId: string, shape: 'form' | 'multipart'): Promise<Record<string, string>> => {
    for (;;) { // the java/php clients busy-loop; a short sleep keeps the test polite
      const fields = { jobId, token: who.token, userId: who.userId }
      const body = shape === 'form' ? form(fields) : multipart(Object.entries(fields).map(([name, value]) => ({ name, value })))
      const res = (await inject('displayUserJobSummary', body)).json()
      t.equal(res.code, 200)
      if (res.data.status === 'success' || res.data.status === 'partial_success' || res.data.status === 'fail') return res.data
      await new Promise((r) => setTimeout(r, 30))
    }
  }

  await t.test('python SubmitJob.py / GetResultToSqlflow.py', async (t) => {
    const sub = (await inject('submitUserJob', multipart([
      { name: 'sqlfiles', value: zip, filename: 'warehouse.zip' }, { name: 'dbvendor', value: 'dbvmssql' },
      { name: 'jobName', value: '20240101' }, { name: 'token', value: who.token }, { name: 'userId', value: who.userId },
    ]))).json()
    t.equal(sub.code, 200)
    t.equal(typeof sub.code, 'number', 'python compares with the int 200')
    t.notOk('error' in sub)
    t.equal((await poll(sub.data.jobId, 'form')).status, 'success')
    for (const [path, check] of [
      ['exportLineageAsJson', (b: string) => JSON.parse(b).jobId === sub.data.jobId],
      ['exportLineageAsGraphml', (b: string) => parseXml(b).name === 'graphml'],
      ['exportLineageAsCsv', (b: string) => parseCsv(b).length > 1],
    ] as const) {
      const res = await inject(path, form({ jobId: sub.data.jobId, token: who.token, userId: who.userId, tableToTable: 'false' }))
      t.ok(check(res.body), `python ${path}`)
    }
  })

  await t.test('java grabit SqlFlowUtil', async (t) => {
    const sub = (await inject('submitUserJob', multipart([
      { name: 'dbvendor', value: 'dbvsqlserver' }, { name: 'jobName', value: `20240101_${Date.now()}` },
      { name: 'token', value: who.token }, { name: 'userId', value: who.userId },
      { name: 'sqlfiles', value: zip, filename: 'grabit.zip', contentType: 'application/octet-stream' },
    ]))).json()
    t.equal(sub.code, 200)
    t.equal(sub.data.dbVendor, 'dbvmssql', 'the sqlserver alias')
    t.equal((await poll(sub.data.jobId, 'multipart')).status, 'success')
    const fields = { jobId: sub.data.jobId, userId: who.userId, token: who.token, tableToTable: 'true' }
    const mp = multipart(Object.entries(fields).map(([name, value]) => ({ name, value })))
    const json = JSON.parse((await inject('exportLineageAsJson', mp)).body)
    t.ok(json.data.sqlflow.relationships.length > 0 && json.data.sqlflow.relationships.every((r: { target: { column: string } }) => r.target.column === 'TABLE'))
    const csv = parseCsv((await inject('exportLineageAsCsv', multipart(Object.entries(fields).map(([name, value]) => ({ name, value }))))).body)
    t.ok(csv.slice(1).every((r) => r[3] === 'TABLE' && r[7] === 'TABLE'), 'tableToTable=true rows')
    t.ok(csv.slice(1).some((r) => lc(r[2]!) === 'dim_customer' && lc(r[6]!) === 'v_customer_sales'))
  })

  await t.test('php Grabit SqlFlowUtil (hand-built multipart)', async (t) => {
    const unix = String(Math.floor(Date.now() / 1000))
    const boundary = '------------------------' + unix
    const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
    const payload = Buffer.concat([
      Buffer.from(field('userId', who.userId) + field('token', who.token) + field('jobName', unix) + field('dbvendor', 'dbvmssql') + field('filename', unix)),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="sqlfiles"; filename="${unix}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      zip, Buffer.from(`\r\n--${boundary}--\r\n`),
    ])
    const sub = (await inject('submitUserJob', { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } })).json()
    t.equal(sub.code, 200)
    t.same(sub.data.fileNames, [unix], 'the zip is recognised by content, not by name')
    t.equal(sub.data.files.length, 5)
    t.equal((await poll(sub.data.jobId, 'form')).status, 'success')
    const fields = { userId: who.userId, token: who.token, jobId: sub.data.jobId }
    t.equal(JSON.parse((await inject('exportLineageAsJson', form(fields))).body).code, 200)
    t.equal(parseXml((await inject('exportLineageAsGraphml', form(fields))).body).name, 'graphml')
    const csv = parseCsv((await inject('exportLineageAsCsv', form(fields))).body)
    t.ok(csv.slice(1).some((r) => lc(r[3]!) === 'customer_name' && lc(r[6]!) === 'v_customer_sales'), 'column level without tableToTable')
  })

  await t.test('booleans as True/False, the widget persist helper and incremental submits', async (t) => {
    const byName = (await inject('displayUserJobSummary', form({ jobName: 'persist1', userId: who.userId, token: who.token }))).json()
    t.same(byName, { code: 404, error: 'no job named persist1' }, 'code≠200 means first submit to the widget')
    const first = (await inject('submitPersistJob', multipart([
      { name: 'jobName', value: 'persist1' }, { name: 'dbvendor', value: 'dbvmssql' }, { name: 'incremental', value: 'True' },
      { name: 'jobId', value: '' }, { name: 'userId', value: who.userId }, { name: 'token', value: who.token },
      { name: 'sqlfiles', value: 'CREATE TABLE a (x INT);\n', filename: 'a.sql' },
    ]))).json()
    t.equal(first.code, 200)
    t.equal(first.data.persist, true)
    await poll(first.data.jobId, 'form')
    const found = (await inject('displayUserJobSummary', form({ jobName: 'persist1', userId: who.userId, token: who.token }))).json()
    t.equal(found.data.jobId, first.data.jobId)
    const more = (await inject('submitPersistJob', multipart([
      { name: 'jobName', value: 'persist1' }, { name: 'dbvendor', value: 'dbvmssql' }, { name: 'incremental', value: 'True' },
      { name: 'jobId', value: first.data.jobId }, { name: 'userId', value: who.userId }, { name: 'token', value: who.token },
      { name: 'sqlfiles', value: 'INSERT INTO b (y) SELECT x FROM a;\n', filename: 'b.sql' },
    ]))).json()
    t.same([more.code, more.data.jobId, more.data.fileNames], [200, first.data.jobId, ['a.sql', 'b.sql']])
    t.equal((await poll(first.data.jobId, 'form')).status, 'success')
    const csv = parseCsv((await inject('exportFullLineageAsCsv', form({ jobId: first.data.jobId, tableToTable: 'True', userId: who.userId, token: who.token }))).body)
    t.same(csv.slice(1).map((r) => `${lc(r[2]!)}>${lc(r[6]!)}`), ['a>b'], 'the recomputed job connects both submits')
    const bad = (await inject('exportLineageAsCsv', form({ jobId: first.data.jobId, tableToTable: 'maybe', userId: who.userId, token: who.token }))).json()
    t.equal(bad.code, 400)
  })
})
