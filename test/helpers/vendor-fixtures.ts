// Vendor fixture runner (issue 4): loads test/fixtures/vendors/<vendor>.sql (and mdx/*.mdx, one
// statement per file), analyses each file with the engine and lists the statements that failed.
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { analyze } from '../../lineage/index.js'
import type { AnalysisResult } from '../../lineage/model/types.js'

export const VENDOR_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'vendors')

export const MAJOR_VENDORS = ['oracle', 'mssql', 'mysql', 'postgresql', 'snowflake', 'bigquery', 'hive', 'redshift', 'teradata'] as const
export const OTHER_VENDORS = ['db2', 'greenplum', 'hana', 'impala', 'netezza', 'sybase', 'vertica', 'informix', 'couchbase', 'openedge', 'mdx'] as const
export const ALL_VENDORS = [...MAJOR_VENDORS, ...OTHER_VENDORS]

export interface FixtureFile { vendor: string; file: string; text: string }

/** The fixture files of a vendor, as paths relative to test/fixtures/vendors. */
export function fixtureFiles(vendor: string): FixtureFile[] {
  const out: FixtureFile[] = []
  const sql = join(VENDOR_DIR, `${vendor}.sql`)
  if (existsSync(sql)) out.push({ vendor, file: `${vendor}.sql`, text: readFileSync(sql, 'utf8') })
  const dir = join(VENDOR_DIR, vendor)
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).sort()) {
      if (/\.(sql|mdx)$/.test(f)) out.push({ vendor, file: `${vendor}/${f}`, text: readFileSync(join(dir, f), 'utf8') })
    }
  }
  return out
}

export interface Failure {
  vendor: string
  file: string
  /** 1-based line where the failing statement starts */
  line: number
  /** 1-based line of the error as the engine reports it */
  errorLine: number
  errorType: string
  message: string
  /** first line of the statement text, trimmed (for the report) */
  head: string
}

/** Leading words of statements that carry data flow (lineage or tables read/written). */
const DATAFLOW_START = new RegExp([
  String.raw`^(SELECT|SEL|WITH|INSERT|INS|UPSERT|REPLACE\s+INTO|UPD|DELETE|DEL|MERGE|EXPORT\s+DATA|EXPORT\s+TO|LOAD\s+DATA|LOAD\s+FROM|COPY|UNLOAD)\b`,
  String.raw`^UPDATE\b(?!\s+STATISTICS)`,
  String.raw`^(CREATE|REPLACE)\b[^;]*?\bVIEW\b`,
  String.raw`^CREATE\b[^;]*?\bAS\s*\(?\s*(SELECT|SEL|WITH)\b`,
  String.raw`^CREATE\b[^;]*?\bEVENT\b[^;]*?\bDO\b`,
].join('|'), 'i')

function stripLeadingComments(text: string): string {
  let t = text.trimStart()
  for (;;) {
    if (t.startsWith('--') || t.startsWith('#')) t = t.slice(t.indexOf('\n') < 0 ? t.length : t.indexOf('\n')).trimStart()
    else if (t.startsWith('/*')) t = t.slice(t.indexOf('*/') < 0 ? t.length : t.indexOf('*/') + 2).trimStart()
    else if (t.startsWith('{')) t = t.slice(t.indexOf('}') < 0 ? t.length : t.indexOf('}') + 1).trimStart()
    else return t
  }
}

export interface FileRun { fixture: FixtureFile; result: AnalysisResult; failures: Failure[]; statements: number; okStatements: number }

export function runFixture(fx: FixtureFile): FileRun {
  const result = analyze(fx.text, { dbvendor: `dbv${fx.vendor}` })
  const lines = fx.text.split('\n')
  const failures: Failure[] = []
  // analyze() emits exactly one SyntaxError/AnalyzeError per failed statement, in statement order, so the
  // n-th hard error belongs to the n-th failed statement. Fall back to lines if the counts disagree.
  const hard = (result.model.errors ?? []).filter((e) => e.errorType === 'SyntaxError' || e.errorType === 'AnalyzeError')
  const failedStatements = result.statements.filter((s) => !s.ok)
  const zipped = hard.length === failedStatements.length
  hard.forEach((e, i) => {
    const errorLine = e.coordinates[0]?.x ?? 0
    const st = zipped ? failedStatements[i]
      : failedStatements.filter((s) => s.start.line <= errorLine).pop() ?? result.statements.find((s) => s.start.line <= errorLine && errorLine <= s.end.line)
    const line = st?.start.line ?? errorLine
    const outside = !!st && (errorLine < st.start.line || errorLine > st.end.line)
    failures.push({
      vendor: fx.vendor, file: fx.file, line, errorLine, errorType: e.errorType,
      message: outside ? `${e.errorMessage} [engine: error coordinates lie outside the failed statement, lines ${st!.start.line}-${st!.end.line}]` : e.errorMessage,
      head: (lines[line - 1] ?? '').trim().slice(0, 90),
    })
  })
  // A statement that parsed but came back as kind 'other' carries no lineage. For statements that move
  // data (queries, DML, views, exports) or for a stray END (its block was closed too early) that hides a
  // gap behind an empty result, so it counts as a failure too. Likewise a procedural unit whose body has
  // DML but that reads and writes no table: its body was not analysed.
  for (const s of result.statements) {
    if (!s.ok) continue
    const text = stripLeadingComments(fx.text.slice(s.start.offset, s.end.offset))
    let why: string | undefined
    if (s.kind === 'other') {
      why = DATAFLOW_START.test(text) ? 'statement moves data but was not analysed (kind "other", no lineage)'
        : /^END\b(?!\s+(TRANSACTION|WORK|TRAN)\b)/i.test(text) ? 'stray END: the enclosing block was closed before its end (kind "other")' : undefined
    } else if (s.kind === 'block' && !s.reads.length && !s.writes.length && /\b(INSERT|UPDATE|DELETE|MERGE|UPSERT)\b/i.test(text)) {
      why = 'procedural body parsed but its statements were not analysed (no table read or written, no lineage)'
    }
    if (why) {
      failures.push({
        vendor: fx.vendor, file: fx.file, line: s.start.line, errorLine: s.start.line, errorType: 'Unanalysed',
        message: why, head: (lines[s.start.line - 1] ?? '').trim().slice(0, 90),
      })
    }
  }
  const seen = new Set<string>()
  const unique = failures
    .sort((a, b) => a.line - b.line || a.errorLine - b.errorLine)
    .filter((f) => { const k = `${f.line}|${f.errorLine}|${f.message}`; if (seen.has(k)) return false; seen.add(k); return true })
  return { fixture: fx, result, failures: unique, statements: result.statements.length, okStatements: result.statements.filter((s) => s.ok).length }
}
