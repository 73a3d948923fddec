// Process configuration: read once from the environment, validated by one TypeBox schema, then
// exposed as `fastify.config` (typed AppConfig). Tests pass overrides to buildApp() instead of env.
import { randomBytes } from 'node:crypto'
import { Type, type Static } from 'typebox'
import { Value } from 'typebox/value'

const Int = (def: number, min: number, max: number, description: string) =>
  Type.Integer({ default: def, minimum: min, maximum: max, description })
const Str = (description: string, def = '') => Type.String({ default: def, maxLength: 4096, description })

/** The environment schema: names, defaults and documentation in one place (README's table mirrors it). */
export const EnvSchema = Type.Object({
  PORT: Int(8081, 0, 65535, 'HTTP port'),
  HOST: Str('Interface to listen on', '127.0.0.1'),
  REDIS_URL: Str('Redis URL; empty = embedded in-memory store'),
  JWT_SECRET: Str('HS256 secret for SQLFlow tokens; empty = random per process (tokens die on restart)'),
  AUTH_MODE: Type.Union([Type.Literal(''), Type.Literal('cloud'), Type.Literal('onprem')], { default: '', description: 'cloud | onprem; empty = onprem on a loopback HOST, cloud otherwise' }),
  ALLOW_PUBLIC_ONPREM: Type.Union([Type.Literal(''), Type.Literal('true'), Type.Literal('false')], { default: '', description: 'true lets AUTH_MODE=onprem listen on a non-loopback HOST' }),
  USERS_FILE: Str('Embedded mode: JSON file of users and hashed keys (ignored with REDIS_URL)', 'data/users.json'),
  API_PREFIX: Str('Extra prefix that also serves the SQLFlow routes (nginx-style /api); empty = none', '/api'),
  BODY_LIMIT: Int(1_048_576, 1024, 1_073_741_824, 'Max bytes of a JSON/urlencoded body'),
  UPLOAD_MAX_FILE_BYTES: Int(33_554_432, 1024, 1_073_741_824, 'Max bytes of one uploaded file part'),
  UPLOAD_MAX_FILES: Int(64, 1, 10_000, 'Max file parts in one multipart request'),
  UPLOAD_MAX_TOTAL_BYTES: Int(67_108_864, 1024, 4_294_967_296, 'Max bytes of all file parts of one request'),
  CORS_ORIGINS: Str('Comma list of allowed browser origins; * = echo any origin', '*'),
  RATE_LIMIT_MAX: Int(600, 1, 10_000_000, 'Requests per IP per RATE_LIMIT_WINDOW_MS'),
  RATE_LIMIT_WINDOW_MS: Int(60_000, 1000, 86_400_000, 'Rate-limit window'),
  TOKEN_RATE_LIMIT_MAX: Int(30, 1, 10_000_000, 'generateToken attempts per IP per window'),
  GRAPH_MAX_RELATIONS: Int(2000, 1, 10_000_000, 'relation_limit: above this many column pairs a graph falls back to ignoreRecordSet, then to summary only'),
  SQLFLOW_MODEL_GENERATION: Type.Union([Type.Literal('A'), Type.Literal('C')], { default: 'A', description: 'Default data.sqlflow shape: A flat (seed docs) | C hierarchical (widget 3.6.2); request param modelVersion overrides' }),
  ANALYZE_MAX_BYTES: Int(67_108_864, 1024, 4_294_967_296, 'Analysis budget: max bytes of SQL per request'),
  ANALYZE_MAX_STATEMENTS: Int(200_000, 1, 100_000_000, 'Analysis budget: max statements per request'),
  ANALYZE_MAX_MS: Int(60_000, 100, 3_600_000, 'Analysis budget: milliseconds per request (the worker is stopped soon after)'),
  ANALYZE_INLINE_BYTES: Int(65_536, 0, 1_073_741_824, 'Inputs up to this size are analysed on the HTTP thread; bigger ones in a worker thread'),
  ANALYZE_WORKERS: Int(0, 0, 64, 'Analysis worker threads; 0 = CPU count - 1 (at least 1)'),
  SESSION_TTL_SECONDS: Int(86_400, 60, 31_536_000, 'Lifetime of SQLFlow analysis sessions (sessionId)'),
  MAX_EVENT_LOOP_DELAY_MS: Int(2000, 0, 600_000, 'Answer 503 while the event loop lags more than this; 0 = off'),
  LOG_LEVEL: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)), { default: 'info' }),
  TRUST_PROXY: Type.Union([Type.Literal(''), Type.Literal('true'), Type.Literal('false')], { default: '', description: 'true behind a reverse proxy (client IP from X-Forwarded-For)' }),
})
export type Env = Static<typeof EnvSchema>

export type AuthMode = 'cloud' | 'onprem'

