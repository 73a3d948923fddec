// Builds the whole app for app.inject() tests: same plugins and routes as production, config from
// defaults + overrides (never from the developer's environment), no logger, closed on teardown.
import Fastify, { type FastifyInstance } from 'fastify'
import app, { fastifyOptions } from '../../app.js'
import { loadConfig, type AppConfig } from '../../config.js'
import type { KvStore } from '../../services/ports.js'

export interface TestContext { teardown(fn: () => unknown): void }

/** Defaults for tests: cloud auth, in-memory store, users in the store (no file), generous limits. */
export function testConfig (overrides: Partial<AppConfig> = {}): AppConfig {
  return loadConfig({}, {
    authMode: 'cloud',
    usersFile: null,
    jwtSecret: 'test-secret-0123456789abcdef0123456789abcdef',
    jwtSecretGenerated: false,
    rateLimit: { max: 100_000, windowMs: 60_000, tokenMax: 100_000 },
    logLevel: 'silent',
    // Load shedding would make tests flaky on a busy CI machine; test/plugins/pressure covers it.
    maxEventLoopDelayMs: 0,
    ...overrides,
  })
}

export interface BuildOptions {
  store?: KvStore
  /** registers test-only routes/plugins after the app, before ready() */
  extra?: (fastify: FastifyInstance) => Promise<void>
}

export async function buildApp (t: TestContext, overrides: Partial<AppConfig> = {}, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const config = testConfig(overrides)
  const fastify = Fastify(fastifyOptions(config, false))
  await fastify.register(app, { config, store: opts.store })
  if (opts.extra !== undefined) await fastify.register(opts.extra)
  await fastify.ready()
  t.teardown(() => fastify.close())
  return fastify
}

/** urlencoded body from pairs; repeated names allowed */
export function form (pairs: Array<[string, string]> | Record<string, string>): { payload: string, headers: Record<string, string> } {
  const entries = Array.isArray(pairs) ? pairs : Object.entries(pairs)
  return { payload: new URLSearchParams(entries).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } }
}

export interface Part { name: string, value: string | Buffer, filename?: string, contentType?: string }

/** multipart/form-data body; a part with `filename` is a file part */
export function multipart (parts: Part[]): { payload: Buffer, headers: Record<string, string> } {
  const boundary = '----lineagegatewaytest' + Math.random().toString(16).slice(2)
  const chunks: Buffer[] = []
  for (const p of parts) {
    const disp = `form-data; name="${p.name}"` + (p.filename !== undefined ? `; filename="${p.filename}"` : '')
    const type = p.filename !== undefined ? `\r\nContent-Type: ${p.contentType ?? 'application/octet-stream'}` : ''
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disp}${type}\r\n\r\n`), Buffer.from(p.value), Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

/** Creates `userId` (if needed) and returns form fields carrying a valid token for it (cloud mode). */
export async function sqlflowLogin (fastify: FastifyInstance, userId = 'tester'): Promise<{ userId: string, token: string }> {
  if (!await fastify.users.exists(userId)) await fastify.users.create(userId)
  return { userId, token: fastify.auth.issueSqlflowToken(userId) }
}
