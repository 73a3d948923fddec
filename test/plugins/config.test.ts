// Config: env validation, defaults, and the AUTH_MODE rule (onprem only on loopback by default;
// onprem on a public interface refuses to boot unless explicitly allowed).
import t from 'tap'
import Fastify from 'fastify'
import app, { fastifyOptions } from '../../app.js'
import { loadConfig, assertSafe } from '../../config.js'

t.test('defaults', async (t) => {
  const c = loadConfig({})
  t.equal(c.port, 8081)
  t.equal(c.host, '127.0.0.1')
  t.equal(c.redisUrl, null)
  t.equal(c.authMode, 'onprem', 'loopback host: onprem, so the documented curls work with no setup')
  t.equal(c.jwtSecretGenerated, true)
  t.ok(c.jwtSecret.length >= 32, 'random secret generated')
  t.not(loadConfig({}).jwtSecret, c.jwtSecret, 'a new one per process/load')
  t.equal(c.apiPrefix, '/api')
  t.equal(c.corsOrigins, '*')
  t.equal(c.usersFile, 'data/users.json')
})

t.test('AUTH_MODE default follows HOST', async (t) => {
  t.equal(loadConfig({ HOST: '0.0.0.0' }).authMode, 'cloud')
  t.equal(loadConfig({ HOST: '::1' }).authMode, 'onprem')
  t.equal(loadConfig({ HOST: '127.0.0.5' }).authMode, 'onprem')
  t.equal(loadConfig({ HOST: '127.0.0.1', AUTH_MODE: 'cloud' }).authMode, 'cloud')
})

t.test('onprem on a public interface is refused unless allowed', async (t) => {
  const risky = loadConfig({ HOST: '0.0.0.0', AUTH_MODE: 'onprem' })
  t.throws(() => assertSafe(risky), { name: 'ConfigError' })
  const server = Fastify(fastifyOptions(risky, false))
  await t.rejects(async () => { await server.register(app, { config: risky }); await server.ready() }, { message: /refusing to listen on 0\.0\.0\.0/ })
  await server.close().catch(() => {})
  t.doesNotThrow(() => assertSafe(loadConfig({ HOST: '0.0.0.0', AUTH_MODE: 'onprem', ALLOW_PUBLIC_ONPREM: 'true' })))
  t.doesNotThrow(() => assertSafe(loadConfig({ HOST: '0.0.0.0' })), 'cloud on 0.0.0.0 is fine')
})

t.test('env values are parsed and validated', async (t) => {
  const c = loadConfig({ PORT: '9000', REDIS_URL: 'redis://r:6379', JWT_SECRET: 's3cret', CORS_ORIGINS: 'https://a.example, https://b.example', API_PREFIX: 'gw/', UPLOAD_MAX_FILES: '5', TRUST_PROXY: 'true' })
  t.equal(c.port, 9000)
  t.equal(c.redisUrl, 'redis://r:6379')
  t.equal(c.jwtSecret, 's3cret')
  t.equal(c.jwtSecretGenerated, false)
  t.same(c.corsOrigins, ['https://a.example', 'https://b.example'])
  t.equal(c.apiPrefix, '/gw')
  t.equal(c.upload.maxFiles, 5)
  t.equal(c.trustProxy, true)
  t.equal(loadConfig({ PORT: '' }).port, 8081, 'empty = default')
  t.throws(() => loadConfig({ PORT: 'eighty' }), { name: 'ConfigError', message: /invalid configuration: PORT/ })
  t.throws(() => loadConfig({ PORT: '70000' }), { name: 'ConfigError' })
  t.throws(() => loadConfig({ AUTH_MODE: 'open' }), { message: /AUTH_MODE/ })
})
