// SQLFlow transport rules (spec §1.1, §1.2, §1.4) through a test-only echo route: parameter merging,
// booleans, files, prefixes, trailing slashes, and clean envelopes for bad input.
import t from 'tap'
import { Type } from 'typebox'
import type { FastifyInstance } from 'fastify'
import { buildApp, form, multipart } from '../helpers/build-app.js'
import { SqlflowParamsSchema, SqlflowString, SqlflowBool } from '../../schemas/sqlflow-common.js'
import { parseBool, SqlflowParams } from '../../plugins/app/sqlflow/index.js'

async function echoRoutes (fastify: FastifyInstance): Promise<void> {
  fastify.sqlflowRoute({
    method: ['GET', 'POST'],
    url: '/test/echo',
    summary: 'echo (test only)',
    params: SqlflowParamsSchema({ dbvendor: Type.Optional(SqlflowString('v', { maxLength: 20 })), flag: Type.Optional(SqlflowBool('f', false)) }),
    response: Type.Any(),
    handler: async (request) => {
      const s = request.sqlflow!
      return {
        code: 200,
        data: {
          userId: s.params.str('userId'),
          showRelationType: s.params.list('showRelationType', ['fdd']),
          all: s.params.all('showRelationType'),
          dbvendor: s.params.str('dbvendor'),
          flag: s.params.bool('flag', false),
          flagDefaultTrue: s.params.bool('flag', true),
          sqlfile: s.file('sqlfile') === undefined ? null : { name: s.file('sqlfile')!.filename, text: s.file('sqlfile')!.data.toString() },
          sqlfiles: s.filesOf('sqlfiles').map((f) => ({ name: f.filename, size: f.data.length })),
        },
      }
    },
  })
  fastify.sqlflowRoute({ url: '/test/required', summary: 'required param (test only)', params: SqlflowParamsSchema({ dbvendor: SqlflowString('v') }), response: Type.Any(), handler: async () => ({ code: 200 }) })
  fastify.sqlflowRoute({ url: '/test/boom', summary: 'throws (test only)', response: Type.Any(), handler: async () => { throw new Error('secret internals at /etc/x') } })
}

const ANON = { userId: 'gudu|0123456789' }

