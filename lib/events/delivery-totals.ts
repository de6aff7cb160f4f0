// How many deliveries an event has and when the last one came, read from deliveries
// (the index deliveries(event_id, received_at) answers both). Not kept on the event
// row: updating it on every delivery made the deliveries of one event (a retry storm)
// wait for each other's commits (lib/ingest/mutations.ts).
import { getDb, Prisma } from "@/lib/db/client";

export type DeliveryTotals = { deliveryCount: number; lastReceivedAt: Date };

/** SQL for a LATERAL join on `events e`: columns "deliveryCount" and "lastReceivedAt". */
export const deliveryTotalsLateral = Prisma.sql`LATERAL (
  SELECT count(*)::int AS "deliveryCount", max(d.received_at) AS "lastReceivedAt"
  FROM deliveries d WHERE d.event_id = e.id
) totals`;

/** The rows with their events' delivery totals (one query for all of them). */
export async function withDeliveryTotals<T extends { id: string; firstReceivedAt: Date }>(
  events: T[],
): Promise<Array<T & DeliveryTotals>> {
  if (events.length === 0) return [];
  const rows = await getDb().$queryRaw<Array<DeliveryTotals & { id: string }>>`
    SELECT d.event_id AS id, count(*)::int AS "deliveryCount", max(d.received_at) AS "lastReceivedAt"
    FROM deliveries d WHERE d.event_id = ANY(${events.map((e) => e.id)}::text[])
    GROUP BY d.event_id`;
  const totals = new Map(rows.map((row) => [row.id, row]));
  // An event is written with its first delivery; one whose deliveries a retention run
  // removed between the two reads is shown as it was first received.
  return events.map((event) => ({
    ...event,
    deliveryCount: totals.get(event.id)?.deliveryCount ?? 0,
    lastReceivedAt: totals.get(event.id)?.lastReceivedAt ?? event.firstReceivedAt,
  }));
}
