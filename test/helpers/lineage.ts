// Small helpers for engine tests: end-to-end edges as "source -> target" strings (conformance rules).
import { runCase } from './conformance.js'

export function lineage(sql: string, dbvendor = 'dbvpostgresql', options: Record<string, unknown> = {}) {
  const r = runCase({ id: 'inline', dbvendor, sql, options: { showRelationType: 'fdd,fdr', ...options },
    expect: { fdd: [], fddExact: true, errors: 'none' } })
  const fmt = (l: string[][]) => l.map(([a, b]) => `${a} -> ${b}`).sort()
  return { fdd: fmt(r.fdd), fdr: fmt(r.fdr), read: r.read.sort(), written: r.written.sort(), errors: r.result.model.errors ?? [], result: r.result }
}
