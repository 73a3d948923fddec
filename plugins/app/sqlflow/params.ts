// SQLFlow parameter semantics (spec §1.2): every value of a name is kept in arrival order (query
// first, then body); scalars read the first non-empty value; lists join all values with commas and
// split again; booleans accept True/false/1/0/yes/no/on/off in any case; empty means "default".
import { HttpError } from '../errors.js'

export class SqlflowError extends HttpError {}

const TRUE = new Set(['true', '1', 'yes', 'on', 'y', 't'])
const FALSE = new Set(['false', '0', 'no', 'off', 'n', 'f'])

/** undefined for empty/missing; throws on anything that is not a recognisable boolean. */
export function parseBool (raw: string | undefined, name = 'value'): boolean | undefined {
  if (raw === undefined) return undefined
  const v = raw.trim().toLowerCase()
  if (v === '') return undefined
  if (TRUE.has(v)) return true
  if (FALSE.has(v)) return false
  throw new SqlflowError(400, `${name} must be a boolean (true/false), got "${raw.slice(0, 40)}"`, 'BAD_PARAM')
}

export class SqlflowParams {
  private readonly values = new Map<string, string[]>()

  /** Adds one raw value (query, form, JSON or multipart field). */
  add (name: string, value: unknown): void {
    if (value === undefined || value === null) return
    if (Array.isArray(value)) {
      for (const v of value) this.add(name, v)
      return
    }
    const s = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value)
    const list = this.values.get(name)
    if (list === undefined) this.values.set(name, [s])
    else list.push(s)
  }

  has (name: string): boolean {
    return this.str(name) !== undefined
  }

  /** every raw value, including empty ones */
  all (name: string): string[] {
    return [...(this.values.get(name) ?? [])]
  }

  names (): string[] {
    return [...this.values.keys()]
  }

  /** first non-empty value, or `def` */
  str (name: string): string | undefined
  str (name: string, def: string): string
  str (name: string, def?: string): string | undefined {
    for (const v of this.values.get(name) ?? []) if (v !== '') return v
    return def
  }

  /** like str() but answers {code:400, error:"<name> is required"} when missing or empty */
  required (name: string): string {
    const v = this.str(name)
    if (v === undefined || v.trim() === '') throw new SqlflowError(400, `${name} is required`, 'MISSING_PARAM')
    return v
  }

  bool (name: string, def: boolean): boolean {
    return parseBool(this.str(name), name) ?? def
  }

  /** all values joined by ',' and split on ',', trimmed, empties dropped; `def` when that leaves nothing */
  list (name: string, def: string[] = []): string[] {
    const items = (this.values.get(name) ?? []).join(',').split(',').map((s) => s.trim()).filter((s) => s !== '')
    return items.length > 0 ? items : [...def]
  }

  int (name: string, def: number, bounds: { min?: number, max?: number } = {}): number {
    const raw = this.str(name)
    if (raw === undefined || raw.trim() === '') return def
    const n = Number(raw.trim())
    const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = bounds
    if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new SqlflowError(400, `${name} must be an integer between ${min} and ${max}`, 'BAD_PARAM')
    }
    return n
  }

  /** name → first non-empty value (names with only empty values are left out); used for schema checks */
  toObject (): Record<string, string> {
    const out: Record<string, string> = Object.create(null) as Record<string, string>
    for (const name of this.values.keys()) {
      const v = this.str(name)
      if (v !== undefined) out[name] = v
    }
    return out
  }
}
