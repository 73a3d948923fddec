// Limits of what one job upload may expand to. Defaults fit a 1 000-file / 50 MB repository; every
// value can be set from the environment (README "Jobs and CSV columns").
export interface UploadLimits {
  /** files taken from all zips of one request, nested ones included */
  maxEntries: number
  /** uncompressed bytes of all files of one request */
  maxTotalBytes: number
  /** uncompressed bytes of one file (an uploaded part or a zip entry) */
  maxFileBytes: number
  /** uncompressed / compressed size of an entry above which it is treated as a zip bomb */
  maxRatio: number
  /** entries smaller than this are not ratio-checked (tiny repetitive files compress very well) */
  ratioMinBytes: number
  /** zips inside zips: 1 = a zip may contain zips, which may not */
  maxDepth: number
}

export const defaultUploadLimits: UploadLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 256 * 1024 * 1024,
  maxFileBytes: 32 * 1024 * 1024,
  maxRatio: 200,
  ratioMinBytes: 1024 * 1024,
  maxDepth: 1,
}

const ENV: Record<keyof UploadLimits, string> = {
  maxEntries: 'JOB_MAX_ENTRIES',
  maxTotalBytes: 'JOB_MAX_TOTAL_BYTES',
  maxFileBytes: 'JOB_MAX_FILE_BYTES',
  maxRatio: 'JOB_MAX_ZIP_RATIO',
  ratioMinBytes: 'JOB_ZIP_RATIO_MIN_BYTES',
  maxDepth: 'JOB_MAX_ZIP_DEPTH',
}

export function uploadLimitsFromEnv(env: Record<string, string | undefined> = process.env): UploadLimits {
  const out = { ...defaultUploadLimits }
  for (const key of Object.keys(ENV) as Array<keyof UploadLimits>) {
    const raw = env[ENV[key]]?.trim()
    if (!raw) continue
    const n = Number(raw)
    if (!Number.isInteger(n) || n < 0) throw new Error(`${ENV[key]} must be a non-negative integer, got "${raw}"`)
    out[key] = n
  }
  return out
}

/** A request broke a limit or is malformed: answered as code 400 with this message. */
export class UploadError extends Error {
  readonly code = 400
}
