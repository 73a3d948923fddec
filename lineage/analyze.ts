import { createHash } from 'node:crypto'
import type { AnalysisResult, LineageError, ModelOptions, StatementInfo } from './model/types.js'
import { analysisResult } from './model/store.js'
import { defaultModelOptions } from './model/types.js'
import { resolveVendor } from './dialects/vendors.js'
import { dialectOf, type DialectSpec } from './dialects/spec.js'
import { tokenize, type Token } from './lexer/lexer.js'
import { parseScript } from './parser/script.js'
import { ModelBuilder } from './flow/builder.js'
import { Analyzer } from './flow/analyzer.js'
import { StatementFlow } from './flow/statements.js'
import { preprocess } from './lexer/preprocess.js'
import { splitChunks } from './lexer/chunks.js'
import { mkLoc } from './ast/types.js'
import { StatementRecord } from './model/statement.js'

export interface SourceFile { name: string; text: string }
export interface AnalyzeInput { sql?: string; files?: SourceFile[] }

/** User metadata passed with a request: known tables and their columns. */
export interface MetadataTable { database?: string; schema?: string; name: string; columns: string[]; type?: 'table' | 'view' }

export interface AnalyzeBudget { maxBytes: number; maxStatements: number; maxMillis: number }

export interface AnalyzeOptions {
  dbvendor: string
  options?: Partial<ModelOptions>
  metadata?: MetadataTable[]
  budget?: Partial<AnalyzeBudget>
  defaultDatabase?: string
  defaultSchema?: string
}

export const defaultBudget: AnalyzeBudget = { maxBytes: 256 * 1024 * 1024, maxStatements: 2_000_000, maxMillis: 10 * 60_000 }

/**
 * Analyse SQL text (or several files as one script, so lineage crosses files) into the full internal
 * model. Never throws: unparsable statements become SyntaxError entries; the budget stops the run
 * between statements with an AnalyzeError.
 */
export function analyze(input: string | AnalyzeInput, opts: AnalyzeOptions): AnalysisResult {
  const run = analysis(input, opts)
  let step = run.next()
  while (!step.done) step = run.next()
  return step.value
}

/**
 * The same analysis, giving the thread's event loop a turn every `yieldEveryMs` between pieces of
 * the script. The engine threads use it: V8 runs its garbage-collection tasks on the event loop,
 * and with none for the seconds of a big analysis it finished a full collection of the whole heap in
 * one pause (100–180 ms at 50 MB, inside statements); with a turn every 20 ms it marks concurrently
 * and pauses 10–17 ms. The thread runs one task at a time, so nothing else starts in those turns.
 */
export async function analyzeAsync(input: string | AnalyzeInput, opts: AnalyzeOptions, yieldEveryMs = 20): Promise<AnalysisResult> {
  const run = analysis(input, opts)
  let last = performance.now()
  for (let step = run.next(); ; step = run.next()) {
    if (step.done) return step.value
    if (performance.now() - last >= yieldEveryMs) {
      await new Promise<void>((resolve) => setImmediate(resolve))
      last = performance.now()
    }
  }
}

/** the analysis as steps: it pauses after each piece of a file (lexer/chunks.ts) */
function* analysis(input: string | AnalyzeInput, opts: AnalyzeOptions): Generator<void, AnalysisResult> {
  const t0 = performance.now()
  const files: SourceFile[] = typeof input === 'string' ? [{ name: '', text: input }] : input.files ?? [{ name: '', text: input.sql ?? '' }]
  const v = resolveVendor(opts.dbvendor)
  const b = new ModelBuilder()
  const statements: StatementInfo[] = []
  const stats = { bytes: 0, statements: 0, millis: 0, truncated: false }
  if (!v.ok) {
    b.error('AnalyzeError', v.error, undefined)
    return analysisResult(b.store, opts.dbvendor, statements, stats)
  }
  const d = dialectOf(v.vendor)
  const budget = { ...defaultBudget, ...opts.budget }
  const options = { ...defaultModelOptions, ...opts.options }
  const a = new Analyzer(b, d)
  a.countDirect = options.countArgumentsDirect
  a.showConstants = options.showConstantTable
  const flow = new StatementFlow(a)
  loadMetadata(a, opts.metadata ?? [])
  const single = files.length === 1 && !files[0].name
  for (const f of files) {
    if (stats.truncated) break
    stats.bytes += f.text.length
    if (stats.bytes > budget.maxBytes) { stop(b, stats, `input exceeds the analysis budget of ${budget.maxBytes} bytes`); break }
    b.hashCode = single ? '0' : createHash('md5').update(f.text).digest('hex')
    yield* analyzeFile(f, single, d, a, flow, statements, stats, budget, t0)
  }
  b.finish()
  stats.millis = Math.round(performance.now() - t0)
  return analysisResult(b.store, v.vendor, statements, stats)
}

