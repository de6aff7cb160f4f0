// npm run bench - ingest throughput, latency and memory next to the health route of the
// same server and to a bare node:http server, at 32 connections, in one run:
//
//   bare node:http          a trivial server in a child process: what this machine serves
//   GET /api/health         the app's cheapest route: the yardstick for the ratios
//   ingest, distinct        unique signed callbacks (the normal case)
//   ingest, one hot event   every connection posts the same signed callback (a retry storm)
//   health / ingest, N web processes   INBOX_WEB_PROCESSES=N next to =1
//   health / ingest after --fill deliveries   the same after `npm run db:seed -- --deliveries N`
//
// Each ingest row has its own fresh endpoint; after each, every delivery id answered 2xx
// must be in the database (stored >= acknowledged). RSS is the sum over the app's process
// tree (launcher, web processes, worker; PostgreSQL is not in it), the highest sample
// taken during the row. Not a test: numbers depend on the machine.
//
//   npm run bench -- --duration 10 --connections 32 --fill 1000000 --processes 2
//   npm run bench -- --fill 0            skip the "after --fill" rows
//   npm run bench -- --warm-up 2         a shorter warm-up of each new server (default 10 s)
//
// Load comes from wrk (apt-get install -y wrk), one thread: a C load generator leaves
// the two cores to the app and PostgreSQL, where a Node one would take most of one. Uses
// DATABASE_URL's server (a fresh database, dropped afterwards) or a throwaway
// embedded PostgreSQL. The app runs as a separate process, like `npm start`.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { MAX_RATE_LIMIT_PER_SECOND } from "@/lib/endpoints/schema";
import { signStandardWebhooks } from "@/lib/verify/standard-webhooks";
import { startAppServer, TEST_API_TOKEN, type AppServer } from "@/tests/support/app-server";
import {
  appProcesses,
  cpuPerRequest,
  cpuSnapshot,
  runWrk,
  totalRss,
  type CpuPerRequest,
  type WrkReport,
} from "./bench-load";
import { buildIfStale } from "./build-if-stale";
import { seedDeliveries } from "./seed-in-child";
import { createThrowawayDatabase } from "./throwaway-database";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "32" },
    /** Deliveries stored before the "after fill" rows (0: no such rows). */
    fill: { type: "string", default: "1000000" },
    /** INBOX_WEB_PROCESSES of the "N web processes" rows (0: no such rows). */
    processes: { type: "string", default: String(Math.max(2, os.availableParallelism())) },
    /**
     * Seconds of health and of ingest load on each new server before its rows: the web
     * process keeps getting cheaper per request for several seconds (JIT, heap sizing).
     */
    "warm-up": { type: "string", default: "10" },
    /** Write a V8 CPU profile of the app's processes into this folder (for finding hot spots). */
    "cpu-prof-dir": { type: "string" },
  },
});
const duration = Number(args.duration);
const connections = Number(args.connections);
const fill = Number(args.fill.replaceAll("_", ""));
const processes = Number(args.processes);
const warmUp = Number(args["warm-up"]);
const SECRET = `whsec_${randomBytes(24).toString("base64")}`;

type Row = {
  label: string;
  rps: number | null;
  p50: number;
  p99: number;
  /** The health row this one's ratio is taken against (same server, same run). */
  health?: Row;
  rssMb: number | null;
  ok: number;
  other: number;
  /** Ingest rows: answered 2xx but not in the database. */
  missing?: number;
  /** CPU per request of the web processes and of PostgreSQL, and the machine's idle share. */
  cpu: CpuPerRequest | null;
};

