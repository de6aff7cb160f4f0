// The retention run: deletes what is past each endpoint's window (lib/retention/policy.ts)
// in small batches, one short statement (its own transaction) per batch, so ingest never
// waits behind a long delete and WAL is written in small pieces. Measured against
// partitioning deliveries by time in scripts/bench-retention.ts; README "Data and retention".
//
// Over the endpoints with a finite window:
//  1. deliveries received before their endpoint's cutoff, oldest first across all
//     endpoints (then failed ones before the shorter failed cutoff), a batch at a time;
//     in the same statement their events when no delivery
//     remains (attempts go with them: FK cascade), the surviving events'
//     payload_delivery_id corrected, and jobs left with no events (polls go with them);
//  2. per endpoint, attempts, polls and alerts created before the cutoff whose event or job stays;
//  3. jobs of the endpoint older than the cutoff with no event left (what a race between
//     a run and a late callback may leave).
// One run at a time across every app process (an advisory lock on the run's connection).
import { setTimeout as sleep } from "node:timers/promises";
import type pg from "pg";
import { recordAudit } from "@/lib/audit/mutations";
import type { AuditActor } from "@/lib/audit/types";
import { getPool } from "@/lib/db/client";
import { namedParameters } from "@/lib/db/named-parameters";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/http/app-error";
import { restAfterBatch, type RetentionPace } from "./pace";
import { cutoffOf, retentionWindow } from "./policy";
import { recordRetentionRun } from "@/lib/metrics/app-metrics";
import { queueSingleJob } from "@/lib/queue/mutations";
import { USAGE_TASK } from "@/lib/queue/tasks";

export type RetentionCounts = {
  deliveries: number;
  events: number;
  jobs: number;
  attempts: number;
  polls: number;
  alerts: number;
};

export type RetentionResult = RetentionCounts & {
  endpoints: number;
  startedAt: string;
  durationMs: number;
  batches: number;
};

export type RetentionOptions = {
  now?: Date;
  /** Overrides the pace from the environment (INBOX_RETENTION_BATCH_SIZE ...; lib/retention/pace.ts). */
  pace?: Partial<RetentionPace>;
  /** Wait this long for a run in progress elsewhere to end; 0 (the hourly task): give up at once. */
  waitMs?: number;
};

const emptyCounts = (): RetentionCounts => ({
  deliveries: 0,
  events: 0,
  jobs: 0,
  attempts: 0,
  polls: 0,
  alerts: 0,
});

/** The environment's pace (lib/retention/pace.ts) with `overrides` over it. */
export function retentionPace(overrides: Partial<RetentionPace> = {}): RetentionPace {
  const env = getEnv();
  return {
    batchSize: env.INBOX_RETENTION_BATCH_SIZE,
    busyPercent: env.INBOX_RETENTION_BUSY_PERCENT,
    maxRowsPerSecond: env.INBOX_RETENTION_MAX_ROWS_PER_SECOND ?? null,
    ...overrides,
  };
}

