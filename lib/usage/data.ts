// What is stored, per endpoint, and what the next retention run will remove.
//
// Live counts are exact, each read from an index without touching the rows (index-only
// scans): deliveries, bytes, oldest and "past the window" from deliveries_endpoint_usage_idx
// (which carries each delivery's size), failed ones from the partial
// deliveries_failed_verification_idx, events and jobs from their (endpoint_id, time)
// indexes. Bytes are the stored request bodies (headers and indexes not included). They
// still cost about 140 ms per endpoint of 500,000 deliveries (300 ms with a cold cache), so
// the Endpoints page and the usage API read big endpoints' counts as the queue last took
// them (endpoint_usage_counts, lib/usage/mutations.ts), with their time, and count only
// small ones live.
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { notFound } from "@/lib/http/app-error";
import {
  cutoffOf,
  retentionWindow,
  settingOfStored,
  type RetentionSetting,
} from "@/lib/retention/policy";

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
  /** When these numbers were counted: null when counted just now. */
  countedAt: Date | null;
};

export type EndpointWindow = {
  id: string;
  setting: RetentionSetting;
  window: { days: number | null; failedDays: number | null };
  cutoff: Date | null;
  failedCutoff: Date | null;
};

/** The windows of these endpoints, or of every endpoint when `ids` is not given. */
async function windowsOf(now: Date, ids?: readonly string[]): Promise<EndpointWindow[]> {
  const env = getEnv();
  const defaults = { days: env.INBOX_RETENTION_DAYS, failedDays: env.INBOX_FAILED_RETENTION_DAYS };
  const settings = await getDb().endpoint.findMany({
    where: ids && { id: { in: [...ids] } },
    select: { id: true, retentionDays: true },
  });
  return settings.map((s) => {
    const window = retentionWindow(s.retentionDays, defaults);
    return {
      id: s.id,
      setting: settingOfStored(s.retentionDays),
      window,
      cutoff: cutoffOf(window.days, now),
      failedCutoff: cutoffOf(window.failedDays, now),
    };
  });
}

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

/** What endpoint_usage_counts keeps of an endpoint, besides the windows and the time. */
export type UsageCounts = {
  deliveries: bigint;
  events: bigint;
  jobs: bigint;
  bytes: bigint;
  oldestDeliveryAt: Date | null;
  expiringDeliveries: bigint;
  expiringFailedDeliveries: bigint;
};

export type CountedEndpoint = { window: EndpointWindow; counts: UsageCounts };

/** Exact counts now, one index scan per endpoint and kind. */
async function countUsage(windows: readonly EndpointWindow[]): Promise<CountedEndpoint[]> {
  if (windows.length === 0) return [];
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
  return windows.map((window) => {
    const row = byId.get(window.id);
    return {
      window,
      counts: {
        deliveries: row?.deliveries ?? 0n,
        events: row?.events ?? 0n,
        jobs: row?.jobs ?? 0n,
        bytes: row?.bytes ?? 0n,
        oldestDeliveryAt: row?.oldest ?? null,
        expiringDeliveries: row?.expiring ?? 0n,
        expiringFailedDeliveries: row?.expiring_failed ?? 0n,
      },
    };
  });
}

/** `cutoff` and `countedAt`: the time the counts are of (null countedAt: now). */
function usageOf(
  w: EndpointWindow,
  counts: UsageCounts,
  { cutoff, countedAt }: { cutoff: Date | null; countedAt: Date | null },
): EndpointUsage {
  const failed = Number(counts.expiringFailedDeliveries);
  return {
    endpointId: w.id,
    deliveries: Number(counts.deliveries),
    events: Number(counts.events),
    jobs: Number(counts.jobs),
    bytes: Number(counts.bytes),
    oldestDeliveryAt: counts.oldestDeliveryAt,
    retention: { setting: w.setting, ...w.window },
    nextRun: {
      deliveries: Number(counts.expiringDeliveries) + failed,
      failedDeliveries: failed,
      cutoff,
    },
    countedAt,
  };
}

/** Counts every endpoint's usage now, one endpoint per statement (the queue's recount). */
export async function countAllEndpointsUsage(now = new Date()): Promise<CountedEndpoint[]> {
  const counted: CountedEndpoint[] = [];
  for (const window of await windowsOf(now)) counted.push(...(await countUsage([window])));
  return counted;
}

/**
 * Usage for a page of endpoints. Counted live, smallest first: the endpoints whose last
 * counts add up to at most `liveCountLimit` deliveries (INBOX_USAGE_LIVE_COUNT_LIMIT,
 * 200,000 by default: about 60 ms), ones never counted, and ones whose retention window
 * changed since (their "next run removes" would be wrong). The rest: the queue's counts.
 */
export async function getEndpointsUsage(
  ids: readonly string[],
  { now = new Date(), liveCountLimit = getEnv().INBOX_USAGE_LIVE_COUNT_LIMIT } = {},
): Promise<Map<string, EndpointUsage>> {
  if (ids.length === 0) return new Map();
  const [windows, stored] = await Promise.all([
    windowsOf(now, ids),
    getDb().endpointUsageCounts.findMany({ where: { endpointId: { in: [...ids] } } }),
  ]);
  const storedById = new Map(stored.map((row) => [row.endpointId, row]));
  const usable = (w: EndpointWindow) => {
    const row = storedById.get(w.id);
    return row && row.windowDays === w.window.days && row.failedWindowDays === w.window.failedDays
      ? row
      : undefined;
  };
  const live = windows.filter((w) => !usable(w));
  let budget = liveCountLimit;
  const fromStore: EndpointUsage[] = [];
  const bySize = windows
    .flatMap((w) => {
      const row = usable(w);
      return row ? [{ w, row }] : [];
    })
    .sort((a, b) => Number(a.row.deliveries - b.row.deliveries));
  for (const { w, row } of bySize) {
    budget -= Number(row.deliveries);
    if (budget >= 0) live.push(w);
    else
      fromStore.push(
        usageOf(w, row, {
          cutoff: cutoffOf(row.windowDays, row.countedAt),
          countedAt: row.countedAt,
        }),
      );
  }
  const counted = [
    ...(await countUsage(live)).map(({ window, counts }) =>
      usageOf(window, counts, { cutoff: window.cutoff, countedAt: null }),
    ),
    ...fromStore,
  ];
  return new Map(counted.map((usage) => [usage.endpointId, usage]));
}

/** One endpoint's usage, chosen as for the page (GET /api/endpoints/<id>/usage). */
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
