import { toHeaderList } from "@/lib/http/header-list";
import type { FeedDelivery } from "./data";
import { maskStoredRequest } from "./sealed-headers";
import type { StreamedDelivery } from "./schema";

/** The stored columns every delivery that leaves the inbox is made from (`body` null when not read). */
export type LeavingDeliveryRow<Verification extends string, Body extends Uint8Array | null> = {
  id: string;
  receivedAt: Date;
  method: string;
  path: string;
  query: string;
  headers: unknown;
  verification: Verification;
  body: Body;
};

/**
 * A delivery as it leaves the inbox (the live feed, the events export, a job fixture):
 * the request as received, credential values masked (the one place that decides it for
 * all three), the body base64 (null only where the body was not read).
 */
export function leavingDelivery<Verification extends string, Body extends Uint8Array | null>(
  row: LeavingDeliveryRow<Verification, Body>,
) {
  const bodyBase64 = row.body === null ? null : Buffer.from(row.body).toString("base64");
  return {
    id: row.id,
    receivedAt: row.receivedAt.toISOString(),
    method: row.method,
    path: row.path,
    ...maskStoredRequest({ query: row.query, headers: toHeaderList(row.headers) }),
    verification: row.verification,
    // TypeScript cannot narrow a generic through the ternary: a read body is a string.
    bodyBase64: bodyBase64 as Body extends Uint8Array ? string : string | null,
  };
}

export function serializeFeedDelivery(row: FeedDelivery): StreamedDelivery {
  return {
    ...leavingDelivery(row),
    eventId: row.eventId,
    size: row.size,
    bodySha256: row.bodySha256,
  };
}