t.test('transport through the app', async (t) => {
  const app = await buildApp(t, { authMode: 'onprem', upload: { maxFileBytes: 1024, maxFiles: 3, maxTotalBytes: 2048 }, bodyLimit: 4096 }, { extra: echoRoutes })
  const post = async (url: string, body: { payload: string | Buffer, headers: Record<string, string> }) => {
    const r = await app.inject({ method: 'POST', url, ...body })
    t.equal(r.statusCode, 200, `HTTP 200 for ${url}`)
    t.notMatch(r.body, /at .*\.(ts|js):\d+/, 'no stack trace')
    return r.json()
  }

  t.test('query + urlencoded merge; repeated names joined with commas', async (t) => {
    const body = await post('/gspLive_backend/test/echo?showRelationType=fdd&showRelationType=&userId=gudu%7C0123456789',
      form([['showRelationType', 'fdr,frd'], ['showRelationType', ' join '], ['dbvendor', 'dbvoracle']]))
    t.same(body.data.showRelationType, ['fdd', 'fdr', 'frd', 'join'])
    t.same(body.data.all, ['fdd', '', 'fdr,frd', ' join '], 'query first, then body, empties kept in all()')
    t.equal(body.data.userId, 'gudu|0123456789')
    t.equal(body.data.dbvendor, 'dbvoracle')
    const dflt = await post('/gspLive_backend/test/echo?showRelationType=', form(ANON))
    t.same(dflt.data.showRelationType, ['fdd'], 'only empty values: the default')
  })

  t.test('scalars take the first non-empty value', async (t) => {
    const body = await post('/gspLive_backend/test/echo?dbvendor=', form([...Object.entries(ANON), ['dbvendor', 'dbvmssql'], ['dbvendor', 'dbvoracle']]))
    t.equal(body.data?.dbvendor, 'dbvmssql', JSON.stringify(body))
  })

  t.test('booleans', async (t) => {
    const cases: Array<[string, boolean, boolean]> = [
      ['True', true, true], ['FALSE', false, false], ['false', false, false], ['1', true, true], ['0', false, false],
      ['yes', true, true], ['No', false, false], ['on', true, true], ['off', false, false], ['', false, true],
    ]
    for (const [raw, withFalse, withTrue] of cases) {
      const body = await post('/gspLive_backend/test/echo', form({ ...ANON, flag: raw }))
      t.equal(body.data.flag, withFalse, `"${raw}" with default false`)
      t.equal(body.data.flagDefaultTrue, withTrue, `"${raw}" with default true`)
    }
    const missing = await post('/gspLive_backend/test/echo', form(ANON))
    t.equal(missing.data.flagDefaultTrue, true, 'missing = default')
    t.same(await post('/gspLive_backend/test/echo', form({ ...ANON, flag: 'maybe' })), { code: 400, error: 'flag must be a boolean (true/false), got "maybe"' })
  })

  t.test('multipart: fields, sqlfile, repeated sqlfiles, empty sqlfile= is no file', async (t) => {
    const body = await post('/gspLive_backend/test/echo?showRelationType=fdd', multipart([
      { name: 'userId', value: 'gudu|0123456789' },
      { name: 'showRelationType', value: 'join' },
      { name: 'flag', value: 'True' },
      { name: 'sqlfile', value: 'select 1', filename: 'sqlfile' },
      { name: 'sqlfiles', value: 'a', filename: '1.sql' },
      { name: 'sqlfiles', value: 'bb', filename: '1700000000' },
    ]))
    t.same(body.data.showRelationType, ['fdd', 'join'])
    t.equal(body.data.flag, true)
    t.same(body.data.sqlfile, { name: 'sqlfile', text: 'select 1' })
    t.same(body.data.sqlfiles, [{ name: '1.sql', size: 1 }, { name: '1700000000', size: 2 }])
    const none = await post('/gspLive_backend/test/echo', multipart([{ name: 'userId', value: 'gudu|0123456789' }, { name: 'sqlfile', value: '' }]))
    t.equal(none.data.sqlfile, null, 'curl -F "sqlfile=" sends no file')
    const emptyPart = await post('/gspLive_backend/test/echo', multipart([{ name: 'userId', value: 'gudu|0123456789' }, { name: 'sqlfile', value: '', filename: '' }]))
    t.equal(emptyPart.data.sqlfile, null, 'empty nameless file part is no file')
  })

  t.test('JSON body (widget freestyle)', async (t) => {
    const body = await post('/gspLive_backend/test/echo', { payload: JSON.stringify({ ...ANON, showRelationType: ['fdd', 'fdr'], flag: true }), headers: { 'content-type': 'application/json' } })
    t.same(body.data.showRelationType, ['fdd', 'fdr'])
    t.equal(body.data.flag, true)
  })

  t.test('GET with query parameters', async (t) => {
    const r = await app.inject({ method: 'GET', url: '/gspLive_backend/test/echo?userId=gudu%7C0123456789&flag=yes' })
    t.equal(r.json().data.flag, true)
  })

  t.test('prefixes and trailing slashes', async (t) => {
    for (const url of ['/gspLive_backend/test/echo', '/gspLive_backend/test/echo/', '/api/gspLive_backend/test/echo', '/api/gspLive_backend/test/echo/']) {
      t.equal((await post(url, form(ANON))).code, 200, url)
    }
    const r = await app.inject({ method: 'POST', url: '/gspLive_backend/version/', ...form(ANON) })
    t.equal(r.json().version.backend.version, '0.1.0', 'C# posts with a trailing slash')
  })

  t.test('parameter schema: required and maxLength', async (t) => {
    t.same(await post('/gspLive_backend/test/required', form(ANON)), { code: 400, error: 'dbvendor is required' })
    t.same(await post('/gspLive_backend/test/required', form({ ...ANON, dbvendor: '' })), { code: 400, error: 'dbvendor is required' }, 'empty counts as missing')
    const long = await post('/gspLive_backend/test/echo', form({ ...ANON, dbvendor: 'x'.repeat(21) }))
    t.equal(long.code, 400)
    t.match(long.error, /^dbvendor /)
  })

  t.test('bad input gets an envelope, never a 500 or a stack trace', async (t) => {
    t.same(await post('/gspLive_backend/test/echo', { payload: '{"userId":', headers: { 'content-type': 'application/json' } }),
      { code: 400, error: "Body is not valid JSON but content-type is set to 'application/json'" })
    const poisoned = await post('/gspLive_backend/test/echo', { payload: '{"__proto__":{"x":1}}', headers: { 'content-type': 'application/json' } })
    t.equal(poisoned.code, 400, 'prototype poisoning refused')
    const media = await post('/gspLive_backend/test/echo', { payload: '<x/>', headers: { 'content-type': 'application/xml' } })
    t.equal(media.code, 415)
    t.type(media.error, 'string')
    const big = await post('/gspLive_backend/test/echo', form({ ...ANON, sqltext: 'x'.repeat(5000) }))
    t.equal(big.code, 413, 'body over BODY_LIMIT')
    const file = await post('/gspLive_backend/test/echo', multipart([{ name: 'userId', value: 'gudu|0123456789' }, { name: 'sqlfile', value: 'x'.repeat(1025), filename: 'a.sql' }]))
    t.equal(file.code, 413, 'file over UPLOAD_MAX_FILE_BYTES')
    const many = await post('/gspLive_backend/test/echo', multipart([...'abcd'].map((n) => ({ name: 'sqlfiles', value: n, filename: `${n}.sql` }))))
    t.equal(many.code, 413, 'more files than UPLOAD_MAX_FILES')
    const total = await post('/gspLive_backend/test/echo', multipart([...'abc'].map((n) => ({ name: 'sqlfiles', value: n.repeat(1000), filename: `${n}.sql` }))))
    t.same(total, { code: 413, error: 'uploaded files exceed 2048 bytes in total' })
    const broken = await post('/gspLive_backend/test/echo', { payload: 'garbage', headers: { 'content-type': 'multipart/form-data; boundary=xyz' } })
    t.equal(broken.code, 400)
    t.match(broken.error, /^malformed multipart body/)
    t.same(await post('/gspLive_backend/test/boom', form(ANON)), { code: 500, error: 'Internal server error' }, 'handler bug: generic message only')
  })

  t.test('unknown SQLFlow endpoint answers in the SQLFlow envelope', async (t) => {
    t.same(await post('/gspLive_backend/nope', form(ANON)), { code: 404, error: 'Route POST:/gspLive_backend/nope not found' })
    const other = await app.inject({ method: 'GET', url: '/nothing-here' })
    t.equal(other.statusCode, 404)
    t.same(other.json(), { code: 404, error: 'Route GET:/nothing-here not found' })
  })
})

