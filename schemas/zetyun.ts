// Zetyun platform API (spec §B.3): schemas with examples for validation and the OpenAPI document.
// Numbers in query strings and paths are digit-pattern strings: the routes run without type coercion,
// so `1e3`, `0x10` and `abc` are refused instead of silently converted.
import { Type, type TSchema } from 'typebox'

export const ZyIdParam = Type.Object({
  id: Type.String({ pattern: '^[1-9][0-9]{0,15}$', description: 'positive integer id', examples: ['42'] }),
})
export const ZyProjectIdParam = Type.Object({
  projectId: Type.String({ pattern: '^[1-9][0-9]{0,15}$', description: 'positive integer id', examples: ['7'] }),
})

const PosInt = (description: string) => Type.String({ pattern: '^[1-9][0-9]{0,8}$', description })
const Paging = {
  page: Type.Optional(PosInt('1-based page, default 1')),
  num: Type.Optional(PosInt('page size, default 50; values over 200 are clamped to 200')),
  order_by: Type.Optional(Type.String({ maxLength: 8, description: 'ASC or DESC (any case), default DESC' })),
}

export const ModuleListQuery = Type.Object({
  moduleType: Type.Optional(Type.String({ maxLength: 16, description: 'module | datasource' })),
  ...Paging,
  order_key: Type.Optional(Type.String({ maxLength: 32, description: 'lastModifyTime (default when empty), name, id, refNum' })),
  tags: Type.Optional(Type.String({ maxLength: 512, description: 'comma-separated, any of them matches' })),
  keyword: Type.Optional(Type.String({ maxLength: 128, description: 'literal substring of name or description' })),
})

export const ProjectListQuery = Type.Object({
  ...Paging,
  order_key: Type.Optional(Type.String({ maxLength: 32, description: 'lastModifyTime (default), createdTime, name, id' })),
  orderkey: Type.Optional(Type.String({ maxLength: 32, description: 'alias of order_key (the CLI spelling)' })),
  orderby: Type.Optional(Type.String({ maxLength: 8, description: 'alias of order_by' })),
  keyword: Type.Optional(Type.String({ maxLength: 128 })),
  mine: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
})

export const JobListQuery = Type.Object({
  ...Paging,
  order_key: Type.Optional(Type.String({ maxLength: 32, description: 'createdTime (default), status, id, name' })),
  projectId: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,15}$' })),
  status: Type.Optional(Type.String({ pattern: '^[0-4]$', description: '0 created, 1 running, 2 succeeded, 3 failed, 4 cancelled' })),
})

export const JobLogQuery = Type.Object({
  offset: Type.Optional(Type.String({ pattern: '^(0|[1-9][0-9]{0,8})$', description: 'first line, default 0' })),
  limit: Type.Optional(PosInt('lines, default and max 1000')),
})

export const Email = Type.String({ maxLength: 254, pattern: '^[^\\s@<>"]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$' })
const UserName = Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$', examples: ['analyst1'] })

export const CreateUserBody = Type.Object({
  name: UserName,
  email: Email,
  password: Type.String({ minLength: 8, maxLength: 128, description: '8..128 characters; stored as a scrypt hash only' }),
}, { examples: [{ name: 'analyst1', email: 'analyst1@example.com', password: 'a long passphrase' }] })

export const LoginBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 128 }) })

export const ZyOk = <T extends TSchema>(data: T, extra: Record<string, TSchema> = {}) =>
  Type.Object({ code: Type.Literal(0), data, ...extra })

const Nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()])

export const UserView = Type.Object({
  autoKey: Type.String({ examples: ['85'] }),
  name: Type.String(),
  pwdhash: Type.Null({ description: 'always null: the hash never leaves the server' }),
  email: Type.String(),
  avatar: Nullable(Type.String()),
  token: Type.Null({ description: 'always null: tokens are only shown by /user/login and /user/gentoken' }),
  createtime: Type.String({ examples: ['2026-01-05T09:30:00.000Z'] }),
  status: Type.Integer({ description: '1 active' }),
  group: Type.Integer({ description: '0 administrator, 1 secondary user' }),
  info: Type.Unknown(),
  phone: Nullable(Type.String()),
  ehcUser: Type.Unknown(),
})

export const TokenView = Type.Object({ token: Type.String({ description: 'X-Access-Token value, shown once', examples: ['9f8e…'] }) })

const Str = (max: number) => Type.String({ maxLength: max })
export const ModuleSpecSchema = Type.Object({
  Name: Str(128),
  Description: Str(1024),
  Version: Str(32),
  CategoryTags: Type.Array(Str(64), { maxItems: 32 }),
  Cmd: Type.String({ maxLength: 1024, description: 'runnable only when it names a built-in (builtin:sql-lineage, builtin:lineage-export); anything else is stored, never executed' }),
  Param: Type.Record(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' }), Type.Object({ Default: Str(1024), Type: Str(32) })),
  Input: Type.Record(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' }), Type.Array(Str(32), { maxItems: 16 })),
  Output: Type.Record(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' }), Type.Array(Str(32), { maxItems: 16 })),
})

export const ModuleView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  description: Type.String(),
  version: Type.String(),
  versionId: Type.Integer(),
  lastModifyTime: Type.String(),
  creator: Type.String({ description: 'user name' }),
  style: Type.Object({ classname: Type.String() }),
  templateType: Type.Integer(),
  spec: ModuleSpecSchema,
  type: Type.Integer({ description: '0 module, 1 datasource' }),
  tags: Type.Array(Type.String()),
  refNum: Type.Integer({ description: 'projects of your tenant using it' }),
})

export const ModuleBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 128 }),
  description: Type.Optional(Str(1024)),
  version: Type.Optional(Str(32)),
  type: Type.Optional(Type.Union([Type.Literal(0), Type.Literal(1)])),
  tags: Type.Optional(Type.Array(Str(64), { maxItems: 32 })),
  spec: ModuleSpecSchema,
})

