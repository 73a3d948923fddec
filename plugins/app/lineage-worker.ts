// Worker-thread entry of the lineage pool (lineage-pool.ts): runs analyze() and ELK layouts off the
// HTTP thread. Loaded as .js from dist/ and as .ts under the test loader (the pool picks the file).
import { parentPort } from 'node:worker_threads'
import { analyzeAsync, type AnalyzeInput, type AnalyzeOptions } from '../../lineage/index.js'
import { encodeResult } from '../../lineage/model/codec.js'
import { computePositions, type LayoutShape } from '../../lineage/graph/layout.js'

interface Message { id: number, kind: 'analyze' | 'layout', payload: unknown }

async function handle (msg: Message): Promise<unknown> {
  switch (msg.kind) {
    case 'analyze': {
      const { input, opts } = msg.payload as { input: string | AnalyzeInput, opts: AnalyzeOptions }
      return encodeResult(await analyzeAsync(input, opts))
    }
    case 'layout':
      return await computePositions(msg.payload as LayoutShape)
    default:
      throw new Error(`unknown task ${String(msg.kind)}`)
  }
}

parentPort?.on('message', (msg: Message) => {
  handle(msg).then(
    (result) => parentPort?.postMessage({ id: msg.id, ok: true, result }),
    (err: unknown) => parentPort?.postMessage({ id: msg.id, ok: false, error: err instanceof Error ? err.message : String(err) }),
  )
})
