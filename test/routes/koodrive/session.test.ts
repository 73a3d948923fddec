// Koodrive POST /session, /auth, /refresh, /logoff: spec §A.7 good and bad inputs, on both stores.
import t from 'tap'
import { createHash } from 'node:crypto'
import { KoodriveService, kdClock } from '../../../services/koodrive/index.js'
import { onEachStore } from './stores.js'
import {
  DOMAIN, INVALID_GRANT, INVALID_REQUEST, INVALID_TOKEN, OTHER_DOMAIN, SESSION, createSession, koodriveApp, login, newUser,
} from './helpers.js'

const isIdString = (v: unknown) => typeof v === 'string' && /^[0-9]{1,19}$/.test(v)

onEachStore(t, 'kd-session', async (t, store) => {
  const k = await koodriveApp(t, store)
  const { app, kd } = k

  t.test('a valid code gives a session with the documented shape', async (t) => {
    const userName = await newUser(kd, '0')
    const code = await kd.mintCode(userName, DOMAIN)
    const res = await createSession(app, { code, domain: DOMAIN })
    t.equal(res.statusCode, 200)
    t.equal(res.headers['cache-control'], 'no-store')
    t.equal(res.headers.pragma, 'no-cache')
    const body = res.json()
    t.equal(body.code, 0)
    t.equal(body.msg, 'Successful')
    t.match(body.data.accessToken, /^Bearer [0-9a-f]{48}$/)
    t.match(body.data.sessionId, /^[0-9a-f]{32}$/)
    const info = body.data.userInfo
    t.same(Object.keys(info).sort(), ['deptId', 'innerUserId', 'orgId', 'orgName', 'role', 'tenantId', 'userCount', 'userId', 'userName', 'xHwSchema'])
    t.ok(['0', '1', '2'].includes(info.role))
    t.equal(info.role, '0')
    t.equal(info.userName, userName)
    for (const id of [body.data.userId, info.userId, info.innerUserId, info.tenantId, info.orgId, info.deptId]) t.ok(isIdString(id), `id ${id} is a string`)
    t.equal(info.userId, body.data.userId)
    t.equal(typeof info.userCount, 'number')
    t.ok(info.userCount >= 1)
    t.match(info.xHwSchema, /^ts_[0-9a-f]{16}$/, 'opaque schema alias')
  })

  t.test('/session and /session/ both work; zh-CN changes msg only', async (t) => {
    const userName = await newUser(kd)
    const a = await app.inject({ method: 'POST', url: SESSION, payload: { code: await kd.mintCode(userName, DOMAIN) } })
    const b = await app.inject({ method: 'POST', url: `${SESSION}/`, payload: { code: await kd.mintCode(userName, DOMAIN) }, headers: { language: 'zh-CN' } })
    t.equal(a.statusCode, 200)
    t.equal(b.statusCode, 200)
    t.equal(a.json().msg, 'Successful')
    t.equal(b.json().msg, '成功')
    t.same(b.json().data.userInfo, a.json().data.userInfo)
    const c = await createSession(app, { code: await kd.mintCode(userName, DOMAIN) }, { language: 'fr-FR' })
    t.equal(c.json().msg, 'Successful', 'unknown language falls back to en-US')
  })

  t.test('domain: matching accepted, omitted accepted, other allow-listed domain refused', async (t) => {
    const userName = await newUser(kd)
    t.equal((await createSession(app, { code: await kd.mintCode(userName, DOMAIN), domain: DOMAIN.toUpperCase() })).statusCode, 200)
    t.equal((await createSession(app, { code: await kd.mintCode(userName, DOMAIN) })).statusCode, 200)
    const wrong = await createSession(app, { code: await kd.mintCode(userName, DOMAIN), domain: OTHER_DOMAIN })
    t.equal(wrong.statusCode, 400)
    t.same(wrong.json(), INVALID_GRANT)
  })

  t.test('X-Traceid: a valid one is echoed, invalid ones are replaced (never 500)', async (t) => {
    const valid = 'A'.repeat(20) + '_' + '0123456789'.repeat(3) + 'abcdefg'
    t.equal(valid.length, 58)
    const userName = await newUser(kd)
    const ok = await createSession(app, { code: await kd.mintCode(userName, DOMAIN) }, { 'x-traceid': valid })
    t.equal(ok.statusCode, 200)
    t.equal(ok.headers['x-traceid'], valid)
    for (const bad of ['A'.repeat(57), 'A'.repeat(59), 'A'.repeat(57) + '!', 'A'.repeat(56) + '<>']) {
      const res = await app.inject({ method: 'GET', url: `${SESSION}/auth`, headers: { 'x-traceid': bad } })
      t.equal(res.statusCode, 401)
      t.not(res.headers['x-traceid'], bad)
      t.match(res.headers['x-traceid'], /^[A-Za-z0-9_]{58}$/)
    }
  })

  t.test('GET /auth returns OrgUserInfo; /refresh rotates; the old token is dead', async (t) => {
    const s = await login(k, '2')
    const auth = await app.inject({ method: 'GET', url: `${SESSION}/auth`, headers: { authorization: s.token } })
    t.equal(auth.statusCode, 200)
    t.equal(auth.json().code, 0)
    t.equal(auth.json().data.role, 2, 'role is a number in /auth')
    t.equal(auth.json().data.xHwSchema, undefined)
    t.equal(auth.json().data.userName, s.userName)
    const plus = await app.inject({ method: 'GET', url: `${SESSION}/auth`, headers: { authorization: s.token.replace(' ', '+') } })
    t.equal(plus.statusCode, 200, 'the docs\' Bearer+<token> form is accepted')
    const ref = await app.inject({ method: 'POST', url: `${SESSION}/refresh`, headers: { authorization: s.token, 'x-session-id': s.sessionId } })
    t.equal(ref.statusCode, 200)
    t.equal(ref.headers['cache-control'], 'no-store')
    const body = ref.json()
    t.match(body.accessToken, /^Bearer [0-9a-f]{48}$/)
    t.not(body.accessToken, s.token)
    t.same(body.data, { accessToken: body.accessToken, sessionId: s.sessionId })
    const old = await app.inject({ method: 'GET', url: `${SESSION}/auth`, headers: { authorization: s.token } })
    t.equal(old.statusCode, 401)
    t.same(old.json(), INVALID_TOKEN)
    t.equal((await app.inject({ method: 'GET', url: `${SESSION}/auth`, headers: { authorization: body.accessToken } })).statusCode, 200)
  })

  t.test('logoff revokes the session', async (t) => {
    const s = await login(k)
    const off = await app.inject({ method: 'GET', url: `${SESSION}/logoff`, headers: { authorization: s.token } })
    t.equal(off.statusCode, 200)
    t.same(off.json(), { code: 0, msg: 'Successful' })
    const after = await app.inject({ method: 'GET', url: `${SESSION}/auth`, headers: { authorization: s.token } })
    t.equal(after.statusCode, 401)
    t.equal((await app.inject({ method: 'GET', url: `${SESSION}/logoff`, headers: { authorization: s.token } })).statusCode, 401)
  })

  t.test('20-minute sliding idle timeout and the 12 h cap', async (t) => {
    const start = Date.now()
    let now = start
    kdClock.now = () => now
    t.teardown(() => { kdClock.now = () => Date.now() })
    const s = await login(k)
    const auth = () => app.inject({ method: 'GET', url: `${SESSION}/auth`, headers: { authorization: s.token } })
    now += 19 * 60_000
    t.equal((await auth()).statusCode, 200, 'a call at 19 min keeps it alive')
    now += 19 * 60_000
    t.equal((await auth()).statusCode, 200, 'another 19 min later: still alive (the window slid)')
    now += 21 * 60_000
    t.equal((await auth()).statusCode, 401, '21 min idle: expired')

    now = start
    const capped = await login(k)
    const ping = () => app.inject({ method: 'GET', url: `${SESSION}/auth`, headers: { authorization: capped.token } })
    let alive = 0
    while (now < start + 12 * 3600_000 - 15 * 60_000) {
      now += 15 * 60_000
      if ((await ping()).statusCode === 200) alive++
    }
    t.equal(alive, 47, 'active every 15 min for 11 h 45 min')
    now = start + 12 * 3600_000
    t.equal((await ping()).statusCode, 401, 'the absolute cap applies even with activity')
  })

  t.test('schema failures are 400/10000001', async (t) => {
    const bodies: unknown[] = [{}, { code: '' }, { code: 123 }, { code: ['abcdefghijklmnopqrstu'] }, { code: { a: 1 } }, { code: 'a'.repeat(513) },
      { code: 'abcdefghijklmnopq', domain: 'evil.com/x?y' }, { code: 'abcdefghijklmnopq', code_verifier: 'short' }]
    for (const body of bodies) {
      const res = await createSession(app, body)
      t.equal(res.statusCode, 400, JSON.stringify(body).slice(0, 60))
      t.same(res.json(), INVALID_REQUEST)
    }
    const none = await app.inject({ method: 'POST', url: SESSION })
    t.equal(none.statusCode, 400)
    t.same(none.json(), INVALID_REQUEST)
    const emptyJson = await app.inject({ method: 'POST', url: SESSION, headers: { 'content-type': 'application/json' }, payload: '' })
    t.equal(emptyJson.statusCode, 400)
    t.same(emptyJson.json(), INVALID_REQUEST)
  })

  t.test('unknown paths under the prefix answer 404 in the Koodrive envelope', async (t) => {
    const res = await app.inject({ method: 'GET', url: `${SESSION}/nope`, headers: { language: 'zh-CN' } })
    t.equal(res.statusCode, 404)
    t.same(res.json(), { code: 19000404, msg: '资源不存在。' })
    t.equal((await app.inject({ method: 'DELETE', url: SESSION })).statusCode, 404, 'no DELETE: logoff is a GET')
  })

  t.test('malformed JSON is 400; text/plain and forms are 415', async (t) => {
    const bad = await app.inject({ method: 'POST', url: SESSION, headers: { 'content-type': 'application/json' }, payload: '{"code": ' })
    t.equal(bad.statusCode, 400)
    t.same(bad.json(), INVALID_REQUEST)
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await app.inject({ method: 'POST', url: SESSION, headers: { 'content-type': type }, payload: 'code=abcdefghijklmnopqrstuvwxyz' })
      t.equal(res.statusCode, 415, type)
      t.same(res.json(), { code: 19000415, msg: 'The Content-Type must be application/json.' })
    }
  })

  t.test('unknown, expired, wrong-domain and PKCE failures give one identical answer', async (t) => {
    const userName = await newUser(kd)
    const verifier = 'v'.repeat(20) + 'erifier-0123456789_abcdefghijkl'
    const challenge = createHash('sha256').update(verifier).digest('base64url')
    const answers = [
      await createSession(app, { code: 'x'.repeat(43) }),
      await createSession(app, { code: await kd.mintCode(userName, DOMAIN), domain: OTHER_DOMAIN }),
      await createSession(app, { code: await kd.mintCode(userName, DOMAIN, challenge), code_verifier: verifier.replace('v', 'w') }),
      await createSession(app, { code: await kd.mintCode(userName, DOMAIN, challenge) }),
      await createSession(app, { code: await kd.mintCode(userName, DOMAIN), code_verifier: verifier }),
    ]
    // expired: a code minted with a 1 s lifetime, presented after it
    const shortLived = new KoodriveService(store, { ...kd.settings, codeTtlSeconds: 1 })
    const expiring = await shortLived.mintCode(userName, DOMAIN)
    await new Promise((r) => setTimeout(r, 1100))
    answers.push(await createSession(app, { code: expiring, domain: DOMAIN }))
    for (const res of answers) {
      t.equal(res.statusCode, 400)
      t.equal(res.body, JSON.stringify(INVALID_GRANT))
    }
    const good = await createSession(app, { code: await kd.mintCode(userName, DOMAIN, challenge), code_verifier: verifier, domain: DOMAIN })
    t.equal(good.statusCode, 200, 'the right verifier redeems a PKCE code')
  })

  t.test('bad bearer tokens are 401 with WWW-Authenticate', async (t) => {
    const s = await login(k)
    const raw = s.token.slice('Bearer '.length)
    const cases: Array<[string, Record<string, string>, string]> = [
      ['missing', {}, `${SESSION}/auth`],
      ['Basic', { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }, `${SESSION}/auth`],
      ['empty bearer', { authorization: 'Bearer ' }, `${SESSION}/auth`],
      ['bare token', { authorization: raw }, `${SESSION}/auth`],
      ['unknown token', { authorization: `Bearer ${'0'.repeat(48)}` }, `${SESSION}/auth`],
      ['query token', {}, `${SESSION}/auth?access_token=${raw}`],
    ]
    for (const [name, headers, url] of cases) {
      const res = await app.inject({ method: 'GET', url, headers })
      t.equal(res.statusCode, 401, name)
      t.same(res.json(), INVALID_TOKEN, name)
      t.equal(res.headers['www-authenticate'], 'Bearer error="invalid_token"', name)
    }
    for (const sid of [undefined, 'f'.repeat(32), s.sessionId + 'x']) {
      const headers: Record<string, string> = { authorization: s.token }
      if (sid !== undefined) headers['x-session-id'] = sid
      const res = await app.inject({ method: 'POST', url: `${SESSION}/refresh`, headers })
      t.equal(res.statusCode, 401, `refresh with x-session-id ${sid}`)
      t.same(res.json(), INVALID_TOKEN)
    }
    t.equal((await app.inject({ method: 'GET', url: `${SESSION}/auth`, headers: { authorization: s.token } })).statusCode, 200, 'failed refreshes do not hurt the session')
    const other = await login(k)
    const cross = await app.inject({ method: 'POST', url: `${SESSION}/refresh`, headers: { authorization: s.token, 'x-session-id': other.sessionId } })
    t.equal(cross.statusCode, 401, 'a token with another session\'s id')
  })
})
