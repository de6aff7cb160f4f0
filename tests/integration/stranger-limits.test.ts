// What a stranger who knows an ingest URL can hold on one app process, and that
// /api/health stays answerable meanwhile: headers that never finish, a body that stops
// arriving, more uploads in flight than the process takes (by count and by bytes).
// One app server of its own, with small limits, so that waiting for a timeout takes
// seconds and no other test file meets these limits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, TEST_API_TOKEN, type AppServer } from "@/tests/support/app-server";
import { createFreshDatabase, queryDatabase } from "@/tests/support/fresh-database";
import { sendRaw, slowSender, type SlowSender } from "@/tests/support/ingest-http";

const KiB = 1024;
const MAX_IN_FLIGHT = 8;
const MAX_IN_FLIGHT_BYTES = 1024 * KiB;
/** Uploads that must stay open trickle faster than the 2 s body idle timeout. */
const TRICKLE_MS = 300;
/** Far beyond the 2 s timeouts below, far below Node's own defaults (60 s headers, 300 s request). */
const GENEROUS_MS = 20_000;

let server: AppServer;
let database: { url: string; drop(): Promise<void> };

async function createEndpoint(name: string): Promise<{ id: string; key: string }> {
  const response = await fetch(`${server.baseUrl}/api/endpoints`, {
    method: "POST",
    headers: { authorization: `Bearer ${TEST_API_TOKEN}`, "content-type": "application/json" },
    // Unlimited rate: this file is about what the process holds, not about the endpoint's rate.
    body: JSON.stringify({ name, provider: "generic", rateLimitPerSecond: null }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; key: string };
}

async function deliveryCount(endpointId: string): Promise<number> {
  const rows = await queryDatabase<{ n: number }>(
    database.url,
    "SELECT count(*)::int AS n FROM deliveries WHERE endpoint_id = $1",
    [endpointId],
  );
  return rows[0]?.n ?? -1;
}

/** Resolves with `promise`, or rejects once `ms` have passed (a server that hangs fails the test instead of the run). */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) =>
      (timer = setTimeout(() => reject(new Error(`${what}: nothing after ${ms} ms`)), ms)),
  );
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** webhook_inbox_callbacks_rejected_total{reason="server_busy"} in a scrape (operator token). */
async function busyRefusals(): Promise<number> {
  const response = await fetch(`${server.baseUrl}/api/metrics`, {
    headers: { authorization: `Bearer ${TEST_API_TOKEN}` },
  });
  expect(response.status).toBe(200);
  const sample =
    /^webhook_inbox_callbacks_rejected_total\{[^}]*reason="server_busy"[^}]*\} (\S+)$/m.exec(
      await response.text(),
    );
  return sample ? Number(sample[1]) : 0;
}

function expectBusy(responseText: string): void {
  expect(responseText).toMatch(/^HTTP\/1\.1 503 /);
  expect(responseText).toMatch(/\r\nretry-after: *\d+\r\n/i);
  expect(responseText).toContain('"code":"server_busy"');
}

/** Started slow senders, aborted after each test whatever happened. */
const senders: SlowSender[] = [];
function track(sender: SlowSender): SlowSender {
  senders.push(sender);
  return sender;
}

beforeAll(async () => {
  database = await createFreshDatabase("stranger_limits");
  server = await startAppServer(database.url, {
    INBOX_HEADERS_TIMEOUT_SECONDS: "2",
    INBOX_BODY_IDLE_TIMEOUT_SECONDS: "2",
    INBOX_INGEST_MAX_IN_FLIGHT: String(MAX_IN_FLIGHT),
    INBOX_INGEST_MAX_IN_FLIGHT_BYTES: String(MAX_IN_FLIGHT_BYTES),
  });
});

afterAll(async () => {
  for (const sender of senders) sender.abort();
  await server?.stop();
  await database?.drop();
});

describe("timeouts", () => {
  it("closes 40 connections that trickle their headers and never finish them", async () => {
    const endpoint = await createEndpoint("trickled headers");
    const trickling = Array.from({ length: 40 }, () =>
      track(
        slowSender(server.baseUrl, `/in/${endpoint.key}`, {
          totalBytes: 0,
          initialBytes: 0,
          trickleMs: TRICKLE_MS,
          headersOnly: true,
        }),
      ),
    );
    const outcomes = await within(
      Promise.all(trickling.map((sender) => sender.outcome)),
      GENEROUS_MS,
      "trickling connections still open",
    );
    // Closed by the server (Node answers 408 when it can), never a request that reached the app.
    for (const outcome of outcomes) expect([408, null]).toContain(outcome.status);
    expect(await deliveryCount(endpoint.id)).toBe(0);
  });

  it("drops a body that stops arriving and stores nothing", async () => {
    const endpoint = await createEndpoint("stalled body");
    const stalled = track(
      slowSender(server.baseUrl, `/in/${endpoint.key}`, {
        totalBytes: 100,
        initialBytes: 10,
        trickleMs: null,
      }),
    );
    const outcome = await within(stalled.outcome, GENEROUS_MS, "stalled upload still open");
    if (outcome.status !== null) {
      expect(outcome.status).toBe(408);
      expect(outcome.responseText).toContain('"code":"request_timeout"');
    }
    expect(await deliveryCount(endpoint.id)).toBe(0);
  });

  it("keeps an upload that is slow but never quiet for 2 s", async () => {
    const endpoint = await createEndpoint("slow but steady");
    const steady = track(
      slowSender(server.baseUrl, `/in/${endpoint.key}`, {
        totalBytes: 64,
        initialBytes: 10,
        trickleMs: TRICKLE_MS,
      }),
    );
    // Twice the idle timeout of trickling, then the rest.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    steady.finish();
    expect((await within(steady.outcome, GENEROUS_MS, "steady upload")).status).toBe(200);
    expect(await deliveryCount(endpoint.id)).toBe(1);
  });
});

