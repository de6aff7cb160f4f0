// npm run bench:retention - does a retention run stall ingest? Seeds N deliveries that
// are all past the 30-day window, then measures ingest latency at a fixed rate twice:
// without a run, and while a run deletes the N deliveries (with their events and jobs).
// Prints a table per deletion strategy, and what the database did during each run (WAL
// written, checkpoints, what the busy sessions waited on). Not a test: numbers depend on
// the machine.
//
//   npm run bench:retention                                   1,000,000 deliveries, the app's pace
//   npm run bench:retention -- --deliveries 200000 --rate 150 --duration 15
//   npm run bench:retention -- --modes paced,unpaced,single,partition
//   npm run bench:retention -- --batch-size 1000 --busy 50 --rows-per-second 3000
//
// Strategies (--modes, comma-separated; each gets freshly seeded data):
//   paced      lib/retention runRetention as the app runs it: INBOX_RETENTION_BATCH_SIZE,
//              INBOX_RETENTION_BUSY_PERCENT, INBOX_RETENTION_MAX_ROWS_PER_SECOND (or the
//              defaults), overridden by --batch-size, --busy (percent), --rows-per-second
//   unpaced    the same statements back to back, 2,000 deliveries each (the run before the pace)
//   single     the same statement with no batch limit: one transaction deletes everything
//   partition  what partitioning by time would cost at delete time: the seeded deliveries
//              copied into a table partitioned by day, then the expired partitions dropped
//              (ingest keeps writing the real, unpartitioned table meanwhile)
//
// Load is open-loop (a request every 1/rate s whatever the answers do; latency counted
// from when a request was due, so a stall shows in full), from this process over
// keep-alive connections to the app, a separate process as with `npm start`. Uses
// DATABASE_URL's server (a fresh database, dropped afterwards) or a throwaway embedded one.
import http from "node:http";
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import type { RetentionPace } from "@/lib/retention/pace";
import { startAppServer, TEST_API_TOKEN } from "@/tests/support/app-server";
import { buildIfStale } from "./build-if-stale";
import { seedExpiredDeliveries, useRetentionBenchDatabase } from "./retention-bench-data";
import { createThrowawayDatabase } from "./throwaway-database";

const { values: args } = parseArgs({
  options: {
    deliveries: { type: "string", default: "1000000" },
    rate: { type: "string", default: "200" },
    duration: { type: "string", default: "15" },
    modes: { type: "string", default: "paced" },
    "batch-size": { type: "string" },
    busy: { type: "string" },
    "rows-per-second": { type: "string" },
  },
});
const numberOf = (value: string) => Number(value.replaceAll("_", ""));
const DELIVERIES = numberOf(args.deliveries);
const RATE = Number(args.rate);
const DURATION_S = Number(args.duration);
/** --batch-size, --busy and --rows-per-second over the environment's pace, for `paced`. */
const PACE: Partial<RetentionPace> = {};
if (args["batch-size"] !== undefined) PACE.batchSize = numberOf(args["batch-size"]);
if (args.busy !== undefined) PACE.busyPercent = numberOf(args.busy);
if (args["rows-per-second"] !== undefined)
  PACE.maxRowsPerSecond = numberOf(args["rows-per-second"]);
const MODES = args.modes.split(",").map((m) => m.trim()) as Mode[];
type Mode = "paced" | "unpaced" | "single" | "partition";
const MODE_PACE: Record<Exclude<Mode, "partition">, Partial<RetentionPace>> = {
  paced: PACE,
  unpaced: { batchSize: 2_000, busyPercent: 100, maxRowsPerSecond: null },
  single: { batchSize: 100_000_000, busyPercent: 100, maxRowsPerSecond: null },
};
const DAY_MS = 86_400_000;

type Latencies = { count: number; errors: number; p50: number; p99: number; max: number };

