// The retention run: deletes what is past each endpoint's window (lib/retention/policy.ts)
// in small batches, one short statement (its own transaction) per batch, so ingest never
// waits behind a long delete and WAL is written in small pieces. Measured against
// partitioning deliveries by time in scripts/bench-retention.ts; README "Data and retention".
//
// Per endpoint with a finite window, oldest first:
//  1. deliveries received before the cutoff (and failed ones before the shorter failed
//     cutoff), a batch at a time; in the same statement their events when no delivery
//     remains (attempts go with them: FK cascade), the surviving events' delivery_count
//     and payload_delivery_id corrected, and jobs left with no events (polls go with them);
//  2. attempts, polls and alerts created before the cutoff whose event or job stays;
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
import { cutoffOf, retentionWindow } from "./policy";
import { recordRetentionRun } from "@/lib/metrics/app-metrics";

/** Rows a statement deletes at most: a few milliseconds of work, so ingest barely notices. */
export const RETENTION_BATCH = 2_000;
/** Pause between batches: leaves the cores to ingest for a moment (5 s per million rows). */
export const RETENTION_PAUSE_MS = 10;

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
  batchSize?: number;
  /** Pause between batches (ms): leaves the database to ingest between statements. */
  pauseMs?: number;
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

/** Runs retention now; null when another run holds the lock (the caller says so). */
export async function runRetention(
  options: RetentionOptions = {},
): Promise<RetentionResult | null> {
  const env = getEnv();
  const now = options.now ?? new Date();
  const batch = options.batchSize ?? RETENTION_BATCH;
  const pauseMs = options.pauseMs ?? RETENTION_PAUSE_MS;
  const started = Date.now();
  const client = await getPool().connect();
  try {
    if (!(await takeRunLock(client, options.waitMs ?? 0))) return null;
    try {
      const counts = emptyCounts();
      let batches = 0;
      const repeat = async (run: () => Promise<Partial<RetentionCounts> & { removed: number }>) => {
        for (;;) {
          const { removed, ...got } = await run();
          batches++;
          for (const [kind, n] of Object.entries(got))
            counts[kind as keyof RetentionCounts] += n ?? 0;
          if (removed < batch) return;
          if (pauseMs > 0) await sleep(pauseMs);
        }
      };
      const { rows: endpoints } = await client.query<{ id: string; retention_days: number | null }>(
        "SELECT id, retention_days FROM endpoints ORDER BY created_at, id",
      );
      let touched = 0;
      for (const endpoint of endpoints) {
        const window = retentionWindow(endpoint.retention_days, {
          days: env.INBOX_RETENTION_DAYS,
          failedDays: env.INBOX_FAILED_RETENTION_DAYS,
        });
        const cutoff = cutoffOf(window.days, now);
        const failedCutoff = cutoffOf(window.failedDays, now);
        if (!cutoff || !failedCutoff) continue;
        touched++;
        const values = { endpointId: endpoint.id, batch };
        // (received_at, id) < (cutoff, "") is received_at < cutoff: the first batch's bound.
        const below = { at: cutoff, id: "" };
        await repeat(() =>
          deleteDeliveries(client, DELETE_DELIVERIES, { ...values, cutoff }, below),
        );
        if (failedCutoff > cutoff) {
          const failedBelow = { at: failedCutoff, id: "" };
          await repeat(() =>
            deleteDeliveries(
              client,
              DELETE_FAILED_DELIVERIES,
              { ...values, cutoff: failedCutoff },
              failedBelow,
            ),
          );
        }
        for (const [kind, statement] of AGED_ROWS)
          await repeat(async () => {
            const { rowCount } = await client.query(
              statement.text,
              statement.values({ ...values, cutoff }),
            );
            return { removed: rowCount ?? 0, [kind]: rowCount ?? 0 };
          });
      }
      return {
        ...counts,
        endpoints: touched,
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
  statement: typeof DELETE_DELIVERIES,
  values: { endpointId: string; batch: number; cutoff: Date },
  before: { at: Date; id: string },
) {
  const { rows } = await client.query<
    RetentionCounts & { kept: number; lastAt: Date | null; lastId: string | null }
  >(statement.text, statement.values({ ...values, beforeAt: before.at, beforeId: before.id }));
  const {
    kept: _kept,
    lastAt,
    lastId,
    ...counts
  } = rows[0] ?? {
    ...emptyCounts(),
    kept: 0,
    lastAt: null,
    lastId: null,
  };
  // The next batch starts below the oldest delivery of this one.
  if (lastAt && lastId !== null) Object.assign(before, { at: lastAt, id: lastId });
  return { ...counts, removed: counts.deliveries };
}

/**
 * One batch of deliveries and what goes with them, in one statement (one snapshot:
 * rows deleted by an earlier part are still visible to a later one). The time conditions on events and jobs are
 * re-checked by Postgres on the newest row version when a callback updated it
 * meanwhile, so an event or job that just got a new callback stays.
 */
function deliveryBatch(pick: string) {
  return namedParameters<"endpointId" | "cutoff" | "batch" | "beforeAt" | "beforeId">(`
    WITH doomed AS (${pick}),
    gone AS (
      DELETE FROM deliveries d USING doomed WHERE d.id = doomed.id RETURNING d.id, d.event_id, d.received_at
    ),
    last_gone AS (SELECT received_at, id FROM gone ORDER BY received_at, id LIMIT 1),
    touched AS (SELECT event_id, count(*)::int AS n FROM gone GROUP BY event_id),
    -- An event goes when this batch took all its deliveries: the statement's snapshot still
    -- sees them, so "all" is "as many as the batch took" (an index count, no anti-join
    -- against the batch, which Postgres would repeat per event).
    dead_events AS (
      DELETE FROM events e USING touched t
      WHERE e.id = t.event_id AND e.last_received_at < :cutoff::timestamptz
        AND (SELECT count(*) FROM deliveries x WHERE x.event_id = e.id) = t.n
      RETURNING e.id, e.job_id
    ),
    kept_events AS (
      UPDATE events e SET
        delivery_count = GREATEST(e.delivery_count - t.n, 1),
        payload_delivery_id = CASE WHEN e.payload_delivery_id IN (SELECT id FROM gone)
          THEN COALESCE((SELECT x.id FROM deliveries x WHERE x.event_id = e.id AND x.id NOT IN (SELECT id FROM gone)
                         ORDER BY verification_rank(x.verification) DESC, x.received_at DESC, x.id DESC LIMIT 1), e.payload_delivery_id)
          ELSE e.payload_delivery_id END
      FROM touched t
      WHERE e.id = t.event_id AND NOT EXISTS (SELECT 1 FROM dead_events de WHERE de.id = e.id)
      RETURNING e.id
    ),
    dead_job_events AS (
      SELECT job_id, count(*)::int AS n FROM dead_events WHERE job_id IS NOT NULL GROUP BY job_id
    ),
    -- Likewise a job goes when this batch took all its events.
    dead_jobs AS (
      DELETE FROM jobs j USING dead_job_events dj
      WHERE j.id = dj.job_id AND j.last_event_at < :cutoff::timestamptz
        AND (SELECT count(*) FROM events x WHERE x.job_id = j.id) = dj.n
      RETURNING j.id
    )
    SELECT (SELECT count(*) FROM gone)::int AS deliveries,
           (SELECT count(*) FROM dead_events)::int AS events,
           (SELECT count(*) FROM dead_jobs)::int AS jobs,
           -- What the cascades of the deleted events and jobs take with them.
           (SELECT count(*) FROM attempts a WHERE a.event_id IN (SELECT id FROM dead_events))::int AS attempts,
           (SELECT count(*) FROM polls p WHERE p.job_id IN (SELECT id FROM dead_jobs))::int AS polls,
           0 AS alerts,
           (SELECT count(*) FROM kept_events)::int AS kept,
           (SELECT received_at FROM last_gone) AS "lastAt", (SELECT id FROM last_gone) AS "lastId"`);
}

// Each pick reads an index: deliveries_endpoint_usage_idx (endpoint, received_at desc, id
// desc), continuing below the last batch (keyset), so a batch never walks over the index
// entries of the rows the batches before it deleted; failed ones the partial
// deliveries_failed_verification_idx (endpoint, received_at) WHERE failed (few rows).
const DELETE_DELIVERIES = deliveryBatch(`
  SELECT id FROM deliveries
  WHERE endpoint_id = :endpointId AND received_at < :cutoff::timestamptz
    AND (received_at, id) < (:beforeAt::timestamptz, :beforeId::text)
  ORDER BY received_at DESC, id DESC LIMIT :batch`);
const DELETE_FAILED_DELIVERIES = deliveryBatch(`
  SELECT id FROM deliveries
  WHERE endpoint_id = :endpointId AND verification = 'failed' AND received_at < :cutoff::timestamptz
  LIMIT :batch`);

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
