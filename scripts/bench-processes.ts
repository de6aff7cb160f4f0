// npm run bench:processes - what the app's processes cost and what more web processes
// buy: for each INBOX_WEB_PROCESSES value given, starts the app (the compiled production
// entry, like `npm start`), measures the resident memory of every app process (the
// launcher, its web processes and the queue worker; PostgreSQL is not the app's) when
// idle and at its peak under load, and ingest throughput with distinct bodies. Prints
// two tables. Not a test: numbers depend on the machine.
//
//   npm run bench:processes -- --processes 1,2 --duration 8 --connections 32
//
// Load comes from wrk (one thread, as in npm run bench), to 127.0.0.1 only. The
// endpoint is a generic one without a secret, so each request is a distinct unsigned
// JSON body and the cost measured is the server's, not a signature check's.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startAppServer, TEST_API_TOKEN } from "@/tests/support/app-server";
import { appProcesses, runWrk, totalRss, type ProcessMemory } from "./bench-load";
import { buildIfStale } from "./build-if-stale";
import { createThrowawayDatabase } from "./throwaway-database";

const { values: args } = parseArgs({
  options: {
    processes: { type: "string", default: "1,2" },
    duration: { type: "string", default: "8" },
    connections: { type: "string", default: "32" },
    /** Seconds the app sits before the idle sample: start-up garbage collected, timers settled. */
    settle: { type: "string", default: "5" },
  },
});
const duration = Number(args.duration);
const connections = Number(args.connections);
const MB = 1024 * 1024;

/** Distinct JSON callbacks for a generic endpoint, one wrk request line each (id, -, -, body). */
function distinctCallbackLines(count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const body = JSON.stringify({
      type: "job.completed",
      id: `job-${i}-${randomBytes(6).toString("hex")}`,
      at: new Date().toISOString(),
      output: { url: `https://cdn.example.com/renders/${i}.mp4`, seconds: i % 600 },
    });
    lines.push(["", "", "", body].join("\t"));
  }
  return `${lines.join("\n")}\n`;
}

type Load = { rps: number; p99: number; ok: number; other: number };

/** Runs wrk while sampling the app's memory; resolves with wrk's numbers and the peak per process. */
async function loadWhileSampling(
  url: string,
  requestsFile: string,
  launcherPid: number,
): Promise<{ load: Load; peak: Map<string, number>; peakTotal: number }> {
  const peak = new Map<string, number>();
  let peakTotal = 0;
  const report = await runWrk({
    url,
    connections,
    seconds: duration,
    requestsFile,
    sampleMs: 200,
    sample: () => {
      const processes = appProcesses(launcherPid);
      for (const { role, rss } of processes) peak.set(role, Math.max(peak.get(role) ?? 0, rss));
      peakTotal = Math.max(peakTotal, totalRss(processes));
    },
  });
  return {
    load: {
      rps: report.requests / (report.durationUs / 1e6),
      p99: report.p99Us / 1000,
      ok: report.ok,
      other: report.other + report.socketErrors,
    },
    peak,
    peakTotal,
  };
}

type Run = {
  webProcesses: number;
  idle: ProcessMemory[];
  peak: Map<string, number>;
  peakTotal: number;
  load: Load;
};

async function measure(databaseUrl: string, webProcesses: number): Promise<Run> {
  const app = await startAppServer(databaseUrl, { INBOX_WEB_PROCESSES: String(webProcesses) });
  const requestsFile = path.join(os.tmpdir(), `inbox-bench-${randomBytes(4).toString("hex")}.tsv`);
  try {
    const launcherPid = app.process.pid ?? 0;
    const created = await fetch(`${app.baseUrl}/api/endpoints`, {
      method: "POST",
      headers: { authorization: `Bearer ${TEST_API_TOKEN}`, "content-type": "application/json" },
      // No rate limit: every callback is stored, none refused with 429.
      body: JSON.stringify({
        name: `processes ${webProcesses}`,
        provider: "generic",
        rateLimitPerSecond: null,
      }),
    });
    const endpoint = (await created.json()) as { key: string };
    await new Promise((resolve) => setTimeout(resolve, Number(args.settle) * 1000));
    const idle = appProcesses(launcherPid);
    // Enough distinct callbacks that none repeats even at 10,000 req/s.
    await writeFile(requestsFile, distinctCallbackLines((duration + 1) * 10_000));
    const { load, peak, peakTotal } = await loadWhileSampling(
      `${app.baseUrl}/in/${endpoint.key}`,
      requestsFile,
      launcherPid,
    );
    return { webProcesses, idle, peak, peakTotal, load };
  } finally {
    await rm(requestsFile, { force: true });
    await app.stop();
  }
}

const mb = (bytes: number) => Math.round(bytes / MB);

async function main(): Promise<void> {
  if (spawnSync("wrk", ["--version"]).error)
    throw new Error("npm run bench:processes needs wrk: apt-get install -y wrk");
  buildIfStale();
  const database = await createThrowawayDatabase("bench_processes");
  const runs: Run[] = [];
  try {
    for (const n of args.processes.split(",").map(Number))
      runs.push(await measure(database.url, n));
  } finally {
    await database.cleanup();
  }
  console.log(
    `\nwrk, ${connections} connections, ${duration} s, ${os.cpus().length} CPUs, Node ${process.version}; RSS in MB\n`,
  );
  console.table(
    runs.flatMap((run) =>
      run.idle.map((p) => ({
        "web processes": run.webProcesses,
        process: p.role,
        "idle RSS": mb(p.rss),
        "peak RSS under load": mb(run.peak.get(p.role) ?? 0),
      })),
    ),
  );
  const firstRps = runs[0]?.load.rps ?? 0;
  console.table(
    runs.map((run) => ({
      "web processes": run.webProcesses,
      "app idle RSS": mb(run.idle.reduce((sum, p) => sum + p.rss, 0)),
      "app peak RSS under load": mb(run.peakTotal),
      "ingest req/s": Math.round(run.load.rps),
      "p99 ms": run.load.p99.toFixed(1),
      "2xx": run.load.ok,
      other: run.load.other,
      "req/s / first row's": (run.load.rps / firstRps).toFixed(2),
    })),
  );
  if (runs.some((run) => run.load.other > 0)) process.exitCode = 1;
}

await main();
