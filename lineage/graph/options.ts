// Graph option defaults (spec §2.2.2) and the stable hash that keys cached graph responses.
import { createHash } from 'node:crypto'
import { defaultModelOptions, type ModelOptions } from '../model/types.js'
import type { GraphOptions, Selection } from './types.js'

/** The spec's `relation_limit` default (§6.1). */
export const DEFAULT_RELATION_LIMIT = 2000

export const defaultGraphOptions: GraphOptions = {
  ...defaultModelOptions,
  showLinkOnly: true,
  hideColumn: false,
  generation: 'A',
  relationLimit: DEFAULT_RELATION_LIMIT,
}

export function resolveGraphOptions (partial: Partial<GraphOptions> = {}): GraphOptions {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined))
  return { ...defaultGraphOptions, ...defined }
}

export function modelOptionsOf (o: GraphOptions): ModelOptions {
  return {
    showRelationType: o.showRelationType,
    simpleOutput: o.simpleOutput,
    ignoreRecordSet: o.ignoreRecordSet,
    ignoreFunction: o.ignoreFunction,
    showConstantTable: o.showConstantTable,
    countArgumentsDirect: o.countArgumentsDirect,
  }
}

/** Key of one graph response: the options and the selection, in a fixed key order. */
export function graphKey (o: GraphOptions, selection?: Selection, includeModel = true): string {
  const canonical = {
    ...modelOptionsOf(o),
    showRelationType: [...o.showRelationType].map(String).sort(),
    showLinkOnly: o.showLinkOnly,
    hideColumn: o.hideColumn,
    generation: o.generation,
    relationLimit: o.relationLimit,
    selection: selection ? [selection.database, selection.schema, selection.table, selection.column] : null,
    includeModel,
  }
  return createHash('sha1').update(JSON.stringify(canonical)).digest('hex')
}
