// SQLFlow wire shapes common to every endpoint (spec §1.2–§1.4).
import { Type, type TObject, type TProperties, type TSchema } from 'typebox'

/** Strings only: SQLFlow parameters arrive as form/query text. Typed reads go through SqlflowParams. */
export const SqlflowString = (description: string, extra: { maxLength?: number, default?: string } = {}) =>
  Type.String({ description, maxLength: extra.maxLength ?? 4096, ...(extra.default !== undefined ? { default: extra.default } : {}) })

/** Booleans: `true/false/True/False/1/0/yes/no/on/off`, any case; empty = default. */
export const SqlflowBool = (description: string, def: boolean) =>
  Type.String({ description: `${description} (boolean: true/false/1/0/yes/no/on/off, any case; empty = ${String(def)})`, maxLength: 16, default: String(def) })

/** Common auth fields (§1.3). The token may instead come in `Authorization: Token <t>`. */
export const SqlflowAuthFields = {
  userId: Type.Optional(SqlflowString('SQLFlow user id; on-prem: gudu|0123456789', { maxLength: 128 })),
  token: Type.Optional(SqlflowString('token from /user/generateToken (or header Authorization: Token <t>)', { maxLength: 2048 })),
}

/**
 * The parameter schema of a SQLFlow endpoint: auth fields + the given ones. Unknown parameters are
 * tolerated (clients send extras such as `Request-Origion` fields and `filename`).
 */
export function SqlflowParamsSchema<P extends TProperties> (fields: P): TObject {
  return Type.Object({ ...SqlflowAuthFields, ...fields }, { additionalProperties: true })
}

/** `{code, data, error?, sessionId?}` with HTTP 200 (§1.4). `error` is omitted on plain success. */
export function SqlflowEnvelope<D extends TSchema> (data: D, extra: TProperties = {}) {
  return Type.Object({
    code: Type.Integer({ description: '200 success, 203 success with analysis errors, otherwise failure (401 user, 403 token, 400 bad input, 413 too large)' }),
    data: Type.Optional(data),
    error: Type.Optional(Type.String({ description: 'present only on failure or partial success' })),
    ...extra,
  }, { additionalProperties: true })
}

/** The failure body every SQLFlow route may answer with (HTTP 200). */
export const SqlflowFailure = Type.Object({ code: Type.Integer(), error: Type.String() })

/** generateToken's special shape: `code` is the string "200" and `token` is top level (§2.1). */
export const GenerateTokenResponse = Type.Object({
  code: Type.String({ description: '"200" on success, e.g. "401" on bad credentials' }),
  token: Type.Optional(Type.String()),
  error: Type.Optional(Type.String()),
})
