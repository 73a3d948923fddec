// Conformance harness: derive end-to-end edges from the full model (fixtures README §2–§10) and compare.
import { readdirSync, readFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { analyze } from '../../lineage/index.js'
import { endToEndEdges, isPersistent } from '../../lineage/model/project.js'
import type { DbObj, AnalysisResult } from '../../lineage/model/types.js'

export const CASES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'conformance', 'cases')

export interface Case {
  id: string; dbvendor: string; sql: string; options: Record<string, unknown>
  expect: { fdd: string[][]; fddExact: boolean; fdr?: string[][]; fdrExact?: boolean; tablesRead?: string[]; tablesWritten?: string[];
    errors: 'none' | 'syntax'; coordinates?: Array<{ kind: string; name: string; start: number[]; end: number[] }> }
}

export function loadCases(folders?: string[]): Case[] {
  const out: Case[] = []
  for (const f of readdirSync(CASES_DIR).sort()) {
    if (folders && !folders.includes(f)) continue
    for (const file of readdirSync(join(CASES_DIR, f)).sort()) out.push(JSON.parse(readFileSync(join(CASES_DIR, f, file), 'utf8')))
  }
  return out
}

interface Part { name: string; quoted: boolean }

export function splitName(s: string): Part[] {
  const parts: Part[] = []
  let i = 0
  while (i < s.length) {
    const c = s[i]
    if (c === '"' || c === '`' || c === '[') {
      const close = c === '[' ? ']' : c
      let j = i + 1; let name = ''
      while (j < s.length) {
        if (s[j] === close) { if (s[j + 1] === close) { name += close; j += 2; continue } break }
        name += s[j++]
      }
      parts.push({ name, quoted: true }); i = j + 1
    } else {
      let j = i; while (j < s.length && s[j] !== '.') j++
      parts.push({ name: s.slice(i, j), quoted: false }); i = j
    }
    if (s[i] === '.') i++
  }
  return parts
}

const CI_QUOTED = new Set(['dbvmssql', 'dbvsybase', 'dbvmysql', 'dbvhive', 'dbvimpala', 'dbvbigquery', 'dbvmdx', 'dbvcouchbase'])

function nameMatches(expected: string, produced: string, vendor: string): boolean {
  const e = splitName(expected)
  const p = splitName(produced).filter((x) => x.name.toUpperCase() !== 'DEFAULT')
  if (e.length !== p.length) return false
  return e.every((ep, i) => (ep.quoted && !CI_QUOTED.has(vendor) ? ep.name === p[i].name : ep.name.toUpperCase() === p[i].name.toUpperCase()))
}

function pairMatches(e: string[], p: string[], vendor: string): boolean { return nameMatches(e[0], p[0], vendor) && nameMatches(e[1], p[1], vendor) }

export function compareSets<T>(expected: T[], produced: T[], eq: (a: T, b: T) => boolean, exact: boolean): { missing: T[]; extra: T[] } {
  const used = new Set<number>()
  const missing: T[] = []
  for (const e of expected) {
    const i = produced.findIndex((p, k) => !used.has(k) && eq(e, p))
    if (i < 0) missing.push(e); else used.add(i)
  }
  const extra = exact ? produced.filter((_, k) => !used.has(k)) : []
  return { missing, extra }
}

