// The job record kept in the KvStore and the job object the SQLFlow clients read (spec §2.3).
export type JobStatus = 'create' | 'process' | 'success' | 'partial_success' | 'fail' | 'delete'

export const FINISHED: ReadonlySet<JobStatus> = new Set(['success', 'partial_success', 'fail'])

export interface FileError { file: string; errorType: string; message: string; line?: number; column?: number }

export interface JobRecord {
  jobId: string
  jobName: string
  userId: string
  dbVendor: string
  defaultDatabase: string
  defaultSchema: string
  /** uploaded part names (what the clients sent), across incremental submits */
  fileNames: string[]
  /** the SQL files analysed, zip entries expanded (`<zip>/<path>`) */
  files: Array<{ name: string; bytes: number }>
  /** skipped files and why */
  notes: string[]
  createTime: string
  createdAt: number
  status: JobStatus
  /** bumped by every (re)computation; a task of an older run is discarded */
  run: number
  taskId: string
  persist: boolean
  progress: { filesDone: number; filesTotal: number }
  fileErrors: FileError[]
  /** fileErrors beyond the cap kept in the record */
  moreErrors?: number
  errorMessage?: string
  sessionId?: string
  startedAt?: number
  finishedAt?: number
  /** statements analysed, and whether the budget cut the analysis short */
  statements?: number
  truncated?: boolean
}

/** What the official clients and the widget read; extra fields are harmless to all of them. */
export interface JobObject {
  jobId: string
  jobName: string
  userId: string
  dbVendor: string
  defaultDatabase: string
  defaultSchema: string
  dataSource: Record<string, never>
  fileNames: string[]
  createTime: string
  status: JobStatus
  sessionId?: string
  errorMessage?: string
  executeTime?: string
  persist: boolean
  onTop: boolean
  lineageType: 'leftMostTable'
  progress: { filesDone: number; filesTotal: number }
  files: string[]
  notes: string[]
  fileErrors: FileError[]
}

function formatDuration(ms: number): string {
  return `${(ms / 1000).toFixed(3)}s`
}

export function toJobObject(r: JobRecord, status: JobStatus = r.status): JobObject {
  const o: JobObject = {
    jobId: r.jobId, jobName: r.jobName, userId: r.userId, dbVendor: r.dbVendor,
    defaultDatabase: r.defaultDatabase, defaultSchema: r.defaultSchema, dataSource: {},
    fileNames: r.fileNames, createTime: r.createTime, status,
    persist: r.persist, onTop: false, lineageType: 'leftMostTable', progress: r.progress,
    files: r.files.map((f) => f.name), notes: r.notes, fileErrors: r.fileErrors,
  }
  if (r.sessionId) o.sessionId = r.sessionId
  if (r.errorMessage) o.errorMessage = r.errorMessage
  if (r.startedAt && r.finishedAt) o.executeTime = formatDuration(r.finishedAt - r.startedAt)
  return o
}

/** `2020-12-15 15:14:39`, the documented createTime format (UTC). */
export function formatTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ')
}
