// What a job run sends to the engine thread and what comes back besides the serialised result:
// statement counts and per-file errors, enough to set the job status without reading the model.
import type { AnalysisResult } from '../../lineage/index.js'
import type { FileError } from './types.js'

export interface AnalyzeRequest {
  files: Array<{ name: string; text: string }>
  dbvendor: string
  defaultDatabase: string
  defaultSchema: string
  budget: { maxBytes: number; maxStatements: number; maxMillis: number }
}

export interface AnalysisSummary {
  statements: number
  okStatements: number
  truncated: boolean
  fileErrors: FileError[]
  /** files that produced at least one statement or error (progress) */
  filesSeen: number
}

const FAILING = new Set(['SyntaxError', 'AnalyzeError'])

export function summarise(result: AnalysisResult, fileNames: string[]): AnalysisSummary {
  const fileErrors: FileError[] = []
  for (const e of result.store.errors) {
    if (!FAILING.has(e.errorType)) continue
    const at = e.coordinates[0]
    fileErrors.push({ file: e.file ?? fileNames[0] ?? '', errorType: e.errorType, message: e.errorMessage, ...(at ? { line: at.x, column: at.y } : {}) })
  }
  const files = new Set(result.statements.map((s) => s.file))
  return {
    statements: result.statements.length,
    okStatements: result.statements.filter((s) => s.ok).length,
    truncated: result.stats.truncated,
    fileErrors,
    filesSeen: files.size,
  }
}
