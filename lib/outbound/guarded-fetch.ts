// The one HTTP client for requests the server makes on someone's behalf: forwarding,
// replay, test callbacks to other hosts, and later polling. The address actually
// connected to is checked: a literal IP before connecting, a host name inside the DNS
// lookup the socket uses, so the checked address is the one dialled (no gap for DNS
// rebinding between a check and the connection). Connections are kept alive and pooled
// per origin (connection-pool.ts), which only ever holds sockets that passed that check.
// Redirects are never followed; the response body is read up to a cap after
// decompression; the whole exchange has a deadline (the exchange itself, shared with
// the CLI's client, is http-request.ts). Network outcomes are results, never
// exceptions: callers record them.
import dns from "node:dns";
import net from "node:net";
import { performance } from "node:perf_hooks";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/http/app-error";
import { describeNetworkError } from "@/lib/http/network-error";
import { parseAllowList, type AllowList } from "@/lib/net/address-ranges";
import { checkAddress } from "./address-policy";
import { agentsFor } from "./connection-pool";
import { bareHostname, sendHttpRequest } from "./http-request";

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
  const host = bareHostname(url);
  if (net.isIP(host)) {
    const verdict = checkAddress(host, allow);
    if (!verdict.allowed)
      return { outcome: "blocked", reason: verdict.reason, durationMs: elapsed() };
  }

  let blockedReason: string | null = null;
  const lookup = guardedLookup(allow, (reason) => (blockedReason = reason));
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const outcome = await sendHttpRequest({
    url,
    method: request.method,
    headers: request.headers,
    body: request.body,
    timeoutMs,
    maxResponseBytes: request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    decompress: true,
    lookup,
    agent: agentsFor(allow)[url.protocol as "http:" | "https:"],
  });
  const durationMs = elapsed();
  switch (outcome.kind) {
    case "response": {
      const { status, headers, body, truncated } = outcome;
      return { outcome: "response", status, headers, body, truncated, durationMs };
    }
    case "timeout":
      return {
        outcome: "error",
        error: `no complete answer within ${timeoutMs / 1000} s`,
        durationMs,
      };
    case "network-error":
      // The lookup refused the address: the connection failed because of that refusal.
      if (blockedReason) return { outcome: "blocked", reason: blockedReason, durationMs };
      return { outcome: "error", error: describeNetworkError(outcome.error), durationMs };
    case "body-error":
      // A body that cannot be decompressed is still an answer: keep the status.
      return {
        outcome: "error",
        error: `the response body could not be read: ${outcome.error.message}`,
        durationMs,
      };
  }
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
