// Captures every log line (pino at trace level) of a full Koodrive + Zetyun session and asserts
// that no password, password hash, token, token hash, authorization code or session id appears in
// any log line, nor in any response other than the one that issues it. Also: X-Traceid reaches the
// logs, and failed codes raise the global alert.
import t from 'tap'
import { Writable } from 'node:stream'
import Fastify, { type InjectOptions, type LightMyRequestResponse } from 'fastify'
import app_, { fastifyOptions } from '../../../app.js'
import { MemoryStore } from '../../../plugins/app/store/index.js'
import { sha256Hex } from '../../../services/koodrive/secrets.js'
import { KoodriveService, type KdUser } from '../../../services/koodrive/index.js'
import { koodriveSettings } from '../../../plugins/app/koodrive-auth.js'
import { ZetyunService, type ZyUser } from '../../../services/zetyun/index.js'
import { testConfig } from '../../helpers/build-app.js'
import { DOMAIN, SESSION } from './helpers.js'

process.env.KOODRIVE_FAILURE_ALERT_PER_MINUTE = '3'
const lines: string[] = []
const stream = new Writable({ write (chunk, _enc, done) { lines.push(chunk.toString()); done() } })

t.test('no secret in any log line or foreign response', async (t) => {
  const store = new MemoryStore()
  t.teardown(() => store.close())
  const config = testConfig({ logLevel: 'trace' })
  const app = Fastify(fastifyOptions(config, { level: 'trace', stream }))
  await app.register(app_, { config, store })
  await app.ready()
  t.teardown(() => app.close())
  const kd = new KoodriveService(store, { ...koodriveSettings(), scryptCost: { log2N: 12, r: 8, p: 1 } })
  const zy = new ZetyunService(store, () => { throw new Error('unused') }, { maxActivePerUser: 10, slotTtlSeconds: 60, scryptCost: { log2N: 12, r: 8, p: 1 } })

  const secrets = new Set<string>()
  const responses: Array<{ res: LightMyRequestResponse, issues: string[] }> = []
  const keep = (...s: string[]) => { for (const x of s) secrets.add(x) }
  const send = async (opts: InjectOptions, issues: (r: LightMyRequestResponse) => string[] = () => []) => {
    const res = await app.inject(opts)
    const issued = issues(res)
    keep(...issued)
    responses.push({ res, issues: issued })
    return res
  }

  // --- Koodrive: login page, code, session, refresh, logoff, replay, bad tokens
  const kdPassword = 'kd secret passphrase 7'
  const trace = 'T'.repeat(20) + '_trace_' + '0123456789'.repeat(3) + 'x'
  keep(kdPassword)
  const user = await kd.directory.createUser({ orgName: 'LogOrg', userName: 'logalice', password: kdPassword, role: '1' })
  keep(user.passwordHash)
  const form = (pw: string) => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ client_id: DOMAIN, username: 'logalice', password: pw, state: 's' }).toString() })
  await send({ method: 'POST', url: `${SESSION}/oauth2/authorize`, ...form('wrong password') })
  const redirect = await send({ method: 'POST', url: `${SESSION}/oauth2/authorize`, ...form(kdPassword) },
    (r) => [new URL(r.headers.location as string).searchParams.get('code')!])
  const code = new URL(redirect.headers.location as string).searchParams.get('code')!
  keep(sha256Hex(code))
  const created = await send({ method: 'POST', url: SESSION, payload: { code, domain: DOMAIN }, headers: { 'x-traceid': trace } },
    (r) => [r.json().data.accessToken, r.json().data.accessToken.slice(7), r.json().data.sessionId])
  t.equal(created.statusCode, 200)
  const { accessToken, sessionId } = created.json().data
  keep(sha256Hex(accessToken.slice(7)))
  await send({ method: 'GET', url: `${SESSION}/auth`, headers: { authorization: accessToken } })
  await send({ method: 'GET', url: `${SESSION}/auth?access_token=${accessToken.slice(7)}` })
  const refreshed = await send({ method: 'POST', url: `${SESSION}/refresh`, headers: { authorization: accessToken, 'x-session-id': sessionId } },
    (r) => [r.json().accessToken, r.json().accessToken.slice(7), sessionId]) // refresh names its session (spec §A.3 addition)
  const newToken = refreshed.json().accessToken
  await send({ method: 'POST', url: `${SESSION}/refresh`, headers: { authorization: newToken, 'x-session-id': 'f'.repeat(32) } })
  await send({ method: 'POST', url: SESSION, payload: { code, domain: DOMAIN } }) // replay
  for (let i = 0; i < 3; i++) await send({ method: 'POST', url: SESSION, payload: { code: `wrong-code-${i}`.padEnd(43, 'z') } })
  const pkce = await kd.mintCode('logalice', DOMAIN)
  keep(pkce)
  await send({ method: 'POST', url: SESSION, payload: { code: pkce, code_verifier: 'v'.repeat(50) } })
  await send({ method: 'GET', url: `${SESSION}/logoff`, headers: { authorization: newToken } })

  // --- Zetyun: admin token, user creation by form, login, gentoken, bad tokens, a job
  const zyPassword = 'zy secret passphrase 9'
  keep(zyPassword)
  const { token: adminToken } = await zy.users.createTenantAdmin({ name: 'logadmin', email: 'logadmin@example.com', password: zyPassword })
  keep(adminToken, sha256Hex(adminToken))
  await send({ method: 'POST', url: '/user', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-access-token': adminToken }, payload: new URLSearchParams({ name: 'logbob', email: 'logbob@example.com', password: zyPassword }).toString() })
  await send({ method: 'POST', url: '/user', headers: { 'x-access-token': adminToken }, payload: { name: 'logcarl', email: 'bad', password: zyPassword } })
  const login = await send({ method: 'POST', url: '/user/login', payload: { name: 'logbob', password: zyPassword } }, (r) => [r.json().data.token])
  const bobToken = login.json().data.token
  keep(sha256Hex(bobToken))
  await send({ method: 'POST', url: '/user/login', payload: { name: 'logbob', password: 'wrong password' } })
  await send({ method: 'GET', url: `/tf/module/list?token=${adminToken}` })
  await send({ method: 'GET', url: '/tf/module/list', headers: { 'x-access-token': 'e'.repeat(48) } })
  const project = await send({ method: 'POST', url: '/projects', headers: { 'x-access-token': bobToken }, payload: { name: 'p', workflow: [{ id: 'l', moduleId: 1, inputs: { sql: ['a.sql'] } }], files: [{ name: 'a.sql', text: 'insert into b select a from c;' }] } })
  await send({ method: 'POST', url: `/tf/job/run/${project.json().data.id}`, headers: { 'x-access-token': bobToken }, payload: { name: 'j', variable: [{ name: 'x', value: 'y' }] } })
  const rotated = await send({ method: 'POST', url: '/user/gentoken', headers: { 'x-access-token': bobToken } }, (r) => [r.json().data.token])
  keep(sha256Hex(rotated.json().data.token))
  for (const u of await zy.users.listTenant((await zy.users.byToken(adminToken))!.tenantId)) keep((u as ZyUser).passwordHash)
  keep((await kd.directory.user(user.userId) as KdUser).passwordHash)

  await new Promise((r) => setTimeout(r, 200)) // let the job log and finish
  t.ok(lines.length > 50, `${lines.length} log lines captured`)
  t.ok(secrets.size >= 15, `${secrets.size} secrets tracked`)
  for (const secret of secrets) {
    const hit = lines.find((l) => l.includes(secret))
    t.equal(hit, undefined, `secret ${secret.slice(0, 6)}… absent from logs`)
  }
  for (const { res, issues } of responses) {
    const text = res.body + JSON.stringify(res.headers)
    for (const secret of secrets) {
      if (issues.includes(secret)) continue
      t.notOk(text.includes(secret), `${res.statusCode} response does not contain ${secret.slice(0, 6)}…`)
    }
  }
  t.ok(lines.some((l) => l.includes(`"traceId":"${trace}"`)), 'the client X-Traceid is in the logs')
  t.ok(lines.some((l) => l.includes('"alert":"koodrive_code_failures"')), 'failed codes raise the global alert')
  t.ok(lines.some((l) => l.includes('code replayed or expired; sessions issued from it revoked')), 'the real reason of a refusal is logged server-side')
})
