// npm run bench:forward - how fast forwarding drains, and how long a callback takes
// from its ingest answer to its arrival at the team's receiver. Prints a table. Not a
// test: numbers depend on the machine.
//
//   npm run bench:forward -- --events 10000 --rate 200 --seconds 10
//
// The production app runs as a separate process (like `npm start`) on a throwaway
// database, with one endpoint and one destination: a receiver in this process on
// 127.0.0.1 (allow-listed for the run with INBOX_OUTBOUND_ALLOW). Phase 1 ingests
// --events unsigned callbacks as fast as 32 concurrent senders can and times the queue
// until the receiver has them all. Phase 2 sends --rate callbacks per second for
// --seconds and measures ingest-answered -> received for each one.
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { startAppServer, TEST_API_TOKEN } from "@/tests/support/app-server";
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
const TARGET = { drainPerSecond: 300, p99Ms: 1000 } as const;

/** Arrival time of each forwarded event at the receiver, by the inbox event id header. */
type Receiver = { url: string; arrivals: Map<string, number>; close(): Promise<void>; waitFor(count: number, timeoutMs: number): Promise<boolean> };

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
      while (arrivals.size < count && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
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

/** POSTs one unique callback; resolves with its event id and when the answer came. */
async function ingest(ingestUrl: string, n: number): Promise<{ eventId: string; answeredAt: number }> {
  const response = await fetch(ingestUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ job_id: `bench-${n}-${Math.random().toString(36).slice(2)}`, status: "completed", output_video_url: "https://cdn.example/out.mp4" }),
  });
  const answeredAt = performance.now();
  if (response.status !== 200) throw new Error(`ingest answered ${response.status}`);
  const { eventId } = (await response.json()) as { eventId: string };
  return { eventId, answeredAt };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function main(): Promise<void> {
  buildIfStale();
  const database = await createThrowawayDatabase("bench_forward");
  const receiver = await startReceiver();
  const app = await startAppServer(database.url, { INBOX_OUTBOUND_ALLOW: "127.0.0.1" });
  try {
    const endpoint = await api<{ id: string; key: string }>(app.baseUrl, "/api/endpoints", { name: "bench", provider: "clipzy" });
    // Unsigned callbacks: forward all, not only verified ones.
    await api(app.baseUrl, `/api/endpoints/${endpoint.id}/destinations`, { url: receiver.url, forward: "all" });
    const ingestUrl = `${app.baseUrl}/in/${endpoint.key}`;

    // Phase 1: a burst, then time the queue until everything arrived.
    const burstStart = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: SENDERS }, async () => {
        while (next < EVENTS) await ingest(ingestUrl, next++);
      }),
    );
    const ingested = performance.now();
    const arrivedWhileIngesting = receiver.arrivals.size;
    const drained = await receiver.waitFor(EVENTS, 600_000);
    const drainedAt = Math.max(...receiver.arrivals.values());
    const drainSeconds = (drainedAt - burstStart) / 1000;

    // Phase 2: a steady rate, latency per callback.
    const before = receiver.arrivals.size;
    const sent: Array<{ eventId: string; answeredAt: number }> = [];
    const steadyStart = performance.now();
    const total = RATE * SECONDS;
    const pending: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = steadyStart + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      pending.push(ingest(ingestUrl, EVENTS + i).then((s) => void sent.push(s)));
    }
    await Promise.all(pending);
    await receiver.waitFor(before + total, 120_000);
    const latencies = sent.map((s) => (receiver.arrivals.get(s.eventId) ?? Infinity) - s.answeredAt).sort((a, b) => a - b);
    const lost = latencies.filter((l) => !Number.isFinite(l)).length;

    console.log(`\n${os.cpus().length} CPUs, Node ${process.version}, forwarding concurrency from INBOX_FORWARD_CONCURRENCY (default 8)\n`);
    console.table([
      {
        phase: `burst of ${EVENTS} callbacks`,
        "ingest req/s": Math.round(EVENTS / ((ingested - burstStart) / 1000)),
        "forwarded/s overall": drained ? Math.round(EVENTS / drainSeconds) : "did not drain",
        // Once ingest stopped competing for the CPU: the backlog alone.
        "forwarded/s after ingest": drained ? Math.round((EVENTS - arrivedWhileIngesting) / ((drainedAt - ingested) / 1000)) : "did not drain",
        "target": `>= ${TARGET.drainPerSecond}/s`,
      },
    ]);
    console.table([
      {
        phase: `${RATE}/s for ${SECONDS} s`,
        "p50 ms": percentile(latencies, 50).toFixed(0),
        "p99 ms": percentile(latencies, 99).toFixed(0),
        "max ms": percentile(latencies, 100).toFixed(0),
        "not forwarded": lost,
        target: `p99 < ${TARGET.p99Ms} ms`,
      },
    ]);
    if (!drained || lost > 0) process.exitCode = 1;
  } finally {
    await app.stop();
    await receiver.close();
    await database.cleanup();
  }
}

await main();
