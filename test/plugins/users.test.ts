// Users and secret keys: scrypt hashes only, the embedded users file shared with the CLI, and the
// CLI → generateToken path the README documents.
import t from 'tap'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { buildApp, form } from '../helpers/build-app.js'
import { FileUserRepo } from '../../services/user-file-repo.js'
import { hashSecret, UsersService, verifySecret } from '../../services/users.js'
import { projectRoot } from '../../plugins/app/paths.js'

const run = promisify(execFile)

async function tempDir (t: { teardown(fn: () => unknown): void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lineage-users-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  return dir
}

t.test('scrypt hashing', async (t) => {
  const a = await hashSecret('k1')
  const b = await hashSecret('k1')
  t.match(a, /^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/)
  t.not(a, b, 'salted: same key, different hashes')
  t.equal(await verifySecret('k1', a), true)
  t.equal(await verifySecret('k2', a), false)
  t.equal(await verifySecret('k1', 'md5$abc'), false)
})

t.test('file repository', async (t) => {
  const path = join(await tempDir(t), 'sub', 'users.json')
  const users = new UsersService(new FileUserRepo(path))
  const key = await users.create('eve@example.com')
  t.equal((await stat(path)).mode & 0o777, 0o600, 'users file is private')
  const text = await readFile(path, 'utf8')
  t.notMatch(text, key, 'the secret key is not stored')
  t.equal(await users.verify('eve@example.com', key), true)
  await t.rejects(users.create('eve@example.com'), { reason: 'exists', message: 'user eve@example.com already exists' })
  await t.rejects(users.create('bad user'), { reason: 'invalid', message: /^userId must be/ })
  const key2 = await users.create('__proto__')
  t.equal(await users.verify('__proto__', key2), true, '__proto__ is just a name')
  const other = new UsersService(new FileUserRepo(path))
  t.same(await other.list(), ['__proto__', 'eve@example.com'], 'another process sees the same users')
  t.equal(await other.delete('eve@example.com'), true)
  t.equal(await users.exists('eve@example.com'), false, 'changes on disk are picked up')
  t.equal(await users.verify('constructor', 'x'), false)
})

t.test('CLI user create → generateToken on the server', async (t) => {
  const dir = await tempDir(t)
  const usersFile = join(dir, 'users.json')
  const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', join(projectRoot(), 'cli', 'index.ts'), ...args], {
    cwd: projectRoot(), env: { ...process.env, USERS_FILE: usersFile, REDIS_URL: '' },
  })
  const created = await cli('user', 'create', 'frank')
  const key = /secretKey: (\S+)/.exec(created.stdout)?.[1]
  t.ok(key !== undefined && key.length >= 40, 'secret key printed once')
  t.match(created.stdout, /curl .*generateToken/, 'prints the next step')
  await t.rejects(cli('user', 'create', 'frank'), { code: 1, stderr: /already exists/ })
  await t.rejects(cli('bogus'), { code: 2, stderr: /unknown command/ })

  const app = await buildApp(t, { authMode: 'cloud', usersFile })
  const res = await app.inject({ method: 'POST', url: '/gspLive_backend/user/generateToken', ...form({ userId: 'frank', secretKey: key! }) })
  t.equal(res.json().code, '200')
  const token = res.json().token
  const version = await app.inject({ method: 'POST', url: '/gspLive_backend/version', ...form({ userId: 'frank', token }) })
  t.equal(version.json().code, 200)

  const rotated = /secretKey: (\S+)/.exec((await cli('user', 'rotate-key', 'frank')).stdout)?.[1]
  t.not(rotated, key)
  const old = await app.inject({ method: 'POST', url: '/gspLive_backend/user/generateToken', ...form({ userId: 'frank', secretKey: key! }) })
  t.equal(old.json().code, '401', 'the server sees the rotation without restart')
})
