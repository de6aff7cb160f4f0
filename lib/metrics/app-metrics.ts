// The app's own metrics (README "Metrics" lists each with its type and labels) and the
// calls that record them. Labels are bounded sets: an endpoint id at most, never a
// path, an ingest key, a URL or free text. Counters and histograms count in the process
// where the work happens (ingest in the web process, forwards and scheduled polls in
// the queue worker); the scrape merges every process (ipc-collect.ts, scrape.ts).
// Created once per process on globalThis, like the registry (registry.ts says why).
import { Counter, Gauge, Histogram } from "prom-client";
import { poolStats } from "@/lib/db/pool-stats";
import { metricsRegistry } from "./registry";

/** Seconds: ingest answers in milliseconds; a forward or poll may take up to its 15 s deadline. */
const INGEST_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const OUTBOUND_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30];

function createMetrics() {
  const registers = [metricsRegistry()];
  return {
    callbacksReceived: new Counter({
      name: "webhook_inbox_callbacks_received_total",
      help: "Callbacks stored, by endpoint, provider, verification outcome and the status answered (200, or 401 for a failed signature).",
      labelNames: ["endpoint_id", "provider", "verification", "status"] as const,
      registers,
    }),
    callbacksRejected: new Counter({
      name: "webhook_inbox_callbacks_rejected_total",
      help: "Requests to an ingest URL answered without storing anything, by the error code answered (rate_limited, payload_too_large, server_busy, not_found, ...).",
      labelNames: ["reason"] as const,
      registers,
    }),
    ingestDuration: new Histogram({
      name: "webhook_inbox_ingest_duration_seconds",
      help: "Time from a callback's arrival at the route to its answer, by result (stored or rejected).",
      labelNames: ["result"] as const,
      buckets: INGEST_BUCKETS,
      registers,
    }),
    eventsCreated: new Counter({
      name: "webhook_inbox_events_created_total",
      help: "Events created by callbacks (a repeated delivery of a known event creates none), by endpoint.",
      labelNames: ["endpoint_id"] as const,
      registers,
    }),
    jobsCreated: new Counter({
      name: "webhook_inbox_jobs_created_total",
      help: "Jobs created by callbacks (the first callback naming a job id), by endpoint.",
      labelNames: ["endpoint_id"] as const,
      registers,
    }),
    attempts: new Counter({
      name: "webhook_inbox_attempts_total",
      help: "Outbound sends of an event, by trigger (auto: a forward; manual, bulk: a replay) and outcome (succeeded, failed, blocked).",
      labelNames: ["trigger", "outcome"] as const,
      registers,
    }),
    attemptDuration: new Histogram({
      name: "webhook_inbox_attempt_duration_seconds",
      help: "Duration of outbound sends that went out, by trigger and outcome.",
      labelNames: ["trigger", "outcome"] as const,
      buckets: OUTBOUND_BUCKETS,
      registers,
    }),
    polls: new Counter({
      name: "webhook_inbox_polls_total",
      help: "Polls of a provider's status API, by endpoint, trigger (scheduled, manual) and outcome.",
      labelNames: ["endpoint_id", "trigger", "outcome"] as const,
      registers,
    }),
    pollDuration: new Histogram({
      name: "webhook_inbox_poll_duration_seconds",
      help: "Duration of polls that went out, by trigger.",
      labelNames: ["trigger"] as const,
      buckets: OUTBOUND_BUCKETS,
      registers,
    }),
    alertAttempts: new Counter({
      name: "webhook_inbox_alert_attempts_total",
      help: "Alert messages tried, by channel kind and outcome (sent, pending: failed with a retry planned, failed, blocked, skipped).",
      labelNames: ["kind", "outcome"] as const,
      registers,
    }),
    retentionRuns: new Counter({
      name: "webhook_inbox_retention_runs_total",
      help: "Retention runs, by trigger (hourly, manual) and outcome (completed, skipped: another run held the lock, failed).",
      labelNames: ["trigger", "outcome"] as const,
      registers,
    }),
    retentionRemoved: new Counter({
      name: "webhook_inbox_retention_removed_rows_total",
      help: "Rows deleted by retention runs, by table.",
      labelNames: ["table"] as const,
      registers,
    }),
    poolConnections: new Gauge({
      name: "webhook_inbox_db_pool_connections",
      help: "This process's database pool connections, by state (in_use, idle).",
      labelNames: ["state"] as const,
      registers,
      collect() {
        const stats = poolStats() ?? { total: 0, idle: 0, waiting: 0 };
        this.set({ state: "in_use" }, stats.total - stats.idle);
        this.set({ state: "idle" }, stats.idle);
      },
    }),
    poolWaiting: new Gauge({
      name: "webhook_inbox_db_pool_waiting_requests",
      help: "Queries of this process waiting for a free pool connection.",
      registers,
      collect() {
        this.set(poolStats()?.waiting ?? 0);
      },
    }),
  };
}

type AppMetrics = ReturnType<typeof createMetrics>;
const METRICS_KEY = Symbol.for("webhook-inbox.app-metrics");
const holder = globalThis as typeof globalThis & { [METRICS_KEY]?: AppMetrics };

export function appMetrics(): AppMetrics {
  return (holder[METRICS_KEY] ??= createMetrics());
}

export type RetentionTrigger = "hourly" | "manual";
const RETENTION_TABLES = ["deliveries", "events", "jobs", "attempts", "polls", "alerts"] as const;

/** One retention run: the rows it removed per table, null when another run held the lock. */
export function recordRetentionRun(
  trigger: RetentionTrigger,
  removed: Record<(typeof RETENTION_TABLES)[number], number> | null | "failed",
): void {
  const metrics = appMetrics();
  if (removed === "failed" || removed === null) {
    metrics.retentionRuns.inc({ trigger, outcome: removed === null ? "skipped" : "failed" });
    return;
  }
  metrics.retentionRuns.inc({ trigger, outcome: "completed" });
  for (const table of RETENTION_TABLES)
    if (removed[table] > 0) metrics.retentionRemoved.inc({ table }, removed[table]);
}
