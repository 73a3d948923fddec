// Embedded mode: the first Koodrive user and Zetyun administrator come from the environment,
// once, and can sign in through the APIs.
import t from 'tap'
import { MemoryStore } from '../../../plugins/app/store/index.js'
import { buildApp } from '../../helpers/build-app.js'

process.env.KOODRIVE_CLIENTS = 'boot.example.com=https://boot.example.com/cb'
process.env.KOODRIVE_BOOTSTRAP_USER = 'bootkd:Boot Org:0'
process.env.KOODRIVE_BOOTSTRAP_PASSWORD = 'boot kd passphrase'
process.env.ZETYUN_BOOTSTRAP_ADMIN = 'bootzy:bootzy@example.com'
process.env.ZETYUN_BOOTSTRAP_PASSWORD = 'boot zy passphrase'

t.test('bootstrap identities from the environment, idempotently', async (t) => {
  const store = new MemoryStore()
  t.teardown(() => store.close())
  await buildApp(t, {}, { store })
  const app = await buildApp(t, {}, { store }) // a restart on the same store must not fail or duplicate
  const login = await app.inject({
    method: 'POST', url: '/koodrive/ose/v1/session/oauth2/authorize', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ client_id: 'boot.example.com', username: 'bootkd', password: 'boot kd passphrase' }).toString(),
  })
  t.equal(login.statusCode, 302)
  const code = new URL(login.headers.location as string).searchParams.get('code')!
  const session = await app.inject({ method: 'POST', url: '/koodrive/ose/v1/session', payload: { code } })
  t.equal(session.json().data.userInfo.role, '0')
  t.equal(session.json().data.userInfo.orgName, 'Boot Org')
  t.equal(session.json().data.userInfo.userCount, 1)
  const zy = await app.inject({ method: 'POST', url: '/user/login', payload: { name: 'bootzy', password: 'boot zy passphrase' } })
  t.equal(zy.statusCode, 200)
  const users = await app.inject({ method: 'GET', url: '/user', headers: { 'x-access-token': zy.json().data.token } })
  t.equal(users.statusCode, 200, 'the bootstrap user is an administrator')
  t.same(users.json().data.map((u: { name: string }) => u.name), ['bootzy'])
})
