// The one HTTP client for requests the server makes on someone's behalf: forwarding,
// replay, test callbacks to other hosts, and later polling. The address actually
// connected to is checked: a literal IP before connecting, a host name inside the DNS
// lookup the socket uses, so the checked address is the one dialled (no gap for DNS
// rebinding between a check and the connection). Connections are kept alive and pooled
// per origin (connection-pool.ts), which only ever holds sockets that passed that check.
// Redirects are never followed; the response body is read up to a cap after
// decompression; the whole exchange has a deadline. Network outcomes are results, never
// exceptions: callers record them.
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { performance } from "node:perf_hooks";
import zlib from "node:zlib";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/http/app-error";
import { withRequestFraming } from "@/lib/http/header-list";
import { describeNetworkError } from "@/lib/http/network-error";
import { parseAllowList, type AllowList } from "@/lib/net/address-ranges";
import { checkAddress } from "./address-policy";
import { agentsFor } from "./connection-pool";

export type OutboundRequest = {
  url: string;
  method: string;
  headers: Array<[string, string]>;
  body?: Buffer;
  /** Deadline for the whole exchange (connect, send, headers, body); default 15 s. */
  timeoutMs?: number;
  /** How much of the decompressed response body to keep; default 64 KiB. */
  maxResponseBytes?: number;
};

export type OutboundResult =
  | {
      outcome: "response";
      status: number;
      headers: Array<[string, string]>;
      body: Buffer;
      truncated: boolean;
      durationMs: number;
    }
  | { outcome: "blocked"; reason: string; durationMs: number }
  | { outcome: "error"; error: string; durationMs: number };

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;

