// Shared setup for the Zetyun route tests: an app on a given store and tenants/admins created the
// way the admin CLI does it (a second ZetyunService on the app's store).
import type { Test } from 'tap'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { KvStore } from '../../../services/ports.js'
import type { AppConfig } from '../../../config.js'
import { ZetyunService } from '../../../services/zetyun/index.js'
import { buildApp } from '../../helpers/build-app.js'

export const PASSWORD = 'a long passphrase 42'
const FAST = { log2N: 12, r: 8, p: 1 }

export interface Zy { app: FastifyInstance, zy: ZetyunService, store: KvStore }

export async function zetyunApp (t: Test, store: KvStore, overrides: Partial<AppConfig> = {}): Promise<Zy> {
  const app = await buildApp(t, overrides, { store })
  const zy = new ZetyunService(store, () => { throw new Error('the CLI service does not queue jobs') }, { maxActivePerUser: 10, slotTtlSeconds: 3600, scryptCost: FAST })
  return { app, zy, store }
}

let seq = 0
export const uniq = (p: string): string => `${p}${process.pid}x${seq++}${Math.random().toString(36).slice(2, 6)}`

/** A new tenant and its administrator; returns the admin's token. */
export async function newTenant (zy: ZetyunService): Promise<{ token: string, name: string }> {
  const name = uniq('admin')
  const { token } = await zy.users.createTenantAdmin({ name, email: `${name}@example.com`, password: PASSWORD })
  return { token, name }
}

export function call (app: FastifyInstance, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token: string | undefined, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  const h: Record<string, string> = { ...headers }
  if (token !== undefined) h['x-access-token'] = token
  return app.inject({ method, url, headers: h, ...(body === undefined ? {} : { payload: body as object }) })
}

export function formBody (pairs: Record<string, string>): { payload: string, headers: Record<string, string> } {
  return { payload: new URLSearchParams(pairs).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } }
}

export const UNAUTHORIZED = { code: 40101, msg: 'Missing or invalid access token.', data: null }
export const NOT_FOUND = { code: 40401, msg: 'Not found.', data: null }
