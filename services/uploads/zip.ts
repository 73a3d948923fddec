// Streaming zip reading (yauzl, lazy entries): every guard is checked from the central directory
// before a byte is inflated, then again on the bytes actually produced, so a lying header cannot
// slip a bomb through.
import yauzl from 'yauzl'
import type { Entry, ZipFile } from 'yauzl'
import { UploadError, type UploadLimits } from './limits.js'

/** Counters shared by every archive of one request. */
export interface Budget { limits: UploadLimits; entries: number; bytes: number }

export interface ZipVisitor {
  /** called for each file entry, in archive order, with its full content */
  file(path: string, data: Buffer): Promise<void>
  skip(path: string, why: string): void
}

const openBuffer = (data: Buffer): Promise<ZipFile> => new Promise((resolve, reject) => {
  yauzl.fromBuffer(data, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
    if (err || !zip) reject(err ?? new Error('no zip'))
    else resolve(zip)
  })
})

/** yauzl's own path checks fire before our code sees the entry: give them the zip-slip wording. */
function mapYauzlError(zipName: string, err: Error): UploadError {
  if (/absolute path|invalid relative path/.test(err.message)) {
    return new UploadError(`${zipName}: entry path escapes the archive (${err.message.replace(/^.*?: /, '')}); nothing was created`)
  }
  return new UploadError(`${zipName} is not a readable zip archive (${err.message})`)
}

function checkPath(zipName: string, path: string): void {
  const segments = path.split('/')
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path) || segments.includes('..')) {
    throw new UploadError(`${zipName}: entry path escapes the archive (${path}); nothing was created`)
  }
}

function checkDeclared(zipName: string, entry: Entry, budget: Budget): void {
  const { limits } = budget
  const size = entry.uncompressedSize
  if (size > limits.maxFileBytes) {
    throw new UploadError(`${zipName}: ${entry.fileName} is ${size} bytes uncompressed; the limit per file is ${limits.maxFileBytes}`)
  }
  if (budget.bytes + size > limits.maxTotalBytes) {
    throw new UploadError(`${zipName}: the upload expands beyond ${limits.maxTotalBytes} bytes`)
  }
  if (size >= limits.ratioMinBytes && size / Math.max(entry.compressedSize, 1) > limits.maxRatio) {
    throw new UploadError(`${zipName}: ${entry.fileName} has a compression ratio above ${limits.maxRatio} (zip bomb?)`)
  }
}

function readEntry(zip: ZipFile, entry: Entry, zipName: string, budget: Budget): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(mapYauzlError(zipName, err ?? new Error('no stream')))
      const chunks: Buffer[] = []
      let size = 0
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length
        // the declared size was checked; this catches archives that lie about it
        if (size > budget.limits.maxFileBytes || budget.bytes + size > budget.limits.maxTotalBytes) {
          stream.destroy(new UploadError(`${zipName}: ${entry.fileName} inflates beyond the upload limits`))
        } else chunks.push(chunk)
      })
      stream.on('error', (e: Error) => reject(e instanceof UploadError ? e : mapYauzlError(zipName, e)))
      stream.on('end', () => resolve(Buffer.concat(chunks)))
    })
  })
}

/** Walk one archive; throws UploadError on the first broken limit (the caller keeps nothing). */
export async function walkZip(zipName: string, data: Buffer, budget: Budget, visit: ZipVisitor): Promise<void> {
  let zip: ZipFile
  try { zip = await openBuffer(data) } catch (e) { throw mapYauzlError(zipName, e as Error) }
  try {
    if (budget.entries + zip.entryCount > budget.limits.maxEntries) {
      throw new UploadError(`${zipName} holds ${zip.entryCount} entries; the limit is ${budget.limits.maxEntries} files per job`)
    }
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (e: Error) => reject(mapYauzlError(zipName, e)))
      zip.on('end', () => resolve())
      zip.on('entry', (entry: Entry) => {
        onEntry(zip, entry, zipName, budget, visit).then(() => zip.readEntry(), reject)
      })
      zip.readEntry()
    })
  } finally {
    zip.close()
  }
}

async function onEntry(zip: ZipFile, entry: Entry, zipName: string, budget: Budget, visit: ZipVisitor): Promise<void> {
  const path = entry.fileName
  checkPath(zipName, path)
  if (path.endsWith('/')) return // directory
  budget.entries++
  if (budget.entries > budget.limits.maxEntries) {
    throw new UploadError(`${zipName}: more than ${budget.limits.maxEntries} files in one job`)
  }
  if (path.startsWith('__MACOSX/') || path.split('/').some((s) => s.startsWith('.'))) {
    visit.skip(`${zipName}/${path}`, 'hidden or system file')
    return
  }
  checkDeclared(zipName, entry, budget)
  const content = await readEntry(zip, entry, zipName, budget)
  budget.bytes += content.length
  await visit.file(path, content)
}
