// Koodrive error kinds → HTTP status + 8-digit business code (spec §A.4) and localized messages.
// Every bad authorization code maps to the single kind 'invalid_grant': the real reason is logged
// server-side only, so the answer is no oracle for an attacker.

export type KdErrorKind =
  | 'invalid_request' | 'invalid_grant' | 'invalid_token' | 'forbidden' | 'not_found'
  | 'too_large' | 'unsupported_media' | 'rate_limited' | 'internal'

export const KD_ERRORS: Readonly<Record<KdErrorKind, { status: number, code: number }>> = {
  invalid_request: { status: 400, code: 10000001 },
  invalid_grant: { status: 400, code: 11000001 },
  invalid_token: { status: 401, code: 11000002 },
  forbidden: { status: 403, code: 11000003 },
  not_found: { status: 404, code: 19000404 },
  too_large: { status: 413, code: 19000413 },
  unsupported_media: { status: 415, code: 19000415 },
  rate_limited: { status: 429, code: 19000429 },
  internal: { status: 500, code: 19000500 },
}

export type KdLanguage = 'en-US' | 'zh-CN'

const MESSAGES: Readonly<Record<KdErrorKind | 'success', Record<KdLanguage, string>>> = {
  success: { 'en-US': 'Successful', 'zh-CN': '成功' },
  invalid_request: { 'en-US': 'Invalid request parameters.', 'zh-CN': '请求参数无效。' },
  invalid_grant: { 'en-US': 'The authorization code is invalid or has expired.', 'zh-CN': '授权码无效或已过期。' },
  invalid_token: { 'en-US': 'The access token is invalid or has expired.', 'zh-CN': '访问令牌无效或已过期。' },
  forbidden: { 'en-US': 'The operation is not allowed for this role.', 'zh-CN': '当前角色无权执行此操作。' },
  not_found: { 'en-US': 'The resource does not exist.', 'zh-CN': '资源不存在。' },
  too_large: { 'en-US': 'The request body is too large.', 'zh-CN': '请求体过大。' },
  unsupported_media: { 'en-US': 'The Content-Type must be application/json.', 'zh-CN': 'Content-Type 必须为 application/json。' },
  rate_limited: { 'en-US': 'Too many requests. Try again later.', 'zh-CN': '请求过于频繁，请稍后再试。' },
  internal: { 'en-US': 'Internal server error.', 'zh-CN': '服务器内部错误。' },
}

/** `language` header: zh-CN (any case, also bare "zh") gets Chinese; anything else en-US. */
export function parseLanguage (header: unknown): KdLanguage {
  return typeof header === 'string' && /^zh(-cn)?$/i.test(header.trim()) ? 'zh-CN' : 'en-US'
}

export function kdMessage (kind: KdErrorKind | 'success', lang: KdLanguage): string {
  return MESSAGES[kind][lang]
}

/** `KD_<kind>`: the machine code the shared error handler passes to the Koodrive formatter. */
export const kdCode = (kind: KdErrorKind): string => `KD_${kind}`

export function kindOfCode (code: unknown): KdErrorKind | undefined {
  if (typeof code !== 'string' || !code.startsWith('KD_')) return undefined
  const kind = code.slice(3)
  return kind in KD_ERRORS ? kind as KdErrorKind : undefined
}

/**
 * `message` is the server-side reason (it goes to the log); the client only ever sees the
 * localized message of `kind`, so every bad code gets the identical answer.
 */
export class KoodriveError extends Error {
  readonly statusCode: number
  readonly code: string

  constructor (readonly kind: KdErrorKind, reason: string = kind) {
    super(reason)
    this.statusCode = KD_ERRORS[kind].status
    this.code = kdCode(kind)
  }
}
