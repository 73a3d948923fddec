// Hostile uploads through HTTP: each answers {code:400, error} (HTTP 200) and leaves nothing behind.
import t from 'tap'
import { buildApp } from '../../../helpers/build-app.js'
import { buildZip, renameInZip } from '../../../helpers/zip.js'
import { caller, post } from './warehouse.js'

t.test('zip bomb, zip slip, 10 001 entries, oversized file, non-zip .zip', async (t) => {
  const app = await buildApp(t)
  const who = await caller(app, 'alice')
  const slip = renameInZip(await buildZip([{ name: 'ok/evil.sql', data: 'select 1' }]), 'ok/evil.sql', '../evil.sql')
  const cases: Array<[string, Buffer, RegExp]> = [
    ['bomb.zip', await buildZip([{ name: 'b.sql', data: Buffer.alloc(20 * 1024 * 1024, 0x20) }]), /compression ratio above 200/],
    ['slip.zip', slip, /entry path escapes the archive/],
    ['many.zip', await buildZip(Array.from({ length: 10_001 }, (_, i) => ({ name: `${i}.sql`, data: 's', compress: false }))), /holds 10001 entries/],
    ['fake.zip', Buffer.from('select 1'), /fake\.zip is not a zip archive/],
    ['big.zip', await buildZip([{ name: 'big.sql', data: Buffer.alloc(33 * 1024 * 1024, 0x41) }]), /big\.sql is 34603008 bytes uncompressed; the limit per file is 33554432/],
  ]
  for (const [name, data, error] of cases) {
    const res = await post(app, 'submitUserJob', who, { jobName: name, dbvendor: 'dbvoracle' }, [{ name: 'sqlfiles', value: data, filename: name }])
    t.equal(res.statusCode, 200)
    const body = res.json()
    t.equal(body.code, 400, name)
    t.match(body.error, error)
    t.notOk('stack' in body)
  }
  t.same(await app.store.scanPrefix('sqlflow:job'), [], 'no job, file or index key was created')
  t.same((await post(app, 'displayUserJobsSummary', who, {})).json().data.total, 0)
  const noFile = (await post(app, 'submitUserJob', who, { jobName: 'x', dbvendor: 'dbvoracle' })).json()
  t.same(noFile, { code: 400, error: 'sqlfiles is required: send one or more SQL files or zip archives' })
  const vendor = (await post(app, 'submitUserJob', who, { jobName: 'x', dbvendor: 'dbvnope' }, [{ name: 'sqlfiles', value: 'select 1', filename: 'a.sql' }])).json()
  t.equal(vendor.code, 400)
  t.match(vendor.error, /unknown dbvendor "dbvnope"/)
  t.same((await post(app, 'displayUserJobSummary', who, { jobId: 'zz' })).json(), { code: 404, error: 'job zz not found' })
})
