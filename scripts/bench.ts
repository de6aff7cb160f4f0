// npm run bench - ingest throughput and latency next to the health route of the same
// server, at 32 connections, then checks that every callback answered 2xx is in the
// database. Prints a table. Not a test: numbers depend on the machine.
//
//   npm run bench -- --duration 15 --connections 32
//
// Load comes from wrk (apt-get install -y wrk), one thread: a C load generator leaves
// the two cores to the app and PostgreSQL, where a Node one would take most of one. Uses
// DATABASE_URL's server (a fresh database, dropped afterwards) or a throwaway
// embedded PostgreSQL. The app runs as a separate process, like `npm start`.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { MAX_RATE_LIMIT_PER_SECOND } from "@/lib/endpoints/schema";
import { signStandardWebhooks } from "@/lib/verify/standard-webhooks";
import { startAppServer, TEST_API_TOKEN } from "@/tests/support/app-server";
import { buildIfStale } from "./build-if-stale";
import { createThrowawayDatabase } from "./throwaway-database";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "32" },
    /** Write a V8 CPU profile of the app process into this folder (for finding hot spots). */
    "cpu-prof-dir": { type: "string" },
  },
});
const duration = Number(args.duration);
const connections = Number(args.connections);
const SECRET = `whsec_${randomBytes(24).toString("base64")}`;
const WRK_SCRIPT = path.resolve("scripts/bench-wrk.lua");

type WrkReport = {
  requests: number;
  durationUs: number;
  p50Us: number;
  p99Us: number;
  ok: number;
  other: number;
  socketErrors: number;
  ids: string[];
};
type Row = { route: string; rps: number; p50: number; p99: number; ok: number; other: number };

/** Unique, correctly signed Aspect callbacks (distinct svix-id and job id), one TSV line each. */
function signedCallbackLines(count: number): string {
  const now = Math.floor(Date.now() / 1000);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `msg_bench_${i}_${randomBytes(6).toString("hex")}`;
    const body = JSON.stringify({
      timestamp: new Date().toISOString(),
      event_type: "task.completed",
      data: {
        task: {
          id: `task-${i}`,
          features: { transcription: { state: "completed" } },
          updated: new Date().toISOString(),
        },
      },
    });
    lines.push(
      [id, now, signStandardWebhooks(SECRET, id, now, Buffer.from(body)), body].join("\t"),
    );
  }
  return `${lines.join("\n")}\n`;
}

async function runWrk(url: string, seconds: number, requestsFile?: string): Promise<WrkReport> {
  const reportFile = path.join(os.tmpdir(), `inbox-bench-${randomBytes(4).toString("hex")}.json`);
  const result = spawnSync(
    "wrk",
    [
      "-t1",
      `-c${connections}`,
      `-d${seconds}s`,
      "-s",
      WRK_SCRIPT,
      url,
      "--",
      reportFile,
      ...(requestsFile ? [requestsFile] : []),
    ],
    { encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`wrk failed: ${result.stderr || result.error?.message}`);
  const report = JSON.parse(await readFile(reportFile, "utf8")) as WrkReport;
  await rm(reportFile, { force: true });
  return report;
}

function toRow(route: string, r: WrkReport): Row {
  return {
    route,
    rps: r.requests / (r.durationUs / 1e6),
    p50: r.p50Us / 1000,
    p99: r.p99Us / 1000,
    ok: r.ok,
    other: r.other + r.socketErrors,
  };
}

async function main(): Promise<void> {
  if (spawnSync("wrk", ["--version"]).error)
    throw new Error("npm run bench needs wrk: apt-get install -y wrk");
  buildIfStale();
  const database = await createThrowawayDatabase("bench");
  const profileDir = args["cpu-prof-dir"];
  const app = await startAppServer(
    database.url,
    {},
    profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
  );
  const requestsFile = path.join(os.tmpdir(), `inbox-bench-${randomBytes(4).toString("hex")}.tsv`);
  try {
    const created = await fetch(`${app.baseUrl}/api/endpoints`, {
      method: "POST",
      headers: { authorization: `Bearer ${TEST_API_TOKEN}`, "content-type": "application/json" },
      // The highest rate limit: every callback takes a token from the bucket, as on any
      // limited endpoint, but none is refused at the rates this machine reaches.
      body: JSON.stringify({
        name: "bench",
        provider: "aspect",
        secrets: [SECRET],
        rateLimitPerSecond: MAX_RATE_LIMIT_PER_SECOND,
      }),
    });
    const endpoint = (await created.json()) as { id: string; key: string };
    const ingestUrl = `${app.baseUrl}/in/${endpoint.key}`;
    // Enough unique callbacks that none repeats even at 10,000 req/s.
    await writeFile(requestsFile, signedCallbackLines((duration + 2) * 10_000));

    // Warm up both paths (JIT, route modules, connection pool, endpoint cache).
    await runWrk(`${app.baseUrl}/api/health`, 2);
    await runWrk(ingestUrl, 2, requestsFile);
    await writeFile(requestsFile, signedCallbackLines((duration + 2) * 10_000));

    const health = toRow("GET /api/health", await runWrk(`${app.baseUrl}/api/health`, duration));
    const ingestReport = await runWrk(ingestUrl, duration, requestsFile);
    const ingest = toRow("POST /in/<key> (signed Aspect callback)", ingestReport);
    const missing = await countMissing(database.url, ingestReport.ids);

    console.log(
      `\nwrk, ${connections} connections, ${duration} s each, ${os.cpus().length} CPUs, Node ${process.version}\n`,
    );
    console.table(
      [health, ingest].map((r) => ({
        route: r.route,
        "req/s": Math.round(r.rps),
        "p50 ms": r.p50.toFixed(1),
        "p99 ms": r.p99.toFixed(1),
        "2xx": r.ok,
        other: r.other,
      })),
    );
    console.log(
      `ingest / health throughput: ${(ingest.rps / health.rps).toFixed(2)} (target >= 0.60)`,
    );
    console.log(`ingest p99: ${ingest.p99.toFixed(1)} ms (target < 50 ms)`);
    console.log(
      `answered 2xx: ${ingestReport.ids.length}, of those missing from the database: ${missing}`,
    );
    if (missing > 0 || ingest.other > 0) process.exitCode = 1;
  } finally {
    await rm(requestsFile, { force: true });
    await app.stop();
    await database.cleanup();
  }
}
/** How many of the delivery ids we were answered with are not committed. */
async function countMissing(url: string, deliveryIds: string[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM unnest($1::text[]) AS a(id) WHERE NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.id = a.id)",
      [deliveryIds],
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

await main();
