// SQLFlow success/failure bodies (spec §1.4): always HTTP 200, outcome in `code`, `error` omitted on success.
export interface SqlflowBody { code: number, data?: unknown, error?: string, [extra: string]: unknown }

/** `{code:200, data, ...extra}`; pass `{ sessionId }` etc. in extra. */
export function sqlflowOk (data: unknown, extra: Record<string, unknown> = {}): SqlflowBody {
  return { code: 200, data, ...extra }
}

/** `{code, error, ...extra}`, e.g. 203 with data and the first analysis error. */
export function sqlflowFail (code: number, error: string, extra: Record<string, unknown> = {}): SqlflowBody {
  return { code, error, ...extra }
}
