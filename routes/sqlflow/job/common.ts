// Shared by the job routes: the caller's user id, service errors as SQLFlow envelopes, the stored
// result of a job, export options from the request, and download headers.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { SqlflowError, type SqlflowParams } from '../../../plugins/app/sqlflow/index.js'
import { projectResult } from '../../../lineage/model/project.js'
import { lazyResult } from '../../../lineage/model/codec.js'
import type { AnalysisResult, ModelOptions, SqlflowModel, StatementInfo } from '../../../lineage/index.js'
import { JobError } from '../../../services/jobs/errors.js'
import type { JobRecord } from '../../../services/jobs/types.js'
import { UploadError } from '../../../services/uploads/index.js'

export function userOf(request: FastifyRequest): string {
  return request.identity!.userId
}

export function paramsOf(request: FastifyRequest): SqlflowParams {
  return request.sqlflow!.params
}

/** Run a use case; its expected failures become `{code, error}` (HTTP 200). */
export async function useCase<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (e) {
    if (e instanceof JobError || e instanceof UploadError) throw new SqlflowError(e.code, e.message)
    throw e
  }
}

export interface JobResult {
  record: JobRecord
  readonly result: AnalysisResult
  /** the SQLFlow model, materialised from the stored result on first read */
  readonly model: SqlflowModel
  readonly statements: StatementInfo[]
  /** the job's files in upload order (read from the store only when asked: CSV and JSON exports need none) */
  sources(): Promise<Array<{ name: string; text: string }>>
}

export async function loadResult(request: FastifyRequest, jobId: string): Promise<JobResult> {
  const { record, parts } = await useCase(() => request.server.jobs.result(userOf(request), jobId))
  const sources = async (): Promise<Array<{ name: string; text: string }>> => {
    const stored = new Map((await request.server.jobs.repo.files(jobId)).map((f) => [f.name, f.text]))
    return record.files.filter((f) => stored.has(f.name)).map((f) => ({ name: f.name, text: stored.get(f.name)! }))
  }
  // decoded on first use: reopening a job's session needs none of it
  const result = lazyResult(parts)
  return { record, sources, get result() { return result() }, get statements() { return result().statements }, get model() { return result().model } }
}

/** Model options of an export; jobs default to simple output (end-to-end), as grabit exports do. */
export function exportModelOptions(p: SqlflowParams, simpleDefault: boolean): Partial<ModelOptions> {
  return {
    showRelationType: p.list('showRelationType', ['fdd']),
    simpleOutput: p.bool('simpleOutput', simpleDefault),
    ignoreRecordSet: p.bool('ignoreRecordSet', false),
    ignoreFunction: p.bool('ignoreFunction', false),
    showConstantTable: p.bool('showConstantTable', false),
    countArgumentsDirect: p.bool('treatArgumentsInCountFunctionAsDirectDataflow', true),
  }
}

/** The result projected for an export: simple output is computed on the compact store (model/project.ts). */
export function projected(result: AnalysisResult, p: SqlflowParams, simpleDefault: boolean): SqlflowModel {
  return projectResult(result, exportModelOptions(p, simpleDefault))
}

/** `<job name>_<job id>.<ext>` with only filename-safe characters. */
export function downloadName(base: string, ext: string): string {
  const safe = base.replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 120) || 'lineage'
  return `${safe}.${ext}`
}

export function download(reply: FastifyReply, filename: string, contentType: string, body: string): FastifyReply {
  return reply
    .type(contentType)
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(body)
}
