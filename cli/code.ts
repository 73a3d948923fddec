// `lineage-gateway koodrive-code <userName> --domain <host[:port]> [--challenge <S256>]`: mint a
// one-time Koodrive authorization code (60 s) for scripts and tests, as the login page would.
// Codes live in the shared store, so this needs REDIS_URL (the embedded store is inside the server).
import { parseArgs } from 'node:util'
import { loadConfig } from '../config.js'
import { createStore } from '../plugins/app/store/index.js'
import { koodriveSettings } from '../plugins/app/koodrive-auth.js'
import { KoodriveService } from '../services/koodrive/index.js'
import type { KvStore } from '../services/ports.js'

const HELP = `usage:
  lineage-gateway koodrive-code <userName> --domain <host[:port]> [--challenge <base64url S256>]

Prints a one-time authorization code for the user, valid 60 s, bound to the domain (an entry of
KOODRIVE_CLIENTS) and to the PKCE challenge when given. Exchange it with
  curl -s -X POST http://127.0.0.1:8081/koodrive/ose/v1/session -H 'content-type: application/json' -d '{"code":"<code>","domain":"<domain>"}'
Needs REDIS_URL: run it with the server's environment.
`

/** The testable core: mint on a given store. */
export async function mintCode (store: KvStore, userName: string, domain: string, challenge?: string): Promise<string> {
  return new KoodriveService(store, koodriveSettings()).mintCode(userName, domain, challenge)
}

export async function run (args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { domain: { type: 'string' }, challenge: { type: 'string' }, help: { type: 'boolean', short: 'h' } } })
  if (values.help === true) { process.stdout.write(HELP); return 0 }
  const [userName] = positionals
  if (userName === undefined || values.domain === undefined) { process.stderr.write(HELP); return 2 }
  const config = loadConfig()
  if (config.redisUrl === null) {
    process.stderr.write('lineage-gateway: koodrive-code needs REDIS_URL (without it the codes would live only in this command\'s memory)\n')
    return 1
  }
  const store = createStore(config)
  try {
    process.stdout.write(await mintCode(store, userName, values.domain, values.challenge) + '\n')
    return 0
  } catch (err) {
    if (err instanceof RangeError) { process.stderr.write(`lineage-gateway: ${err.message}\n`); return 1 }
    throw err
  } finally {
    await store.close()
  }
}