/** Runs retention now; null when another run holds the lock (the caller says so). */
export async function runRetention(
  options: RetentionOptions = {},
): Promise<RetentionResult | null> {
  const env = getEnv();
  const now = options.now ?? new Date();
  const pace = retentionPace(options.pace);
  const batch = pace.batchSize;
  const started = Date.now();
  const client = await getPool().connect();
  try {
    if (!(await takeRunLock(client, options.waitMs ?? 0))) return null;
    try {
      const counts = emptyCounts();
      let batches = 0;
      const repeat = async (run: () => Promise<Partial<RetentionCounts> & { removed: number }>) => {
        for (;;) {
          const batchStarted = performance.now();
          const { removed, ...got } = await run();
          const batchMs = performance.now() - batchStarted;
          batches++;
          for (const [kind, n] of Object.entries(got))
            counts[kind as keyof RetentionCounts] += n ?? 0;
          if (removed < batch) return;
          const rest = restAfterBatch(pace, {
            batchMs,
            rows: counts.deliveries,
            elapsedMs: Date.now() - started,
          });
          if (rest > 0) await sleep(rest);
        }
      };
      const { rows: endpoints } = await client.query<{ id: string; retention_days: number | null }>(
        "SELECT id, retention_days FROM endpoints ORDER BY created_at, id",
      );
      const windows = endpoints.flatMap((endpoint) => {
        const window = retentionWindow(endpoint.retention_days, {
          days: env.INBOX_RETENTION_DAYS,
          failedDays: env.INBOX_FAILED_RETENTION_DAYS,
        });
        const cutoff = cutoffOf(window.days, now);
        const failedCutoff = cutoffOf(window.failedDays, now);
        return cutoff && failedCutoff ? [{ endpointId: endpoint.id, cutoff, failedCutoff }] : [];
      });
      // Every endpoint's expired deliveries in one pass, oldest first across endpoints:
      // callbacks of all endpoints arrive interleaved on the same heap pages, so a pass
      // per endpoint dirtied (and after each checkpoint imaged in the WAL) every page once
      // per endpoint; in arrival order each page is dirtied once (README, "How the deletes
      // stay cheap").
      const deleteExpired = (
        statement: DeliveryBatch,
        targets: Array<{ endpointId: string; cutoff: Date }>,
      ) => {
        const values = {
          endpointIds: targets.map((target) => target.endpointId),
          cutoffs: targets.map((target) => target.cutoff.toISOString()),
          batch,
        };
        const after = { at: "-infinity", id: "" };
        return repeat(() => deleteDeliveries(client, statement, values, after));
      };
      await deleteExpired(DELETE_DELIVERIES, windows);
      const failedSooner = windows
        .filter((w) => w.failedCutoff > w.cutoff)
        .map((w) => ({ endpointId: w.endpointId, cutoff: w.failedCutoff }));
      if (failedSooner.length > 0) await deleteExpired(DELETE_FAILED_DELIVERIES, failedSooner);
      for (const { endpointId, cutoff } of windows)
        for (const [kind, statement] of AGED_ROWS)
          await repeat(async () => {
            const { rowCount } = await client.query(
              statement.text,
              statement.values({ endpointId, cutoff, batch }),
            );
            return { removed: rowCount ?? 0, [kind]: rowCount ?? 0 };
          });
      // The Endpoints page's counts of big endpoints (lib/usage) are now too high.
      if (counts.deliveries + counts.events + counts.jobs > 0)
        await queueSingleJob(USAGE_TASK, "replace");
      return {
        ...counts,
        endpoints: windows.length,
        startedAt: now.toISOString(),
        durationMs: Date.now() - started,
        batches,
      };
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext('inbox:retention'))");
    }
  } finally {
    client.release();
  }
}

/** The one run across all processes: an advisory lock held by the run's connection. */
async function takeRunLock(client: pg.PoolClient, waitMs: number): Promise<boolean> {
  if (waitMs <= 0) {
    const { rows } = await client.query<{ locked: boolean }>(
      "SELECT pg_try_advisory_lock(hashtext('inbox:retention')) AS locked",
    );
    return rows[0]?.locked === true;
  }
  try {
    await client.query(`SET lock_timeout = ${Math.ceil(waitMs)}`);
    await client.query("SELECT pg_advisory_lock(hashtext('inbox:retention'))");
    return true;
  } catch (error) {
    // 55P03 lock_not_available: the other run is still going.
    if ((error as { code?: string }).code === "55P03") return false;
    throw error;
  } finally {
    await client.query("RESET lock_timeout");
  }
}

/** POST /api/retention/run waits this long for an hourly run in progress before answering 409. */
const RUN_NOW_WAIT_MS = 30_000;

/** POST /api/retention/run: a run now, recorded in the audit log with what it removed. */
export async function runRetentionNow(actor: AuditActor): Promise<RetentionResult> {
  const result = await runRetention({ waitMs: RUN_NOW_WAIT_MS }).catch((error: unknown) => {
    recordRetentionRun("manual", "failed");
    throw error;
  });
  if (!result) {
    recordRetentionRun("manual", null);
    throw new AppError("conflict", "a retention run is in progress; try again when it is done");
  }
  recordRetentionRun("manual", result);
  const { startedAt: _startedAt, ...details } = result;
  await recordAudit({ actor, action: "retention.run", details });
  return result;
}

