// The CLI's own HTTP client for re-sending a delivery to the developer's machine and for
// simulated callbacks. Not the server's guarded client (lib/outbound/guarded-fetch.ts):
// the CLI runs on the user's laptop and targets their localhost by design, so no
// address check and no pool. Both are built on the same exchange
// (lib/outbound/http-request.ts), which keeps headers as they arrived.
import { performance } from "node:perf_hooks";
import type { HeaderList } from "@/lib/http/header-list";
import { describeNetworkError } from "@/lib/http/network-error";
import { sendHttpRequest } from "@/lib/outbound/http-request";

export type SentRequest = {
  url: URL;
  /** The request target as it should go out (not re-encoded); default: the URL's path and query. */
  path?: string;
  method: string;
  headers: HeaderList;
  body: Uint8Array;
};

export type RequestOutcome =
  | { ok: true; status: number; body: Buffer; durationMs: number }
  | { ok: false; error: string; durationMs: number };

/** Answers larger than this are cut: the CLI shows a status and at most a short message. */
const MAX_ANSWER_BYTES = 64 * 1024;

export async function sendRequest(
  request: SentRequest,
  timeoutMs = 30_000,
): Promise<RequestOutcome> {
  const started = performance.now();
  const outcome = await sendHttpRequest({
    ...request,
    timeoutMs,
    maxResponseBytes: MAX_ANSWER_BYTES,
  });
  const durationMs = Math.round(performance.now() - started);
  switch (outcome.kind) {
    case "response":
      return { ok: true, status: outcome.status, body: outcome.body, durationMs };
    case "timeout":
      return { ok: false, error: `no answer within ${timeoutMs / 1000} s`, durationMs };
    case "network-error":
    case "body-error":
      return { ok: false, error: describeNetworkError(outcome.error), durationMs };
  }
}
