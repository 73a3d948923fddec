// A value too big for one KvStore string (an analysis result, 50 MB of job sources) kept as the
// fields of one hash: part i under field "i", written one part per command so each stays under
// Redis's bulk-string and query-buffer limits. The count field "n" is written last: a reader that
// finds it finds every part, so a writer that dies half-way leaves nothing that reads as complete.
import type { KvStore } from './ports.js'

export async function putParts (store: KvStore, key: string, parts: string[], opts: { ttlSeconds?: number, fields?: Record<string, string> } = {}): Promise<void> {
  await store.del(key)
  for (let i = 0; i < parts.length; i++) await store.hset(key, { [String(i)]: parts[i] })
  if (opts.fields && Object.keys(opts.fields).length) await store.hset(key, opts.fields)
  await store.hset(key, { n: String(parts.length) })
  if (opts.ttlSeconds) await store.expire(key, opts.ttlSeconds)
}

/** The parts and the extra fields, or null when the value is missing or was never completed. */
export async function getParts (store: KvStore, key: string): Promise<{ parts: string[], fields: Record<string, string> } | null> {
  const all = await store.hgetall(key)
  const n = Number(all.n)
  if (all.n === undefined || !Number.isInteger(n) || n < 0) return null
  const parts: string[] = []
  for (let i = 0; i < n; i++) {
    const p = all[String(i)]
    if (p === undefined) return null
    parts.push(p)
  }
  return { parts, fields: all }
}
