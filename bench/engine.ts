// Engine throughput: full analysis (lex, parse, resolve, dataflow) of 1, 10 and 50 MB warehouse scripts.
// Usage: npm run bench:engine [-- sizesMB...]   (each size runs in a fresh process for a clean RSS)
// It measures the engine as the server, the workers and the CLI run it: compiled by tsc into dist/
// (under tsx, esbuild's keepNames wraps every closure the hot path makes: 10 MB took ~20 % longer).
// BENCH_WARM=0 skips the second (warm) analysis of each size.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { analyzeAsync, ENGINE_V8_FLAGS } from '../lineage/index.js'
import { warehouseScript } from './engine-sql.js'

const self = fileURLToPath(import.meta.url)

// analyzeAsync, as the server's and the jobs' engine threads run it (it gives V8's GC tasks turns)
async function runOne(mb: number): Promise<void> {
  const sql = warehouseScript(mb * 1024 * 1024)
  await analyzeAsync(warehouseScript(64 * 1024), { dbvendor: 'dbvpostgresql' }) // warm the lexer and JIT
  const row = await cold(sql, mb)
  // a server's engine thread analyses request after request: the same input again, in the warmed
  // process (JIT tiers reached, young generation grown), is the throughput a running server sees
  let warmMs = 0
  if (process.env.BENCH_WARM !== '0') {
    const t = performance.now()
    await analyzeAsync(sql, { dbvendor: 'dbvpostgresql' })
    warmMs = performance.now() - t
  }
  console.log(JSON.stringify({ ...row, warmMs: Math.round(warmMs), warmMbPerS: warmMs ? +(row.bytes / 1048576 / (warmMs / 1000)).toFixed(2) : 0 }))
}

/** the first analysis in a fresh process, its peak RSS, and the SQLFlow objects made from it */
async function cold(sql: string, mb: number) {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss) }, 20)
  const t0 = performance.now()
  const r = await analyzeAsync(sql, { dbvendor: 'dbvpostgresql' })
  const ms = performance.now() - t0
  const analysisPeak = Math.max(peak, process.memoryUsage().rss)
  // the SQLFlow objects are made only when a caller reads them: timed apart from the analysis
  const t1 = performance.now()
  const model = r.model
  const modelMs = performance.now() - t1
  clearInterval(timer)
  peak = Math.max(peak, process.memoryUsage().rss)
  const bytes = Buffer.byteLength(sql)
  const errors = (model.errors ?? []).filter((e) => e.errorType !== 'SyntaxHint').length
  const statements = r.stats.statements
  return { mb, bytes, statements, ms: Math.round(ms), mbPerS: +(bytes / 1048576 / (ms / 1000)).toFixed(2),
    stmtPerS: Math.round(statements / (ms / 1000)), relations: model.relations.length, peakRssMB: Math.round(analysisPeak / 1048576), errors,
    slowestStatementMs: r.stats.slowestStatementMillis ?? 0, materialiseMs: Math.round(modelMs), peakWithModelMB: Math.round(peak / 1048576) }
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0)
if (process.env.BENCH_CHILD) await runOne(sizes[0])
else {
  const rows = []
  for (const mb of sizes.length ? sizes : [1, 10, 50]) {
    // the young generation the server's and jobs' engine threads get (ENGINE_THREAD_RESOURCES: 64 MB semi-spaces), and ENGINE_V8_FLAGS
    const loader = self.endsWith('.ts') ? ['--import', 'tsx'] : []
    const r = spawnSync(process.execPath, ['--max-old-space-size=4096', '--max-semi-space-size=64', ...ENGINE_V8_FLAGS, ...loader, self, String(mb)], { env: { ...process.env, BENCH_CHILD: '1' }, encoding: 'utf8' })
    if (r.status !== 0) { console.error(r.stderr); process.exit(1) }
    const row = JSON.parse(r.stdout.trim().split('\n').pop()!)
    rows.push(row)
    console.log(`${mb} MB: ${row.ms} ms, ${row.mbPerS} MB/s, ${row.stmtPerS} statements/s, peak RSS ${row.peakRssMB} MB, ${row.relations} relations, slowest statement ${row.slowestStatementMs} ms, errors ${row.errors}; SQLFlow objects materialised in ${row.materialiseMs} ms, peak RSS with them ${row.peakWithModelMB} MB${row.warmMs ? `; again in the warm process: ${row.warmMs} ms, ${row.warmMbPerS} MB/s` : ''}`)
  }
  if (rows.length > 1) console.log(`scaling: largest/smallest time ratio ${(rows[rows.length - 1].ms / rows[0].ms).toFixed(1)} for ${(rows[rows.length - 1].mb / rows[0].mb)}x the input`)
}
