// THE ENGINE entry point. Never imports anything HTTP. analyze() never throws.
// (Implementation in progress: see lineage/analyze.ts)
export type * from './model/types.js'
export { defaultModelOptions } from './model/types.js'
export { analyze, type AnalyzeInput, type AnalyzeOptions, type SourceFile } from './analyze.js'
export { projectModel, toWireModel } from './model/project.js'
export { resolveVendor, VENDORS, VENDOR_ALIASES } from './dialects/vendors.js'
