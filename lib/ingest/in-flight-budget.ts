// What one app process lets strangers hold at once on the ingest URL: a number of
// requests and a number of body bytes in memory. Without it, a few hundred slow
// uploads of a large body each would sit in memory until the process runs out.
// The server (scripts/start.ts) admits each ingest request before Next sees it and
// releases it when the answer is done; the body reader (read-body.ts) takes bytes as
// they arrive. Past either limit the answer is 503 + Retry-After and nothing is stored.
import { AppError } from "@/lib/http/app-error";

export type InFlightLimits = { maxRequests: number; maxBytes: number };

/** One admitted ingest request's share of the budget. */
export type IngestAdmission = {
  /** Whether a body of `bytes` (a declared Content-Length) would fit now, before reading it. */
  fits(bytes: number): boolean;
  /** Takes `bytes` more for this body; false when they do not fit, and then gives back what it held (the body is refused). */
  take(bytes: number): boolean;
  /** Gives back the request and its bytes; safe to call more than once. */
  release(): void;
};

export type InFlightBudget = {
  /** null: the process is at its limit; refuse the request without reading it. */
  admit(): IngestAdmission | null;
};

export function createInFlightBudget(limits: InFlightLimits): InFlightBudget {
  let requests = 0;
  let bytes = 0;
  return {
    admit() {
      if (requests >= limits.maxRequests || bytes >= limits.maxBytes) return null;
      requests++;
      let held = 0;
      let released = false;
      const giveBackBytes = () => {
        bytes -= held;
        held = 0;
      };
      return {
        fits: (more) => bytes + more <= limits.maxBytes,
        take(more) {
          if (released || bytes + more > limits.maxBytes) {
            giveBackBytes();
            return false;
          }
          bytes += more;
          held += more;
          return true;
        },
        release() {
          if (released) return;
          released = true;
          requests--;
          giveBackBytes();
        },
      };
    },
  };
}

/** The 503 for a request past the budget; `retryAfterSeconds` from INBOX_RETRY_AFTER_SECONDS. */
export function serverBusy(retryAfterSeconds: number): AppError {
  return new AppError(
    "server_busy",
    "the server is at its limit of callbacks in flight; nothing was stored; retry shortly",
    {
      headers: { "retry-after": String(retryAfterSeconds) },
    },
  );
}
