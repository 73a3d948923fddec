// /health, /ready, /docs (every route documented), CORS preflight, security headers, rate limit.
import t from 'tap'
import { buildApp } from '../helpers/build-app.js'
import type { KvStore } from '../../services/ports.js'
import { MemoryStore } from '../../plugins/app/store/index.js'

t.test('health and readiness', async (t) => {
  const app = await buildApp(t)
  const health = await app.inject({ method: 'GET', url: '/health' })
  t.equal(health.statusCode, 200)
  t.equal(health.json().status, 'ok')
  t.type(health.json().uptimeSeconds, 'number')
  const ready = await app.inject({ method: 'GET', url: '/ready' })
  t.equal(ready.statusCode, 200)
  t.same(ready.json(), { status: 'ready', store: 'memory', storeOk: true })
})

t.test('ready answers 503 when the store does not answer', async (t) => {
  const dead = new MemoryStore()
  t.teardown(() => dead.close())
  const store: KvStore = Object.assign(Object.create(dead) as KvStore, { ping: async () => false })
  const app = await buildApp(t, {}, { store })
  const ready = await app.inject({ method: 'GET', url: '/ready' })
  t.equal(ready.statusCode, 503)
  t.same(ready.json(), { status: 'unavailable', store: 'memory', storeOk: false })
})

t.test('OpenAPI at /docs lists every route with tag, summary and response schema', async (t) => {
  const app = await buildApp(t)
  const ui = await app.inject({ method: 'GET', url: '/docs' })
  t.ok([200, 302].includes(ui.statusCode), 'Swagger UI served')
  const page = await app.inject({ method: 'GET', url: '/docs' })
  t.equal(page.statusCode, 200)
  t.match(page.headers['content-type'], /text\/html/)
  t.match(page.headers['content-security-policy'], /script-src 'self'/)
  t.notMatch(page.headers['content-security-policy'], /upgrade-insecure-requests/, 'UI works over plain HTTP')
  const spec = (await app.inject({ method: 'GET', url: '/docs/json' })).json()
  t.equal(spec.openapi, '3.0.3')
  const paths = Object.keys(spec.paths)
  for (const p of ['/health', '/ready', '/gspLive_backend/user/generateToken', '/gspLive_backend/version', '/gspLive_backend/license']) {
    t.ok(paths.includes(p), `${p} documented`)
  }
  t.notOk(paths.some((p) => p.startsWith('/api/')), 'the /api copies are hidden')
  for (const [path, ops] of Object.entries<Record<string, { tags?: string[], summary?: string, responses?: Record<string, unknown> }>>(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      t.ok((op.tags ?? []).length > 0, `${method} ${path} has a tag`)
      t.ok((op.summary ?? '') !== '', `${method} ${path} has a summary`)
      t.ok(op.responses?.['200'] !== undefined, `${method} ${path} has a 200 response schema`)
    }
  }
  const token = spec.paths['/gspLive_backend/user/generateToken'].post
  t.ok(token.requestBody.content['application/x-www-form-urlencoded'], 'form body documented')
})

t.test('CORS preflight for the widget', async (t) => {
  const app = await buildApp(t)
  const r = await app.inject({
    method: 'OPTIONS',
    url: '/gspLive_backend/sqlflow/generation/sqlflow/graph',
    headers: { origin: 'http://widget.example:8080', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
  })
  t.equal(r.statusCode, 204)
  t.equal(r.headers['access-control-allow-origin'], 'http://widget.example:8080', 'origin echoed')
  t.match(r.headers['access-control-allow-headers'], /Authorization/)
  t.match(r.headers['access-control-allow-headers'], /Content-Type/)
  t.match(r.headers['access-control-allow-methods'], /GET/)
  t.match(r.headers['access-control-allow-methods'], /POST/)
  const simple = await app.inject({ method: 'GET', url: '/health', headers: { origin: 'http://widget.example:8080' } })
  t.equal(simple.headers['access-control-allow-origin'], 'http://widget.example:8080')

  const narrow = await buildApp(t, { corsOrigins: ['https://ok.example'] })
  const denied = await narrow.inject({ method: 'GET', url: '/health', headers: { origin: 'https://evil.example' } })
  t.equal(denied.headers['access-control-allow-origin'], undefined, 'origins outside CORS_ORIGINS get no CORS headers')
  const allowed = await narrow.inject({ method: 'GET', url: '/health', headers: { origin: 'https://ok.example' } })
  t.equal(allowed.headers['access-control-allow-origin'], 'https://ok.example')
})

t.test('security headers', async (t) => {
  const app = await buildApp(t)
  const r = await app.inject({ method: 'GET', url: '/health' })
  t.equal(r.headers['x-content-type-options'], 'nosniff')
  t.match(r.headers['content-security-policy'], /default-src 'self'/)
  t.equal(r.headers['x-powered-by'], undefined)
})

t.test('global rate limit answers 429 with Retry-After', async (t) => {
  const app = await buildApp(t, { rateLimit: { max: 2, windowMs: 60_000, tokenMax: 2 } })
  const url = '/gspLive_backend/license?userId=x'
  await app.inject({ method: 'GET', url })
  await app.inject({ method: 'GET', url })
  const third = await app.inject({ method: 'GET', url })
  t.equal(third.statusCode, 200, 'SQLFlow envelope keeps HTTP 200')
  t.equal(third.json().code, 429)
  t.match(third.json().error, /^Rate limit exceeded/)
  t.ok(third.headers['retry-after'] !== undefined)
  const health = await app.inject({ method: 'GET', url: '/health' })
  t.equal(health.statusCode, 200, 'probes are not rate limited')
})
