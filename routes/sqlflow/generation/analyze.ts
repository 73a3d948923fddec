// Analyse the request's SQL once and keep it as a session, so later selectedgraph and
// getSelectedDbObjectInfo calls (on any server process sharing the store) need no re-analysis.
import type { FastifyRequest } from 'fastify'
import type { AnalysisResult, LineageError } from '../../../lineage/index.js'
import type { Session } from '../../../services/sessions.js'
import { sqlflowFail, sqlflowOk } from '../../../plugins/app/sqlflow/index.js'
import type { SqlflowBody } from '../../../plugins/app/sqlflow/envelope.js'
import type {} from '../../../plugins/app/lineage.js'
import { modelOptionsOf, paramsOf, userOf } from './options.js'
import { readInput, vendorOf } from './input.js'

/** The published 203 envelopes carry the first message cut to 40 characters (spec §1.4). */
export const FIRST_ERROR_LENGTH = 40

export function firstError (errors: LineageError[] | undefined): string | undefined {
  const first = errors?.[0]
  return first === undefined ? undefined : [...first.errorMessage].slice(0, FIRST_ERROR_LENGTH).join('')
}

export async function analyzeRequest (request: FastifyRequest): Promise<{ result: AnalysisResult, session: Session }> {
  const dbvendor = vendorOf(request)
  const options = modelOptionsOf(paramsOf(request))
  const { input, sources } = await readInput(request)
  // analysis-time options (aggregate arguments, constants) go to the engine; the full model is
  // analysed and stored once, and every view projects it with its own display options
  const result = await request.server.lineage.analyze(input, { dbvendor, options })
  const session = await request.server.lineage.sessions.create({
    owner: userOf(request),
    dbvendor,
    options: { ...options },
    sources,
    result,
  })
  return { result, session }
}

/** 200, or 203 with the first analysis error when the engine reported any; `data` complete either way. */
export function envelope (data: unknown, errors: LineageError[] | undefined, sessionId: string): SqlflowBody {
  const error = firstError(errors)
  return error === undefined ? sqlflowOk(data, { sessionId }) : sqlflowFail(203, error, { data, sessionId })
}
