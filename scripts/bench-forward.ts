// npm run bench:forward - how fast forwarding drains, and how long a callback takes
// from its ingest answer to its arrival at the team's receiver. Prints tables. Not a
// test: numbers depend on the machine.
//
//   npm run bench:forward -- --events 10000 --rate 200 --seconds 10
//
// The production app runs as separate processes (like `npm start`) on a throwaway
// database, with one endpoint and one destination: a receiver in this process on
// 127.0.0.1 (allow-listed for the run with INBOX_OUTBOUND_ALLOW).
//   1. Backlog: a web-only app (INBOX_WORKER=off) ingests --events unsigned callbacks
//      from 32 kept-alive connections; nothing is forwarded yet.
//   2. Drain: an app with the worker starts on the same database; the drain rate is
//      the backlog over the time from its first forward to its last.
//   3. Steady: that app takes --rate callbacks per second for --seconds; each one is
//      timed from its ingest answer to its arrival at the receiver.
// CPU time is read from /proc for the app process and the database's backends, per
// 1,000 callbacks, to show where the cost is.
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import pg from "pg";
import { startAppServer, TEST_API_TOKEN, type AppServer } from "@/tests/support/app-server";
import { childPids, procStatFields } from "@/tests/support/processes";
import { buildIfStale } from "./build-if-stale";
import { createThrowawayDatabase } from "./throwaway-database";

const { values: args } = parseArgs({
  options: {
    events: { type: "string", default: "10000" },
    rate: { type: "string", default: "200" },
    seconds: { type: "string", default: "10" },
  },
});
const EVENTS = Number(args.events);
const RATE = Number(args.rate);
const SECONDS = Number(args.seconds);
const SENDERS = 32;
const WARM_UP = 500;
const TARGET = { drainPerSecond: 300, p99Ms: 1000 } as const;

/** Arrival time of each forwarded event at the receiver, by the inbox event id header. */
type Receiver = {
  url: string;
  arrivals: Map<string, number>;
  close(): Promise<void>;
  waitFor(count: number, timeoutMs: number): Promise<boolean>;
};

async function startReceiver(): Promise<Receiver> {
  const arrivals = new Map<string, number>();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const id = req.headers["x-inbox-event-id"];
      if (typeof id === "string" && !arrivals.has(id)) arrivals.set(id, performance.now());
      res.writeHead(204).end();
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    arrivals,
    close: () => new Promise((resolve) => server.close(() => resolve())),
    async waitFor(count, timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      while (arrivals.size < count && performance.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      return arrivals.size >= count;
    },
  };
}