/** A correctly signed Aspect callback (svix-id, job id unique per index), as one TSV line. */
function signedCallbackLine(i: number, now: number): string {
  const id = `msg_bench_${i}_${randomBytes(6).toString("hex")}`;
  const body = JSON.stringify({
    timestamp: new Date().toISOString(),
    event_type: "task.completed",
    data: {
      task: {
        id: `task-${i}-${randomBytes(4).toString("hex")}`,
        features: { transcription: { state: "completed" } },
        updated: new Date().toISOString(),
      },
    },
  });
  return [id, now, signStandardWebhooks(SECRET, id, now, Buffer.from(body)), body].join("\t");
}

/** Enough unique callbacks that none repeats even at 10,000 req/s; one line for a hot event. */
async function writeCallbacks(file: string, kind: "distinct" | "hot"): Promise<void> {
  const now = Math.floor(Date.now() / 1000);
  const count = kind === "hot" ? 1 : (Math.max(duration, warmUp) + 2) * 10_000;
  const lines = Array.from({ length: count }, (_, i) => signedCallbackLine(i, now));
  await writeFile(file, `${lines.join("\n")}\n`);
}

/** wrk at the bench's connections; with `appPid`, the app's peak RSS (all its processes) meanwhile. */
async function runLoad(
  url: string,
  seconds: number,
  requestsFile?: string,
  appPid?: number,
): Promise<WrkReport & { rssMb: number | null; cpu: CpuPerRequest | null }> {
  // Sampled while the load runs: the peak is what the issue's memory target is about.
  let peak = 0;
  const cpuBefore = appPid === undefined ? null : cpuSnapshot(appPid);
  const report = await runWrk({
    url,
    connections,
    seconds,
    requestsFile,
    sample:
      appPid === undefined
        ? undefined
        : () => (peak = Math.max(peak, totalRss(appProcesses(appPid)))),
  });
  return {
    ...report,
    rssMb: appPid === undefined ? null : peak / 2 ** 20,
    cpu: cpuBefore && cpuPerRequest(cpuBefore, cpuSnapshot(appPid!), report.requests),
  };
}

function toRow(
  label: string,
  r: WrkReport & { rssMb: number | null; cpu: CpuPerRequest | null },
  health?: Row,
): Row {
  return {
    label,
    rps: r.requests / (r.durationUs / 1e6),
    p50: r.p50Us / 1000,
    p99: r.p99Us / 1000,
    health,
    rssMb: r.rssMb,
    ok: r.ok,
    other: r.other + r.socketErrors,
    cpu: r.cpu,
  };
}

/** A trivial node:http server in a child process: the ceiling of this machine and wrk. */
async function startBareNode(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      "-e",
      `const s = require("node:http").createServer((q, r) => { r.setHeader("content-type", "application/json"); r.end('{"ok":true}'); });
       s.listen(0, "127.0.0.1", () => console.log(s.address().port));`,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const port = await new Promise<string>((resolve) =>
    child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().trim())),
  );
  return { url: `http://127.0.0.1:${port}/`, child };
}

async function createEndpoint(app: AppServer, name: string): Promise<string> {
  const created = await fetch(`${app.baseUrl}/api/endpoints`, {
    method: "POST",
    headers: { authorization: `Bearer ${TEST_API_TOKEN}`, "content-type": "application/json" },
    // The highest rate limit: every callback takes a token from the bucket, as on any
    // limited endpoint, but none is refused at the rates this machine reaches.
    body: JSON.stringify({
      name,
      provider: "aspect",
      secrets: [SECRET],
      rateLimitPerSecond: MAX_RATE_LIMIT_PER_SECOND,
    }),
  });
  if (!created.ok) throw new Error(`creating endpoint ${name}: ${created.status}`);
  const endpoint = (await created.json()) as { key: string };
  return `${app.baseUrl}/in/${endpoint.key}`;
}

async function sql<R extends pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** How many of the delivery ids we were answered with are not committed. */
async function countMissing(url: string, deliveryIds: string[]): Promise<number> {
  const [row] = await sql<{ n: string }>(
    url,
    "SELECT count(*) AS n FROM unnest($1::text[]) AS a(id) WHERE NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.id = a.id)",
    [deliveryIds],
  );
  return Number(row?.n ?? 0);
}

