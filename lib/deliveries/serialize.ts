import { toHeaderList } from "@/lib/http/header-list";
import type { FeedDelivery } from "./data";
import { maskStoredHeaders } from "./sealed-headers";
import type { StreamedDelivery } from "./schema";

export function serializeFeedDelivery(row: FeedDelivery): StreamedDelivery {
  return {
    id: row.id,
    eventId: row.eventId,
    receivedAt: row.receivedAt.toISOString(),
    method: row.method,
    path: row.path,
    query: row.query,
    ...maskStoredHeaders(toHeaderList(row.headers)),
    size: row.size,
    bodySha256: row.bodySha256,
    verification: row.verification,
    bodyBase64: row.body === null ? null : Buffer.from(row.body).toString("base64"),
  };
}