async function deleteDeliveries(
  client: pg.PoolClient,
  statement: DeliveryBatch,
  values: { endpointIds: string[]; cutoffs: string[]; batch: number },
  after: { at: string; id: string },
) {
  const { rows } = await client.query<
    RetentionCounts & { picked: number; lastAt: string | null; lastId: string | null }
  >(statement.text, statement.values({ ...values, afterAt: after.at, afterId: after.id }));
  const { picked, lastAt, lastId, ...counts } = rows[0] ?? {
    ...emptyCounts(),
    picked: 0,
    lastAt: null,
    lastId: null,
  };
  // The next batch starts after the newest delivery this one picked.
  if (lastAt !== null && lastId !== null) Object.assign(after, { at: lastAt, id: lastId });
  // A batch that picked fewer than it may was the last (siblings taken along do not count).
  return { ...counts, removed: picked };
}

/**
 * One batch of deliveries and what goes with them, in one statement (one snapshot:
 * rows deleted by an earlier part are still visible to a later one). `pick` yields the
 * next deliveries (id, received_at, event_id) with their endpoint's cutoff; the batch
 * also takes the other deliveries of the same events that are past it (`sibling`: the
 * condition they must meet), so an event whose deliveries all expired goes in one batch
 * instead of being rewritten when its first delivery goes (a new row version, with new
 * entries in every index of events where the page has no room: the payload trigram
 * index's hundreds per row) and deleted a batch later. The time conditions on events and jobs
 * are re-checked by Postgres on the newest row version when a callback updated it
 * meanwhile, so an event or job that just got a new callback stays.
 */
type DeliveryBatch = ReturnType<typeof deliveryBatch>;

function deliveryBatch(pick: string, sibling: string) {
  return namedParameters<"endpointIds" | "cutoffs" | "batch" | "afterAt" | "afterId">(`
    WITH picked AS MATERIALIZED (${pick}),
    doomed AS (
      SELECT x.id, p.cutoff FROM (SELECT DISTINCT event_id, cutoff FROM picked) p
      JOIN deliveries x ON x.event_id = p.event_id AND x.received_at < p.cutoff AND ${sibling}
    ),
    gone AS (
      DELETE FROM deliveries d USING doomed WHERE d.id = doomed.id
      RETURNING d.id, d.event_id, doomed.cutoff
    ),
    last_picked AS (SELECT received_at, id FROM picked ORDER BY received_at DESC, id DESC LIMIT 1),
    -- An event's deliveries are all its endpoint's: one cutoff per event.
    touched AS (SELECT event_id, min(cutoff) AS cutoff, count(*)::int AS n FROM gone GROUP BY event_id),
    -- An event goes when this batch took all its deliveries: the statement's snapshot still
    -- sees them, so "all" is "as many as the batch took" (an index count, no anti-join
    -- against the batch, which Postgres would repeat per event).
    dead_events AS (
      DELETE FROM events e USING touched t
      WHERE e.id = t.event_id AND e.last_touched_at < t.cutoff
        AND (SELECT count(*) FROM deliveries x WHERE x.event_id = e.id) = t.n
      RETURNING e.id, e.job_id, t.cutoff
    ),
    -- A surviving event whose payload came from a delivery this batch took points at its
    -- best remaining one. Only those rows are written: an UPDATE that changes nothing still
    -- writes a new row version, and where the page has no room for it, new entries in every
    -- index of events, the payload trigram index's hundreds per row (most of a run's WAL
    -- when a batch splits many events from their retries).
    kept_events AS (
      UPDATE events e SET
        payload_delivery_id = COALESCE((SELECT x.id FROM deliveries x WHERE x.event_id = e.id AND x.id NOT IN (SELECT id FROM gone)
                         ORDER BY verification_rank(x.verification) DESC, x.received_at DESC, x.id DESC LIMIT 1), e.payload_delivery_id)
      FROM touched t
      WHERE e.id = t.event_id AND e.payload_delivery_id IN (SELECT id FROM gone)
        AND NOT EXISTS (SELECT 1 FROM dead_events de WHERE de.id = e.id)
    ),
    dead_job_events AS (
      SELECT job_id, min(cutoff) AS cutoff, count(*)::int AS n FROM dead_events WHERE job_id IS NOT NULL GROUP BY job_id
    ),
    -- Likewise a job goes when this batch took all its events.
    dead_jobs AS (
      DELETE FROM jobs j USING dead_job_events dj
      WHERE j.id = dj.job_id AND j.last_event_at < dj.cutoff
        AND (SELECT count(*) FROM events x WHERE x.job_id = j.id) = dj.n
      RETURNING j.id
    )
    SELECT (SELECT count(*) FROM picked)::int AS picked,
           (SELECT count(*) FROM gone)::int AS deliveries,
           (SELECT count(*) FROM dead_events)::int AS events,
           (SELECT count(*) FROM dead_jobs)::int AS jobs,
           -- What the cascades of the deleted events and jobs take with them.
           (SELECT count(*) FROM attempts a WHERE a.event_id IN (SELECT id FROM dead_events))::int AS attempts,
           (SELECT count(*) FROM polls p WHERE p.job_id IN (SELECT id FROM dead_jobs))::int AS polls,
           0 AS alerts,
           -- Text, not a Date: a timestamptz keeps microseconds, a Date would round them off
           -- and the next batch could start before a delivery this one took.
           (SELECT received_at::text FROM last_picked) AS "lastAt", (SELECT id FROM last_picked) AS "lastId"`);
}

