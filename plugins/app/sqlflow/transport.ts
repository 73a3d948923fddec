// Reads one SQLFlow request into SqlflowParams + uploaded files: query string first, then the body
// (urlencoded, JSON or multipart). Files are buffered, bounded by the upload limits in config.
import type { FastifyRequest } from 'fastify'
import type { AppConfig } from '../../../config.js'
import { SqlflowError, SqlflowParams } from './params.js'

export interface UploadedFile {
  /** multipart part name: `sqlfile`, `sqlfiles`, … */
  field: string
  /** as sent by the client; may be empty or have no extension */
  filename: string
  mimetype: string
  data: Buffer
}

export interface SqlflowRequestData {
  params: SqlflowParams
  files: UploadedFile[]
  /** first file sent under `field` (default `sqlfile`); an empty `sqlfile=` text part is not a file */
  file(field?: string): UploadedFile | undefined
  /** every file sent under `field` (default `sqlfiles`) */
  filesOf(field?: string): UploadedFile[]
}

export function makeRequestData (params: SqlflowParams, files: UploadedFile[]): SqlflowRequestData {
  return {
    params,
    files,
    file: (field = 'sqlfile') => files.find((f) => f.field === field),
    filesOf: (field = 'sqlfiles') => files.filter((f) => f.field === field),
  }
}

function addObject (params: SqlflowParams, obj: unknown): void {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return
  for (const [name, value] of Object.entries(obj)) params.add(name, value)
}

/** Query + urlencoded/JSON body (no multipart). Used by the auth hook on non-helper routes too. */
export function paramsFromParsed (request: FastifyRequest): SqlflowParams {
  const params = new SqlflowParams()
  addObject(params, request.query)
  addObject(params, request.body)
  return params
}

export async function readSqlflowRequest (request: FastifyRequest, limits: AppConfig['upload']): Promise<SqlflowRequestData> {
  if (!request.isMultipart()) return makeRequestData(paramsFromParsed(request), [])
  const params = new SqlflowParams()
  addObject(params, request.query)
  try {
    return makeRequestData(params, await readParts(request, params, limits))
  } catch (err) {
    // Busboy reports malformed bodies as plain Errors: that is the client's fault, not a 500.
    if (typeof (err as { statusCode?: unknown }).statusCode === 'number') throw err
    throw new SqlflowError(400, `malformed multipart body: ${(err as Error).message}`, 'BAD_MULTIPART')
  }
}

async function readParts (request: FastifyRequest, params: SqlflowParams, limits: AppConfig['upload']): Promise<UploadedFile[]> {
  const files: UploadedFile[] = []
  let total = 0
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      params.add(part.fieldname, part.value)
      continue
    }
    // toBuffer() throws a 413 error when the part exceeds fileSize (throwFileSizeLimit).
    const data = await part.toBuffer()
    total += data.length
    if (total > limits.maxTotalBytes) {
      throw new SqlflowError(413, `uploaded files exceed ${limits.maxTotalBytes} bytes in total`, 'UPLOAD_TOO_LARGE')
    }
    // A nameless, empty file part is how some clients say "no file".
    if (data.length === 0 && (part.filename ?? '') === '') continue
    files.push({ field: part.fieldname, filename: part.filename ?? '', mimetype: part.mimetype, data })
  }
  return files
}
