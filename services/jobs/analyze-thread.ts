// worker_threads entry: runs the engine on a job's files off the caller's event loop and returns
// the result already serialised, so the caller (API or worker process) never parses or stringifies
// a large model on its own loop.
import { parentPort } from 'node:worker_threads'
import { analyze } from '../../lineage/index.js'
import { summarise, type AnalyzeRequest } from './analysis.js'

parentPort!.on('message', (msg: { seq: number; req: AnalyzeRequest }) => {
  try {
    const { req } = msg
    const result = analyze({ files: req.files }, {
      dbvendor: req.dbvendor,
      defaultDatabase: req.defaultDatabase || undefined,
      defaultSchema: req.defaultSchema || undefined,
      budget: req.budget,
    })
    const json = JSON.stringify({ model: result.model, statements: result.statements, stats: result.stats, sources: req.files })
    parentPort!.postMessage({ seq: msg.seq, ok: true, json, summary: summarise(result, req.files.map((f) => f.name)) })
  } catch (e) {
    parentPort!.postMessage({ seq: msg.seq, ok: false, error: (e as Error).message || String(e) })
  }
})
