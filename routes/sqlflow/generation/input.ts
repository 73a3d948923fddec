// The SQL of a generation request: the `sqlfile` part wins over `sqltext` (spec §1.2). A zip upload
// becomes a multi-file analysis (lineage crosses files; hashCode = md5 of each text, §3.6).
import { createHash } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import type { AnalyzeInput } from '../../../lineage/index.js'
import { resolveVendor } from '../../../lineage/index.js'
import { SqlflowError } from '../../../plugins/app/sqlflow/index.js'
import { UploadError, defaultUploadLimits, expandUploads } from '../../../services/uploads/index.js'
import type { SessionSource } from '../../../services/sessions.js'
import { paramsOf } from './options.js'

export interface GenerationInput {
  input: string | AnalyzeInput
  sources: SessionSource[]
}

export const md5 = (text: string): string => createHash('md5').update(text).digest('hex')

export function vendorOf (request: FastifyRequest): string {
  const vendor = resolveVendor(paramsOf(request).required('dbvendor'))
  if (!vendor.ok) throw new SqlflowError(400, vendor.error, 'BAD_PARAM')
  return vendor.vendor
}

export async function readInput (request: FastifyRequest): Promise<GenerationInput> {
  const file = request.sqlflow!.file('sqlfile')
  if (file === undefined) {
    const sql = paramsOf(request).required('sqltext')
    return { input: sql, sources: [{ text: sql, hashCode: '0' }] }
  }
  const { upload } = request.server.config
  const expanded = await expandUploads([{ filename: file.filename, data: file.data }], {
    ...defaultUploadLimits, maxFileBytes: upload.maxFileBytes, maxTotalBytes: upload.maxTotalBytes,
  }).catch((err: unknown) => {
    if (err instanceof UploadError) throw new SqlflowError(400, err.message, 'BAD_UPLOAD')
    throw err
  })
  const [only, ...more] = expanded.files
  if (only === undefined) throw new SqlflowError(400, `sqlfile holds no SQL text${expanded.notes.length ? ` (${expanded.notes.join('; ')})` : ''}`, 'BAD_UPLOAD')
  if (more.length === 0 && expanded.fileNames[0] === only.name) {
    // one plain file: a single text, as if it were sqltext, but its name is kept for the code view
    return { input: only.text, sources: [{ name: only.name, text: only.text, hashCode: '0' }] }
  }
  return {
    input: { files: expanded.files },
    sources: expanded.files.map((f) => ({ name: f.name, text: f.text, hashCode: md5(f.text) })),
  }
}
