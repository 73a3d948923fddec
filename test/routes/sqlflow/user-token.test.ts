// generateToken and the SQLFlow auth rules (spec §1.3, §1.4, §2.1): issue and use via form field,
// `Token` header, bare header and multipart; refusals with 401 (user) / 403 (token), HTTP 200.
import t from 'tap'
import { buildApp, form, multipart, sqlflowLogin } from '../../helpers/build-app.js'

const TOKEN_URL = '/gspLive_backend/user/generateToken'
const VERSION_URL = '/gspLive_backend/version'

t.test('cloud mode', async (t) => {
  const app = await buildApp(t, { authMode: 'cloud' })
  const aliceKey = await app.users.create('alice')
  await app.users.create('bob')

  const issue = async (userId: string, secretKey: string) =>
    await app.inject({ method: 'POST', url: TOKEN_URL, ...form({ userId, secretKey }) })

  const res = await issue('alice', aliceKey)
  t.equal(res.statusCode, 200)
  const body = res.json()
  t.same(Object.keys(body).sort(), ['code', 'token'], 'exactly code and token, no error key')
  t.equal(body.code, '200', 'code is the string "200"')
  t.match(body.token, /^[\w-]+\.[\w-]+\.[\w-]+$/)
  const token: string = body.token

  t.test('token is an HS256 JWT for alice, valid 24 h', async (t) => {
    const [header, payload] = token.split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()))
    t.equal(header.alg, 'HS256')
    t.equal(payload.sub, 'alice')
    t.equal(payload.exp - payload.iat, 24 * 3600)
  })

  t.test('generateToken accepts multipart', async (t) => {
    const mp = multipart([{ name: 'userId', value: 'alice' }, { name: 'secretKey', value: aliceKey }])
    const r = await app.inject({ method: 'POST', url: TOKEN_URL, ...mp })
    t.equal(r.json().code, '200')
    t.type(r.json().token, 'string')
  })

  t.test('generateToken failures: string code, error, no token', async (t) => {
    const wrong = await issue('alice', 'not-the-key')
    t.equal(wrong.statusCode, 200)
    t.same(wrong.json(), { code: '401', error: 'userId or secretKey is invalid' })
    t.same((await issue('nobody', aliceKey)).json(), { code: '401', error: 'userId or secretKey is invalid' }, 'unknown user: same answer')
    const missing = await app.inject({ method: 'POST', url: TOKEN_URL, ...form({ userId: 'alice' }) })
    t.same(missing.json(), { code: '400', error: 'secretKey is required' })
    const empty = await app.inject({ method: 'POST', url: TOKEN_URL })
    t.same(empty.json(), { code: '400', error: 'userId, secretKey is required' })
  })

  const call = async (opts: { fields?: Record<string, string>, headers?: Record<string, string> }) => {
    const f = form(opts.fields ?? {})
    const r = await app.inject({ method: 'POST', url: VERSION_URL, payload: f.payload, headers: { ...f.headers, ...opts.headers } })
    t.equal(r.statusCode, 200, 'SQLFlow answers HTTP 200 whatever the outcome')
    return r.json()
  }

  t.test('token accepted as form field, Token header, bare header, query, multipart', async (t) => {
    t.equal((await call({ fields: { userId: 'alice', token } })).code, 200)
    t.equal((await call({ fields: { userId: 'alice' }, headers: { authorization: `Token ${token}` } })).code, 200)
    t.equal((await call({ fields: { userId: 'alice' }, headers: { authorization: token } })).code, 200, 'deprecated bare header')
    t.equal((await call({ headers: { authorization: token } })).code, 200, 'no userId: the token names the user')
    const q = await app.inject({ method: 'GET', url: `${VERSION_URL}?userId=alice&token=${token}` })
    t.equal(q.json().code, 200)
    const mp = multipart([{ name: 'userId', value: 'alice' }, { name: 'token', value: token }])
    t.equal((await app.inject({ method: 'POST', url: VERSION_URL, ...mp })).json().code, 200)
    const ok = await call({ fields: { userId: 'alice', token } })
    t.notOk('error' in ok, 'no error key on success')
  })

  t.test('sqlflowLogin test helper gives working credentials', async (t) => {
    t.equal((await call({ fields: await sqlflowLogin(app, 'helper-user') })).code, 200)
  })

  t.test('refusals', async (t) => {
    t.same(await call({}), { code: 401, error: 'userId is required' }, 'nothing at all')
    t.same(await call({ fields: { userId: 'mallory', token } }), { code: 401, error: 'userId is invalid' }, 'unknown user')
    t.same(await call({ fields: { userId: 'alice' } }), { code: 403, error: 'token is required' }, 'no token')
    t.same(await call({ fields: { userId: 'alice' }, headers: { authorization: 'Token ' } }), { code: 403, error: 'token is required' }, 'empty Token header (widget)')
    t.same(await call({ fields: { userId: 'alice', token: 'garbage' } }), { code: 403, error: 'token is invalid' })
    t.same(await call({ fields: { userId: 'bob', token } }), { code: 403, error: 'token was not issued to this userId' }, "alice's token with bob")

    const [h, p] = token.split('.')
    const forged = `${h}.${p}.${Buffer.from('x'.repeat(32)).toString('base64url')}`
    t.same(await call({ fields: { userId: 'alice', token: forged } }), { code: 403, error: 'token is invalid' }, 'wrong signature')

    const otherSecret = await buildApp(t, { authMode: 'cloud', jwtSecret: 'another-secret-another-secret-another' })
    const foreign = otherSecret.jwt.sign({ sub: 'alice', aud: 'gudusoft' }, { expiresIn: '1h' })
    t.same(await call({ fields: { userId: 'alice', token: foreign } }), { code: 403, error: 'token is invalid' }, 'signed with another secret')

    const now = Math.floor(Date.now() / 1000)
    const expired = app.jwt.sign({ sub: 'alice', aud: 'gudusoft', iat: now - 90_000, exp: now - 3600 })
    t.same(await call({ fields: { userId: 'alice', token: expired } }), { code: 403, error: 'token has expired, generate a new one' })

    const noneAlg = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${p}.`
    t.same(await call({ fields: { userId: 'alice', token: noneAlg } }), { code: 403, error: 'token is invalid' }, 'alg none')

    const wrongAud = app.jwt.sign({ sub: 'alice', aud: 'someone-else' }, { expiresIn: '1h' })
    t.same(await call({ fields: { userId: 'alice', token: wrongAud } }), { code: 403, error: 'token is invalid' }, 'wrong audience')
  })

  t.test('a deleted user cannot use an old token', async (t) => {
    const key = await app.users.create('carol')
    const tok = (await issue('carol', key)).json().token
    t.equal((await call({ fields: { userId: 'carol', token: tok } })).code, 200)
    await app.users.delete('carol')
    t.same(await call({ fields: { userId: 'carol', token: tok } }), { code: 401, error: 'userId is invalid' })
    t.same(await call({ headers: { authorization: `Token ${tok}` } }), { code: 401, error: 'userId is invalid' })
  })

  t.test('rotating a key invalidates the old key', async (t) => {
    const newKey = await app.users.rotateKey('bob')
    t.equal((await issue('bob', newKey)).json().code, '200')
    t.equal((await issue('bob', aliceKey)).json().code, '401')
  })

  t.test('anonymous user is not special in cloud mode', async (t) => {
    t.same(await call({ fields: { userId: 'gudu|0123456789', token: 'token' } }), { code: 401, error: 'userId is invalid' })
    t.equal((await issue('gudu|0123456789', 'anything')).json().code, '401')
  })
})

t.test('onprem mode', async (t) => {
  const app = await buildApp(t, { authMode: 'onprem' })
  const key = await app.users.create('dave')
  const call = async (fields: Record<string, string>, headers: Record<string, string> = {}) => {
    const f = form(fields)
    return (await app.inject({ method: 'POST', url: VERSION_URL, payload: f.payload, headers: { ...f.headers, ...headers } })).json()
  }
  t.equal((await call({ userId: 'gudu|0123456789', token: 'token' })).code, 200, 'java/php/python send "token"')
  t.equal((await call({ userId: 'gudu|0123456789', token: '' })).code, 200, 'csharp sends an empty token')
  t.equal((await call({ userId: 'gudu|0123456789' })).code, 200, 'no token at all')
  t.equal((await call({ userId: 'gudu|0123456789' }, { authorization: 'Token ' })).code, 200, 'widget empty Token header')
  t.equal((await call({ userId: 'dave', token: 'whatever' })).code, 200, 'existing users work with any token')
  t.same(await call({}), { code: 401, error: 'userId is required' })
  t.same(await call({ userId: 'stranger', token: 'token' }), { code: 401, error: 'userId is invalid' })
  // generateToken still checks keys; the anonymous user gets a token without one.
  const anon = await app.inject({ method: 'POST', url: TOKEN_URL, ...form({ userId: 'gudu|0123456789', secretKey: 'x' }) })
  t.equal(anon.json().code, '200')
  const bad = await app.inject({ method: 'POST', url: TOKEN_URL, ...form({ userId: 'dave', secretKey: 'wrong' }) })
  t.same(bad.json(), { code: '401', error: 'userId or secretKey is invalid' })
  const good = await app.inject({ method: 'POST', url: TOKEN_URL, ...form({ userId: 'dave', secretKey: key }) })
  t.equal(good.json().code, '200')
})

t.test('generateToken is rate limited per IP', async (t) => {
  const app = await buildApp(t, { rateLimit: { max: 1000, windowMs: 60_000, tokenMax: 3 } })
  const codes: number[] = []
  for (let i = 0; i < 4; i++) {
    const r = await app.inject({ method: 'POST', url: TOKEN_URL, ...form({ userId: 'x', secretKey: 'y' }) })
    codes.push(Number(r.json().code))
    if (i === 3) t.ok(r.headers['retry-after'] !== undefined, 'Retry-After set')
  }
  t.same(codes, [401, 401, 401, 429])
})
