// Secrets never reach the logs: Authorization / X-Access-Token headers, and token-like values in
// the query string (the deprecated python client sends its token there).
import t from 'tap'
import Fastify from 'fastify'
import { Writable } from 'node:stream'
import app, { fastifyOptions, redactUrl } from '../../app.js'
import { testConfig } from '../helpers/build-app.js'

t.test('request logs carry no secrets', async (t) => {
  const lines: string[] = []
  const stream = new Writable({ write (chunk, _enc, done) { lines.push(String(chunk)); done() } })
  const config = testConfig({ logLevel: 'trace', authMode: 'cloud' })
  const server = Fastify(fastifyOptions(config, { stream } as never))
  await server.register(app, { config })
  t.teardown(() => server.close())
  const key = await server.users.create('alice')
  await server.inject({ method: 'POST', url: `/gspLive_backend/version?token=QUERYSECRET&secretKey=${key}&userId=alice`, headers: { authorization: 'Token HEADERSECRET', 'x-access-token': 'ACCESSSECRET' } })
  await server.inject({ method: 'POST', url: '/gspLive_backend/user/generateToken', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `userId=alice&secretKey=${key}` })
  server.log.info({ token: 'FIELDSECRET', nested: { password: 'PWSECRET' } }, 'explicit')
  const all = lines.join('')
  t.ok(lines.length > 3, 'something was logged')
  for (const secret of ['QUERYSECRET', 'HEADERSECRET', 'ACCESSSECRET', 'FIELDSECRET', 'PWSECRET', key]) {
    t.notOk(all.includes(secret), `${secret.slice(0, 12)} not in logs`)
  }
  t.match(all, /token=\[redacted\]/)
})

t.test('redactUrl', async (t) => {
  t.equal(redactUrl('/a?userId=x&token=abc&TOKEN=def#f'), '/a?userId=x&token=[redacted]&TOKEN=[redacted]#f')
  t.equal(redactUrl('/a?mytoken=1'), '/a?mytoken=1', 'only exact names')
  t.equal(redactUrl('/plain'), '/plain')
})
