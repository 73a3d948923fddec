// The compact model's own serialised form: how an analysis result moves between threads and
// processes and sits in the KvStore. It is a list of strings (parts) rather than one JSON text,
// because a big result as one string would pass V8's ~512 MB string limit and Redis's bulk limit;
// the typed arrays travel as base64, objects and statements as JSON slices.
//
//   const parts = encodeResult(result)          // string[]
//   const again = decodeResult(parts)           // AnalysisResult; again.model materialises on first read
import type { AnalysisResult, StatementInfo } from './types.js'
import { analysisResult, modelObj, ModelStore, OBJ_FIELDS, type ModelObj, type ObjExtra } from './store.js'

const VERSION = 2
/** objects or statements per JSON part: a few MB each */
const SLICE = 20_000

interface Manifest {
  v: number
  dbvendor: string
  stats: AnalysisResult['stats']
  strings: string[]
  errors: ModelStore['errors']
  extras: Array<[number, unknown]>
  /** part index of each typed array */
  arrays: Record<string, number>
  objects: number[]
  statements: number[]
  colNames: number[]
  colDataTypes: Array<[number, string]>
}

type PackedObj = [string, string, ModelObj['type'], number, number, number, ObjExtra | 0, number[]]

function packObject(o: ModelObj): PackedObj {
  let extra: ObjExtra | 0 = 0
  for (const f of OBJ_FIELDS) if (o[f] !== undefined) (extra ||= {} as ObjExtra)[f] = o[f] as never
  return [o.id, o.name, o.type, o.statementIndex, o.occ, o.occTail, extra, o.columns]
}

function unpackObject(p: PackedObj, ix: number): ModelObj {
  const [id, name, type, statementIndex, occ, occTail, extra, columns] = p
  return modelObj(id, name, type, columns, statementIndex, ix, occ, occTail, extra)
}

function toBase64(a: Int32Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64')
}

function fromBase64(s: string): Int32Array {
  const bytes = Buffer.from(s, 'base64')
  const out = new Int32Array(bytes.length >> 2)
  new Uint8Array(out.buffer).set(bytes.subarray(0, out.length << 2))
  return out
}

function slices<T>(list: T[], size = SLICE): T[][] {
  const out: T[][] = []
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size))
  return out
}

/** `slice`: objects or statements per JSON part */
export function encodeResult(r: AnalysisResult, { slice = SLICE } = {}): string[] {
  const st = r.store
  const parts: string[] = ['']
  const add = (s: string): number => parts.push(s) - 1
  const manifest: Manifest = {
    v: VERSION, dbvendor: r.dbvendor, stats: r.stats, strings: st.strings.list, errors: st.errors, extras: [...st.extras],
    arrays: {}, objects: [], statements: [], colNames: [], colDataTypes: [...st.colDataType],
  }
  for (const [name, ints] of Object.entries(st.arrays())) manifest.arrays[name] = add(toBase64(ints.toArray()))
  for (const s of slices(st.objects, slice)) manifest.objects.push(add(JSON.stringify(s.map(packObject))))
  for (const s of slices(r.statements, slice)) manifest.statements.push(add(JSON.stringify(s)))
  // names repeat across columns: the distinct names once, and an index per column
  const distinct: string[] = []
  const nameIx = new Map<string, number>()
  const ix = new Int32Array(st.colName.length)
  for (let c = 0; c < st.colName.length; c++) {
    let k = nameIx.get(st.colName[c])
    if (k === undefined) { k = distinct.length; distinct.push(st.colName[c]); nameIx.set(st.colName[c], k) }
    ix[c] = k
  }
  for (const s of slices(distinct, slice * 10)) manifest.colNames.push(add(JSON.stringify(s)))
  manifest.arrays.colNameIx = add(toBase64(ix))
  parts[0] = JSON.stringify(manifest)
  return parts
}

export function decodeResult(parts: string[]): AnalysisResult {
  const m = JSON.parse(parts[0] ?? 'null') as Manifest | null
  if (!m || m.v !== VERSION) throw new Error('stored analysis result has an unknown format')
  const objects: ModelObj[] = []
  for (const k of m.objects) for (const p of JSON.parse(parts[k]) as PackedObj[]) objects.push(unpackObject(p, objects.length))
  const distinct: string[] = []
  for (const k of m.colNames) for (const n of JSON.parse(parts[k]) as string[]) distinct.push(n)
  const arrays = Object.fromEntries(Object.entries(m.arrays).map(([name, k]) => [name, fromBase64(parts[k])]))
  const colNames = Array.from(arrays.colNameIx, (k) => distinct[k])
  const store = ModelStore.restore({ objects, colNames, colDataTypes: m.colDataTypes, errors: m.errors, strings: m.strings, extras: m.extras as never, arrays })
  // statements are parsed on first use: exports and graphs of a job rarely need them
  return analysisResult(store, m.dbvendor, () => {
    const statements: StatementInfo[] = []
    for (const k of m.statements) for (const s of JSON.parse(parts[k]) as StatementInfo[]) statements.push(s)
    return statements
  }, m.stats)
}

/** decodeResult on first call, once: readers that need only a record or the sources never pay for it */
export function lazyResult(parts: string[]): () => AnalysisResult {
  let decoded: AnalysisResult | undefined
  return () => (decoded ??= decodeResult(parts))
}