async function api<T>(baseUrl: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${TEST_API_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Senders keep their connections, as providers' HTTP clients do; fetch's pool costs more client CPU. */
const agent = new http.Agent({ keepAlive: true, maxSockets: SENDERS });

/** POSTs one unique callback; resolves with its event id and when the answer came. */
function ingest(ingestUrl: string, n: number): Promise<{ eventId: string; answeredAt: number }> {
  const body = JSON.stringify({
    job_id: `bench-${n}-${Math.random().toString(36).slice(2)}`,
    status: "completed",
    output_video_url: "https://cdn.example/out.mp4",
  });
  return new Promise((resolve, reject) => {
    const request = http.request(
      ingestUrl,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const answeredAt = performance.now();
          if (response.statusCode !== 200)
            return reject(new Error(`ingest answered ${response.statusCode}`));
          resolve({
            eventId: (JSON.parse(Buffer.concat(chunks).toString()) as { eventId: string }).eventId,
            answeredAt,
          });
        });
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used; 0 once it is gone. */
function cpuSeconds(pid: number): number {
  // utime and stime: stat fields 14 and 15.
  const fields = procStatFields(pid);
  return fields ? (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND : 0;
}

/** CPU used by the app process and by the database's backends, between two readings. */
type CpuMeter = {
  read(): Promise<Map<number, number>>;
  since(start: Map<number, number>, end: Map<number, number>): number;
};

function databaseCpuMeter(client: pg.Client): CpuMeter {
  return {
    async read() {
      const { rows } = await client.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
      );
      return new Map(rows.map(({ pid }) => [pid, cpuSeconds(pid)]));
    },
    // Backends that connected in between count from zero.
    since: (start, end) =>
      [...end].reduce((sum, [pid, seconds]) => sum + seconds - (start.get(pid) ?? 0), 0),
  };
}

type CpuReading = { web: number; worker: number; postgres: Map<number, number> };

async function readCpu(app: AppServer, database: CpuMeter): Promise<CpuReading> {
  const pid = app.process.pid ?? 0;
  return {
    web: cpuSeconds(pid),
    worker: childPids(pid).reduce((sum, child) => sum + cpuSeconds(child), 0),
    postgres: await database.read(),
  };
}

type Phase = { app: AppServer; database: CpuMeter; start: CpuReading };

async function startPhase(app: AppServer, database: CpuMeter): Promise<Phase> {
  return { app, database, start: await readCpu(app, database) };
}

/** CPU seconds per 1,000 callbacks in the web process, the worker process and Postgres since `phase` began. */
async function cpuPerThousand(
  phase: Phase,
  callbacks: number,
): Promise<Record<"web CPU" | "worker CPU" | "Postgres CPU", string>> {
  const end = await readCpu(phase.app, phase.database);
  const per = (seconds: number) => `${((seconds / callbacks) * 1000).toFixed(2)} s`;
  return {
    "web CPU": per(end.web - phase.start.web),
    "worker CPU": per(end.worker - phase.start.worker),
    "Postgres CPU": per(phase.database.since(phase.start.postgres, end.postgres)),
  };
}

async function main(): Promise<void> {
  buildIfStale();
  const database = await createThrowawayDatabase("bench_forward");
  const receiver = await startReceiver();
  const env = { INBOX_OUTBOUND_ALLOW: "127.0.0.1" };
  let web: AppServer | undefined = await startAppServer(database.url, {
    ...env,
    INBOX_WORKER: "off",
  });
  let worker: AppServer | undefined;
  const observer = new pg.Client({ connectionString: database.url });
  await observer.connect();
  const meter = databaseCpuMeter(observer);
  try {
    // No rate limit: the backlog is sent as fast as the web process takes it.
    const endpoint = await api<{ id: string; key: string }>(web.baseUrl, "/api/endpoints", {
      name: "bench",
      provider: "clipzy",
      rateLimitPerSecond: null,
    });
    // Unsigned callbacks: forward all, not only verified ones.
    await api(web.baseUrl, `/api/endpoints/${endpoint.id}/destinations`, {
      url: receiver.url,
      forward: "all",
    });

    // 1. The backlog, stored by a process that forwards nothing.
    const backlog = await startPhase(web, meter);
    const burstStart = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: SENDERS }, async () => {
        while (next < EVENTS) await ingest(`${web!.baseUrl}/in/${endpoint.key}`, next++);
      }),
    );
    const ingestSeconds = (performance.now() - burstStart) / 1000;
    const ingestCpu = await cpuPerThousand(backlog, EVENTS);
    await web.stop();
    web = undefined;

    // 2. The drain, by an app with the worker.
    worker = await startAppServer(database.url, env);
    const firstArrival = await receiver.waitFor(1, 60_000);
    const drainPhase = await startPhase(worker, meter);
    const drained = firstArrival && (await receiver.waitFor(EVENTS, 600_000));
    const arrivals = [...receiver.arrivals.values()];
    const drainSeconds = (Math.max(...arrivals) - Math.min(...arrivals)) / 1000;
    const drainCpu = await cpuPerThousand(drainPhase, EVENTS);

    // 3. A steady rate, latency per callback, once this app's ingest route is warm (its
    // first requests compile and load code, which is not what is measured here).
    const warm = EVENTS + WARM_UP;
    for (let i = EVENTS; i < warm; i++) await ingest(`${worker.baseUrl}/in/${endpoint.key}`, i);
    await receiver.waitFor(warm, 120_000);
    const steadyPhase = await startPhase(worker, meter);
    const sent: Array<{ eventId: string; answeredAt: number }> = [];
    const steadyStart = performance.now();
    const total = RATE * SECONDS;
    const pending: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = steadyStart + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      pending.push(
        ingest(`${worker.baseUrl}/in/${endpoint.key}`, warm + i).then((s) => void sent.push(s)),
      );
    }
    await Promise.all(pending);
    await receiver.waitFor(warm + total, 120_000);
    const steadyCpu = await cpuPerThousand(steadyPhase, total);
    const latencies = sent
      .map((s) => (receiver.arrivals.get(s.eventId) ?? Infinity) - s.answeredAt)
      .sort((a, b) => a - b);
    const lost = latencies.filter((l) => !Number.isFinite(l)).length;

    console.log(
      `\n${os.cpus().length} CPUs, Node ${process.version}, INBOX_FORWARD_CONCURRENCY ${process.env.INBOX_FORWARD_CONCURRENCY ?? "8 (default)"}`,
    );
    console.log(
      "CPU columns: CPU seconds per 1,000 callbacks in the web process, the worker process and Postgres\n",
    );
    console.table([
      {
        phase: `ingest ${EVENTS} (no worker)`,
        "per second": Math.round(EVENTS / ingestSeconds),
        target: "",
        ...ingestCpu,
      },
      {
        phase: `drain the ${EVENTS} backlog`,
        "per second": drained ? Math.round((EVENTS - 1) / drainSeconds) : "did not drain",
        target: `>= ${TARGET.drainPerSecond}/s`,
        ...drainCpu,
      },
      { phase: `ingest + forward ${RATE}/s`, "per second": RATE, target: "", ...steadyCpu },
    ]);
    console.table([
      {
        phase: `ingest answered -> received, ${RATE}/s for ${SECONDS} s`,
        "p50 ms": percentile(latencies, 50).toFixed(0),
        "p99 ms": percentile(latencies, 99).toFixed(0),
        "max ms": percentile(latencies, 100).toFixed(0),
        "not forwarded": lost,
        target: `p99 < ${TARGET.p99Ms} ms`,
      },
    ]);
    if (!drained || lost > 0) process.exitCode = 1;
  } finally {
    agent.destroy();
    await observer.end();
    await web?.stop();
    await worker?.stop();
    await receiver.close();
    await database.cleanup();
  }
}

await main();
