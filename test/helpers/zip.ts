// Build zip archives in tests with yazl, including hostile ones yazl itself refuses to write.
import yazl from 'yazl'

export interface ZipEntry { name: string; data: string | Buffer; compress?: boolean }

export function buildZip(entries: ZipEntry[]): Promise<Buffer> {
  const zip = new yazl.ZipFile()
  for (const e of entries) {
    if (e.name.endsWith('/')) { zip.addEmptyDirectory(e.name); continue }
    zip.addBuffer(typeof e.data === 'string' ? Buffer.from(e.data) : e.data, e.name, { compress: e.compress ?? true })
  }
  zip.end()
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c))
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)))
    zip.outputStream.on('error', reject)
  })
}

/** Rewrite an entry name in place (local header and central directory): for zip-slip archives. */
export function renameInZip(zip: Buffer, from: string, to: string): Buffer {
  if (from.length !== to.length) throw new Error('same length only')
  const out = Buffer.from(zip)
  const a = Buffer.from(from)
  let at = out.indexOf(a)
  let n = 0
  while (at >= 0) { Buffer.from(to).copy(out, at); n++; at = out.indexOf(a, at + 1) }
  if (n < 2) throw new Error(`${from} found ${n} times`)
  return out
}