/** Open-loop load: `rate` callbacks a second until `until()` says stop; latency from when each was due. */
async function load(ingestUrl: string, until: () => boolean): Promise<Latencies> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const url = new URL(ingestUrl);
  const times: number[] = [];
  let errors = 0;
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  let sent = 0;
  const send = (due: number) => {
    const body = JSON.stringify({
      job_id: `bench-${process.pid}-${sent}-${Math.random().toString(36).slice(2)}`,
      status: "completed",
      progress_percent: 100,
    });
    const done = new Promise<void>((resolve) => {
      const request = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: "POST",
          agent,
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
          },
        },
        (response) => {
          response.resume();
          response.on("end", () => {
            if (response.statusCode === 200) times.push(performance.now() - due);
            else errors++;
            resolve();
          });
        },
      );
      request.on("error", () => {
        errors++;
        resolve();
      });
      request.end(body);
    });
    inFlight.add(done);
    void done.then(() => inFlight.delete(done));
  };
  while (!until()) {
    const due = started + (sent * 1000) / RATE;
    const wait = due - performance.now();
    // Always yield: answers are timed by this same event loop.
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    else await new Promise((resolve) => setImmediate(resolve));
    send(due);
    sent++;
  }
  await Promise.all(inFlight);
  agent.destroy();
  times.sort((a, b) => a - b);
  const at = (p: number) =>
    times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)] ?? NaN;
  return { count: times.length, errors, p50: at(0.5), p99: at(0.99), max: times.at(-1) ?? NaN };
}

const forSeconds = (seconds: number) => {
  const end = Date.now() + seconds * 1000;
  return () => Date.now() >= end;
};

type Lib = {
  retention: typeof import("@/lib/retention/mutations");
  db: typeof import("@/lib/db/client");
};

/** Copies the expired deliveries into a table partitioned by day (what partitioning would hold). */
async function preparePartitions(db: pg.Client): Promise<string[]> {
  await db.query(
    `CREATE TABLE bench_part (LIKE deliveries INCLUDING DEFAULTS) PARTITION BY RANGE (received_at)`,
  );
  const { rows } = await db.query<{ day: Date }>(
    `SELECT generate_series(date_trunc('day', min(received_at)), date_trunc('day', max(received_at)), interval '1 day') AS day FROM deliveries`,
  );
  const names: string[] = [];
  for (const { day } of rows) {
    const name = `bench_part_${day.toISOString().slice(0, 10).replaceAll("-", "")}`;
    await db.query(
      `CREATE TABLE ${name} PARTITION OF bench_part FOR VALUES FROM ('${day.toISOString()}') TO ('${new Date(day.getTime() + DAY_MS).toISOString()}')`,
    );
    names.push(name);
  }
  await db.query("INSERT INTO bench_part SELECT * FROM deliveries");
  await db.query(
    "CREATE INDEX ON bench_part (endpoint_id, received_at DESC, id DESC) INCLUDE (size)",
  );
  await db.query("CREATE INDEX ON bench_part (event_id, received_at)");
  await db.query("ALTER TABLE bench_part ADD PRIMARY KEY (id, received_at)");
  return names;
}

type Activity = {
  walMb: number;
  fullPageImages: number;
  checkpoints: number;
  /** Share of samples per "who: waiting on what" (CPU: active, no wait event). */
  waits: Map<string, number>;
  samples: number;
};

/**
 * What the database does while `phase` runs: WAL and checkpoint counters before and after,
 * and pg_stat_activity sampled every 50 ms (active sessions, what each waits on).
 */
