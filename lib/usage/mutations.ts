// The queue's recount of what each endpoint stores (endpoint_usage_counts), read by the
// Endpoints page for endpoints too big to count on every view (lib/usage/data.ts).
import { getDb } from "@/lib/db/client";
import { countAllEndpointsUsage } from "./data";

/** Counts every endpoint now and keeps the numbers; answers how many endpoints it counted. */
export async function recountEndpointsUsage(now = new Date()): Promise<number> {
  const counted = await countAllEndpointsUsage(now);
  for (const { window, counts } of counted) {
    // FROM endpoints: an endpoint deleted since it was listed gets no row (nor an error).
    await getDb().$executeRaw`
      INSERT INTO endpoint_usage_counts (endpoint_id, deliveries, events, jobs, bytes,
        oldest_delivery_at, expiring_deliveries, expiring_failed_deliveries,
        window_days, failed_window_days, counted_at)
      SELECT id, ${counts.deliveries}, ${counts.events}, ${counts.jobs}, ${counts.bytes},
        ${counts.oldestDeliveryAt}::timestamptz, ${counts.expiringDeliveries},
        ${counts.expiringFailedDeliveries}, ${window.window.days}::int,
        ${window.window.failedDays}::int, ${now}
      FROM endpoints WHERE id = ${window.id}
      ON CONFLICT (endpoint_id) DO UPDATE SET
        deliveries = EXCLUDED.deliveries, events = EXCLUDED.events, jobs = EXCLUDED.jobs,
        bytes = EXCLUDED.bytes, oldest_delivery_at = EXCLUDED.oldest_delivery_at,
        expiring_deliveries = EXCLUDED.expiring_deliveries,
        expiring_failed_deliveries = EXCLUDED.expiring_failed_deliveries,
        window_days = EXCLUDED.window_days, failed_window_days = EXCLUDED.failed_window_days,
        counted_at = EXCLUDED.counted_at`;
  }
  return counted.length;
}
