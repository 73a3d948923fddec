// CSV export with the widget's header (spec §2.2.5). One row per source → target column pair;
// tableToTable rows use the pseudo column TABLE. Quoting follows RFC 4180 for the chosen delimiter.
import type { SqlflowModel } from '../model/types.js'
import { columnEdges, compareText, qualify, TABLE_COLUMN, tableEdges } from './common.js'

export const CSV_COLUMNS = [
  'source_db', 'source_schema', 'source_table', 'source_column',
  'target_db', 'target_schema', 'target_table', 'target_column',
  'relation_type', 'effect_type',
] as const

export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string>

export interface CsvOptions {
  /** one character; default ',' */
  delimiter?: string
  /** table-level rows only (column = TABLE) */
  tableToTable?: boolean
  /** keep only rows whose source or target table matches (case-insensitive, qualified or bare) */
  includeTable?: string
}

/** Accepts one character, or the names people type for tab; anything else is an error. */
export function parseDelimiter(raw: string | undefined): { ok: true; value: string } | { ok: false; error: string } {
  if (raw === undefined || raw === '') return { ok: true, value: ',' }
  const named: Record<string, string> = { '\\t': '\t', tab: '\t', TAB: '\t', comma: ',', semicolon: ';', pipe: '|' }
  const value = named[raw] ?? raw
  if (value.length !== 1 || value === '"' || value === '\n' || value === '\r') {
    return { ok: false, error: `delimiter must be one character other than a quote or a line break, got "${raw}"` }
  }
  return { ok: true, value }
}

export function csvRows(model: SqlflowModel, opts: CsvOptions = {}): CsvRow[] {
  const rows = opts.tableToTable ? tableRows(model) : columnRows(model)
  const filtered = opts.includeTable ? rows.filter(matchesTable(opts.includeTable)) : rows
  return sortRows(dedupe(filtered))
}

export function toCsv(model: SqlflowModel, opts: CsvOptions = {}): string {
  const delimiter = opts.delimiter ?? ','
  const lines = [CSV_COLUMNS.join(delimiter)]
  for (const row of csvRows(model, opts)) {
    lines.push(CSV_COLUMNS.map((c) => quoteField(row[c], delimiter)).join(delimiter))
  }
  return lines.join('\n') + '\n'
}

export function quoteField(value: string, delimiter: string): string {
  if (value.includes(delimiter) || /["\r\n]/.test(value)) return `"${value.replace(/"/g, '""')}"`
  return value
}

function columnRows(model: SqlflowModel): CsvRow[] {
  return columnEdges(model).map((e) => {
    const s = qualify(e.sourceObj)
    const t = qualify(e.targetObj)
    return {
      source_db: s.db, source_schema: s.schema, source_table: s.table, source_column: e.source.column,
      target_db: t.db, target_schema: t.schema, target_table: t.table, target_column: e.target.column,
      relation_type: e.relation.type, effect_type: e.relation.effectType ?? '',
    }
  })
}

function tableRows(model: SqlflowModel): CsvRow[] {
  return tableEdges(model).map((e) => {
    const s = qualify(e.sourceObj)
    const t = qualify(e.targetObj)
    return {
      source_db: s.db, source_schema: s.schema, source_table: s.table, source_column: TABLE_COLUMN,
      target_db: t.db, target_schema: t.schema, target_table: t.table, target_column: TABLE_COLUMN,
      relation_type: e.type, effect_type: e.effectType ?? '',
    }
  })
}

function matchesTable(wanted: string): (row: CsvRow) => boolean {
  const w = wanted.toLowerCase()
  const hit = (db: string, schema: string, table: string): boolean =>
    [table, `${schema}.${table}`, `${db}.${schema}.${table}`].some((n) => n.toLowerCase() === w)
  return (r) => hit(r.source_db, r.source_schema, r.source_table) || hit(r.target_db, r.target_schema, r.target_table)
}

function rowKey(r: CsvRow): string {
  return CSV_COLUMNS.map((c) => r[c]).join('\u0000')
}

function dedupe(rows: CsvRow[]): CsvRow[] {
  const seen = new Map<string, CsvRow>()
  for (const r of rows) if (!seen.has(rowKey(r))) seen.set(rowKey(r), r)
  return [...seen.values()]
}

function sortRows(rows: CsvRow[]): CsvRow[] {
  return rows.sort((a, b) => compareText(rowKey(a), rowKey(b)))
}

/** Parse our own CSV back (tests, round trips); handles quotes and embedded delimiters. */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++ }
      else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === delimiter) { row.push(field); field = '' }
    else if (ch === '\n') { row.push(field); rows.push(row); row = []; field = '' }
    else if (ch !== '\r') field += ch
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row) }
  return rows
}
