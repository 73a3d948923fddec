// Job persistence on the KvStore. One key per job record so the hot path (clients polling
// displayUserJobSummary in a busy loop) is a single GET. Keys:
//   sqlflow:job:<id>          JSON JobRecord
//   sqlflow:job:<id>:files    hash file name → SQL text (the uploaded sources)
//   sqlflow:job:<id>:lineage  hash of the encoded analysis result (lineage/model/codec.ts parts, services/kv-parts.ts)
//   sqlflow:jobs:user:<uid>   hash jobId → createdAt (listing)
//   sqlflow:jobs:active       hash jobId → userId (jobs not finished yet: reconciliation)
import type { KvStore } from '../ports.js'
import { getParts, putParts } from '../kv-parts.js'
import { FINISHED, type JobRecord } from './types.js'

const recordKey = (id: string): string => `sqlflow:job:${id}`
const filesKey = (id: string): string => `sqlflow:job:${id}:files`
const resultKey = (id: string): string => `sqlflow:job:${id}:lineage`
const userKey = (uid: string): string => `sqlflow:jobs:user:${uid}`
const ACTIVE = 'sqlflow:jobs:active'

export class JobRepo {
  constructor(readonly store: KvStore) {}

  async get(id: string): Promise<JobRecord | null> {
    if (!/^[0-9a-f]{32}$/.test(id)) return null
    return this.store.getJson<JobRecord>(recordKey(id))
  }

  /** Write the record and keep the user and active indexes in step with its status. */
  async save(r: JobRecord): Promise<void> {
    await this.store.setJson(recordKey(r.jobId), r)
    await this.store.hset(userKey(r.userId), { [r.jobId]: String(r.createdAt) })
    if (FINISHED.has(r.status)) await this.store.hdel(ACTIVE, r.jobId)
    else await this.store.hset(ACTIVE, { [r.jobId]: r.userId })
  }

  async idsOf(userId: string): Promise<string[]> {
    const all = await this.store.hgetall(userKey(userId))
    return Object.entries(all).sort((a, b) => Number(b[1]) - Number(a[1])).map(([id]) => id)
  }

  async activeIds(): Promise<string[]> {
    return Object.keys(await this.store.hgetall(ACTIVE))
  }

  async addFiles(id: string, files: Array<{ name: string; text: string }>): Promise<void> {
    // hset in slices: one huge HSET of 50 MB would block Redis for everyone else
    for (let i = 0; i < files.length; i += 200) {
      const slice = files.slice(i, i + 200)
      await this.store.hset(filesKey(id), Object.fromEntries(slice.map((f) => [f.name, f.text])))
    }
  }

  async files(id: string): Promise<Array<{ name: string; text: string }>> {
    return Object.entries(await this.store.hgetall(filesKey(id))).map(([name, text]) => ({ name, text }))
  }

  /** the store key of a job's result parts (sessions read them there) */
  resultKeyOf(id: string): string { return resultKey(id) }

  /** parts: the analysis result encoded by lineage/model/codec.ts */
  async saveResult(id: string, parts: string[]): Promise<void> {
    await putParts(this.store, resultKey(id), parts)
  }

  async result(id: string): Promise<string[] | null> {
    return (await getParts(this.store, resultKey(id)))?.parts ?? null
  }

  async remove(r: JobRecord): Promise<void> {
    await this.store.del(resultKey(r.jobId))
    await this.store.del(filesKey(r.jobId))
    await this.store.hdel(ACTIVE, r.jobId)
    await this.store.hdel(userKey(r.userId), r.jobId)
    await this.store.del(recordKey(r.jobId))
  }
}
