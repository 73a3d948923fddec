// Shared bits of the Zetyun routes: the caller, form/JSON value normalisation, route defaults.
import type { FastifyRequest } from 'fastify'
import { ZetyunError, type ZyUser } from '../../services/zetyun/index.js'
import { ZyError } from '../../schemas/zetyun.js'

export const ZY_BODY_LIMIT = 16 * 1024
export const config = { family: 'zetyun' }
export const security = [{ accessToken: [] }]
export const errors = { 400: ZyError, 401: ZyError, 403: ZyError, 404: ZyError, 409: ZyError, 413: ZyError, 415: ZyError, 429: ZyError, 500: ZyError }

/** The authenticated Zetyun user (set by the X-Access-Token verifier). */
export function caller (request: FastifyRequest): ZyUser {
  return request.identity!.claims!.user as ZyUser
}

export const toInt = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number(v))

/** `a@x.com, b@y.com` (form) or an array (JSON); at most 20 valid addresses. */
export function emailList (v: string | string[] | undefined, field: string): string[] {
  const list = v === undefined ? [] : Array.isArray(v) ? v : v.split(',').map((s) => s.trim()).filter(Boolean)
  if (list.length > 20) throw new ZetyunError('validation', `${field}: at most 20 addresses`)
  const bad = list.filter((e) => e.length > 254 || !/^[^\s@<>",]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(e))
  if (bad.length > 0) throw new ZetyunError('validation', `${field}: invalid email address`)
  return list
}

/** `variable`: a JSON array, or (forms) its JSON text; any other text is kept as one literal entry. */
export function variableList (v: string | unknown[] | undefined): unknown[] {
  let list: unknown[]
  if (v === undefined || v === '') list = []
  else if (Array.isArray(v)) list = v
  else {
    let parsed: unknown
    try { parsed = JSON.parse(v) } catch { parsed = undefined }
    list = Array.isArray(parsed) ? parsed : [v]
  }
  if (list.length > 64) throw new ZetyunError('validation', 'variable: at most 64 entries')
  if (list.some((e) => Buffer.byteLength(JSON.stringify(e) ?? '') > 4096)) throw new ZetyunError('validation', 'variable: each entry at most 4 KiB')
  return list
}
