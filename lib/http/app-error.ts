// The closed set of error codes the API and the ingest URL answer with, and the one
// code-to-status table. Every error body is { "error": { "code", "message" } }.

export const errorStatus = {
  validation_failed: 400,
  invalid_json: 400,
  invalid_cursor: 400,
  body_incomplete: 400,
  unauthorized: 401,
  verification_failed: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  /** Re-signing asked for a callback whose signature did not check out: it may go as received only. */
  not_verified: 409,
  /** Too many requests (Retry-After): an endpoint's rate limit, or a provider that asked us to wait. */
  rate_limited: 429,
  /** A request body stalled past INBOX_BODY_IDLE_TIMEOUT_SECONDS (answered by scripts/start.ts). */
  request_timeout: 408,
  endpoint_archived: 410,
  payload_too_large: 413,
  internal_error: 500,
  database_unavailable: 503,
  /** Ingest is at its in-flight request or body-byte limit (Retry-After). */
  server_busy: 503,
  /** Answered by scripts/start.ts in the moment between listening and the app being ready. */
  starting: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly headers: Record<string, string>;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options?: {
      headers?: Record<string, string>;
      details?: Record<string, unknown>;
      cause?: unknown;
    },
  ) {
    super(message, { cause: options?.cause });
    this.code = code;
    this.headers = options?.headers ?? {};
    this.details = options?.details;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function notFound(what: string): AppError {
  return new AppError("not_found", `${what} not found`);
}