/** An absolute http(s) URL, or a 400 validation error naming what is wrong. */
export function parseOutboundUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AppError("validation_failed", `not a URL: ${JSON.stringify(value.slice(0, 200))}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new AppError(
      "validation_failed",
      `only http and https URLs can be sent to, not ${url.protocol.replace(/:$/, "")}`,
    );
  }
  if (url.username || url.password)
    throw new AppError("validation_failed", "URLs with a user name or password are not sent to");
  return url;
}

/** `allow` overrides INBOX_OUTBOUND_ALLOW (tests). */
export async function sendOutbound(
  request: OutboundRequest,
  options: { allow?: AllowList } = {},
): Promise<OutboundResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let url: URL;
  try {
    url = parseOutboundUrl(request.url);
  } catch (error) {
    return { outcome: "blocked", reason: (error as Error).message, durationMs: elapsed() };
  }
  const allow = options.allow ?? parseAllowList(getEnv().INBOX_OUTBOUND_ALLOW);
  // The WHATWG parser already turned 127.1, 0x7f.1 and 017700000001 into 127.0.0.1.
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (net.isIP(host)) {
    const verdict = checkAddress(host, allow);
    if (!verdict.allowed)
      return { outcome: "blocked", reason: verdict.reason, durationMs: elapsed() };
  }

  let blockedReason: string | null = null;
  const lookup = guardedLookup(allow, (reason) => (blockedReason = reason));
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const cap = request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;

  return new Promise<OutboundResult>((resolve) => {
    let settled = false;
    const finish = (result: OutboundResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(result);
    };
    const client = url.protocol === "https:" ? https : http;
    let outgoing: http.ClientRequest;
    const deadline = setTimeout(() => {
      finish({
        outcome: "error",
        error: `no complete answer within ${timeoutMs / 1000} s`,
        durationMs: elapsed(),
      });
      outgoing.destroy();
    }, timeoutMs);

    const send = (agent: http.Agent | false) => {
      outgoing = client.request({
        protocol: url.protocol,
        hostname: host,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: request.method,
        // Flat [name, value, ...]: order and repeated names go out as given. In this form
        // Node adds only Connection itself, so Host and the body's length are filled in here.
        headers: withRequestFraming(request.headers, url.host, request.body).flat(),
        // Runs only when this request opens a new socket; a pooled one passed it on connecting.
        lookup,
        agent,
        // Node's TLS checks the certificate against the name; keep SNI on the host name.
        ...(url.protocol === "https:" && !net.isIP(host) ? { servername: host } : {}),
      });
      const attempt = outgoing;
      // A reused socket's byte count carries on from earlier answers: mark where this one starts.
      let bytesReadBefore = 0;
      attempt.on("socket", (socket) => (bytesReadBefore = socket.bytesRead));

      attempt.on("error", (error: NodeJS.ErrnoException) => {
        // A kept-alive socket the receiver closed while it sat idle (a race the idle timeout
        // narrows but cannot rule out) fails on the next write or read. Nothing of an answer
        // came, so the receiver most likely never saw the request: send it once more on a
        // fresh connection, as Node's docs advise: one outside the pool, which may hold more
        // sockets gone stale alike. Not after a response began (the receiver acted on it),
        // and not when a fresh connection fails (that is the receiver's answer).
        const stale =
          !settled &&
          attempt.reusedSocket &&
          (error.code === "ECONNRESET" || error.code === "EPIPE") &&
          attempt.socket?.bytesRead === bytesReadBefore;
        if (stale) return send(false);
        if (blockedReason)
          finish({ outcome: "blocked", reason: blockedReason, durationMs: elapsed() });
        else
          finish({ outcome: "error", error: describeNetworkError(error), durationMs: elapsed() });
      });
      attempt.on("response", (response) => {
        const headers = pairs(response.rawHeaders);
        const body = decoded(response);
        const chunks: Buffer[] = [];
        let kept = 0;
        let truncated = false;
        const done = () =>
          finish({
            outcome: "response",
            status: response.statusCode ?? 0,
            headers,
            body: Buffer.concat(chunks, kept),
            truncated,
            durationMs: elapsed(),
          });
        body.on("data", (chunk: Buffer) => {
          if (truncated) return;
          const room = cap - kept;
          if (chunk.byteLength > room) {
            chunks.push(chunk.subarray(0, room));
            kept += room;
            truncated = true;
            // Enough read: stop the transfer (and any decompression) now. Node destroys the
            // socket of a response not read to its end, so a half-read connection never goes
            // back to the pool.
            done();
            response.destroy();
            return;
          }
          chunks.push(chunk);
          kept += chunk.byteLength;
        });
        body.on("end", done);
        body.on("error", (error: Error) => {
          // The rest of the answer is not wanted: close the connection rather than leave it
          // stuck mid-body.
          response.destroy();
          if (settled) return;
          // A body that cannot be decompressed is still an answer: keep the status.
          finish({
            outcome: "error",
            error: `the response body could not be read: ${error.message}`,
            durationMs: elapsed(),
          });
        });
      });
      attempt.end(request.body);
    };
    send(agentsFor(allow)[url.protocol as "http:" | "https:"]);
  });
}

/** The socket's own DNS lookup, refusing a name when any address it resolves to is refused. */
function guardedLookup(allow: AllowList, onBlocked: (reason: string) => void): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as dns.LookupAddress[];
      for (const { address } of list) {
        const verdict = checkAddress(address, allow);
        if (!verdict.allowed) {
          const reason = `${hostname} resolves to ${verdict.reason.replace(/^\S+ is /, `${address}, `)}`;
          onBlocked(reason);
          return callback(new Error(reason), "", 0);
        }
      }
      if (options.all)
        return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first) return callback(new Error(`${hostname} has no address`), "", 0);
      callback(null, first.address, first.family);
    });
  };
}

function decoded(response: http.IncomingMessage): NodeJS.ReadableStream {
  const encoding = String(response.headers["content-encoding"] ?? "")
    .trim()
    .toLowerCase();
  if (encoding === "gzip" || encoding === "x-gzip") return response.pipe(zlib.createGunzip());
  if (encoding === "deflate") return response.pipe(zlib.createInflate());
  if (encoding === "br") return response.pipe(zlib.createBrotliDecompress());
  return response;
}

function pairs(raw: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] ?? "", raw[i + 1] ?? ""]);
  return out;
}
