// Outbound HTTP for forwarding and replay. This is the minimal client of the
// forwarding branch (no address checks); the guarded one (refuses loopback/private
// addresses unless INBOX_OUTBOUND_ALLOW lists them) replaces it with the same contract.
import http from "node:http";
import https from "node:https";
import { AppError } from "@/lib/http/app-error";

export type OutboundRequest = { url: string; method: string; headers: Array<[string, string]>; body?: Buffer; timeoutMs?: number; maxResponseBytes?: number };
export type OutboundResult =
  | { outcome: "response"; status: number; headers: Array<[string, string]>; body: Buffer; truncated: boolean; durationMs: number }
  | { outcome: "blocked"; reason: string; durationMs: number }
  | { outcome: "error"; error: string; durationMs: number };

export function parseOutboundUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AppError("validation_failed", "url: must be an absolute http(s) URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new AppError("validation_failed", "url: must be an http or https URL");
  return url;
}

export function sendOutbound(request: OutboundRequest): Promise<OutboundResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const maxBytes = request.maxResponseBytes ?? 65_536;
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = parseOutboundUrl(request.url);
    } catch (error) {
      resolve({ outcome: "error", error: error instanceof Error ? error.message : String(error), durationMs: elapsed() });
      return;
    }
    const client = url.protocol === "https:" ? https : http;
    // Raw header arrays get no defaults from Node: Host and the framing are ours to add.
    const headers = ["host", url.host, ...request.headers.flat(), "content-length", String(request.body?.byteLength ?? 0)];
    const req = client.request(url, { method: request.method, headers, timeout: request.timeoutMs ?? 15_000 }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      const finish = () =>
        resolve({
          outcome: "response",
          status: res.statusCode ?? 0,
          headers: pairs(res.rawHeaders),
          body: Buffer.concat(chunks),
          truncated,
          durationMs: elapsed(),
        });
      res.on("data", (chunk: Buffer) => {
        if (truncated) return;
        const room = maxBytes - size;
        if (chunk.byteLength > room) {
          chunks.push(chunk.subarray(0, room));
          size = maxBytes;
          truncated = true;
          finish();
          res.destroy();
          return;
        }
        chunks.push(chunk);
        size += chunk.byteLength;
      });
      res.on("end", () => truncated || finish());
      res.on("error", (error) => truncated || resolve({ outcome: "error", error: error.message, durationMs: elapsed() }));
    });
    req.on("timeout", () => req.destroy(new Error(`timed out after ${request.timeoutMs ?? 15_000} ms`)));
    req.on("error", (error) => resolve({ outcome: "error", error: error.message, durationMs: elapsed() }));
    req.end(request.body);
  });
}

function pairs(raw: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] ?? "", raw[i + 1] ?? ""]);
  return out;
}
