// Turn the file parts of a job request into the SQL files of the job. Everything is read and
// checked in memory first; the caller stores nothing unless this returns, so a broken limit never
// leaves a half-created job behind.
import { UploadError, type UploadLimits } from './limits.js'
import { decodeText, isSqlName, looksLikeZip } from './text.js'
import { walkZip, type Budget } from './zip.js'

export interface UploadedPart { filename: string; data: Buffer }
export interface SqlFile { name: string; text: string }

export interface ExpandedUpload {
  /** the uploaded part names, as the job object's fileNames shows them */
  fileNames: string[]
  /** SQL files, zip entries named `<zip>/<path inside>` */
  files: SqlFile[]
  /** what was skipped and why (binary, not SQL, hidden) */
  notes: string[]
}

export async function expandUploads(parts: UploadedPart[], limits: UploadLimits): Promise<ExpandedUpload> {
  const budget: Budget = { limits, entries: 0, bytes: 0 }
  const out: ExpandedUpload = { fileNames: [], files: [], notes: [] }
  const used = new Set<string>()
  for (const part of parts) {
    if (part.data.length === 0) continue // curl -F "sqlfiles=" sends an empty part: no file
    const name = uniqueName(part.filename || 'sqlfile', used)
    out.fileNames.push(name)
    await expandPart(name, part.data, budget, out, 0)
  }
  if (!out.fileNames.length) throw new UploadError('sqlfiles is required: send one or more SQL files or zip archives')
  return out
}

async function expandPart(name: string, data: Buffer, budget: Budget, out: ExpandedUpload, depth: number): Promise<void> {
  const { limits } = budget
  if (data.length > limits.maxFileBytes && !looksLikeZip(data)) {
    throw new UploadError(`${name} is ${data.length} bytes; the limit per file is ${limits.maxFileBytes}`)
  }
  if (looksLikeZip(data)) return expandZip(name, data, budget, out, depth)
  if (name.toLowerCase().endsWith('.zip')) throw new UploadError(`${name} is not a zip archive (no zip signature)`)
  if (depth === 0) {
    budget.entries++
    budget.bytes += data.length
    if (budget.bytes > limits.maxTotalBytes) throw new UploadError(`the upload is larger than ${limits.maxTotalBytes} bytes`)
    if (budget.entries > limits.maxEntries) throw new UploadError(`more than ${limits.maxEntries} files in one job`)
  }
  const text = decodeText(data)
  if (text === null) out.notes.push(`${name}: skipped, not a text file`)
  else out.files.push({ name, text })
}

async function expandZip(name: string, data: Buffer, budget: Budget, out: ExpandedUpload, depth: number): Promise<void> {
  if (depth > budget.limits.maxDepth) {
    throw new UploadError(`${name}: zip archives nested deeper than ${budget.limits.maxDepth} level(s) are refused`)
  }
  await walkZip(name, data, budget, {
    skip: (path, why) => { out.notes.push(`${path}: skipped, ${why}`) },
    file: async (path, content) => {
      const full = `${name}/${path}`
      if (looksLikeZip(content) || path.toLowerCase().endsWith('.zip')) return expandPart(full, content, budget, out, depth + 1)
      if (!isSqlName(path)) { out.notes.push(`${full}: skipped, not a SQL file`); return }
      const text = decodeText(content)
      if (text === null) out.notes.push(`${full}: skipped, not a text file`)
      else out.files.push({ name: full, text })
    },
  })
}

function uniqueName(name: string, used: Set<string>): string {
  let candidate = name
  for (let i = 2; used.has(candidate); i++) candidate = `${name} (${i})`
  used.add(candidate)
  return candidate
}
