export { expandUploads, type ExpandedUpload, type SqlFile, type UploadedPart } from './expand.js'
export { UploadError, defaultUploadLimits, uploadLimitsFromEnv, type UploadLimits } from './limits.js'
