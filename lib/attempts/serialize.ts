// The API shape of an attempt. The response body is text when it decodes as UTF-8,
// else base64 (responseBodyEncoding says which). Stored header lists are shown with
// credential values masked: a receiver's Set-Cookie, or a header sent before it was
// listed as a credential.
import { maskStoredHeaders } from "@/lib/deliveries/sealed-headers";
import { toHeaderList } from "@/lib/http/header-list";
import type { AttemptResponse, OutboundResponse } from "./schema";

type AttemptRow = {
  id: string;
  eventId: string;
  deliveryId: string;
  destinationId: string | null;
  batchId: string | null;
  url: string;
  method: string;
  requestHeaders: unknown;
  bodySha256: string;
  responseStatus: number | null;
  responseHeaders: unknown;
  responseBody: Uint8Array | null;
  responseTruncated: boolean;
  durationMs: number | null;
  status: string;
  error: string | null;
  attemptNumber: number;
  trigger: string;
  nextRetryAt: Date | null;
  createdAt: Date;
};

function shownHeaders(stored: unknown): Array<[string, string]> | null {
  return stored === null ? null : maskStoredHeaders(toHeaderList(stored)).headers;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function bodyText(body: Uint8Array | null): {
  responseBody: string | null;
  responseBodyEncoding: "utf8" | "base64" | null;
} {
  if (body === null) return { responseBody: null, responseBodyEncoding: null };
  try {
    return { responseBody: utf8.decode(body), responseBodyEncoding: "utf8" };
  } catch {
    return { responseBody: Buffer.from(body).toString("base64"), responseBodyEncoding: "base64" };
  }
}

type ResponseColumns = Pick<
  AttemptRow,
  "responseStatus" | "responseHeaders" | "responseBody" | "responseTruncated" | "durationMs"
>;

/** What came back from an outbound request (an attempt, a poll), as the API shows it. */
export function serializeResponse(row: ResponseColumns): OutboundResponse {
  return {
    responseStatus: row.responseStatus,
    responseHeaders: shownHeaders(row.responseHeaders),
    ...bodyText(row.responseBody),
    responseTruncated: row.responseTruncated,
    durationMs: row.durationMs,
  };
}

export function serializeAttempt(row: AttemptRow): AttemptResponse {
  return {
    id: row.id,
    eventId: row.eventId,
    deliveryId: row.deliveryId,
    destinationId: row.destinationId,
    batchId: row.batchId,
    url: row.url,
    method: row.method,
    requestHeaders: shownHeaders(row.requestHeaders),
    bodySha256: row.bodySha256,
    status: row.status,
    ...serializeResponse(row),
    error: row.error,
    attemptNumber: row.attemptNumber,
    trigger: row.trigger,
    nextRetryAt: row.nextRetryAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
