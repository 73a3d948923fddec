// THE ENGINE entry point. Never imports anything HTTP. analyze() never throws.
import { setFlagsFromString } from 'node:v8'
export type * from './model/types.js'
export { defaultModelOptions } from './model/types.js'
export { analyze, analyzeAsync, type AnalyzeInput, type AnalyzeOptions, type SourceFile } from './analyze.js'
export { projectModel, toWireModel } from './model/project.js'
export { resolveVendor, VENDORS, VENDOR_ALIASES } from './dialects/vendors.js'

/**
 * worker_threads options for a thread that runs the engine. The analysis allocates ~200 bytes of
 * short-lived objects per byte of SQL; a young generation of 192 MB (64 MB semi-spaces, V8's default
 * is 16) lets them die there instead of being promoted: 20 MB analysed 29 % faster in a thread.
 */
export const ENGINE_THREAD_RESOURCES = { maxYoungGenerationSizeMb: 192 } as const

/**
 * V8 flags for a process that runs the engine (they are process-wide, so they cover its threads).
 * Allocation-site pretenuring watches a few scavenges, sees a statement's staged relations alive,
 * and from then on allocates them in the old generation, where they die: full collections come
 * more often and the heap grows. Without it, 50 MB analyse in 8.6 s instead of 10.2 s, peak RSS
 * 1 142 MB instead of 1 247 MB (bench/engine.ts).
 */
export const ENGINE_V8_FLAGS = ['--no-allocation-site-pretenuring'] as const

let flagsApplied = false
/** sets ENGINE_V8_FLAGS once in this process; call before the engine's first analysis */
export function applyEngineV8Flags(): void {
  if (flagsApplied) return
  flagsApplied = true
  for (const f of ENGINE_V8_FLAGS) setFlagsFromString(f)
}