/**
 * The next `batch` deliveries meeting `where`, oldest first across the endpoints: a k-way
 * merge of each endpoint's next `batch` after the cursor (keyset on (received_at, id), so a
 * batch never walks over index entries of rows deleted before it), each against its own
 * cutoff. The merge reads index columns only (the main pick:
 * deliveries_endpoint_usage_idx (endpoint, received_at desc, id desc) backwards; the failed
 * one the partial deliveries_failed_verification_idx); only the `batch` it keeps are read
 * from the table, for their event.
 */
function mergedPick(where: string) {
  return `
  SELECT m.id, m.received_at, x.event_id, m.cutoff FROM (
    SELECT d.id, d.received_at, c.cutoff
    FROM unnest(:endpointIds::text[], :cutoffs::timestamptz[]) AS c(endpoint_id, cutoff)
    CROSS JOIN LATERAL (
      SELECT id, received_at FROM deliveries
      WHERE endpoint_id = c.endpoint_id AND received_at < c.cutoff AND ${where}
        -- The first condition bounds the index range, the second settles ties on id.
        AND received_at >= :afterAt::timestamptz
        AND (received_at, id) > (:afterAt::timestamptz, :afterId::text)
      ORDER BY received_at, id LIMIT :batch) d
    ORDER BY d.received_at, d.id LIMIT :batch) m
  JOIN deliveries x ON x.id = m.id`;
}
const DELETE_DELIVERIES = deliveryBatch(mergedPick("true"), "true");
const DELETE_FAILED_DELIVERIES = deliveryBatch(
  mergedPick("verification = 'failed'"),
  "x.verification = 'failed'",
);

type AgedStatement = ReturnType<typeof namedParameters<"endpointId" | "cutoff" | "batch">>;

/** Rows of the endpoint older than the cutoff whose event or job stays, by their own age. */
const AGED_ROWS: Array<[keyof RetentionCounts, AgedStatement]> = [
  [
    "attempts",
    namedParameters(`
      DELETE FROM attempts WHERE id IN (
        SELECT a.id FROM attempts a JOIN events e ON e.id = a.event_id
        WHERE a.created_at < :cutoff::timestamptz AND e.endpoint_id = :endpointId AND a.status <> 'pending'
        LIMIT :batch)`),
  ],
  [
    "polls",
    namedParameters(`
      DELETE FROM polls WHERE id IN (
        SELECT id FROM polls WHERE endpoint_id = :endpointId AND created_at < :cutoff::timestamptz LIMIT :batch)`),
  ],
  [
    "alerts",
    namedParameters(`
      DELETE FROM alerts WHERE id IN (
        SELECT id FROM alerts WHERE endpoint_id = :endpointId AND created_at < :cutoff::timestamptz AND status <> 'pending'
        LIMIT :batch)`),
  ],
  [
    "jobs",
    namedParameters(`
      DELETE FROM jobs WHERE id IN (
        SELECT j.id FROM jobs j
        WHERE j.endpoint_id = :endpointId AND j.first_seen_at < :cutoff::timestamptz AND j.last_event_at < :cutoff::timestamptz
          AND NOT EXISTS (SELECT 1 FROM events e WHERE e.job_id = j.id)
        LIMIT :batch)`),
  ],
];
