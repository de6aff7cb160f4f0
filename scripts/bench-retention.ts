// npm run bench:retention - does a retention run stall ingest? Seeds N deliveries that
// are all past the 30-day window, then measures ingest latency at a fixed rate twice:
// without a run, and while a run deletes the N deliveries (with their events and jobs).
// Prints a table per deletion strategy. Not a test: numbers depend on the machine.
//
//   npm run bench:retention                                   1,000,000 deliveries, batched deletes
//   npm run bench:retention -- --deliveries 200000 --rate 150 --duration 15
//   npm run bench:retention -- --modes batched,single,partition
//
// Strategies (--modes, comma-separated; each gets freshly seeded data):
//   batched    lib/retention runRetention: 2,000 deliveries a statement, 10 ms apart (--batch-size, --pause ms)
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
import { startAppServer, TEST_API_TOKEN, TEST_SECRET_KEY } from "@/tests/support/app-server";
import { buildIfStale } from "./build-if-stale";
import { createThrowawayDatabase } from "./throwaway-database";

const { values: args } = parseArgs({
  options: {
    deliveries: { type: "string", default: "1000000" },
    rate: { type: "string", default: "200" },
    duration: { type: "string", default: "15" },
    modes: { type: "string", default: "batched" },
    "batch-size": { type: "string", default: "2000" },
    pause: { type: "string", default: "10" },
  },
});
const DELIVERIES = Number(args.deliveries.replaceAll("_", ""));
const RATE = Number(args.rate);
const DURATION_S = Number(args.duration);
const BATCH = Number(args["batch-size"]);
const PAUSE_MS = Number(args.pause);
const MODES = args.modes.split(",").map((m) => m.trim()) as Mode[];
type Mode = "batched" | "single" | "partition";
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
  seed: typeof import("@/lib/seed/bulk-deliveries");
  retention: typeof import("@/lib/retention/mutations");
  db: typeof import("@/lib/db/client");
};

/** Deliveries 40-45 days old: everything the seed writes is past the default 30-day window. */
async function seed(lib: Lib): Promise<number> {
  const started = Date.now();
  const endpoints = await lib.seed.createBulkEndpoints();
  const client = await lib.db.getPool().connect();
  try {
    await lib.seed.seedBulkDeliveries(client, endpoints, {
      deliveries: DELIVERIES,
      days: 5,
      now: new Date(Date.now() - 40 * DAY_MS),
    });
  } finally {
    client.release();
  }
  return (Date.now() - started) / 1000;
}

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

type Result = {
  mode: Mode;
  seedS: number;
  removed: number;
  runS: number;
  base: Latencies;
  during: Latencies;
};

async function benchMode(
  mode: Mode,
  lib: Lib,
  ingestUrl: string,
  databaseUrl: string,
): Promise<Result> {
  console.log(`\n[${mode}] seeding ${DELIVERIES.toLocaleString("en")} expired deliveries ...`);
  const seedS = await seed(lib);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const partitions = mode === "partition" ? await preparePartitions(db) : [];
    await db.query("VACUUM (ANALYZE)");
    console.log(
      `[${mode}] seeded in ${seedS.toFixed(0)} s; warming up, then ${DURATION_S} s without a run`,
    );
    await load(ingestUrl, forSeconds(3));
    const base = await load(ingestUrl, forSeconds(DURATION_S));
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
        const result = await lib.retention.runRetention({
          batchSize: mode === "single" ? 2_000_000_000 : BATCH,
          pauseMs: PAUSE_MS,
        });
        removed = result?.deliveries ?? 0;
      }
    })().finally(() => {
      finished = true;
      runS = (Date.now() - runStarted) / 1000;
    });
    // At least the baseline's duration, and until the run is over.
    const minimum = forSeconds(DURATION_S);
    const during = await load(ingestUrl, () => finished && minimum());
    await run;
    if (mode === "partition") await db.query("DROP TABLE bench_part");
    return { mode, seedS, removed, runS, base, during };
  } finally {
    await db.end();
  }
}

async function main(): Promise<void> {
  buildIfStale();
  const database = await createThrowawayDatabase("bench_retention");
  // lib/ code in this process (seed, retention run) reads the environment once.
  process.env.DATABASE_URL = database.url;
  process.env.INBOX_SECRET_KEY = TEST_SECRET_KEY;
  process.env.INBOX_RETENTION_DAYS = "30";
  process.env.INBOX_FAILED_RETENTION_DAYS = "7";
  const { applyMigrations } = await import("@/lib/db/migrate");
  await applyMigrations(database.url);
  const lib: Lib = {
    seed: await import("@/lib/seed/bulk-deliveries"),
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
      `${os.cpus().length} CPUs, Node ${process.version}; batch ${BATCH}, pause ${PAUSE_MS} ms`,
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
}

await main();
