// Secret material for both API families: random tokens, lookup hashes and password hashes.
// Tokens are high-entropy, so a single SHA-256 is a safe lookup key (no salt or stretching needed);
// passwords are low-entropy, so they get scrypt with a per-user salt in a PHC-style string.
import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto'

export const sha256Hex = (value: string): string => createHash('sha256').update(value).digest('hex')
export const sha256B64Url = (value: string): string => createHash('sha256').update(value).digest('base64url')
export const randomHex = (bytes: number): string => randomBytes(bytes).toString('hex')
export const randomUrlToken = (bytes: number): string => randomBytes(bytes).toString('base64url')

/** 18-digit decimal id, above 2^53 on purpose: every client must treat ids as strings. */
export function numericId (): string {
  let s = String(randomInt(1, 10))
  while (s.length < 18) s += String(randomInt(0, 10))
  return s
}

/** Constant-time string equality (lengths leak, contents do not). */
export function safeEqual (a: string, b: string): boolean {
  const ba = Buffer.from(a)
  const bb = Buffer.from(b)
  return ba.length === bb.length && timingSafeEqual(ba, bb)
}

export interface ScryptCost { log2N: number, r: number, p: number }
/** N=2^15, r=8, p=1: the OWASP-recommended floor for scrypt. */
export const DEFAULT_SCRYPT: ScryptCost = { log2N: 15, r: 8, p: 1 }

function derive (password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const N = 2 ** cost.log2N
  return new Promise((resolve, reject) => {
    scrypt(password, salt, 32, { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r }, (err, key) => {
      if (err) reject(err)
      else resolve(key)
    })
  })
}

/** `$scrypt$ln=15,r=8,p=1$<salt>$<key>` (base64url): the parameters travel with the hash. */
export async function hashPassword (password: string, cost: ScryptCost = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, cost)
  return `$scrypt$ln=${cost.log2N},r=${cost.r},p=${cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`
}

const PHC = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/

export async function verifyPassword (password: string, stored: string): Promise<boolean> {
  const m = PHC.exec(stored)
  if (m === null) return false
  const cost = { log2N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) }
  const expected = Buffer.from(m[5]!, 'base64url')
  const actual = await derive(password, Buffer.from(m[4]!, 'base64url'), cost)
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

// Verifying against this when the user does not exist keeps "no such user" and "wrong password"
// equally slow, so login timing does not reveal which user names exist.
let dummyHash: Promise<string> | undefined
export function dummyPasswordHash (): Promise<string> {
  dummyHash ??= hashPassword(randomUrlToken(16))
  return dummyHash
}
