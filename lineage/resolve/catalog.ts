// What the script (and user metadata) tells us about persistent objects: names, kinds, declared columns.
// Identifier case rules live here, once per dialect.
import type { DialectSpec } from '../dialects/spec.js'
import type { Ident, QName } from '../ast/types.js'
import type { ModelObj as DbObj } from '../model/store.js'

/** matching key of one identifier part: case-folded unless quoted in a case-sensitive dialect */
export function identKey(id: Ident, d: DialectSpec): string {
  // cached on the identifier: resolution asks for the same key many times per reference
  const c = (id as Ident & { k?: string }).k
  if (c !== undefined) return c
  // a quoted name written the way the dialect folds unquoted ones ("users" in PostgreSQL, "USERS" in
  // Oracle) is the unquoted name: it matches users / USERS / Users
  const k = id.quoted && !d.quotedCaseInsensitive && !foldsTo(id.name, d) ? id.name : id.name.toUpperCase()
  ;(id as Ident & { k?: string }).k = k
  return k
}

function foldsTo(name: string, d: DialectSpec): boolean {
  return d.unquotedCase === 'upper' ? name === name.toUpperCase() : d.unquotedCase === 'lower' ? name === name.toLowerCase() : false
}

export function nameKey(parts: Ident[], d: DialectSpec): string {
  // one part (most names): its cached key, whose hash V8 keeps, instead of a new joined string per lookup
  if (parts.length === 1) return identKey(parts[0], d)
  return parts.map((p) => identKey(p, d)).join('.')
}

/** BigQuery `a.b.c` in one backtick pair is three parts (conformance N8) */
export function splitQuoted(q: QName, d: DialectSpec): Ident[] {
  if (d.name !== 'dbvbigquery') return q.parts
  const out: Ident[] = []
  for (const p of q.parts) {
    if (p.quoted && p.name.includes('.')) for (const s of p.name.split('.')) out.push({ name: s, quoted: true, loc: p.loc })
    else out.push(p)
  }
  return out
}

/** display name as written: quotes kept, parts joined by dots */
export function displayName(parts: Ident[], d: DialectSpec): string {
  return parts.map((p) => (p.quoted ? quote(p.name, d, p.bracket) : p.name)).join('.')
}

function quote(name: string, d: DialectSpec, bracket?: boolean): string {
  const q = bracket ? '[' : d.identifierQuotes[0]
  if (q === '[') return `[${name.replace(/]/g, ']]')}]`
  if (d.doubleQuotedStrings && q !== '`') return `"${name}"`
  return `${q}${name.split(q).join(q + q)}${q}`
}

export interface CatalogEntry {
  key: string
  obj: DbObj
  /** declared columns in order (DDL, CTAS, view, SELECT INTO, metadata); null when unknown */
  columns: string[] | null
  kind: 'table' | 'view' | 'stream'
  /** the declared columns as a FROM item sees them, built once per `columns` array (flow/analyzer tableColumns) */
  colMap?: Map<string, { name: string; ref?: import('../flow/builder.js').ColRef }>
  colMapOf?: string[]
}

export class Catalog {
  private entries = new Map<string, CatalogEntry>()
  /**
   * metadata's qualified entries by their trailing parts, so `orders` finds metadata's `sales.orders` in
   * O(1). Only metadata's: a script that names stage.orders and orders means two tables (INSERT INTO
   * orders SELECT … FROM stage.orders), whichever it named first
   */
  private suffixes = new Map<string, CatalogEntry>()
  get(key: string): CatalogEntry | undefined { return this.entries.get(key) }
  set(e: CatalogEntry): void { this.entries.set(e.key, e) }
  /** a metadata table: its unqualified name finds it too */
  setKnown(e: CatalogEntry): void {
    const parts = e.key.split('.')
    for (let i = 1; i < parts.length; i++) {
      const sfx = parts.slice(i).join('.')
      if (!this.suffixes.has(sfx)) this.suffixes.set(sfx, e)
    }
  }
  delete(key: string): void { this.entries.delete(key) }
  /** a table referenced by its last part(s) when the catalog knows it qualified (metadata) */
  findBySuffix(key: string): CatalogEntry | undefined { return this.suffixes.get(key) }
}
