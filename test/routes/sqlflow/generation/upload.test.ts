// sqlfile uploads: a zip of several files is one analysis (lineage crosses files, hashCode = md5 of
// each text), and getSelectedDbObjectInfo names the file; an upload with no SQL is a clear 400.
import t from 'tap'
import { buildApp, multipart, sqlflowLogin } from '../../../helpers/build-app.js'
import { buildZip } from '../../../helpers/zip.js'
import { md5 } from './helpers.js'

const BASE = '/gspLive_backend/sqlflow/generation/sqlflow'

t.test('a zip upload: multi-file lineage and file names in the code view', async (t) => {
  const app = await buildApp(t)
  const who = await sqlflowLogin(app, 'alice')
  const a = 'CREATE TABLE src (x int);\nINSERT INTO mid SELECT x FROM src;'
  const b = '-- second file\n  INSERT INTO dst SELECT x FROM mid;'
  const zip = await buildZip([{ name: 'etl/a.sql', data: a }, { name: 'etl/b.sql', data: b }, { name: 'README.md', data: 'not sql' }])
  const send = async (url: string, zipData: Buffer) => (await app.inject({
    method: 'POST', url: BASE + url,
    ...multipart([{ name: 'userId', value: who.userId }, { name: 'token', value: who.token }, { name: 'dbvendor', value: 'dbvoracle' },
      { name: 'simpleOutput', value: 'true' }, { name: 'sqlfile', value: zipData, filename: 'etl.zip' }]),
  })).json()
  const body = await send('', zip)
  t.equal(body.code, 200)
  const pairs = body.data.relations.flatMap((r: { sources: { parentName: string }[], target: { parentName: string } }) =>
    r.sources.map((s) => `${s.parentName}>${r.target.parentName}`))
  t.ok(pairs.includes('src>mid') && pairs.includes('mid>dst'), 'lineage across the two files')
  const dst = body.data.dbobjs.find((o: { name: string }) => o.name === 'dst')
  t.equal(dst.coordinates[0].hashCode, md5(b), 'coordinates carry the md5 of their file')
  const info = (await app.inject({
    method: 'POST', url: `${BASE}/getSelectedDbObjectInfo`,
    ...multipart([{ name: 'userId', value: who.userId }, { name: 'token', value: who.token }, { name: 'sessionId', value: body.sessionId },
      { name: 'coordinates', value: JSON.stringify([dst.coordinates.slice(0, 2)]) }]),
  })).json()
  t.same(info, { code: 200, data: [{ index: 0, positions: dst.coordinates.slice(0, 2).map((p: { x: number, y: number }) => ({ x: p.x - 1, y: p.y })), sql: '  INSERT INTO dst SELECT x FROM mid', file: 'etl.zip/etl/b.sql' }] })

  const empty = await send('', await buildZip([{ name: 'notes.md', data: 'hello' }]))
  t.equal(empty.code, 400)
  t.match(empty.error, /^sqlfile holds no SQL text \(etl\.zip\/notes\.md: skipped, not a SQL file\)$/)
})
