// One outbound request of an event and what it came to, as the columns of an attempt
// row. Network outcomes are data (the outbound client never throws for them).
import { createHash } from "node:crypto";
import { AppError } from "@/lib/http/app-error";
import { sendOutbound, type OutboundRequest } from "@/lib/outbound/guarded-fetch";
import type { LoadedSource } from "./data";
import { buildForwardHeaders, type ForwardSource, type Signing } from "./outbound-request";

export type AttemptStatus = "succeeded" | "failed" | "blocked";

export type AttemptOutcome = {
  url: string;
  method: string;
  requestHeaders: Array<[string, string]>;
  bodySha256: string;
  responseStatus: number | null;
  responseHeaders: Array<[string, string]> | null;
  responseBody: Buffer | null;
  responseTruncated: boolean;
  durationMs: number | null;
  status: AttemptStatus;
  error: string | null;
};

/** Throws AppError("validation_failed") when the asked re-signing is impossible. */
export function buildForwardRequest(
  source: ForwardSource,
  target: { url: string; signing: Signing },
  now = new Date(),
): OutboundRequest {
  return {
    url: target.url,
    method: source.delivery.method,
    headers: buildForwardHeaders(source, target.signing, now),
    body: source.delivery.body,
  };
}

/** What an attempt row says about the request before it goes out. */
export function describeRequest(
  request: OutboundRequest,
): Pick<AttemptOutcome, "url" | "method" | "requestHeaders" | "bodySha256"> {
  return {
    url: request.url,
    method: request.method,
    requestHeaders: request.headers,
    bodySha256: sha256Hex(request.body ?? Buffer.alloc(0)),
  };
}

const sha256Hex = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

export async function sendAttempt(request: OutboundRequest): Promise<AttemptOutcome> {
  const sent = describeRequest(request);
  const result = await sendOutbound(request);
  const none = {
    responseStatus: null,
    responseHeaders: null,
    responseBody: null,
    responseTruncated: false,
  };
  if (result.outcome === "blocked")
    return {
      ...sent,
      ...none,
      durationMs: result.durationMs,
      status: "blocked",
      error: result.reason,
    };
  if (result.outcome === "error")
    return {
      ...sent,
      ...none,
      durationMs: result.durationMs,
      status: "failed",
      error: result.error,
    };
  // 2xx only: a 3xx is not followed (the receiver moved; that is for a person to fix).
  const ok = result.status >= 200 && result.status < 300;
  return {
    ...sent,
    responseStatus: result.status,
    responseHeaders: result.headers,
    responseBody: result.body,
    responseTruncated: result.truncated,
    durationMs: result.durationMs,
    status: ok ? "succeeded" : "failed",
    error: ok ? null : `the receiver answered ${result.status}`,
  };
}

/** An attempt that never went out (the request could not be built), recorded so the failure is visible. */
export function unsentAttempt(source: ForwardSource, url: string, error: string): AttemptOutcome {
  return {
    url,
    method: source.delivery.method,
    requestHeaders: [],
    bodySha256: sha256Hex(source.delivery.body),
    responseStatus: null,
    responseHeaders: null,
    responseBody: null,
    responseTruncated: false,
    durationMs: null,
    status: "failed",
    error,
  };
}

/** A request that cannot be built (re-signing impossible) is a failed attempt with the reason, not a crash. */
export async function sendOrExplain(
  source: LoadedSource,
  target: { url: string; signing: Signing },
): Promise<{ outcome: AttemptOutcome; sent: boolean }> {
  try {
    return { outcome: await sendAttempt(buildForwardRequest(source, target)), sent: true };
  } catch (error) {
    if (error instanceof AppError)
      return { outcome: unsentAttempt(source, target.url, error.message), sent: false };
    throw error;
  }
}
