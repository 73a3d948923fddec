// Shared setup for the Koodrive route tests: an app on a given store, users and codes minted through
// the same services the admin CLI uses (a second KoodriveService on the app's store).
import type { Test } from 'tap'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { KvStore } from '../../../services/ports.js'
import type { AppConfig } from '../../../config.js'
import { KoodriveService } from '../../../services/koodrive/index.js'
import { koodriveSettings } from '../../../plugins/app/koodrive-auth.js'
import { buildApp } from '../../helpers/build-app.js'

export const DOMAIN = 'kdconsole.example.com:8080'
export const OTHER_DOMAIN = 'localhost:8080'
process.env.KOODRIVE_CLIENTS = `${DOMAIN}=https://kdconsole.example.com:8080/cb,${OTHER_DOMAIN}=http://localhost:8080/callback`

export const SESSION = '/koodrive/ose/v1/session'
export const PASSWORD = 'correct horse battery staple'
// Cheaper scrypt for fixtures only (the stored hash carries its cost, so the app verifies it as-is).
const FAST = { log2N: 12, r: 8, p: 1 }

export interface Kd { app: FastifyInstance, kd: KoodriveService, store: KvStore }

export async function koodriveApp (t: Test, store: KvStore, overrides: Partial<AppConfig> = {}): Promise<Kd> {
  const app = await buildApp(t, overrides, { store })
  return { app, kd: new KoodriveService(store, { ...koodriveSettings(), scryptCost: FAST }), store }
}

let seq = 0
export async function newUser (kd: KoodriveService, role: '0' | '1' | '2' = '1', orgName = 'Acme'): Promise<string> {
  const userName = `user${process.pid}_${seq++}_${Math.random().toString(36).slice(2, 8)}`
  await kd.directory.createUser({ orgName, userName, password: PASSWORD, role })
  return userName
}

export function createSession (app: FastifyInstance, body: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: `${SESSION}/`, payload: body as object, headers })
}

/** A user, a code for DOMAIN, redeemed: the token and session id. */
export async function login (k: Kd, role: '0' | '1' | '2' = '1'): Promise<{ token: string, sessionId: string, userName: string }> {
  const userName = await newUser(k.kd, role)
  const code = await k.kd.mintCode(userName, DOMAIN)
  const res = await createSession(k.app, { code, domain: DOMAIN })
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`)
  const data = res.json().data as { accessToken: string, sessionId: string }
  return { token: data.accessToken, sessionId: data.sessionId, userName }
}

export const INVALID_GRANT = { code: 11000001, msg: 'The authorization code is invalid or has expired.' }
export const INVALID_REQUEST = { code: 10000001, msg: 'Invalid request parameters.' }
export const INVALID_TOKEN = { code: 11000002, msg: 'The access token is invalid or has expired.' }
