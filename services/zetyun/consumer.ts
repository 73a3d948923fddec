// Zetyun jobs consumed outside Fastify (the `npm run worker` process with BullMQ): the same
// service, the same engine (worker_threads) and the same JobQueue as the embedded mode.
import { decodeResult } from '../../lineage/model/codec.js'
import type { JobQueue, KvStore } from '../ports.js'
import { ThreadPool } from '../jobs/thread-pool.js'
import { createLineageRunner } from './lineage-runner.js'
import { ZetyunService } from './index.js'

export interface ZetyunConsumerOptions {
  store: KvStore
  queue: JobQueue
  concurrency: number
  threads: number
  budget: { maxBytes: number, maxStatements: number, maxMillis: number }
}

/** Registers the Zetyun handler on the queue; close() stops the engine threads (the queue is the caller's). */
export async function startZetyunConsumer (o: ZetyunConsumerOptions): Promise<{ close(): Promise<void> }> {
  const pool = new ThreadPool(o.threads, o.budget.maxMillis * 2)
  const engine = createLineageRunner(async (files, dbvendor) => {
    const r = await pool.run({ files, dbvendor, defaultDatabase: '', defaultSchema: '', budget: o.budget })
    return decodeResult(r.parts)
  })
  await new ZetyunService(o.store, () => o.queue).consume(o.queue, engine, o.concurrency)
  return { close: () => pool.close() }
}
