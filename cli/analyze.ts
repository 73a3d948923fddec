// `lineage-gateway analyze <file|dir|zip>... --vendor dbvoracle --format json|csv|graphml|openlineage`
// Same engine and exporters as the server. Exit code: 0 clean, 1 analysis errors, 2 usage.
import { parseArgs } from 'node:util'
import { readdir, readFile, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { analyze, projectModel, toWireModel, resolveVendor, applyEngineV8Flags } from '../lineage/index.js'
import { toCsv, toGraphml, toOpenLineageNdjson } from '../lineage/export/index.js'
import { expandUploads, defaultUploadLimits, UploadError, type UploadedPart } from '../services/uploads/index.js'

const USAGE = `usage: lineage-gateway analyze <file|dir|zip>... --vendor <dbvendor> [--format json|csv|graphml|openlineage]
       [--relation-types fdd,fdr] [--simple] [--ignore-record-set] [--delimiter ,] [--table-to-table]

Analyses SQL files offline (directories recursively, zips expanded) as one script and prints the lineage.
Exit code: 0 clean, 1 the analysis reported errors, 2 usage.
`

async function collect(path: string, root: string, out: UploadedPart[]): Promise<void> {
  const st = await stat(path)
  if (st.isDirectory()) {
    for (const e of (await readdir(path)).sort()) await collect(join(path, e), root, out)
    return
  }
  out.push({ filename: relative(root, path) || path, data: await readFile(path) })
}

export async function run(args: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: {
      vendor: { type: 'string', short: 'v' }, format: { type: 'string', short: 'f', default: 'json' },
      'relation-types': { type: 'string', default: 'fdd' }, simple: { type: 'boolean', default: false },
      'ignore-record-set': { type: 'boolean', default: false }, delimiter: { type: 'string', default: ',' },
      'table-to-table': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' },
    } })
  } catch (e) { process.stderr.write(`${(e as Error).message}\n${USAGE}`); return 2 }
  const o = parsed.values
  if (o.help) { process.stdout.write(USAGE); return 0 }
  const vendor = resolveVendor(o.vendor)
  const format = String(o.format)
  if (!parsed.positionals.length || !vendor.ok || !['json', 'csv', 'graphml', 'openlineage'].includes(format)) {
    process.stderr.write(`${!vendor.ok ? vendor.error + '\n' : ''}${USAGE}`)
    return 2
  }
  const parts: UploadedPart[] = []
  try {
    for (const p of parsed.positionals) await collect(p, (await stat(p)).isDirectory() ? p : '.', parts)
  } catch (e) { process.stderr.write(`lineage-gateway analyze: ${(e as Error).message}\n`); return 2 }
  let files
  try { files = (await expandUploads(parts, defaultUploadLimits)).files } catch (e) {
    process.stderr.write(`lineage-gateway analyze: ${e instanceof UploadError ? e.message : (e as Error).message}\n`); return 2
  }
  applyEngineV8Flags()
  const result = analyze(files.length === 1 ? files[0].text : { files }, { dbvendor: vendor.vendor })
  const model = projectModel(result.model, { showRelationType: String(o['relation-types']).split(','), simpleOutput: o.simple, ignoreRecordSet: o['ignore-record-set'] })
  const out = format === 'csv' ? toCsv(model, { delimiter: String(o.delimiter), tableToTable: o['table-to-table'] })
    : format === 'graphml' ? toGraphml(model, { tableToTable: o['table-to-table'] })
      : format === 'openlineage' ? toOpenLineageNdjson(model, { statements: result.statements })
        : JSON.stringify(toWireModel(model), null, 2) + '\n'
  process.stdout.write(out)
  const errors = (result.model.errors ?? []).filter((e) => e.errorType === 'SyntaxError' || e.errorType === 'AnalyzeError')
  for (const e of errors) process.stderr.write(`${e.file ? e.file + ': ' : ''}${e.errorType}: ${e.errorMessage}\n`)
  return errors.length ? 1 : 0
}
