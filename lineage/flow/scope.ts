// Scopes: the FROM items a query block sees, and column qualification against them.
import type { ModelObj as DbObj } from '../model/store.js'
import type { Ident } from '../ast/types.js'
import type { ColRef } from './builder.js'

/** one relation in a FROM clause (or a DML target) */
export interface FromItem {
  kind: 'table' | 'derived' | 'cte' | 'func' | 'values' | 'variable'
  obj?: DbObj
  /** alias or table name parts that qualify its columns */
  alias?: Ident
  nameParts?: Ident[]
  /** known output columns: name key → column (derived, CTE, known tables); null = accepts any column */
  columns: Map<string, { name: string; ref?: ColRef }> | null
  /** table functions / UNNEST: every column is the argument columns (conformance N6) */
  funcSources?: ColRef[]
  /** a table function reading a query (Vertica f(SELECT …) OVER (…)): a column of a query column's name is that column */
  funcNamed?: Map<string, ColRef>
  persistent: boolean
  /**
   * PIVOT / UNPIVOT of an item whose columns are unknown: a column not made by the pivot is that item's
   * column passed through, added to `columns` when first referenced
   */
  passThrough?: FromItem
  /** a PL/SQL collection whose record type may name its fields otherwise: a name not among `columns` is any of them */
  anyField?: boolean
}

export interface Scope {
  items: FromItem[]
  parent?: Scope
  /** CTEs visible here: name key → item factory */
  ctes: Map<string, FromItem>
  /** select-list aliases (GROUP BY / HAVING / ORDER BY may use them) */
  aliases?: Map<string, import('./expr.js').Deps>
  /**
   * lateral column aliases (DialectSpec.lateralAliases), while the block's WHERE and select list are
   * read: an alias's dependencies, its item evaluated when first named (undefined: not usable here)
   */
  lateral?: Map<string, () => import('./expr.js').Deps | undefined>
  /** N1QL LET / LETTING names: each stands for its expression's columns, never a keyspace field */
  lets?: Map<string, import('./expr.js').Deps>
  /** JOIN … USING (c): an unqualified c is the join column, taken from the first item that may have it */
  using?: Map<string, FromItem>
}

export function childScope(parent: Scope | undefined): Scope {
  return { items: [], parent, ctes: new Map() }
}

export function findCte(scope: Scope | undefined, key: string): FromItem | undefined {
  for (let s = scope; s; s = s.parent) { const c = s.ctes.get(key); if (c) return c }
  return undefined
}