describe("the in-flight budget", () => {
  it("refuses uploads past the body bytes in flight with 503 + Retry-After, and stores only the accepted ones", async () => {
    const endpoint = await createEndpoint("byte budget");
    const path = `/in/${endpoint.key}`;
    // Three slow uploads hold 3 x 256 KiB of the 1 MiB budget.
    const holders = Array.from({ length: 3 }, () =>
      track(
        slowSender(server.baseUrl, path, {
          totalBytes: 300 * KiB,
          initialBytes: 256 * KiB,
          trickleMs: TRICKLE_MS,
        }),
      ),
    );
    // A declared 300 KiB no longer fits once they are read: refused before it is read.
    // (Until the holders' first bytes are in, a probe waits for its body and times out: 408.)
    const declared = await within(
      (async () => {
        for (;;) {
          const probe = track(
            slowSender(server.baseUrl, path, {
              totalBytes: 300 * KiB,
              initialBytes: 0,
              trickleMs: null,
            }),
          );
          const outcome = await probe.outcome;
          if (outcome.status !== 408) return outcome;
        }
      })(),
      GENEROUS_MS,
      "declared upload past the byte budget",
    );
    expectBusy(declared.responseText);
    // A chunked one is refused once what arrived passes the budget.
    const chunked = track(
      slowSender(server.baseUrl, path, {
        totalBytes: 400 * KiB,
        initialBytes: 400 * KiB,
        chunked: true,
        trickleMs: null,
      }),
    );
    expectBusy((await within(chunked.outcome, GENEROUS_MS, "chunked upload")).responseText);

    for (const holder of holders) holder.finish();
    const finished = await within(
      Promise.all(holders.map((holder) => holder.outcome)),
      GENEROUS_MS,
      "slow uploads",
    );
    expect(finished.map((outcome) => outcome.status)).toEqual([200, 200, 200]);
    expect(await deliveryCount(endpoint.id)).toBe(3);

    // The budget is free again.
    expect((await sendRaw(server.baseUrl, path, { body: "{}" })).status).toBe(200);
  });

  it("answers /api/health while headers trickle and slow uploads fill every ingest slot; ingest answers 503, not hangs", async () => {
    const endpoint = await createEndpoint("request budget");
    const path = `/in/${endpoint.key}`;
    const trickling = Array.from({ length: 40 }, () =>
      track(
        slowSender(server.baseUrl, path, {
          totalBytes: 0,
          initialBytes: 0,
          trickleMs: TRICKLE_MS,
          headersOnly: true,
        }),
      ),
    );
    const holders = Array.from({ length: MAX_IN_FLIGHT }, () =>
      track(
        slowSender(server.baseUrl, path, {
          totalBytes: 2 * KiB,
          initialBytes: KiB,
          trickleMs: TRICKLE_MS,
        }),
      ),
    );
    const busyBefore = await busyRefusals();
    // Until every holder has reached the app a callback still gets a slot (and is stored).
    let acceptedMeanwhile = 0;
    const refused = await within(
      (async () => {
        for (;;) {
          const response = await sendRaw(server.baseUrl, path, { body: "{}" });
          if (response.status !== 200) return response;
          acceptedMeanwhile++;
        }
      })(),
      GENEROUS_MS,
      "ingest past the request budget",
    );
    expect(refused.status).toBe(503);
    const health = await within(fetch(`${server.baseUrl}/api/health`), GENEROUS_MS, "/api/health");
    expect(health.status).toBe(200);
    expect(refused.headers["retry-after"]).toMatch(/^\d+$/);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe("server_busy");
    // Refused by the server before Next (scripts/start.ts), and counted there (README "Metrics").
    expect((await busyRefusals()) - busyBefore).toBe(1);

    for (const holder of holders) holder.finish();
    const finished = await within(
      Promise.all(holders.map((holder) => holder.outcome)),
      GENEROUS_MS,
      "slow uploads",
    );
    expect(finished.map((outcome) => outcome.status)).toEqual(
      Array.from({ length: MAX_IN_FLIGHT }, () => 200),
    );
    expect(await deliveryCount(endpoint.id)).toBe(MAX_IN_FLIGHT + acceptedMeanwhile);
    for (const sender of trickling) sender.abort();
  });
});
