// Shared by the generation route tests: statement spans computed from text (as the engine reports
// them), and a session stored directly through the session service.
import { createHash } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { SqlflowModel, StatementInfo } from '../../../../lineage/model/types.js'
import type { Session, SessionSource } from '../../../../services/sessions.js'

export const md5 = (s: string): string => createHash('md5').update(s).digest('hex')

function position (text: string, offset: number): { line: number, column: number, offset: number } {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1, offset }
}

/** One StatementInfo per `;`-terminated statement (leading whitespace skipped), end exclusive. */
export function statementsOf (text: string, hashCode = '0', file?: string): StatementInfo[] {
  const out: StatementInfo[] = []
  let from = 0
  for (const m of text.matchAll(/;/g)) {
    const start = from + (text.slice(from).length - text.slice(from).trimStart().length)
    const end = (m.index ?? 0) + 1
    out.push({ index: out.length, ...(file !== undefined ? { file } : {}), hashCode, start: position(text, start), end: position(text, end), kind: 'select', ok: true, reads: [], writes: [] })
    from = end
  }
  return out
}

export async function storeSession (app: FastifyInstance, owner: string, model: SqlflowModel,
  sources: SessionSource[], statements: StatementInfo[] = []): Promise<Session> {
  return await app.lineage.sessions.create({ owner, dbvendor: model.dbvendor, options: {}, sources, model, statements })
}
