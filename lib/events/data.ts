// Reads of events and their deliveries. Lists are newest first by first receipt
// (stable while callbacks keep arriving) with keyset cursors.
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/http/app-error";
import { decodeCursor, toPage } from "@/lib/pagination/cursor";
import type { ListEventsQuery } from "./schema";

export const eventSummary = {
  id: true,
  endpointId: true,
  jobId: true,
  externalJobId: true,
  type: true,
  state: true,
  verification: true,
  deliveryCount: true,
  firstReceivedAt: true,
  lastReceivedAt: true,
  providerTimestamp: true,
} as const;

export async function listEvents(query: ListEventsQuery) {
  const cursor = decodeCursor(query.cursor);
  const rows = await getDb().event.findMany({
    where: {
      endpointId: query.endpointId,
      jobId: query.jobId,
      verification: query.verification,
      type: query.type,
      ...(cursor && { OR: [{ firstReceivedAt: { lt: cursor.at } }, { firstReceivedAt: cursor.at, id: { lt: cursor.id } }] }),
    },
    select: eventSummary,
    orderBy: [{ firstReceivedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  return toPage(rows, query.limit, (row) => row.firstReceivedAt);
}

export async function getEvent(id: string) {
  const event = await getDb().event.findUnique({
    where: { id },
    select: {
      ...eventSummary,
      payload: true,
      payloadDeliveryId: true,
      deliveries: {
        select: {
          id: true,
          receivedAt: true,
          method: true,
          path: true,
          query: true,
          headers: true,
          size: true,
          bodySha256: true,
          sourceIp: true,
          verification: true,
          verificationReason: true,
          responseStatus: true,
        },
        orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!event) throw notFound("event");
  return event;
}