export interface AppConfig {
  port: number
  host: string
  redisUrl: string | null
  jwtSecret: string
  /** true when JWT_SECRET was unset and a random one was generated for this process */
  jwtSecretGenerated: boolean
  authMode: AuthMode
  allowPublicOnprem: boolean
  /** null = keep users in the KvStore (tests); a path = embedded-mode users file */
  usersFile: string | null
  apiPrefix: string
  bodyLimit: number
  upload: { maxFileBytes: number, maxFiles: number, maxTotalBytes: number }
  /** '*' echoes any origin */
  corsOrigins: '*' | string[]
  rateLimit: { max: number, windowMs: number, tokenMax: number }
  graphMaxRelations: number
  /** default generation of data.sqlflow */
  modelGeneration: 'A' | 'C'
  /** per-request analysis budget and where it runs (plugins/app/lineage.ts) */
  analysis: { maxBytes: number, maxStatements: number, maxMillis: number, inlineBytes: number, workers: number }
  sessionTtlSeconds: number
  /** under-pressure threshold; 0 disables load shedding */
  maxEventLoopDelayMs: number
  logLevel: string
  trustProxy: boolean
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1'])
export const isLoopback = (host: string): boolean => LOOPBACK.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host)

/** Validate env (unknown variables ignored, empty strings = default) and derive AppConfig. */
export function loadConfig (env: Record<string, string | undefined> = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const picked: Record<string, unknown> = {}
  for (const key of Object.keys(EnvSchema.properties)) {
    const v = env[key]
    if (v !== undefined && v.trim() !== '') picked[key] = v.trim()
  }
  const withDefaults = Value.Default(EnvSchema, Value.Convert(EnvSchema, picked))
  if (!Value.Check(EnvSchema, withDefaults)) {
    const problems = [...Value.Errors(EnvSchema, withDefaults)].map((e) => `${e.instancePath.slice(1) || 'env'} ${e.message}`)
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`)
  }
  const e = withDefaults as Env
  const secretGenerated = e.JWT_SECRET === ''
  const cfg: AppConfig = {
    port: e.PORT,
    host: e.HOST,
    redisUrl: e.REDIS_URL === '' ? null : e.REDIS_URL,
    jwtSecret: secretGenerated ? randomBytes(32).toString('base64url') : e.JWT_SECRET,
    jwtSecretGenerated: secretGenerated,
    authMode: e.AUTH_MODE === '' ? (isLoopback(e.HOST) ? 'onprem' : 'cloud') : e.AUTH_MODE,
    allowPublicOnprem: e.ALLOW_PUBLIC_ONPREM === 'true',
    usersFile: e.USERS_FILE,
    apiPrefix: normalisePrefix(e.API_PREFIX),
    bodyLimit: e.BODY_LIMIT,
    upload: { maxFileBytes: e.UPLOAD_MAX_FILE_BYTES, maxFiles: e.UPLOAD_MAX_FILES, maxTotalBytes: e.UPLOAD_MAX_TOTAL_BYTES },
    corsOrigins: e.CORS_ORIGINS === '*' ? '*' : e.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    rateLimit: { max: e.RATE_LIMIT_MAX, windowMs: e.RATE_LIMIT_WINDOW_MS, tokenMax: e.TOKEN_RATE_LIMIT_MAX },
    graphMaxRelations: e.GRAPH_MAX_RELATIONS,
    modelGeneration: e.SQLFLOW_MODEL_GENERATION,
    analysis: {
      maxBytes: e.ANALYZE_MAX_BYTES,
      maxStatements: e.ANALYZE_MAX_STATEMENTS,
      maxMillis: e.ANALYZE_MAX_MS,
      inlineBytes: e.ANALYZE_INLINE_BYTES,
      workers: e.ANALYZE_WORKERS,
    },
    sessionTtlSeconds: e.SESSION_TTL_SECONDS,
    maxEventLoopDelayMs: e.MAX_EVENT_LOOP_DELAY_MS,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === 'true',
    ...overrides,
  }
  return cfg
}

function normalisePrefix (p: string): string {
  const trimmed = p.replace(/\/+$/, '')
  if (trimmed === '') return ''
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`
}

/** An unauthenticated (onprem) server must never be reachable from other machines by accident.
 * Checked when the app boots (plugins/app/config.ts), not by the CLI, which never listens. */
export function assertSafe (cfg: AppConfig): void {
  if (cfg.authMode === 'onprem' && !isLoopback(cfg.host) && !cfg.allowPublicOnprem) {
    throw new ConfigError(`AUTH_MODE=onprem accepts any token; refusing to listen on ${cfg.host}. ` +
      'Use AUTH_MODE=cloud, bind HOST=127.0.0.1, or set ALLOW_PUBLIC_ONPREM=true if this network is trusted.')
  }
}