const quoteCol = (c: string) => (/^[A-Za-z_#@$][\w$#@-]*$/.test(c) || c === '*' ? c : `"${c.replace(/"/g, '""')}"`)

export interface CaseRun { result: AnalysisResult; fdd: string[][]; fdr: string[][]; read: string[]; written: string[]; rsName: (o: DbObj) => string | undefined }

export function runCase(c: Case): CaseRun {
  const o = c.options
  const result = analyze(c.sql, { dbvendor: c.dbvendor, options: {
    countArgumentsDirect: o.treatArgumentsInCountFunctionAsDirectDataflow === undefined ? true : Boolean(o.treatArgumentsInCountFunctionAsDirectDataflow),
  } })
  const tops = result.model.dbobjs.filter((x) => x.topLevel).sort((a, b) => (a.statementIndex! - b.statementIndex!) || (a.coordinates[0]?.x ?? 0) - (b.coordinates[0]?.x ?? 0) || (a.coordinates[0]?.y ?? 0) - (b.coordinates[0]?.y ?? 0))
  const rsIndex = new Map(tops.map((x, i) => [x.id, `RS-${i + 1}`]))
  const rsName = (x: DbObj) => rsIndex.get(x.id)
  const isLocation = (x: DbObj) => x.type === 'path' || x.type === 'stage'
  const keep = (x: DbObj) => (isPersistent(x) && !isLocation(x)) || rsIndex.has(x.id)
  const edges = endToEndEdges(result.model, keep).filter((e) => !rsIndex.has(e.source.obj.id))
  const name = (x: DbObj, col: string) => `${rsIndex.get(x.id) ?? x.name}.${quoteCol(col)}`
  const fdd = edges.filter((e) => e.type === 'fdd').map((e) => [name(e.source.obj, e.source.column), name(e.target.obj, e.target.column)])
  const fdr = edges.filter((e) => e.type === 'fdr').map((e) => [name(e.source.obj, e.source.column), name(e.target.obj, e.target.column)])
  const byId = new Map(result.model.dbobjs.map((x) => [x.id, x]))
  const names = (ids: string[]) => [...new Set(ids.map((id) => byId.get(id)).filter((x): x is DbObj => !!x && isPersistent(x) && !isLocation(x)).map((x) => x.name))]
  return { result, fdd, fdr, read: names(result.statements.flatMap((s) => s.reads)), written: names(result.statements.flatMap((s) => s.writes)), rsName }
}

export function checkCase(c: Case): string[] {
  const problems: string[] = []
  const r = runCase(c)
  const v = c.dbvendor
  const pe = (a: string[], b: string[]) => pairMatches(a, b, v)
  const cmp = (label: string, exp: string[][], got: string[][], exact: boolean) => {
    const { missing, extra } = compareSets(exp, got, pe, exact)
    if (missing.length) problems.push(`${label} missing: ${missing.map((x) => x.join(' -> ')).join('; ')}`)
    if (extra.length) problems.push(`${label} extra: ${extra.map((x) => x.join(' -> ')).join('; ')}`)
  }
  cmp('fdd', c.expect.fdd, r.fdd, c.expect.fddExact)
  if (c.expect.fdr) cmp('fdr', c.expect.fdr, r.fdr, !!c.expect.fdrExact)
  const ne = (a: string, b: string) => nameMatches(a, b, v)
  for (const [label, exp, got] of [['tablesRead', c.expect.tablesRead, r.read], ['tablesWritten', c.expect.tablesWritten, r.written]] as const) {
    if (!exp) continue
    const { missing, extra } = compareSets([...exp], got, ne, true)
    if (missing.length || extra.length) problems.push(`${label}: missing [${missing.join(', ')}] extra [${extra.join(', ')}]`)
  }
  const errs = r.result.model.errors ?? []
  const hard = errs.filter((e) => e.errorType === 'SyntaxError' || e.errorType === 'AnalyzeError')
  if (c.expect.errors === 'none' && hard.length) problems.push(`errors: ${hard.map((e) => e.errorMessage).join(' | ')}`)
  if (c.expect.errors === 'syntax' && !errs.some((e) => e.errorType === 'SyntaxError')) problems.push('expected a SyntaxError')
  for (const co of c.expect.coordinates ?? []) if (!hasCoordinate(r, co, v)) problems.push(`coordinate ${co.kind} ${co.name} ${co.start}-${co.end} not found`)
  return problems
}

function hasCoordinate(r: CaseRun, co: { kind: string; name: string; start: number[]; end: number[] }, v: string): boolean {
  const has = (cs: Array<{ x: number; y: number }>) => {
    for (let i = 0; i + 1 < cs.length; i += 2) if (cs[i].x === co.start[0] && cs[i].y === co.start[1] && cs[i + 1].x === co.end[0] && cs[i + 1].y === co.end[1]) return true
    return false
  }
  for (const o of r.result.model.dbobjs) {
    const oname = r.rsName(o) ?? o.name
    if (co.kind === 'table') { if (isPersistent(o) && nameMatches(co.name, oname, v) && has(o.coordinates)) return true; continue }
    for (const col of o.columns ?? []) if (nameMatches(co.name, `${oname}.${quoteCol(col.name)}`, v) && has(col.coordinates)) return true
  }
  return false
}
