// worker_threads entry: runs the engine on a job's files off the caller's event loop and returns
// the result already encoded (model/codec.ts: a list of strings, never one string over V8's limit),
// so the caller (API or worker process) stores it without parsing or materialising the model.
import { parentPort } from 'node:worker_threads'
import { analyzeAsync } from '../../lineage/index.js'
import { encodeResult } from '../../lineage/model/codec.js'
import { summarise, type AnalyzeRequest } from './analysis.js'

parentPort!.on('message', async (msg: { seq: number; req: AnalyzeRequest }) => {
  try {
    const { req } = msg
    // the async analysis gives the thread's event loop turns, where V8 runs its collection tasks
    const result = await analyzeAsync({ files: req.files }, {
      dbvendor: req.dbvendor,
      defaultDatabase: req.defaultDatabase || undefined,
      defaultSchema: req.defaultSchema || undefined,
      budget: req.budget,
    })
    const parts = encodeResult(result)
    parentPort!.postMessage({ seq: msg.seq, ok: true, parts, summary: summarise(result, req.files.map((f) => f.name)) })
  } catch (e) {
    parentPort!.postMessage({ seq: msg.seq, ok: false, error: (e as Error).message || String(e) })
  }
})
