// The built-in module catalogue: modules backed by this server's own lineage engine. A module is
// runnable only when its spec.Cmd names one of these; any other Cmd is stored as data and never
// handed to a shell or a process (this file is the only place a Cmd is turned into behaviour).

export interface ModuleSpec {
  Name: string
  Description: string
  Version: string
  CategoryTags: string[]
  Cmd: string
  Param: Record<string, { Default: string, Type: string }>
  Input: Record<string, string[]>
  Output: Record<string, string[]>
}

export interface SourceFile { name: string, text: string }

/** One produced file of a step; `name` is unique within the job. */
export interface Artifact { name: string, contentType: string, content: string }

/** What a built-in needs from the engine; wired to lineage/ by the plugin (port, not framework). */
export interface LineageRunner {
  /** Lineage of the files analysed as one script: SQLFlow JSON (as the SQLFlow API returns it) and CSV. */
  lineage (files: SourceFile[], params: Record<string, string>): Promise<{ json: string, csv: string }>
  /** The same analysis exported to interchange formats. */
  exportLineage (files: SourceFile[], params: Record<string, string>, formats: string[]): Promise<Record<string, string>>
}

export interface StepContext {
  files: SourceFile[]
  params: Record<string, string>
  log: (line: string) => Promise<void>
}

export type BuiltinRun = (engine: LineageRunner, ctx: StepContext) => Promise<Artifact[]>

export interface Builtin { id: number, spec: ModuleSpec, tags: string[], run: BuiltinRun }

const vendorParam = { Default: 'dbvoracle', Type: 'string' }

const sqlLineage: Builtin = {
  id: 1,
  tags: ['SQL', 'Lineage'],
  spec: {
    Name: 'SQL Lineage',
    Description: 'Column-level data lineage of SQL files, computed by this gateway\'s engine (the same model the SQLFlow API returns).',
    Version: '1.0.0',
    CategoryTags: ['SQL', 'Lineage'],
    Cmd: 'builtin:sql-lineage',
    Param: {
      dbvendor: vendorParam,
      showRelationType: { Default: 'fdd', Type: 'string' },
      ignoreRecordSet: { Default: 'false', Type: 'bool' },
      simpleOutput: { Default: 'false', Type: 'bool' },
    },
    Input: { sql: ['sql'] },
    Output: { lineage: ['json'], lineage_csv: ['csv'] },
  },
  async run (engine, ctx) {
    await ctx.log(`analysing ${ctx.files.length} file(s) as ${ctx.params.dbvendor ?? ''}`)
    const out = await engine.lineage(ctx.files, ctx.params)
    return [
      { name: 'lineage.json', contentType: 'application/json', content: out.json },
      { name: 'lineage.csv', contentType: 'text/csv', content: out.csv },
    ]
  },
}

const EXPORT_FORMATS: Record<string, { file: string, contentType: string }> = {
  openlineage: { file: 'openlineage.ndjson', contentType: 'application/x-ndjson' },
  graphml: { file: 'lineage.graphml', contentType: 'application/graphml+xml' },
}

const lineageExport: Builtin = {
  id: 2,
  tags: ['SQL', 'Lineage', 'Export'],
  spec: {
    Name: 'Lineage Export',
    Description: 'Exports the lineage of SQL files as OpenLineage run events and GraphML.',
    Version: '1.0.0',
    CategoryTags: ['SQL', 'Lineage', 'Export'],
    Cmd: 'builtin:lineage-export',
    Param: { dbvendor: vendorParam, formats: { Default: 'openlineage,graphml', Type: 'string' } },
    Input: { sql: ['sql'] },
    Output: { openlineage: ['ndjson'], graphml: ['graphml'] },
  },
  async run (engine, ctx) {
    const formats = (ctx.params.formats ?? '').split(',').map((f) => f.trim().toLowerCase()).filter(Boolean)
    const unknown = formats.filter((f) => EXPORT_FORMATS[f] === undefined)
    if (formats.length === 0 || unknown.length > 0) throw new Error(`formats must be a comma list of: ${Object.keys(EXPORT_FORMATS).join(', ')}`)
    await ctx.log(`exporting ${ctx.files.length} file(s) as ${formats.join(', ')}`)
    const out = await engine.exportLineage(ctx.files, ctx.params, formats)
    return formats.map((f) => ({ name: EXPORT_FORMATS[f]!.file, contentType: EXPORT_FORMATS[f]!.contentType, content: out[f] ?? '' }))
  },
}

export const BUILTINS: readonly Builtin[] = [sqlLineage, lineageExport]
