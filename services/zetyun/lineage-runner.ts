// The built-in modules' engine port, implemented with this server's lineage engine and exporters —
// the same analysis, projection and wire model the SQLFlow API answers with.
import { projectModel, resolveVendor, toWireModel, type AnalysisResult, type ModelOptions } from '../../lineage/index.js'
import { toCsv, toGraphml, toOpenLineageNdjson } from '../../lineage/export/index.js'
import type { LineageRunner, SourceFile } from './builtins.js'

/** Runs the engine (in production on the job thread pool, off the event loop). */
export type AnalyzeFiles = (files: SourceFile[], dbvendor: string) => Promise<AnalysisResult>

function bool (params: Record<string, string>, name: string): boolean {
  const v = (params[name] ?? 'false').trim().toLowerCase()
  if (v === 'true' || v === '1') return true
  if (v === 'false' || v === '0' || v === '') return false
  throw new Error(`parameter ${name} must be true or false`)
}

function vendorOf (params: Record<string, string>): string {
  const v = resolveVendor(params.dbvendor)
  if (!v.ok) throw new Error(v.error)
  return v.vendor
}

export function modelOptions (params: Record<string, string>): Partial<ModelOptions> {
  const types = (params.showRelationType ?? 'fdd').split(',').map((s) => s.trim()).filter(Boolean)
  const unknown = types.filter((x) => !['fdd', 'fdr', 'frd', 'join', 'er', 'call'].includes(x))
  if (unknown.length > 0) throw new Error(`showRelationType: unknown relation type(s) ${unknown.join(', ')}`)
  return { showRelationType: types, ignoreRecordSet: bool(params, 'ignoreRecordSet'), simpleOutput: bool(params, 'simpleOutput') }
}

export function createLineageRunner (analyzeFiles: AnalyzeFiles): LineageRunner {
  return {
    async lineage (files, params) {
      const options = modelOptions(params)
      const result = await analyzeFiles(files, vendorOf(params))
      const model = toWireModel(projectModel(result.model, options))
      return { json: JSON.stringify(model), csv: toCsv(model) }
    },
    async exportLineage (files, params, formats) {
      const result = await analyzeFiles(files, vendorOf(params))
      const out: Record<string, string> = {}
      if (formats.includes('openlineage')) out.openlineage = toOpenLineageNdjson(result.model, { statements: result.statements, sources: files })
      if (formats.includes('graphml')) out.graphml = toGraphml(result.model)
      return out
    },
  }
}
