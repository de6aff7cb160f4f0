// What is stored, per endpoint, and what the next retention run will remove. Exact
// counts, each read from an index without touching the rows (index-only scans):
// deliveries, bytes, oldest and "past the window" from deliveries_endpoint_usage_idx
// (which carries each delivery's size), failed ones from the partial
// deliveries_failed_verification_idx, events and jobs from their (endpoint_id, time)
// indexes. Bytes are the stored request bodies (headers and indexes not included).
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { notFound } from "@/lib/http/app-error";
import { cutoffOf, retentionWindow, settingOfStored, type RetentionSetting } from "./policy";

export type EndpointUsage = {
  endpointId: string;
  deliveries: number;
  events: number;
  jobs: number;
  bytes: number;
  oldestDeliveryAt: Date | null;
  retention: {
    setting: RetentionSetting;
    /** The windows in force (null: kept forever). */
    days: number | null;
    failedDays: number | null;
  };
  /** Deliveries the next run removes (events and jobs go when their last delivery does). */
  nextRun: { deliveries: number; failedDeliveries: number; cutoff: Date | null };
};

type UsageRow = {
  id: string;
  deliveries: bigint;
  bytes: bigint;
  oldest: Date | null;
  expiring: bigint;
  expiring_failed: bigint;
  events: bigint;
  jobs: bigint;
};

export async function getEndpointsUsage(
  ids: readonly string[],
  now = new Date(),
): Promise<Map<string, EndpointUsage>> {
  if (ids.length === 0) return new Map();
  const env = getEnv();
  const defaults = { days: env.INBOX_RETENTION_DAYS, failedDays: env.INBOX_FAILED_RETENTION_DAYS };
  const settings = await getDb().endpoint.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, retentionDays: true },
  });
  const windows = settings.map((s) => {
    const window = retentionWindow(s.retentionDays, defaults);
    return {
      id: s.id,
      setting: settingOfStored(s.retentionDays),
      window,
      cutoff: cutoffOf(window.days, now),
      failedCutoff: cutoffOf(window.failedDays, now),
    };
  });
  // A NULL cutoff (kept forever) matches nothing; the epoch stands in for it.
  const epoch = new Date(0);
  const rows = await getDb().$queryRaw<UsageRow[]>`
    SELECT w.id,
      d.deliveries, d.bytes, d.oldest, d.expiring,
      (SELECT count(*) FROM deliveries f
        WHERE f.endpoint_id = w.id AND f.verification = 'failed'
          AND f.received_at >= w.cutoff AND f.received_at < w.failed_cutoff) AS expiring_failed,
      (SELECT count(*) FROM events v WHERE v.endpoint_id = w.id) AS events,
      (SELECT count(*) FROM jobs j WHERE j.endpoint_id = w.id) AS jobs
    FROM unnest(${windows.map((w) => w.id)}::text[],
                ${windows.map((w) => w.cutoff ?? epoch)}::timestamptz[],
                ${windows.map((w) => w.failedCutoff ?? epoch)}::timestamptz[]) AS w(id, cutoff, failed_cutoff)
    CROSS JOIN LATERAL (
      SELECT count(*) AS deliveries, COALESCE(sum(x.size), 0)::bigint AS bytes, min(x.received_at) AS oldest,
             count(*) FILTER (WHERE x.received_at < w.cutoff) AS expiring
      FROM deliveries x WHERE x.endpoint_id = w.id
    ) d`;
  const byId = new Map(rows.map((row) => [row.id, row]));
  return new Map(
    windows.map((w) => {
      const row = byId.get(w.id);
      return [
        w.id,
        {
          endpointId: w.id,
          deliveries: Number(row?.deliveries ?? 0),
          events: Number(row?.events ?? 0),
          jobs: Number(row?.jobs ?? 0),
          bytes: Number(row?.bytes ?? 0),
          oldestDeliveryAt: row?.oldest ?? null,
          retention: { setting: w.setting, ...w.window },
          nextRun: {
            deliveries: Number(row?.expiring ?? 0) + Number(row?.expiring_failed ?? 0),
            failedDeliveries: Number(row?.expiring_failed ?? 0),
            cutoff: w.cutoff,
          },
        },
      ];
    }),
  );
}

export async function getEndpointUsage(id: string): Promise<EndpointUsage> {
  const usage = (await getEndpointsUsage([id])).get(id);
  if (!usage) throw notFound("endpoint");
  return usage;
}

/** The whole database on disk (tables, indexes, the queue), as Postgres counts it. */
export async function getDatabaseSize(): Promise<number> {
  const [row] = await getDb().$queryRaw<Array<{ bytes: bigint }>>`
    SELECT pg_database_size(current_database()) AS bytes`;
  return Number(row?.bytes ?? 0);
}
