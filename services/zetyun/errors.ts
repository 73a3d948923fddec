// Zetyun error kinds → HTTP status + business code (spec §B.7). Success is always HTTP 200 {code:0,data}.
export type ZyErrorKind =
  | 'validation' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict'
  | 'too_large' | 'unsupported_media' | 'rate_limited' | 'internal'

export const ZY_ERRORS: Readonly<Record<ZyErrorKind, { status: number, code: number, msg: string }>> = {
  validation: { status: 400, code: 40001, msg: 'Invalid request parameters.' },
  unauthorized: { status: 401, code: 40101, msg: 'Missing or invalid access token.' },
  forbidden: { status: 403, code: 40301, msg: 'Your role is not allowed to do this.' },
  not_found: { status: 404, code: 40401, msg: 'Not found.' },
  conflict: { status: 409, code: 40901, msg: 'Conflict.' },
  too_large: { status: 413, code: 41301, msg: 'The request body is too large.' },
  unsupported_media: { status: 415, code: 41501, msg: 'The Content-Type must be application/x-www-form-urlencoded or application/json.' },
  rate_limited: { status: 429, code: 42901, msg: 'Too many requests. Try again later.' },
  internal: { status: 500, code: 50001, msg: 'Internal server error.' },
}

/** `ZY_<kind>`: the machine code the shared error handler passes to the Zetyun formatter. */
export function kindOfZyCode (code: unknown): ZyErrorKind | undefined {
  if (typeof code !== 'string' || !code.startsWith('ZY_')) return undefined
  const kind = code.slice(3)
  return kind in ZY_ERRORS ? kind as ZyErrorKind : undefined
}

export class ZetyunError extends Error {
  readonly statusCode: number
  readonly code: string

  /** `message` is sent to the client: keep it free of secrets and internal detail. */
  constructor (readonly kind: ZyErrorKind, message: string = ZY_ERRORS[kind].msg) {
    super(message)
    this.statusCode = ZY_ERRORS[kind].status
    this.code = `ZY_${kind}`
  }
}

export const notFound = (): ZetyunError => new ZetyunError('not_found')
