// Envelopes shared by every family. TypeBox: one definition gives validation, types and OpenAPI.
import { Type, type Static } from 'typebox'

/** Default error body (routes without a family): `{code: <http status>, error}` */
export const ErrorEnvelope = Type.Object({
  code: Type.Integer({ description: 'HTTP status of the failure' }),
  error: Type.String(),
}, { $id: 'ErrorEnvelope' })
export type ErrorEnvelope = Static<typeof ErrorEnvelope>

export const HealthResponse = Type.Object({
  status: Type.Literal('ok'),
  uptimeSeconds: Type.Number(),
})

export const ReadyResponse = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('unavailable')]),
  store: Type.Union([Type.Literal('memory'), Type.Literal('redis')]),
  storeOk: Type.Boolean(),
})