t.test('API_PREFIX is configurable', async (t) => {
  const custom = await buildApp(t, { authMode: 'onprem', apiPrefix: '/lineage' })
  t.equal((await custom.inject({ method: 'POST', url: '/lineage/gspLive_backend/version', ...form(ANON) })).json().code, 200)
  t.equal((await custom.inject({ method: 'POST', url: '/api/gspLive_backend/version', ...form(ANON) })).json().code, 404)
  const none = await buildApp(t, { authMode: 'onprem', apiPrefix: '' })
  t.equal((await none.inject({ method: 'POST', url: '/gspLive_backend/version', ...form(ANON) })).json().code, 200)
  t.equal((await none.inject({ method: 'POST', url: '/api/gspLive_backend/version', ...form(ANON) })).json().code, 404)
})

t.test('SqlflowParams and parseBool units', async (t) => {
  const p = new SqlflowParams()
  p.add('n', '42'); p.add('bad', '4x'); p.add('neg', '-3'); p.add('obj', { a: 1 }); p.add('nil', null)
  t.equal(p.int('n', 0, { min: 1, max: 100 }), 42)
  t.equal(p.int('missing', 7), 7)
  t.throws(() => p.int('bad', 0), { statusCode: 400, message: 'bad must be an integer between -9007199254740991 and 9007199254740991' })
  t.throws(() => p.int('neg', 0, { min: 0, max: 5 }), { statusCode: 400, message: 'neg must be an integer between 0 and 5' })
  t.equal(p.str('obj'), '{"a":1}')
  t.equal(p.has('nil'), false)
  t.throws(() => p.required('nil'), { statusCode: 400, message: 'nil is required' })
  t.equal(parseBool(undefined), undefined)
  t.equal(parseBool('  TRUE '), true)
  t.throws(() => parseBool('2', 'x'), { statusCode: 400, message: 'x must be a boolean (true/false), got "2"' })
})