const FileName = Type.String({ pattern: '^[A-Za-z0-9_][A-Za-z0-9_. /-]{0,199}$' })
export const WorkflowStepSchema = Type.Object({
  id: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$', description: 'step name; its outputs are <id>/<file>' }),
  moduleId: Type.Integer({ minimum: 1 }),
  params: Type.Optional(Type.Record(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' }), Str(1024))),
  inputs: Type.Optional(Type.Record(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' }), Type.Array(FileName, { maxItems: 256 }))),
})

export const ProjectBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 128 }),
  description: Type.Optional(Str(1024)),
  workflow: Type.Array(WorkflowStepSchema, { maxItems: 32 }),
  files: Type.Optional(Type.Array(Type.Object({ name: FileName, text: Type.String({ maxLength: 1_000_000 }) }), { maxItems: 256 })),
}, {
  examples: [{
    name: 'orders lineage',
    workflow: [{ id: 'lineage', moduleId: 1, params: { dbvendor: 'dbvoracle' }, inputs: { sql: ['etl.sql'] } }],
    files: [{ name: 'etl.sql', text: 'INSERT INTO dw.orders SELECT id, amount FROM stage.orders;' }],
  }],
})

export const ProjectView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  description: Type.String(),
  creator: Type.Integer(),
  createdTime: Type.String(),
  lastModifyTime: Type.String(),
  versionId: Type.Integer(),
  workflow: Type.Array(Type.Object({ id: Type.String(), moduleId: Type.Integer(), params: Type.Record(Type.String(), Type.String()), inputs: Type.Record(Type.String(), Type.Array(Type.String())) })),
  files: Type.Array(Type.Object({ name: Type.String(), size: Type.Integer() })),
})

const EmailList = Type.Union([Type.String({ maxLength: 6000 }), Type.Array(Email, { maxItems: 20 })], { description: 'comma-separated (form) or an array; at most 20 addresses' })
export const JobRunBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 128 }),
  description: Type.Optional(Str(1024)),
  variable: Type.Optional(Type.Union([Type.String({ maxLength: 262_144 }), Type.Array(Type.Unknown(), { maxItems: 64 })], { description: 'data passed to the modules: a JSON array (or its text in a form); entries {name, value} override module params; never executed' })),
  projectVersionId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.String({ pattern: '^[1-9][0-9]{0,15}$' })])),
  notification: Type.Optional(EmailList),
  cc: Type.Optional(EmailList),
  isPrivate: Type.Optional(Type.Union([Type.Boolean(), Type.Literal('true'), Type.Literal('false')])),
}, { examples: [{ name: 'nightly lineage', description: 'orders', variable: [{ name: 'dbvendor', value: 'dbvoracle' }], notification: 'ops@example.com' }] })

export const JobView = Type.Object({
  autoKey: Type.Integer({ examples: [459] }),
  projectId: Type.Integer(),
  projectVersionId: Type.Integer(),
  startTime: Nullable(Type.String()),
  endTime: Nullable(Type.String()),
  status: Type.Integer({ description: '0 created/queued, 1 running, 2 succeeded, 3 failed, 4 cancelled' }),
  name: Type.String(),
  creator: Type.Integer({ description: 'user autoKey' }),
  description: Type.String(),
  createdTime: Type.String(),
  opStatus: Type.Integer({ description: '0 none, 1 stop requested' }),
  env: Type.String(),
  variable: Type.Array(Type.Unknown()),
  isPrivate: Type.Boolean(),
  notification: Type.Object({ to: Type.Array(Type.String()), cc: Type.Array(Type.String()) }),
  extension: Type.Unknown(),
  isIncremental: Type.Boolean(),
  sourceId: Type.Integer(),
})

export const JobStatusView = Type.Object({
  ...JobView.properties,
  steps: Type.Array(Type.Object({ id: Type.String(), moduleId: Type.Integer(), status: Type.Integer() })),
})

export const JobLogView = Type.Object({
  lines: Type.Array(Type.String()), offset: Type.Integer(), nextOffset: Type.Integer(), total: Type.Integer(), complete: Type.Boolean(),
})

export const OutputList = Type.Array(Type.Object({ name: Type.String({ examples: ['lineage/lineage.json'] }), contentType: Type.String(), bytes: Type.Integer() }))

export const ZyError = Type.Object({
  code: Type.Integer({ description: '40001 validation, 40101 token, 40301 role, 40401 not found, 40901 conflict, 41301 too large, 41501 media type, 42901 limit, 50001 internal', examples: [40401] }),
  msg: Type.String({ examples: ['Not found.'] }),
  data: Type.Null(),
}, { $id: 'ZetyunError' })
