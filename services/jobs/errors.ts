/** An expected failure of a job use case; routes answer `{code, error}`. */
export class JobError extends Error {
  constructor(readonly code: number, message: string) {
    super(message)
  }
}

export const notFound = (jobId: string): JobError => new JobError(404, `job ${jobId} not found`)
