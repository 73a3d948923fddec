// SQLFlow users and their secret keys. Framework-free: depends on a UserRepo (KvStore-backed, or a
// file in embedded mode so the CLI and the server process share users). Only scrypt hashes of
// secret keys are stored; the key itself is returned once, at creation.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import type { KvStore } from './ports.js'

/** The on-prem anonymous user the official clients hard-code (spec §1.3). */
export const ANONYMOUS_USER_ID = 'gudu|0123456789'
/** Letters, digits and the punctuation real SQLFlow ids use (`gudu|0123456789`, emails). */
export const USER_ID_PATTERN = /^[A-Za-z0-9._@|+-]{1,128}$/

export interface UserRecord {
  userId: string
  /** `scrypt$<N>$<r>$<p>$<salt b64url>$<hash b64url>` */
  keyHash: string
  createdAt: string
}

export interface UserRepo {
  get(userId: string): Promise<UserRecord | null>
  /** false when the user already exists */
  create(rec: UserRecord): Promise<boolean>
  put(rec: UserRecord): Promise<void>
  delete(userId: string): Promise<boolean>
  list(): Promise<string[]>
}

export class KvUserRepo implements UserRepo {
  constructor (private readonly store: KvStore, private readonly prefix = 'sqlflow:user:') {}
  async get (userId: string): Promise<UserRecord | null> {
    return await this.store.getJson<UserRecord>(this.prefix + userId)
  }

  async create (rec: UserRecord): Promise<boolean> {
    return await this.store.setIfAbsent(this.prefix + rec.userId, JSON.stringify(rec))
  }

  async put (rec: UserRecord): Promise<void> {
    await this.store.setJson(this.prefix + rec.userId, rec)
  }

  async delete (userId: string): Promise<boolean> {
    return (await this.store.del(this.prefix + userId)) === 1
  }

  async list (): Promise<string[]> {
    return (await this.store.scanPrefix(this.prefix)).map((k) => k.slice(this.prefix.length)).sort()
  }
}

// N=2^15 (spec B.6). maxmem must exceed 128*N*r = 32 MiB, node's default cap.
const SCRYPT = { N: 32768, r: 8, p: 1, keylen: 32, maxmem: 64 * 1024 * 1024 }

function scrypt (secret: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(secret, salt, keylen, opts, (err, key) => { if (err !== null) reject(err); else resolve(key) })
  })
}

export async function hashSecret (secret: string): Promise<string> {
  const salt = randomBytes(16)
  const hash = await scrypt(secret, salt, SCRYPT.keylen, SCRYPT)
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), hash.toString('base64url')].join('$')
}

export async function verifySecret (secret: string, encoded: string): Promise<boolean> {
  const [alg, n, r, p, saltB64, hashB64] = encoded.split('$')
  if (alg !== 'scrypt' || saltB64 === undefined || hashB64 === undefined) return false
  const expected = Buffer.from(hashB64, 'base64url')
  const opts = { N: Number(n), r: Number(r), p: Number(p), maxmem: SCRYPT.maxmem }
  const actual = await scrypt(secret, Buffer.from(saltB64, 'base64url'), expected.length, opts)
  return timingSafeEqual(actual, expected)
}

// Verifying against this for unknown users keeps response time from revealing which ids exist.
let dummyHash: Promise<string> | undefined

export class UserError extends Error {
  constructor (readonly reason: 'invalid' | 'exists' | 'missing', message: string) { super(message) }
}

export class UsersService {
  constructor (private readonly repo: UserRepo) {}

  /** Creates the user and returns its secret key: the only time the key exists in clear. */
  async create (userId: string): Promise<string> {
    assertUserId(userId)
    const secretKey = randomBytes(32).toString('base64url')
    const rec = { userId, keyHash: await hashSecret(secretKey), createdAt: new Date().toISOString() }
    if (!await this.repo.create(rec)) throw new UserError('exists', `user ${userId} already exists`)
    return secretKey
  }

  /** New secret key for an existing user; the old key stops working at once. */
  async rotateKey (userId: string): Promise<string> {
    const rec = await this.repo.get(userId)
    if (rec === null) throw new UserError('missing', `user ${userId} does not exist`)
    const secretKey = randomBytes(32).toString('base64url')
    await this.repo.put({ ...rec, keyHash: await hashSecret(secretKey) })
    return secretKey
  }

  async exists (userId: string): Promise<boolean> {
    return USER_ID_PATTERN.test(userId) && (await this.repo.get(userId)) !== null
  }

  /** Constant-time secret check; false for unknown users after the same amount of work. */
  async verify (userId: string, secretKey: string): Promise<boolean> {
    const rec = USER_ID_PATTERN.test(userId) ? await this.repo.get(userId) : null
    if (rec === null) {
      dummyHash ??= hashSecret(randomBytes(32).toString('base64url'))
      await verifySecret(secretKey, await dummyHash)
      return false
    }
    return await verifySecret(secretKey, rec.keyHash)
  }

  async delete (userId: string): Promise<boolean> {
    return await this.repo.delete(userId)
  }

  async list (): Promise<string[]> {
    return await this.repo.list()
  }
}

export function assertUserId (userId: string): void {
  if (!USER_ID_PATTERN.test(userId)) {
    throw new UserError('invalid', 'userId must be 1-128 characters of letters, digits and . _ @ | + -')
  }
}
