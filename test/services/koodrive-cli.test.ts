// The admin commands' cores on the real Redis (prefixed): a user and a code minted by the CLI are
// redeemed by the server; a Zetyun admin token from the CLI works against the API. Also the
// framework-free guarantees: tokens and codes are stored only as hashes.
import t from 'tap'
import { mintCode } from '../../cli/code.js'
import { createKoodriveUser, createZetyunAdmin } from '../../cli/identities.js'
import { buildApp } from '../helpers/build-app.js'
import { onEachStore } from '../routes/koodrive/stores.js'

process.env.KOODRIVE_CLIENTS = 'cli.example.com:8443=https://cli.example.com:8443/cb'

onEachStore(t, 'kd-cli', async (t, store) => {
  const app = await buildApp(t, {}, { store })
  const userName = `cli${Date.now()}${Math.random().toString(36).slice(2, 6)}`
  const userId = await createKoodriveUser(store, userName, 'CliOrg', '0', 'cli passphrase 123')
  t.match(userId, /^[1-9][0-9]{17}$/)
  await t.rejects(mintCode(store, userName, 'not-allowed.example.com'), RangeError)
  await t.rejects(mintCode(store, 'nobody-here', 'cli.example.com:8443'), RangeError)
  const code = await mintCode(store, userName, 'cli.example.com:8443')
  t.match(code, /^[A-Za-z0-9_-]{43}$/)
  const res = await app.inject({ method: 'POST', url: '/koodrive/ose/v1/session', payload: { code, domain: 'cli.example.com:8443' } })
  t.equal(res.statusCode, 200)
  t.equal(res.json().data.userId, userId)
  const token = res.json().data.accessToken.slice(7)

  const adminName = `zcli${Date.now()}${Math.random().toString(36).slice(2, 6)}`
  const adminToken = await createZetyunAdmin(store, adminName, `${adminName}@example.com`, 'cli passphrase 456')
  t.equal((await app.inject({ method: 'GET', url: '/user', headers: { 'x-access-token': adminToken } })).statusCode, 200)

  // Nothing in the store holds a raw token, code or password.
  const everything: string[] = []
  for (const key of await store.scanPrefix('')) {
    everything.push(key)
    const v = await store.get(key).catch(async () => JSON.stringify(await store.hgetall(key)))
    if (v !== null) everything.push(v)
  }
  const dump = everything.join('\n')
  t.ok(dump.length > 0)
  for (const secret of [code, token, adminToken, 'cli passphrase 123', 'cli passphrase 456']) t.notOk(dump.includes(secret), `${secret.slice(0, 5)}… not stored`)
})
