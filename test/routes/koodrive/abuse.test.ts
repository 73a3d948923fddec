// Koodrive abuse cases (spec §A.7): code replay, parallel redemption, brute force, oversized and
// poisoned bodies, slow bodies; plus authCodeURL and the built-in login page. Both stores.
import t from 'tap'
import { createHash } from 'node:crypto'
import { connect } from 'node:net'
import { createServer } from 'node:http'
import Fastify from 'fastify'
import app_, { fastifyOptions } from '../../../app.js'
import { testConfig } from '../../helpers/build-app.js'
import { onEachStore } from './stores.js'
import { DOMAIN, INVALID_GRANT, INVALID_REQUEST, PASSWORD, SESSION, createSession, koodriveApp, login, newUser } from './helpers.js'

onEachStore(t, 'kd-abuse', async (t, store) => {
  const k = await koodriveApp(t, store)
  const { app, kd } = k

  t.test('replay: the second use fails and revokes the first session', async (t) => {
    const userName = await newUser(kd)
    const code = await kd.mintCode(userName, DOMAIN)
    const first = await createSession(app, { code, domain: DOMAIN })
    t.equal(first.statusCode, 200)
    const token = first.json().data.accessToken
    t.equal((await app.inject({ method: 'GET', url: `${SESSION}/auth`, headers: { authorization: token } })).statusCode, 200)
    const second = await createSession(app, { code, domain: DOMAIN })
    t.equal(second.statusCode, 400)
    t.same(second.json(), INVALID_GRANT)
    const after = await app.inject({ method: 'GET', url: `${SESSION}/auth`, headers: { authorization: token } })
    t.equal(after.statusCode, 401, 'the session issued from the replayed code is revoked')
  })

  t.test('race: 20 parallel redemptions of one code give exactly one 200', async (t) => {
    const userName = await newUser(kd)
    const code = await kd.mintCode(userName, DOMAIN)
    const answers = await Promise.all(Array.from({ length: 20 }, () => createSession(app, { code })))
    t.equal(answers.filter((r) => r.statusCode === 200).length, 1)
    t.equal(answers.filter((r) => r.statusCode === 400 && r.body === JSON.stringify(INVALID_GRANT)).length, 19)
  })

  t.test('oversized body is 413 before parsing; nesting and prototype poisoning are 400', async (t) => {
    const big = await app.inject({ method: 'POST', url: SESSION, headers: { 'content-type': 'application/json' }, payload: `{"code":"${'a'.repeat(1 << 20)}"}` })
    t.equal(big.statusCode, 413)
    t.same(big.json(), { code: 19000413, msg: 'The request body is too large.' })
    const nested = await app.inject({ method: 'POST', url: SESSION, headers: { 'content-type': 'application/json' }, payload: `{"code":${'['.repeat(3000)}${']'.repeat(3000)}}` })
    t.equal(nested.statusCode, 400)
    t.same(nested.json(), INVALID_REQUEST)
    for (const payload of ['{"code":"abcdefghijklmnopqrst","__proto__":{"isAdmin":true}}', '{"code":"abcdefghijklmnopqrst","constructor":{"prototype":{"isAdmin":true}}}']) {
      const res = await app.inject({ method: 'POST', url: SESSION, headers: { 'content-type': 'application/json' }, payload })
      t.equal(res.statusCode, 400)
      t.same(res.json(), INVALID_REQUEST)
    }
    t.equal(({} as Record<string, unknown>).isAdmin, undefined, 'no prototype was polluted')
  })

  t.test('authCodeURL: allow-listed domains only, never an open redirect', async (t) => {
    const ok = await app.inject({ method: 'GET', url: `${SESSION}/authCodeURL?domain=${DOMAIN}` })
    t.equal(ok.statusCode, 200)
    const body = ok.json()
    t.equal(body.code, 0)
    t.equal(body.orgIdHost, '')
    const uri = new URL(body.uri, 'http://gateway.test')
    t.equal(uri.pathname, `${SESSION}/oauth2/authorize`)
    t.equal(uri.searchParams.get('client_id'), DOMAIN)
    t.equal(uri.searchParams.get('redirect_uri'), 'https://kdconsole.example.com:8080/cb')
    t.equal(uri.searchParams.get('response_type'), 'code')
    for (const domain of ['evil.example.com', 'evil.com/x', '']) {
      const res = await app.inject({ method: 'GET', url: `${SESSION}/authCodeURL?domain=${encodeURIComponent(domain)}` })
      t.equal(res.statusCode, 400, domain)
      t.same(res.json(), INVALID_REQUEST)
    }
  })

  t.test('login page: sign in, redirect with code and state, redeem with PKCE', async (t) => {
    const userName = await newUser(kd)
    const verifier = 'pkce-verifier-' + 'x'.repeat(40)
    const challenge = createHash('sha256').update(verifier).digest('base64url')
    const q = new URLSearchParams({ response_type: 'code', client_id: DOMAIN, state: 'st<"ate>', code_challenge: challenge, code_challenge_method: 'S256' })
    const page = await app.inject({ method: 'GET', url: `${SESSION}/oauth2/authorize?${q}` })
    t.equal(page.statusCode, 200)
    t.match(page.headers['content-type'], /^text\/html/)
    t.match(page.body, /<form method="post"/)
    t.match(page.body, /value="st&lt;&quot;ate&gt;"/, 'state is HTML-escaped')
    t.match(page.headers['content-security-policy'], /form-action 'self' https:\/\/kdconsole\.example\.com:8080/)
    const form = (pw: string) => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ ...Object.fromEntries(q), username: userName, password: pw }).toString() })
    const wrong = await app.inject({ method: 'POST', url: `${SESSION}/oauth2/authorize`, ...form('not the password') })
    t.equal(wrong.statusCode, 401)
    t.equal(wrong.headers.location, undefined)
    t.match(wrong.body, /Wrong user name or password/)
    const ok = await app.inject({ method: 'POST', url: `${SESSION}/oauth2/authorize`, ...form(PASSWORD) })
    t.equal(ok.statusCode, 302)
    const target = new URL(ok.headers.location as string)
    t.equal(target.origin + target.pathname, 'https://kdconsole.example.com:8080/cb')
    t.equal(target.searchParams.get('state'), 'st<"ate>')
    const code = target.searchParams.get('code')!
    t.same((await createSession(app, { code, domain: DOMAIN })).json(), INVALID_GRANT, 'PKCE code without verifier')
    const code2 = new URL((await app.inject({ method: 'POST', url: `${SESSION}/oauth2/authorize`, ...form(PASSWORD) })).headers.location as string).searchParams.get('code')!
    const session = await createSession(app, { code: code2, domain: DOMAIN, code_verifier: verifier })
    t.equal(session.statusCode, 200)
    t.equal(session.json().data.userInfo.userName, userName)
  })

  t.test('login page refuses unknown clients and foreign redirect URIs without redirecting', async (t) => {
    for (const qs of [`client_id=evil.example.com`, `client_id=${DOMAIN}&redirect_uri=${encodeURIComponent('https://evil.example.com/cb')}`, `client_id=${DOMAIN}&code_challenge=short`]) {
      const res = await app.inject({ method: 'GET', url: `${SESSION}/oauth2/authorize?${qs}` })
      t.equal(res.statusCode, 400, qs)
      t.equal(res.headers.location, undefined)
      const post = await app.inject({ method: 'POST', url: `${SESSION}/oauth2/authorize`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `${qs}&username=x&password=y` })
      t.equal(post.statusCode, 400, `POST ${qs}`)
      t.equal(post.headers.location, undefined)
    }
  })

  t.test('brute force: failed codes beyond the per-IP budget get 429 with Retry-After', async (t) => {
    const limited = await koodriveApp(t, store, { rateLimit: { max: 100_000, windowMs: 60_000, tokenMax: 5 } })
    const statuses: number[] = []
    let last
    for (let i = 0; i < 8; i++) {
      last = await limited.app.inject({ method: 'POST', url: SESSION, payload: { code: `guess${i}`.padEnd(43, 'x') }, remoteAddress: '203.0.113.9' })
      statuses.push(last.statusCode)
    }
    t.same(statuses, [400, 400, 400, 400, 400, 429, 429, 429])
    t.same(last!.json(), { code: 19000429, msg: 'Too many requests. Try again later.' })
    t.ok(Number(last!.headers['retry-after']) > 0, 'Retry-After is set')
    const elsewhere = await limited.app.inject({ method: 'POST', url: SESSION, payload: { code: 'y'.repeat(43) }, remoteAddress: '203.0.113.10' })
    t.equal(elsewhere.statusCode, 400, 'another IP is not affected')
    const s = await login(limited)
    t.equal((await limited.app.inject({ method: 'GET', url: `${SESSION}/auth`, headers: { authorization: s.token }, remoteAddress: '203.0.113.9' })).statusCode, 200, 'token use from that IP is not blocked')
  })
})

t.test('slow bodies are cut by requestTimeout, not held open', async (t) => {
  t.ok(Number.isFinite(fastifyOptions(testConfig()).requestTimeout), 'the server config sets a requestTimeout')
  const config = testConfig()
  // Node checks request deadlines every connectionsCheckingInterval (30 s by default): shorten both.
  const server = Fastify({
    ...fastifyOptions(config, false),
    serverFactory: (handler) => createServer({ requestTimeout: 500, connectionsCheckingInterval: 100 }, handler),
  })
  await server.register(app_, { config })
  await server.listen({ port: 0, host: '127.0.0.1' })
  t.teardown(() => server.close())
  const port = (server.server.address() as { port: number }).port
  const started = Date.now()
  const answer = await new Promise<string>((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`POST ${SESSION} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"co`)
    })
    let data = ''
    socket.on('data', (d) => { data += d.toString() })
    socket.on('close', () => resolve(data))
    socket.on('error', () => resolve(data))
  })
  t.match(answer, /^HTTP\/1\.1 408/, 'answered 408 Request Timeout')
  t.ok(Date.now() - started < 5000, 'within seconds')
})
