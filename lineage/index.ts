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
 * TurboFan inlines callees into the parser's and the flow's big functions up to 920 bytecodes by
 * default: one function (the analyzer's select) took up to 380 ms to compile, a cold 1 MB analysis
 * waited on 3.6 s of compile jobs and ran in slower tiers meanwhile. At 400 the compile jobs take
 * 1.5 s and the code is faster: callgrind, all threads, a process that warms up on 64 KB and analyses
 * 1 MB ran 6.70 G → 6.13 G instructions, a second 1 MB in it 1.86 G → 1.76 G.
 */
export const ENGINE_V8_FLAGS = ['--no-allocation-site-pretenuring', '--max-inlined-bytecode-size-cumulative=400'] as const

let flagsApplied = false
/** sets ENGINE_V8_FLAGS once in this process; call before the engine's first analysis */
export function applyEngineV8Flags(): void {
  if (flagsApplied) return
  flagsApplied = true
  for (const f of ENGINE_V8_FLAGS) setFlagsFromString(f)
}
