import type { AnalysisResult, ModelOptions } from './model/types.js'

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

/**
 * Analyse SQL text (or several files as one script, so lineage crosses files) into the full internal
 * model. Never throws: unparsable statements become SyntaxError entries; the budget stops the run
 * between statements with an AnalyzeError.
 */
export function analyze(input: string | AnalyzeInput, opts: AnalyzeOptions): AnalysisResult {
  void input; void opts
  throw new Error('engine under construction')
}