type Session = { app: AppServer; health: Row };

/**
 * Starts the app with INBOX_WEB_PROCESSES=n, warms it up and measures its health route.
 * processCount: the processes in its tree, to tell whether the server honoured n.
 */
async function startSession(
  databaseUrl: string,
  n: number,
  label: string,
  requestsFile: string,
): Promise<Session & { processCount: number }> {
  const profileDir = args["cpu-prof-dir"];
  const app = await startAppServer(
    databaseUrl,
    { INBOX_WEB_PROCESSES: String(n) },
    profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
  );
  const pid = app.process.pid!;
  // Warm up both paths (JIT, route modules, connection pools, endpoint cache) on a
  // throwaway endpoint, long enough to reach every web process.
  const warmUrl = await createEndpoint(app, `warm-up ${label}`);
  await runLoad(`${app.baseUrl}/api/health`, warmUp);
  await writeCallbacks(requestsFile, "distinct");
  await runLoad(warmUrl, warmUp, requestsFile);
  const health = toRow(
    `GET /api/health${label}`,
    await runLoad(`${app.baseUrl}/api/health`, duration, undefined, pid),
  );
  return { app, health, processCount: appProcesses(pid).length };
}

async function ingestRow(
  session: Session,
  databaseUrl: string,
  label: string,
  kind: "distinct" | "hot",
  requestsFile: string,
): Promise<Row> {
  const url = await createEndpoint(session.app, label);
  await writeCallbacks(requestsFile, kind);
  const report = await runLoad(url, duration, requestsFile, session.app.process.pid);
  return {
    ...toRow(label, report, session.health),
    missing: await countMissing(databaseUrl, report.ids),
  };
}

function printTable(rows: Row[]): void {
  console.table(
    rows.map((r) => ({
      row: r.label,
      "req/s": r.rps === null ? "n/a" : Math.round(r.rps),
      "x health":
        r.health && r.rps !== null && r.health.rps ? (r.rps / r.health.rps).toFixed(2) : "",
      "p50 ms": r.rps === null ? "n/a" : r.p50.toFixed(1),
      "p99 ms": r.rps === null ? "n/a" : r.p99.toFixed(1),
      "p99 x health": r.health && r.rps !== null ? (r.p99 / r.health.p99).toFixed(2) : "",
      "RSS MB": r.rssMb === null ? "" : Math.round(r.rssMb),
      "web µs/req": r.cpu ? Math.round(r.cpu.webUs) : "",
      "PG µs/req": r.cpu ? Math.round(r.cpu.postgresUs) : "",
      "idle %": r.cpu ? Math.round(r.cpu.idleShare * 100) : "",
      "2xx": r.rps === null ? "" : r.ok,
      other: r.rps === null ? "" : r.other,
      "2xx not stored": r.missing ?? "",
    })),
  );
}

