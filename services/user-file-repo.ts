// Embedded mode keeps users in a small JSON file so `lineage-gateway user create` (one process) and
// the server (another) agree without Redis. The server re-reads it when its mtime changes.
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { UserRecord, UserRepo } from './users.js'

type UserFile = Record<string, UserRecord>

export class FileUserRepo implements UserRepo {
  private cache: { mtimeMs: number, users: UserFile } | undefined

  constructor (readonly path: string) {}

  private async load (): Promise<UserFile> {
    let mtimeMs: number
    try {
      mtimeMs = (await stat(this.path)).mtimeMs
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {}
      throw err
    }
    if (this.cache?.mtimeMs === mtimeMs) return this.cache.users
    const parsed = JSON.parse(await readFile(this.path, 'utf8')) as { users?: UserFile }
    const users = copy(parsed.users ?? {})
    this.cache = { mtimeMs, users }
    return users
  }

  private async save (users: UserFile): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true })
    // write-then-rename: a reader never sees a half-written file
    const tmp = `${this.path}.${process.pid}.tmp`
    await writeFile(tmp, JSON.stringify({ users }, null, 2) + '\n', { mode: 0o600 })
    await rename(tmp, this.path)
    this.cache = undefined
  }

  async get (userId: string): Promise<UserRecord | null> {
    const users = await this.load()
    return Object.hasOwn(users, userId) ? users[userId] ?? null : null
  }

  async create (rec: UserRecord): Promise<boolean> {
    const users = copy(await this.load())
    if (Object.hasOwn(users, rec.userId)) return false
    users[rec.userId] = rec
    await this.save(users)
    return true
  }

  async put (rec: UserRecord): Promise<void> {
    const users = copy(await this.load())
    users[rec.userId] = rec
    await this.save(users)
  }

  async delete (userId: string): Promise<boolean> {
    const users = copy(await this.load())
    if (!Object.hasOwn(users, userId)) return false
    delete users[userId]
    await this.save(users)
    return true
  }

  async list (): Promise<string[]> {
    return Object.keys(await this.load()).sort()
  }
}

/** Null-prototype copy: a userId such as `__proto__` stays plain data. */
function copy (users: UserFile): UserFile {
  return Object.assign(Object.create(null) as UserFile, users)
}