function* analyzeFile(f: SourceFile, single: boolean, d: DialectSpec, a: Analyzer, flow: StatementFlow, statements: StatementInfo[],
  stats: AnalysisResult['stats'], budget: AnalyzeBudget, t0: number): Generator<void, void> {
  const b = a.b
  const text = preprocess(f.text, d)
  a.setText(f.text)
  const counter = { index: 0 }
  for (const chunk of splitChunks(text, d)) {
    if (stats.truncated) return
    yield
    try {
      const { tokens, unterminated } = tokenize(chunk.text, d, chunk.offset, chunk.line)
      for (const c of unterminated) b.error('SyntaxError', `unterminated comment (${c.line},${c.col})`, mkLoc(c.line, c.col, c.eline, c.ecol))
      // each statement is analysed as soon as it is parsed: only one statement's AST is alive at a time
      parseScript(tokens, d, (ps) => runStatement(ps, f, single, a, flow, statements, stats, budget, t0, counter))
    } catch (e) {
      b.error('AnalyzeError', `could not read the SQL: ${(e as Error).message}`, undefined)
      return
    }
  }
}

function syntaxError(b: ModelBuilder, e: { message: string; token?: Token }, first: Token, f: SourceFile): void {
  const t = e.token ?? first
  b.error('SyntaxError', `${e.message} (${t.line},${t.col})`, mkLoc(t.line, t.col, t.eline, t.ecol))
  if (f.name) b.errors[b.errors.length - 1].file = f.name
}

/** analyse one parsed statement; false when the budget stops the analysis */
function runStatement(ps: import('./parser/script.js').ParsedStatement, f: SourceFile, single: boolean, a: Analyzer, flow: StatementFlow,
  statements: StatementInfo[], stats: AnalysisResult['stats'], budget: AnalyzeBudget, t0: number, counter: { index: number }): boolean {
  const b = a.b
  if (!withinBudget(stats, budget, t0)) { stop(b, stats, `analysis budget reached after ${stats.statements} statements`); return false }
  stats.statements++
  const info = new StatementRecord(counter.index++, single ? undefined : f.name, b.hashCode,
    ps.first.line, ps.first.col, ps.first.start, ps.last.eline, ps.last.ecol, ps.last.end, ps.stmt?.k ?? 'error', !ps.error)
  statements.push(info)
  b.beginStatement(statements.length - 1)
  if (ps.error) { syntaxError(b, ps.error, ps.first, f); return true }
  if (ps.skipped) for (const e of ps.skipped) syntaxError(b, e, ps.first, f)
  a.reads = new Set(); a.writes = new Set(); a.referenced = new Set()
  const s0 = performance.now()
  try {
    flow.run(ps.stmt!)
  } catch (e) {
    info.ok = false
    b.error('AnalyzeError', `could not analyse the statement: ${(e as Error).message}`, mkLoc(ps.first.line, ps.first.col, ps.last.eline, ps.last.ecol))
  }
  const took = performance.now() - s0
  if (took > (stats.slowestStatementMillis ?? 0)) stats.slowestStatementMillis = Math.round(took * 10) / 10
  info.reads = StatementRecord.ids(a.reads)
  info.writes = StatementRecord.ids(a.writes)
  return true
}

function withinBudget(stats: AnalysisResult['stats'], budget: AnalyzeBudget, t0: number): boolean {
  if (stats.statements >= budget.maxStatements) return false
  // the clock is read every 16 statements: cheap, and a statement is far below the time budget
  return (stats.statements & 15) !== 0 || performance.now() - t0 < budget.maxMillis
}

function stop(b: ModelBuilder, stats: AnalysisResult['stats'], message: string): void {
  stats.truncated = true
  b.error('AnalyzeError', message, undefined)
}

function loadMetadata(a: Analyzer, tables: import('./analyze.js').MetadataTable[]): void {
  for (const t of tables) {
    const parts = [t.database, t.schema, t.name].filter((x): x is string => !!x)
    const loc = mkLoc(-1, -1, -1, -1)
    const q = { parts: parts.map((name) => ({ name, quoted: false, loc })), loc }
    const e = a.entry(q, undefined, t.type === 'view' ? 'view' : 'table')
    e.columns = [...t.columns]
    a.catalog.setKnown(e)
  }
}

export type { LineageError }