/** false when a callback answered 2xx is missing or an ingest request failed. */
async function main(): Promise<boolean> {
  if (spawnSync("wrk", ["--version"]).error)
    throw new Error("npm run bench needs wrk: apt-get install -y wrk");
  buildIfStale();
  const database = await createThrowawayDatabase("bench");
  const requestsFile = path.join(os.tmpdir(), `inbox-bench-${randomBytes(4).toString("hex")}.tsv`);
  const rows: Row[] = [];
  // Each row is logged as it is measured, so a run cut short still shows what it measured.
  const push = (row: Row) => {
    rows.push(row);
    console.log(
      `${row.label}: ${row.rps === null ? "n/a" : `${Math.round(row.rps)} req/s, p50 ${row.p50.toFixed(1)} ms, p99 ${row.p99.toFixed(1)} ms`}`,
    );
  };
  let app: AppServer | null = null;
  try {
    const bare = await startBareNode();
    await runLoad(bare.url, 2);
    push(toRow("bare node:http", await runLoad(bare.url, duration)));
    bare.child.kill();

    const one = await startSession(database.url, 1, "", requestsFile);
    app = one.app;
    push(one.health);
    const distinct = await ingestRow(
      one,
      database.url,
      "ingest, distinct bodies",
      "distinct",
      requestsFile,
    );
    push(distinct);
    push(await ingestRow(one, database.url, "ingest, one hot event", "hot", requestsFile));
    await app.stop();
    app = null;

    let multi: Row | null = null;
    if (processes > 1) {
      const many = await startSession(
        database.url,
        processes,
        ` (${processes} web processes)`,
        requestsFile,
      );
      app = many.app;
      if (many.processCount > one.processCount) {
        push(many.health);
        multi = await ingestRow(
          many,
          database.url,
          `ingest, distinct (${processes} web processes)`,
          "distinct",
          requestsFile,
        );
        push(multi);
      } else {
        // The server ran one web process whatever INBOX_WEB_PROCESSES said.
        const na = { rps: null, p50: 0, p99: 0, rssMb: null, ok: 0, other: 0, cpu: null };
        push({ ...na, label: `GET /api/health (${processes} web processes)` });
        push({ ...na, label: `ingest, distinct (${processes} web processes)` });
      }
      await app.stop();
      app = null;
    }

    let filled: Row | null = null;
    if (fill > 0) {
      seedDeliveries(database.url, fill);
      // The fill's WAL is flushed to the data files now, not by a checkpoint during the
      // rows below: what they measure is ingest next to stored data, not the fill's wake.
      await sql(database.url, "CHECKPOINT");
      const after = await startSession(
        database.url,
        1,
        ` (after ${fill.toLocaleString("en")} deliveries)`,
        requestsFile,
      );
      app = after.app;
      push(after.health);
      filled = await ingestRow(
        after,
        database.url,
        `ingest, distinct (after ${fill.toLocaleString("en")} deliveries)`,
        "distinct",
        requestsFile,
      );
      push(filled);
      await app.stop();
      app = null;
    }

    console.log(
      `\nwrk, ${connections} connections, ${duration} s each, ${os.cpus().length} CPUs, Node ${process.version}\n`,
    );
    printTable(rows);
    const ratio = (r: Row) => (r.rps ?? 0) / (r.health?.rps ?? 1);
    const hot = rows.find((r) => r.label === "ingest, one hot event")!;
    console.log(
      `distinct / health: ${ratio(distinct).toFixed(2)} (target >= 0.8); p99 ${(distinct.p99 / one.health.p99).toFixed(2)}x health's (target <= 1.5)`,
    );
    console.log(`hot event / health: ${ratio(hot).toFixed(2)} (target >= 0.5)`);
    if (multi?.rps)
      console.log(
        `${processes} web processes / 1: ${(multi.rps / distinct.rps!).toFixed(2)} (target >= 1.4 with 2 on 2 cores)`,
      );
    if (filled)
      console.log(
        `after ${fill.toLocaleString("en")} deliveries / empty (each as x health): ${(ratio(filled) / ratio(distinct)).toFixed(2)} (target >= 0.85)`,
      );
    const ingestRows = rows.filter((r) => r.missing !== undefined);
    const acknowledged = ingestRows.reduce((n, r) => n + r.ok, 0);
    const missing = ingestRows.reduce((n, r) => n + (r.missing ?? 0), 0);
    console.log(`answered 2xx: ${acknowledged}, of those missing from the database: ${missing}`);
    return missing === 0 && ingestRows.every((r) => r.other === 0);
  } finally {
    await rm(requestsFile, { force: true });
    await app?.stop();
    await database.cleanup();
  }
}

// After the cleanup, and as an exit rather than process.exitCode, which came back as 0
// (something in the cleanup path resets it).
if (!(await main())) process.exit(1);
