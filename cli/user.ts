// `lineage-gateway user …`: SQLFlow users for generateToken. Uses the same store/users file as the
// server for the same environment (REDIS_URL, USERS_FILE). The secret key is printed once.
import { parseArgs } from 'node:util'
import { loadConfig } from '../config.js'
import { createStore } from '../plugins/app/store/index.js'
import { createUserRepo } from '../plugins/app/users.js'
import { UserError, UsersService } from '../services/users.js'

const HELP = `usage:
  lineage-gateway user create <userId>      create a user; prints its secret key once
  lineage-gateway user rotate-key <userId>  new secret key; the old one stops working
  lineage-gateway user delete <userId>
  lineage-gateway user list

Users live in Redis when REDIS_URL is set, otherwise in USERS_FILE (default data/users.json,
relative to the current directory): run this where you run the server, with the same environment.
`

function printKey (userId: string, secretKey: string, host: string, port: number): void {
  const hostPart = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host
  process.stdout.write(`userId:    ${userId}\nsecretKey: ${secretKey}\n\n` +
    'The secret key is shown only now; only its scrypt hash is stored. Get a 24 h token with:\n' +
    `  curl -s -X POST http://${hostPart}:${port}/gspLive_backend/user/generateToken --data-urlencode 'userId=${userId}' --data-urlencode 'secretKey=${secretKey}'\n`)
}

export async function run (args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } })
  const [action, userId] = positionals
  if (values.help === true || action === undefined) {
    process.stdout.write(HELP)
    return values.help === true ? 0 : 2
  }
  const needsId = action !== 'list'
  if (!['create', 'rotate-key', 'delete', 'list'].includes(action) || (needsId && userId === undefined)) {
    process.stderr.write(HELP)
    return 2
  }
  const config = loadConfig()
  const store = createStore(config)
  try {
    const users = new UsersService(createUserRepo(config, store))
    switch (action) {
      case 'create': printKey(userId!, await users.create(userId!), config.host, config.port); return 0
      case 'rotate-key': printKey(userId!, await users.rotateKey(userId!), config.host, config.port); return 0
      case 'delete':
        if (await users.delete(userId!)) { process.stdout.write(`deleted ${userId}\n`); return 0 }
        process.stderr.write(`no such user: ${userId}\n`)
        return 1
      default:
        for (const id of await users.list()) process.stdout.write(id + '\n')
        return 0
    }
  } catch (err) {
    if (err instanceof UserError) {
      process.stderr.write(`lineage-gateway: ${err.message}\n`)
      return 1
    }
    throw err
  } finally {
    await store.close()
  }
}
