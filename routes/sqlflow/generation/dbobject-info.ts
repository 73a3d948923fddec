// POST /sqlflow/generation/sqlflow/getSelectedDbObjectInfo (spec §2.2.4, §6.3): for each selected
// span, the statement that holds it, its text from the beginning of its first line, and the span
// rebased to that text (line − firstLine + 1; the column is unchanged).
import type { FastifyInstance } from 'fastify'
import type { StatementInfo } from '../../../lineage/index.js'
import { SqlflowError, sqlflowOk } from '../../../plugins/app/sqlflow/index.js'
import { DbObjectInfoParams, DbObjectInfoResponse } from '../../../schemas/sqlflow-generation.js'
import type { Session, SessionSource } from '../../../services/sessions.js'
import { parseCoordinates, type Span } from './coordinates.js'
import { paramsOf } from './options.js'
import { loadSession } from './session.js'

export interface DbObjectInfo { index: number, positions: { x: number, y: number }[], sql: string, file?: string }

/** "0" (or an unknown hash in a single-text session) is the session's only text; otherwise md5 match. */
function sourceOf (session: Session, hashCode: string): SessionSource {
  const exact = session.sources.find((s) => s.hashCode === hashCode)
  if (exact) return exact
  if (session.sources.length === 1 && hashCode === '0') return session.sources[0]!
  throw new SqlflowError(400, `coordinates: no SQL text with hashCode "${hashCode.slice(0, 64)}" in this session`, 'BAD_PARAM')
}

type Pos = [line: number, column: number]
const cmp = (a: Pos, b: Pos): number => a[0] - b[0] || a[1] - b[1]

/** The statement of `source` whose span holds the point (end exclusive), else the last one starting before it. */
function statementAt (session: Session, source: SessionSource, span: Span): StatementInfo | undefined {
  const mine = session.statements.filter((s) => (source.name !== undefined && s.file !== undefined ? s.file === source.name : s.hashCode === source.hashCode))
  const p: Pos = [span.start.x, span.start.y]
  const started = mine.filter((s) => cmp([s.start.line, s.start.column], p) <= 0)
  return started.find((s) => cmp(p, [s.end.line, s.end.column]) < 0) ?? started.at(-1)
}

/** Statement text from the start of its first line (indentation kept) to its end. */
function statementText (source: SessionSource, st: StatementInfo | undefined): { index: number, firstLine: number, sql: string } {
  if (st === undefined) return { index: 0, firstLine: 1, sql: source.text }
  const lineStart = st.start.offset - (st.start.column - 1)
  return { index: st.index, firstLine: st.start.line, sql: source.text.slice(Math.max(0, lineStart), st.end.offset) }
}

export function selectedInfo (session: Session, spans: Span[]): DbObjectInfo[] {
  const items = new Map<string, DbObjectInfo>()
  for (const span of spans) {
    const source = sourceOf(session, span.start.hashCode)
    const { index, firstLine, sql } = statementText(source, statementAt(session, source, span))
    const key = `${source.hashCode}\u0000${source.name ?? ''}\u0000${index}`
    const item = items.get(key) ?? { index, positions: [], sql, ...(source.name !== undefined ? { file: source.name } : {}) }
    items.set(key, item)
    for (const p of [span.start, span.end]) item.positions.push({ x: p.x - firstLine + 1, y: p.y })
  }
  return [...items.values()]
}

export default async function (fastify: FastifyInstance): Promise<void> {
  fastify.sqlflowRoute({
    url: '/sqlflow/generation/sqlflow/getSelectedDbObjectInfo',
    summary: 'The statements holding the given coordinates, with the positions rebased to each statement',
    params: DbObjectInfoParams,
    response: DbObjectInfoResponse,
    handler: async (request) => {
      const spans = parseCoordinates(paramsOf(request).required('coordinates'))
      const session = await loadSession(request)
      return sqlflowOk(selectedInfo(session, spans))
    },
  })
}
