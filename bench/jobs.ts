// Job benchmark: a repository of FILES files / MB megabytes of SQL, zipped, submitted to a real API
// process over HTTP with BullMQ on Redis, consumed by 1 then 2 worker processes. Prints wall time
// per job, jobs/minute, and the peak RSS of the API and of each worker (sampled from /proc).
// Usage: REDIS_URL=redis://127.0.0.1:6379 node --import tsx bench/jobs.ts [files=1000] [mb=50] [jobs=2]
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { generateRepo } from './sql-gen.js'
import { buildZip } from '../test/helpers/zip.js'

const [files = 1000, mb = 50, jobs = 2] = process.argv.slice(2).map(Number)
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const PORT = 18_000 + Math.floor(Math.random() * 1000)
const id = randomBytes(4).toString('hex')
const env = {
  ...process.env, REDIS_URL, PORT: String(PORT), HOST: '127.0.0.1', AUTH_MODE: 'onprem', JWT_SECRET: 'bench-secret-0123456789abcdef0123',
  JOB_QUEUE_PREFIX: `{bench-${id}}`, JOB_EMBEDDED_WORKER: 'false', LOG_LEVEL: 'warn', UPLOAD_MAX_FILE_BYTES: String(512 * 1024 * 1024),
  UPLOAD_MAX_TOTAL_BYTES: String(1024 * 1024 * 1024), JOB_MAX_TOTAL_BYTES: String(1024 * 1024 * 1024), JOB_MAX_FILE_BYTES: String(64 * 1024 * 1024),
  JOB_MAX_MILLIS: String(60 * 60_000), NODE_OPTIONS: '--max-old-space-size=12288',
}

function start(entry: string): ChildProcess {
  const c = spawn(process.execPath, ['--import', 'tsx', entry], { env, stdio: ['ignore', 'inherit', 'inherit'] })
  return c
}

/** Peak RSS of a process and its worker threads (VmHWM covers the whole process). */
function peakRss(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m ? Number(m[1]) * 1024 : 0
}

async function call(path: string, body: FormData | URLSearchParams): Promise<any> {
  const res = await fetch(`http://127.0.0.1:${PORT}/gspLive_backend/sqlflow/job/${path}`, { method: 'POST', body })
  return res.json()
}

async function waitUp(): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try { if ((await fetch(`http://127.0.0.1:${PORT}/health`)).ok) return } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error('API did not start')
}

/** One export of a finished job: bytes and time of the download (the API decodes the stored result). */
async function exportOnce(jobId: string, name: string): Promise<{ ms: number; bytes: number; status: number }> {
  const t0 = Date.now()
  const res = await fetch(`http://127.0.0.1:${PORT}/gspLive_backend/sqlflow/job/${name}`, { method: 'POST', body: new URLSearchParams({ ...user, jobId }) })
  const body = Buffer.from(await res.arrayBuffer())
  return { ms: Date.now() - t0, bytes: body.length, status: res.status }
}

const user = { userId: 'gudu|0123456789', token: 'token' }

async function runJobs(zip: Buffer, n: number): Promise<{ walls: number[]; ids: string[] }> {
  const started = Date.now()
  const ids: string[] = []
  for (let i = 0; i < n; i++) {
    const fd = new FormData()
    fd.set('userId', user.userId); fd.set('token', user.token); fd.set('jobName', `bench${i}`); fd.set('dbvendor', 'dbvmssql')
    fd.set('sqlfiles', new Blob([zip]), 'repo.zip')
    const r = await call('submitUserJob', fd)
    if (r.code !== 200) throw new Error(JSON.stringify(r))
    ids.push(r.data.jobId)
  }
  const walls: number[] = []
  for (const jobId of ids) {
    for (;;) {
      const s = await call('displayUserJobSummary', new URLSearchParams({ ...user, jobId }))
      if (['success', 'partial_success', 'fail'].includes(s.data.status)) {
        if (s.data.status === 'fail') console.log('job failed:', s.data.errorMessage)
        walls.push(Date.now() - started)
        break
      }
      await new Promise((r) => setTimeout(r, 250))
    }
  }
  return { walls, ids }
}

async function main(): Promise<void> {
  const repo = generateRepo(files, Math.round((mb * 1024 * 1024) / files))
  const bytes = repo.reduce((s, f) => s + Buffer.byteLength(f.text), 0)
  const zip = await buildZip(repo.map((f) => ({ name: f.name, data: f.text })))
  console.log(`repository: ${files} files, ${(bytes / 1048576).toFixed(1)} MB SQL, zip ${(zip.length / 1048576).toFixed(1)} MB`)
  const api = start('server.ts')
  await waitUp()
  for (const workers of [1, 2]) {
    const ws = Array.from({ length: workers }, () => start('worker.ts'))
    const { walls, ids } = await runJobs(zip, jobs)
    const total = walls[walls.length - 1]! / 1000
    const csv = await exportOnce(ids[0]!, 'exportLineageAsCsv')
    console.log(JSON.stringify({
      workers, jobs, firstJobWallS: +(walls[0]! / 1000).toFixed(1), allJobsWallS: +total.toFixed(1),
      jobsPerMinute: +((jobs / total) * 60).toFixed(2), apiPeakRssMB: Math.round(peakRss(api.pid!) / 1048576),
      workerPeakRssMB: ws.map((w) => Math.round(peakRss(w.pid!) / 1048576)),
      csvExport: { ms: csv.ms, kB: Math.round(csv.bytes / 1024), status: csv.status },
    }))
    for (const w of ws) w.kill('SIGTERM')
    await Promise.all(ws.map((w) => new Promise((r) => w.once('exit', r))))
  }
  api.kill('SIGTERM')
}

main().catch((e) => { console.error(e); process.exit(1) })
