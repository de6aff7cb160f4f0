// The CLI's own HTTP client for re-sending a delivery to the developer's machine and for
// simulated callbacks. Not the server's guarded client (lib/outbound): the CLI runs on
// the user's laptop and targets their localhost by design. Not fetch either: fetch
// lower-cases, sorts and merges headers, and a re-sent delivery keeps them as they
// arrived (order, case, repeated names).
import http from "node:http";
import https from "node:https";
import { performance } from "node:perf_hooks";
import { withRequestFraming, type HeaderList } from "@/lib/http/header-list";
import { describeNetworkError } from "@/lib/http/network-error";

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

export function sendRequest(request: SentRequest, timeoutMs = 30_000): Promise<RequestOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const { url } = request;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: RequestOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(outcome);
    };
    const client = url.protocol === "https:" ? https : http;
    const outgoing = client.request({
      protocol: url.protocol,
      hostname: url.hostname.replace(/^\[(.*)\]$/, "$1"),
      port: url.port || undefined,
      path: request.path ?? `${url.pathname}${url.search}`,
      method: request.method,
      headers: withRequestFraming(request.headers, url.host, request.body).flat(),
    });
    const deadline = setTimeout(() => {
      finish({ ok: false, error: `no answer within ${timeoutMs / 1000} s`, durationMs: elapsed() });
      outgoing.destroy();
    }, timeoutMs);
    outgoing.on("error", (error: NodeJS.ErrnoException) =>
      finish({ ok: false, error: describeNetworkError(error), durationMs: elapsed() }),
    );
    outgoing.on("response", (response) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      response.on("data", (chunk: Buffer) => {
        if (kept >= MAX_ANSWER_BYTES) return;
        chunks.push(chunk);
        kept += chunk.byteLength;
      });
      response.on("end", () =>
        finish({
          ok: true,
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks),
          durationMs: elapsed(),
        }),
      );
      response.on("error", (error) =>
        finish({ ok: false, error: describeNetworkError(error), durationMs: elapsed() }),
      );
    });
    outgoing.end(request.body);
  });
}
