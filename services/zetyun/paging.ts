// Listing rules shared by modules, projects and jobs (spec §B.5): 1-based page, num clamped to 200,
// sort only on allow-listed keys, id as the tie-breaker so pages are stable.
import { ZetyunError } from './errors.js'

export const MAX_NUM = 200
export const DEFAULT_NUM = 50

export interface PageQuery { page?: number, num?: number, order_key?: string, order_by?: string }
export interface Paged<T> { data: T[], total: number, page: number, num: number }

export function paginate<T extends { id: number }> (
  items: T[], q: PageQuery, allowedKeys: readonly string[], defaultKey: string,
): Paged<T> {
  const page = q.page ?? 1
  const num = Math.min(q.num ?? DEFAULT_NUM, MAX_NUM)
  const key = q.order_key === undefined || q.order_key === '' ? defaultKey : q.order_key
  if (!allowedKeys.includes(key)) throw new ZetyunError('validation', `order_key must be one of: ${allowedKeys.join(', ')}`)
  const dir = (q.order_by ?? 'DESC').toUpperCase()
  if (dir !== 'ASC' && dir !== 'DESC') throw new ZetyunError('validation', 'order_by must be ASC or DESC')
  const sign = dir === 'ASC' ? 1 : -1
  const sorted = [...items].sort((a, b) => sign * (compare(field(a, key), field(b, key)) || a.id - b.id))
  return { data: sorted.slice((page - 1) * num, page * num), total: items.length, page, num }
}

function field (item: object, key: string): unknown {
  return (item as Record<string, unknown>)[key]
}

function compare (a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return String(a ?? '').localeCompare(String(b ?? ''))
}

/** Literal, case-insensitive substring match: `%`, `_`, quotes and backslashes mean themselves. */
export function matchesKeyword (keyword: string | undefined, ...fields: string[]): boolean {
  if (keyword === undefined || keyword === '') return true
  const k = keyword.toLowerCase()
  return fields.some((f) => f.toLowerCase().includes(k))
}