async function watchDatabase<T>(
  databaseUrl: string,
  phase: () => Promise<T>,
): Promise<[T, Activity]> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  let done = false;
  let sampling: Promise<void> = Promise.resolve();
  try {
    // Checkpoints moved from pg_stat_bgwriter to pg_stat_checkpointer in PostgreSQL 17.
    const { rows: version } = await db.query<{ n: number }>(
      "SELECT current_setting('server_version_num')::int AS n",
    );
    const checkpoints =
      (version[0]?.n ?? 0) >= 170_000
        ? "SELECT num_timed + num_requested FROM pg_stat_checkpointer"
        : "SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter";
    const counters = async () => {
      const { rows } = await db.query<{ bytes: string; fpi: string; checkpoints: string }>(`
        SELECT w.wal_bytes::text AS bytes, w.wal_fpi::text AS fpi, (${checkpoints})::text AS checkpoints
        FROM pg_stat_wal w`);
      const row = rows[0];
      return {
        bytes: Number(row?.bytes ?? 0),
        fpi: Number(row?.fpi ?? 0),
        checkpoints: Number(row?.checkpoints ?? 0),
      };
    };
    const before = await counters();
    const waits = new Map<string, number>();
    let samples = 0;
    sampling = (async () => {
      while (!done) {
        const { rows } = await db.query<{ who: string; what: string }>(`
          SELECT CASE WHEN query LIKE '%WITH doomed%' OR query LIKE '%DELETE FROM%' OR query LIKE '%DROP TABLE%' THEN 'retention'
                      WHEN backend_type = 'client backend' THEN 'ingest'
                      ELSE backend_type END AS who,
                 COALESCE(wait_event_type || ':' || wait_event, 'CPU') AS what
          FROM pg_stat_activity
          WHERE pid <> pg_backend_pid() AND (state = 'active' OR backend_type <> 'client backend')
            AND wait_event IS DISTINCT FROM 'ClientRead'
            AND backend_type NOT IN ('logical replication launcher', 'autovacuum launcher')`);
        samples++;
        for (const { who, what } of rows) {
          // Background processes idle on their own timers most of the time: only their work counts.
          if (who !== "retention" && who !== "ingest" && what.startsWith("Activity:")) continue;
          const key = `${who}: ${what}`;
          waits.set(key, (waits.get(key) ?? 0) + 1);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const result = await phase();
    done = true;
    await sampling;
    const after = await counters();
    return [
      result,
      {
        walMb: (after.bytes - before.bytes) / 1024 ** 2,
        fullPageImages: after.fpi - before.fpi,
        checkpoints: after.checkpoints - before.checkpoints,
        waits,
        samples,
      },
    ];
  } finally {
    done = true;
    await sampling.catch(() => {});
    await db.end();
  }
}

type Result = {
  mode: Mode;
  seedS: number;
  removed: number;
  runS: number;
  base: Latencies;
  during: Latencies;
  baseActivity: Activity;
  duringActivity: Activity;
};

/**
 * Autovacuum may still be at work on the seeded tables after our VACUUM: the baseline
 * starts once no autovacuum worker is busy in this database, or after 5 minutes.
 */
async function untilAutovacuumIdle(db: pg.Client): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < 300_000) {
    const { rows } = await db.query<{ busy: number }>(
      `SELECT count(*)::int AS busy FROM pg_stat_activity
       WHERE backend_type = 'autovacuum worker' AND datname = current_database()`,
    );
    if ((rows[0]?.busy ?? 0) === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return Math.round((Date.now() - started) / 1000);
}

async function benchMode(
  mode: Mode,
  lib: Lib,
  ingestUrl: string,
  databaseUrl: string,
): Promise<Result> {
  console.log(`\n[${mode}] seeding ${DELIVERIES.toLocaleString("en")} expired deliveries ...`);
  const seedS = await seedExpiredDeliveries(DELIVERIES);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const partitions = mode === "partition" ? await preparePartitions(db) : [];
    await db.query("VACUUM (ANALYZE)");
    // The seed's gigabytes are written but not yet synced: without a checkpoint here, the
    // next one (by time, minutes later) syncs them during a measured phase, as it did the
    // baseline's p99 (144 - 153 ms against 24 ms) once max_wal_size no longer forced
    // checkpoints during the seed.
    await db.query("CHECKPOINT");
    const waitedS = await untilAutovacuumIdle(db);
    if (waitedS > 0) console.log(`[${mode}] waited ${waitedS} s for autovacuum to finish`);
    console.log(
      `[${mode}] seeded in ${seedS.toFixed(0)} s; warming up, then ${DURATION_S} s without a run`,
    );
    await load(ingestUrl, forSeconds(3));
    const [base, baseActivity] = await watchDatabase(databaseUrl, () =>
      load(ingestUrl, forSeconds(DURATION_S)),
    );
    console.log(`[${mode}] baseline p99 ${base.p99.toFixed(1)} ms; now during the run`);

    let finished = false;
    let removed = 0;
    let runS = 0;
    const runStarted = Date.now();
    const run = (async () => {
      if (mode === "partition") {
        for (const name of partitions) {
          const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${name}`);
          await db.query(`ALTER TABLE bench_part DETACH PARTITION ${name}`);
          await db.query(`DROP TABLE ${name}`);
          removed += rows[0]?.n ?? 0;
        }
      } else {
        const result = await lib.retention.runRetention({ pace: MODE_PACE[mode] });
        removed = result?.deliveries ?? 0;
      }
    })().finally(() => {
      finished = true;
      runS = (Date.now() - runStarted) / 1000;
    });
    // At least the baseline's duration, and until the run is over.
    const minimum = forSeconds(DURATION_S);
    const [during, duringActivity] = await watchDatabase(databaseUrl, () =>
      load(ingestUrl, () => finished && minimum()),
    );
    await run;
    if (mode === "partition") await db.query("DROP TABLE bench_part");
    return { mode, seedS, removed, runS, base, during, baseActivity, duringActivity };
  } finally {
    await db.end();
  }
}

async function main(): Promise<void> {
  buildIfStale();
  const database = await createThrowawayDatabase("bench_retention");
  // lib/ code in this process (seed, retention run) reads the environment once.
  await useRetentionBenchDatabase(database.url);
  const lib: Lib = {
    retention: await import("@/lib/retention/mutations"),
    db: await import("@/lib/db/client"),
  };
  // The app's own hourly run must not start in the middle: a window it never reaches.
  const app = await startAppServer(database.url, {
    INBOX_RETENTION_DAYS: "36500",
    INBOX_FAILED_RETENTION_DAYS: "36500",
  });
  const results: Result[] = [];
  try {
    const created = await fetch(`${app.baseUrl}/api/endpoints`, {
      method: "POST",
      headers: { authorization: `Bearer ${TEST_API_TOKEN}`, "content-type": "application/json" },
      // Kept forever: the runs delete only the seeded data, never what the load adds.
      body: JSON.stringify({
        name: "bench",
        provider: "clipzy",
        rateLimitPerSecond: null,
        retentionDays: null,
      }),
    });
    const endpoint = (await created.json()) as { key: string };
    const ingestUrl = `${app.baseUrl}/in/${endpoint.key}`;
    for (const mode of MODES) results.push(await benchMode(mode, lib, ingestUrl, database.url));
  } finally {
    await app.stop();
    await lib.db.getDb().$disconnect();
    await lib.db.getPool().end();
    await database.cleanup();
  }

  const ms = (n: number) => (Number.isNaN(n) ? "-" : n.toFixed(1));
  console.log(
    `\n${DELIVERIES.toLocaleString("en")} expired deliveries per mode; ingest at ${RATE}/s open-loop; ` +
      `${os.cpus().length} CPUs, Node ${process.version}; paced: ${JSON.stringify(lib.retention.retentionPace(PACE))}`,
  );
  console.table(
    results.map((r) => ({
      mode: r.mode,
      removed: r.removed,
      "run s": r.runS.toFixed(1),
      "rows/s": Math.round(r.removed / r.runS),
      "p50 without": ms(r.base.p50),
      "p99 without": ms(r.base.p99),
      "p50 during": ms(r.during.p50),
      "p99 during": ms(r.during.p99),
      "max during": ms(r.during.max),
      "p99 ratio": (r.during.p99 / r.base.p99).toFixed(2),
      errors: r.base.errors + r.during.errors,
    })),
  );
  console.log("target: p99 during a run within 1.5x of p99 without");
  console.log("\nWhat the database did, without a run / during it:");
  console.table(
    results.map((r) => ({
      mode: r.mode,
      "WAL MB": `${r.baseActivity.walMb.toFixed(0)} / ${r.duringActivity.walMb.toFixed(0)}`,
      "WAL MB/s": `${(r.baseActivity.walMb / DURATION_S).toFixed(1)} / ${(r.duringActivity.walMb / Math.max(r.runS, DURATION_S)).toFixed(1)}`,
      "full-page images": `${r.baseActivity.fullPageImages} / ${r.duringActivity.fullPageImages}`,
      checkpoints: `${r.baseActivity.checkpoints} / ${r.duringActivity.checkpoints}`,
    })),
  );
  for (const r of results) {
    console.log(`\n[${r.mode}] active sessions during the run, % of samples (top 12):`);
    console.table(
      [...r.duringActivity.waits.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([what, n]) => ({
          "who: waiting on": what,
          "% of samples": ((100 * n) / r.duringActivity.samples).toFixed(1),
        })),
    );
  }
}

await main();
