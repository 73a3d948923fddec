// Request parameters → engine and graph options for the generation endpoints (spec §2.2.2).
// Malformed values answer {code:400, error} instead of being silently ignored.
import type { FastifyRequest } from 'fastify'
import type { ModelOptions } from '../../../lineage/index.js'
import { resolveGraphOptions, type Generation, type GraphOptions, type Selection } from '../../../lineage/graph/index.js'
import { SqlflowError, type SqlflowParams } from '../../../plugins/app/sqlflow/index.js'

const RELATION_TYPES = ['fdd', 'fdr', 'frd', 'fddi', 'join', 'call', 'er']

export const paramsOf = (request: FastifyRequest): SqlflowParams => request.sqlflow!.params
export const userOf = (request: FastifyRequest): string => request.identity!.userId

function relationTypes (p: SqlflowParams): string[] {
  const types = p.list('showRelationType', ['fdd']).map((t) => t.toLowerCase())
  const bad = types.find((t) => !RELATION_TYPES.includes(t))
  if (bad !== undefined) {
    throw new SqlflowError(400, `showRelationType: unknown relation type "${bad.slice(0, 40)}"; accepted: ${RELATION_TYPES.join(', ')}`, 'BAD_PARAM')
  }
  return [...new Set(types)]
}

/** The docs give dataflowOfAggregateFunction as direct/indirect; the widget sends a boolean. */
function countArgumentsDirect (p: SqlflowParams): boolean {
  const raw = p.str('dataflowOfAggregateFunction')?.trim().toLowerCase()
  if (raw === 'direct') return true
  if (raw === 'indirect') return false
  if (raw !== undefined) return p.bool('dataflowOfAggregateFunction', true)
  return p.bool('treatArgumentsInCountFunctionAsDirectDataflow', true)
}

export function modelOptionsOf (p: SqlflowParams): ModelOptions {
  return {
    showRelationType: relationTypes(p),
    simpleOutput: p.bool('simpleOutput', false),
    ignoreRecordSet: p.bool('ignoreRecordSet', false),
    ignoreFunction: p.bool('ignoreFunction', false),
    showConstantTable: p.bool('showConstantTable', false),
    countArgumentsDirect: countArgumentsDirect(p),
  }
}

/** `modelVersion=A|C` (case-insensitive); the server default (SQLFLOW_MODEL_GENERATION) otherwise. */
export function generationOf (request: FastifyRequest): Generation {
  const raw = paramsOf(request).str('modelVersion')?.trim().toUpperCase()
  if (raw === undefined) return request.server.config.modelGeneration
  if (raw === 'A' || raw === 'C') return raw
  throw new SqlflowError(400, `modelVersion must be A or C, got "${raw.slice(0, 20)}"`, 'BAD_PARAM')
}

export function graphOptionsOf (request: FastifyRequest): GraphOptions {
  const p = paramsOf(request)
  return resolveGraphOptions({
    ...modelOptionsOf(p),
    showLinkOnly: p.bool('showLinkOnly', true),
    hideColumn: p.bool('hideColumn', false),
    generation: generationOf(request),
    relationLimit: request.server.config.graphMaxRelations,
  })
}

/** database/schema/table/column; empty and the widget's DEFAULT mean "any" (§2.2.3). */
export function selectionOf (p: SqlflowParams): Selection | undefined {
  const pick = (name: string): string | undefined => {
    const v = p.str(name)?.trim()
    return v === undefined || v === '' || v.toUpperCase() === 'DEFAULT' ? undefined : v
  }
  const s: Selection = { database: pick('database'), schema: pick('schema'), table: pick('table'), column: pick('column') }
  return s.database ?? s.schema ?? s.table ?? s.column ? s : undefined
}
