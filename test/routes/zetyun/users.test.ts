// Zetyun users and tokens (spec §B.8): POST /user by form and JSON, roles, duplicates, bad input,
// token handling, abuse; on both stores.
import t from 'tap'
import { onEachStore } from '../koodrive/stores.js'
import { PASSWORD, UNAUTHORIZED, call, formBody, newTenant, uniq, zetyunApp } from './helpers.js'

const USER_KEYS = ['autoKey', 'avatar', 'createtime', 'ehcUser', 'email', 'group', 'info', 'name', 'phone', 'pwdhash', 'status', 'token']

onEachStore(t, 'zy-users', async (t, store) => {
  const z = await zetyunApp(t, store)
  const { app, zy } = z
  const admin = await newTenant(zy)

  const createForm = (token: string | undefined, pairs: Record<string, string>, extra: Record<string, string> = {}) => {
    const f = formBody(pairs)
    return app.inject({ method: 'POST', url: '/user', payload: f.payload, headers: { ...f.headers, ...(token === undefined ? {} : { 'x-access-token': token }), ...extra } })
  }

  t.test('form and JSON bodies create a user with the documented keys; secrets are null', async (t) => {
    const name = uniq('f')
    const res = await createForm(admin.token, { name, email: `${name}@example.com`, password: PASSWORD })
    t.equal(res.statusCode, 200)
    const body = res.json()
    t.equal(body.code, 0)
    t.same(Object.keys(body.data).sort(), USER_KEYS)
    t.equal(typeof body.data.autoKey, 'string')
    t.match(body.data.autoKey, /^[0-9]+$/)
    t.equal(body.data.pwdhash, null)
    t.equal(body.data.token, null)
    t.equal(body.data.group, 1)
    t.equal(body.data.status, 1)
    t.match(body.data.createtime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    t.notMatch(res.body, PASSWORD)

    const jname = uniq('j')
    const json = await call(app, 'POST', '/user', admin.token, { name: jname, email: `${jname}@example.com`, password: PASSWORD })
    t.equal(json.statusCode, 200)
    const a = { ...body.data, autoKey: 0, name: '', email: '', createtime: '' }
    const b = { ...json.json().data, autoKey: 0, name: '', email: '', createtime: '' }
    t.same(b, a, 'JSON gives the same result as the form')
  })

  t.test('the new user can log in; hashes are scrypt, salted, never MD5', async (t) => {
    const name = uniq('u')
    await call(app, 'POST', '/user', admin.token, { name, email: `${name}@example.com`, password: PASSWORD })
    const twin = uniq('u')
    await call(app, 'POST', '/user', admin.token, { name: twin, email: `${twin}@example.com`, password: PASSWORD })
    const login = await call(app, 'POST', '/user/login', undefined, { name, password: PASSWORD })
    t.equal(login.statusCode, 200)
    const token = login.json().data.token
    t.match(token, /^[0-9a-f]{48}$/)
    const me = await call(app, 'GET', '/tf/module/tags', token)
    t.equal(me.statusCode, 200, 'the token works')
    const users = await zy.users.listTenant((await zy.users.byToken(admin.token))!.tenantId)
    const hashes = users.filter((u) => u.name === name || u.name === twin).map((u) => u.passwordHash)
    t.equal(hashes.length, 2)
    for (const h of hashes) {
      t.notMatch(h, /^[0-9a-f]{32}$/, 'not a bare MD5')
      t.match(h, /^\$scrypt\$ln=\d+,r=8,p=1\$/)
    }
    t.not(hashes[0], hashes[1], 'same password, different hashes')
    const wrong = await call(app, 'POST', '/user/login', undefined, { name, password: 'wrong password!' })
    t.equal(wrong.statusCode, 401)
    t.same(wrong.json(), { code: 40101, msg: 'Wrong name or password.', data: null })
  })

  t.test('gentoken rotates and revokes the old token', async (t) => {
    const tenant = await newTenant(zy)
    const rot = await call(app, 'POST', '/user/gentoken', tenant.token)
    t.equal(rot.statusCode, 200)
    const fresh = rot.json().data.token
    t.not(fresh, tenant.token)
    t.same((await call(app, 'GET', '/user', tenant.token)).json(), UNAUTHORIZED, 'old token revoked')
    t.equal((await call(app, 'GET', '/user', fresh)).statusCode, 200)
  })

  t.test('missing, wrong, revoked and query tokens give one identical 401', async (t) => {
    const tenant = await newTenant(zy)
    await call(app, 'POST', '/user/gentoken', tenant.token) // revokes tenant.token
    const answers = [
      await call(app, 'GET', '/tf/module/list', undefined),
      await call(app, 'GET', '/tf/module/list', 'f'.repeat(48)),
      await call(app, 'GET', '/tf/module/list', 'not-a-token'),
      await call(app, 'GET', '/tf/module/list', tenant.token),
      await call(app, 'GET', `/tf/module/list?token=${admin.token}`, undefined),
      await call(app, 'GET', `/tf/module/list?access_token=${admin.token}`, undefined),
    ]
    for (const res of answers) {
      t.equal(res.statusCode, 401)
      t.equal(res.body, JSON.stringify(UNAUTHORIZED))
    }
    const cookieOnly = await createForm(undefined, { name: uniq('c'), email: 'c@example.com', password: PASSWORD }, { cookie: 'express:sess=eyJ1c2VyIjoxfQ==' })
    t.equal(cookieOnly.statusCode, 401, 'a cookie-only POST /user is refused')
  })

  t.test('only administrators create or list users', async (t) => {
    const name = uniq('n')
    await call(app, 'POST', '/user', admin.token, { name, email: `${name}@example.com`, password: PASSWORD })
    const token = (await call(app, 'POST', '/user/login', undefined, { name, password: PASSWORD })).json().data.token
    const res = await call(app, 'POST', '/user', token, { name: uniq('x'), email: 'x@example.com', password: PASSWORD })
    t.equal(res.statusCode, 403)
    t.same(res.json(), { code: 40301, msg: 'Only administrators can create users.', data: null })
    t.equal((await call(app, 'GET', '/user', token)).statusCode, 403)
  })

  t.test('duplicate name or email is 409', async (t) => {
    const name = uniq('d')
    t.equal((await call(app, 'POST', '/user', admin.token, { name, email: `${name}@example.com`, password: PASSWORD })).statusCode, 200)
    const again = await call(app, 'POST', '/user', admin.token, { name, email: `other${name}@example.com`, password: PASSWORD })
    t.equal(again.statusCode, 409)
    t.same(again.json(), { code: 40901, msg: 'A user with this name or email already exists.', data: null })
    const sameMail = await call(app, 'POST', '/user', admin.token, { name: uniq('e'), email: `${name}@EXAMPLE.com`, password: PASSWORD })
    t.equal(sameMail.statusCode, 409)
  })

  t.test('bad input is 400/40001', async (t) => {
    const n = uniq('b')
    const bad: Array<Record<string, string>> = [
      { name: n, email: 'not-an-email', password: PASSWORD },
      { name: n, email: `${n}@example.com`, password: '' },
      { name: n, email: `${n}@example.com`, password: 'short' },
      { name: n, email: `${n}@example.com`, password: 'x'.repeat(10_000) },
      { name: '<script>alert(1)</script>', email: `${n}@example.com`, password: PASSWORD },
      { name: 'has space', email: `${n}@example.com`, password: PASSWORD },
      { email: `${n}@example.com`, password: PASSWORD },
    ]
    for (const pairs of bad) {
      const res = await createForm(admin.token, pairs)
      t.equal(res.statusCode, 400, JSON.stringify(pairs).slice(0, 80))
      t.equal(res.json().code, 40001)
      t.equal(res.json().data, null)
      t.notMatch(res.body, PASSWORD)
    }
  })

  t.test('client-sent group/status/creator/autoKey are ignored', async (t) => {
    const name = uniq('m')
    const res = await createForm(admin.token, { name, email: `${name}@example.com`, password: PASSWORD, group: '0', status: '9', creator: '2', autoKey: '1', info: 'x' })
    t.equal(res.statusCode, 200)
    const d = res.json().data
    t.equal(d.group, 1)
    t.equal(d.status, 1)
    t.not(d.autoKey, '1')
    t.equal(d.info, null)
  })

  t.test('other content types are 415; 1 MiB bodies are 413', async (t) => {
    const plain = await call(app, 'POST', '/user', admin.token, 'name=x', { 'content-type': 'text/plain' })
    t.equal(plain.statusCode, 415)
    t.equal(plain.json().code, 41501)
    const bigForm = await call(app, 'POST', '/user', admin.token, `name=${'a'.repeat(1 << 20)}`, { 'content-type': 'application/x-www-form-urlencoded' })
    t.equal(bigForm.statusCode, 413)
    t.same(bigForm.json(), { code: 41301, msg: 'The request body is too large.', data: null })
    const bigJson = await call(app, 'POST', '/user', admin.token, JSON.stringify({ name: 'a'.repeat(1 << 20) }), { 'content-type': 'application/json' })
    t.equal(bigJson.statusCode, 413)
  })

  t.test('token brute force from one address gets 429 with Retry-After', async (t) => {
    const statuses: number[] = []
    let last
    for (let i = 0; i < 25; i++) {
      last = await app.inject({ method: 'GET', url: '/tf/module/list', headers: { 'x-access-token': i.toString(16).padStart(48, '0') }, remoteAddress: '198.51.100.7' })
      statuses.push(last.statusCode)
    }
    t.same(statuses.slice(0, 20), Array(20).fill(401))
    t.same(statuses.slice(20), Array(5).fill(429))
    t.same(last!.json(), { code: 42901, msg: 'Too many failed access tokens. Try again later.', data: null })
    t.equal(last!.headers['retry-after'], '60')
    const other = await app.inject({ method: 'GET', url: '/tf/module/list', headers: { 'x-access-token': admin.token }, remoteAddress: '198.51.100.8' })
    t.equal(other.statusCode, 200, 'other addresses are unaffected')
  })
})
