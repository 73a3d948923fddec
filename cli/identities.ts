// Identity bootstrap for the Koodrive and Zetyun APIs (needs REDIS_URL, like the server's store):
//   lineage-gateway koodrive-user <userName> --org <organisation> [--role 0|1|2]
//   lineage-gateway zetyun-admin <name> --email <address>
// The password comes from LG_PASSWORD or is generated and printed once; a Zetyun admin's
// X-Access-Token is printed once. Only scrypt hashes and token hashes are stored.
import { parseArgs } from 'node:util'
import { randomBytes } from 'node:crypto'
import { loadConfig } from '../config.js'
import { createStore } from '../plugins/app/store/index.js'
import { koodriveSettings } from '../plugins/app/koodrive-auth.js'
import { DuplicateError, KoodriveService, type KdRole } from '../services/koodrive/index.js'
import { ZetyunService, ZetyunError } from '../services/zetyun/index.js'
import type { KvStore } from '../services/ports.js'

const HELP = `usage:
  lineage-gateway koodrive-user <userName> --org <organisation> [--role 0|1|2]
  lineage-gateway zetyun-admin <name> --email <address>

koodrive-user: a tenant user of the built-in login page (role 0 administrator, 1 user, 2 super admin).
zetyun-admin:  a new Zetyun tenant and its administrator; prints its X-Access-Token once.
The password is LG_PASSWORD when set (8..128 characters), otherwise generated and printed once.
Both need REDIS_URL: run them with the server's environment.
`

export async function createKoodriveUser (store: KvStore, userName: string, orgName: string, role: KdRole, password: string): Promise<string> {
  const user = await new KoodriveService(store, koodriveSettings()).directory.createUser({ orgName, userName, password, role })
  return user.userId
}

export async function createZetyunAdmin (store: KvStore, name: string, email: string, password: string): Promise<string> {
  const zy = new ZetyunService(store, () => { throw new Error('the CLI does not run jobs') })
  return (await zy.users.createTenantAdmin({ name, email, password })).token
}

export async function run (args: string[], kind: 'koodrive-user' | 'zetyun-admin'): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { org: { type: 'string' }, role: { type: 'string' }, email: { type: 'string' }, help: { type: 'boolean', short: 'h' } } })
  if (values.help === true) { process.stdout.write(HELP); return 0 }
  const [name] = positionals
  const role = values.role ?? '1'
  const missing = kind === 'koodrive-user' ? values.org === undefined || !['0', '1', '2'].includes(role) : values.email === undefined
  if (name === undefined || missing) { process.stderr.write(HELP); return 2 }
  const config = loadConfig()
  if (config.redisUrl === null) { process.stderr.write(`lineage-gateway: ${kind} needs REDIS_URL\n`); return 1 }
  const generated = process.env.LG_PASSWORD === undefined || process.env.LG_PASSWORD === ''
  const password = generated ? randomBytes(18).toString('base64url') : process.env.LG_PASSWORD!
  const store = createStore(config)
  try {
    if (kind === 'koodrive-user') {
      const userId = await createKoodriveUser(store, name, values.org!, role as KdRole, password)
      process.stdout.write(`userName: ${name}\nuserId:   ${userId}\n`)
    } else {
      const token = await createZetyunAdmin(store, name, values.email!, password)
      process.stdout.write(`name:           ${name}\nX-Access-Token: ${token}\n(shown only now; rotate with POST /user/gentoken)\n`)
    }
    if (generated) process.stdout.write(`password:       ${password}\n(shown only now)\n`)
    return 0
  } catch (err) {
    if (err instanceof RangeError || err instanceof ZetyunError || err instanceof DuplicateError) {
      process.stderr.write(`lineage-gateway: ${(err as Error).message}\n`)
      return 1
    }
    throw err
  } finally {
    await store.close()
  }
}
