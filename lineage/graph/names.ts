// Identifier helpers shared by the graph (labels, selection, summary) and the generation C projection.
// Names in the model are "as written": possibly qualified (`dbo.t`) and quoted (`"T"`, `[T]`, `` `t` ``).
import type { DbObj } from '../model/types.js'

/** Split a possibly qualified name on dots that are outside quotes or brackets. */
export function splitQualified (name: string): string[] {
  const parts: string[] = []
  let current = ''
  let close = ''
  for (const ch of name) {
    if (close) {
      current += ch
      if (ch === close) close = ''
    } else if (ch === '"' || ch === '`') {
      close = ch
      current += ch
    } else if (ch === '[') {
      close = ']'
      current += ch
    } else if (ch === '.') {
      parts.push(current)
      current = ''
    } else {
      current += ch
    }
  }
  parts.push(current)
  return parts
}

const QUOTED = /^(?:"(.*)"|`(.*)`|\[(.*)\])$/s

export function isQuoted (part: string): boolean {
  return QUOTED.test(part)
}

export function stripQuotes (part: string): string {
  const m = QUOTED.exec(part)
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : part
}

/** Case-insensitive comparison key after stripping quotes (§3.8: tests and selection never trust case). */
export function matchKey (name: string | undefined): string {
  return splitQualified(name ?? '').map(stripQuotes).join('.').toUpperCase()
}

/** Vendors whose unquoted identifiers fold to lower case in generation C output (§3.4, §3.8). */
const LOWER_VENDORS = new Set(['dbvpostgresql', 'dbvgreenplum', 'dbvredshift', 'dbvhive', 'dbvimpala'])

/** Generation C spelling of one identifier part: quotes stripped, unquoted parts case-folded per vendor. */
export function normalisePart (part: string, dbvendor: string): string {
  if (isQuoted(part)) return stripQuotes(part)
  return LOWER_VENDORS.has(dbvendor) ? part.toLowerCase() : part.toUpperCase()
}

export function normaliseName (name: string, dbvendor: string): string {
  return splitQualified(name).map((p) => normalisePart(p, dbvendor)).join('.')
}

export interface ObjectPath { database?: string, schema?: string, table: string }

/**
 * Where an object lives: explicit database/schema fields win; otherwise the qualifier parts of its
 * name (`db.schema.table`, `schema.table`). `table` is the last part, still as written.
 */
export function objectPath (obj: Pick<DbObj, 'name' | 'database' | 'schema'>): ObjectPath {
  const parts = splitQualified(obj.name)
  const table = parts[parts.length - 1] ?? obj.name
  const schema = obj.schema ?? (parts.length >= 2 ? parts[parts.length - 2] : undefined)
  const database = obj.database ?? (parts.length >= 3 ? parts[parts.length - 3] : undefined)
  return { database, schema, table }
}
