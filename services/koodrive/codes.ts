// One-time authorization codes (RFC 6749 §4.1.2, RFC 7636, RFC 9700).
// kd:code:<h>  the live code (TTL 60 s), consumed with getDel so exactly one redeemer wins;
// kd:seen:<h>  written at issue time and kept for the session hard cap, so a second presentation is
//              recognised as a replay (not merely "unknown") even when it races the first one;
// kd:revoked:<h> set on replay: every session whose family is <h> is dead from then on.
// <h> is the SHA-256 of the code: the code itself is never stored or logged.
import type { KvStore } from '../ports.js'
import { KoodriveError } from './errors.js'
import { randomUrlToken, safeEqual, sha256B64Url, sha256Hex } from './secrets.js'

export interface CodeRecord { userId: string, domain: string, challenge?: string }

export interface CodeSettings { codeTtlSeconds: number, replayWindowSeconds: number }

/** An S256 PKCE challenge: base64url of a SHA-256 digest (request shapes live in schemas/koodrive.ts). */
export const CHALLENGE_SHAPE = /^[A-Za-z0-9_-]{43}$/

export interface Redeemed { userId: string, family: string }

export class CodeService {
  constructor (private readonly store: KvStore, private readonly settings: CodeSettings) {}

  /** Mint a code for a user and the domain (client) it is issued to; challenge is an S256 PKCE challenge. */
  async issue (rec: CodeRecord): Promise<string> {
    if (rec.challenge !== undefined && !CHALLENGE_SHAPE.test(rec.challenge)) throw new RangeError('code_challenge must be a base64url S256 digest')
    const code = randomUrlToken(32)
    const h = sha256Hex(code)
    await this.store.set(`kd:seen:${h}`, '1', this.settings.replayWindowSeconds)
    await this.store.setJson(`kd:code:${h}`, rec, this.settings.codeTtlSeconds)
    return code
  }

  /** Consume a code. Every failure is the same KoodriveError('invalid_grant'); `reason` is for logs only. */
  async redeem (code: string, domain: string | undefined, verifier: string | undefined): Promise<Redeemed> {
    const h = sha256Hex(code)
    const raw = await this.store.getDel(`kd:code:${h}`)
    if (raw === null) {
      if (await this.store.get(`kd:seen:${h}`) !== null) {
        // Replay (or expiry): deny, and revoke whatever the first redemption produced (§4.1.2).
        await this.store.set(`kd:revoked:${h}`, '1', this.settings.replayWindowSeconds)
        throw new KoodriveError('invalid_grant', 'code replayed or expired; sessions issued from it revoked')
      }
      throw new KoodriveError('invalid_grant', 'unknown code')
    }
    const rec = JSON.parse(raw) as CodeRecord
    if (domain !== undefined && domain !== rec.domain) throw new KoodriveError('invalid_grant', 'domain mismatch')
    checkPkce(rec.challenge, verifier)
    return { userId: rec.userId, family: h }
  }

  async isRevoked (family: string): Promise<boolean> {
    return (await this.store.get(`kd:revoked:${family}`)) !== null
  }
}

function checkPkce (challenge: string | undefined, verifier: string | undefined): void {
  if (challenge === undefined) {
    // RFC 9700: a verifier for a code issued without a challenge is an injection attempt.
    if (verifier !== undefined) throw new KoodriveError('invalid_grant', 'code_verifier sent for a code without challenge')
    return
  }
  if (verifier === undefined) throw new KoodriveError('invalid_grant', 'code_verifier missing')
  if (!safeEqual(sha256B64Url(verifier), challenge)) throw new KoodriveError('invalid_grant', 'code_verifier mismatch')
}
