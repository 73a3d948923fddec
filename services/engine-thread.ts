// One way to start a thread that runs the engine, for the server's pool and the jobs' pool.
import { Worker } from 'node:worker_threads'
import { applyEngineV8Flags, ENGINE_THREAD_RESOURCES } from '../lineage/index.js'

/**
 * From dist/ the entry is plain JavaScript. From source (tests, `npm run cli`) it is TypeScript:
 * a bootstrap registers tsx in the thread first, which starts in about a second where inheriting the
 * parent's loader (tap's) takes ~15 s. Messages posted meanwhile wait in the port.
 */
export function startEngineThread (url: URL): Worker {
  applyEngineV8Flags()
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { resourceLimits: ENGINE_THREAD_RESOURCES })
  const tsx = import.meta.resolve('tsx/esm/api')
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}) })`
  return new Worker(boot, { eval: true, execArgv: [], resourceLimits: ENGINE_THREAD_RESOURCES })
}
