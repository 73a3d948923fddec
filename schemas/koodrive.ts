// Koodrive OSE session API (spec §A.3): request/response schemas, examples for the OpenAPI document.
import { Type, type Static } from 'typebox'

const HEX48 = 'b7c2f0a4d19e4c5a8f3e2d1c0b9a8f7e6d5c4b3a29180716'
const SID = '3f9c2b1a8e7d6c5b4a39281706f5e4d3'
const TRACE = 'Xk3tr4ce_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLM' // 58 characters

export const KdHeaders = Type.Object({
  'x-traceid': Type.Optional(Type.String({ maxLength: 512, description: '58 characters [A-Za-z0-9_]; echoed in the response header and logs. Anything else is ignored and a new id is minted.', examples: [TRACE] })),
  language: Type.Optional(Type.String({ maxLength: 64, description: 'en-US (default) or zh-CN; changes `msg` only', examples: ['zh-CN'] })),
})

export const CreateSessionBody = Type.Object({
  code: Type.String({ minLength: 16, maxLength: 512, pattern: '^[A-Za-z0-9._~-]+$', description: 'one-time authorization code (60 s, single use)' }),
  domain: Type.Optional(Type.String({ minLength: 1, maxLength: 260, pattern: '^[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?$', description: 'front-end host[:port] the code was issued for' })),
  code_verifier: Type.Optional(Type.String({ minLength: 43, maxLength: 128, pattern: '^[A-Za-z0-9._~-]+$', description: 'RFC 7636 verifier; required iff the code was issued with a code_challenge' })),
}, { examples: [{ code: 'Rk9xY2hJd1ZkT0pQbm5aQ3Z0bWZrY0RqR0JpS3JtWQ', domain: 'kdconsole.example.com:8080' }] })
export type CreateSessionBody = Static<typeof CreateSessionBody>

const Id = (description: string, example: string) => Type.String({ description: `${description} (always a string: ids exceed 2^53)`, examples: [example] })

const userInfoFields = {
  userName: Type.String({ examples: ['alice'] }),
  innerUserId: Id('inner user id', '369528171409614001'),
  userId: Id('user id', '369528171409614002'),
  tenantId: Id('tenant id', '369528171409614003'),
  orgId: Id('organisation id', '369528171409614004'),
  orgName: Type.String({ examples: ['Example Org'] }),
  userCount: Type.Integer({ description: 'users in the tenant' }),
  deptId: Id('department id', '1395496464656556464'),
}

export const KdRoleString = Type.Union([Type.Literal('0'), Type.Literal('1'), Type.Literal('2')], { description: '0 common administrator, 1 common user, 2 super administrator (not ordered by privilege)' })

export const UserInfo = Type.Object({
  role: KdRoleString,
  ...userInfoFields,
  xHwSchema: Type.String({ description: 'opaque per-tenant alias (never the internal schema name)', examples: ['ts_5f3a9c2e11d04b7a'] }),
})

export const OrgUserInfo = Type.Object({
  role: Type.Integer({ description: '0, 1 or 2 (a number here, as in the vendor docs)' }),
  ...userInfoFields,
})

export const CreateSessionResponse = Type.Object({
  code: Type.Literal(0),
  msg: Type.String({ examples: ['Successful'] }),
  data: Type.Object({
    accessToken: Type.String({ pattern: '^Bearer [0-9a-f]{48}$', examples: [`Bearer ${HEX48}`] }),
    sessionId: Type.String({ examples: [SID] }),
    userId: Id('user id', '369528171409614002'),
    userInfo: UserInfo,
  }),
})

export const RefreshHeaders = Type.Object({
  'x-session-id': Type.Optional(Type.String({ maxLength: 128, description: 'the sessionId returned by POST /session', examples: [SID] })),
})

export const RefreshResponse = Type.Object({
  code: Type.Literal(0),
  msg: Type.String({ examples: ['Successful'] }),
  accessToken: Type.String({ examples: [`Bearer ${HEX48}`] }),
  data: Type.Object({ accessToken: Type.String(), sessionId: Type.String() }, { description: 'addition: the same token, and the session it belongs to' }),
})

export const AuthResponse = Type.Object({ code: Type.Literal(0), msg: Type.String(), data: OrgUserInfo })

export const LogoffResponse = Type.Object({
  code: Type.Literal(0),
  msg: Type.String(),
  failedList: Type.Optional(Type.Array(Type.String())),
})

export const AuthCodeUrlQuery = Type.Object({
  domain: Type.String({ minLength: 1, maxLength: 260, pattern: '^[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?$', description: 'an allow-listed front-end host[:port] (KOODRIVE_CLIENTS)' }),
})

export const AuthCodeUrlResponse = Type.Object({
  code: Type.Literal(0),
  msg: Type.String(),
  uri: Type.String({ description: 'authorize URL of the built-in login page', examples: ['/koodrive/ose/v1/session/oauth2/authorize?response_type=code&client_id=kdconsole.example.com%3A8080&scope=phone+profile+email&redirect_uri=https%3A%2F%2Fkdconsole.example.com%3A8080%2Fcallback'] }),
  orgIdHost: Type.String({ description: 'origin of the login page ("" = this server)' }),
})

export const KdError = Type.Object({
  code: Type.Integer({ description: '8-digit business code (spec §A.4)', examples: [11000001] }),
  msg: Type.String({ examples: ['The authorization code is invalid or has expired.'] }),
}, { $id: 'KoodriveError' })

export const AuthorizeQuery = Type.Object({
  response_type: Type.Optional(Type.Literal('code')),
  client_id: Type.String({ minLength: 1, maxLength: 260 }),
  redirect_uri: Type.Optional(Type.String({ maxLength: 2048 })),
  scope: Type.Optional(Type.String({ maxLength: 256 })),
  state: Type.Optional(Type.String({ maxLength: 512 })),
  code_challenge: Type.Optional(Type.String({ maxLength: 128 })),
  code_challenge_method: Type.Optional(Type.Literal('S256')),
})

export const AuthorizeBody = Type.Object({
  ...AuthorizeQuery.properties,
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 128 }),
})
