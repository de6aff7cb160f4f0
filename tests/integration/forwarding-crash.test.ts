// A crash between the ingest statement's commit and anything after it (issue 4): the
// callback is stored, so its forward must still go out once the app is back, exactly
// once. The app talks to its database through a TCP proxy that freezes the database's
// answers: the ingest statement commits, the app never hears so, and is killed while
// waiting. It then restarts straight on the database.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENDPOINT_CHANNEL } from "@/lib/endpoints/endpoint-cache";
import { startAppServer, type AppServer } from "@/tests/support/app-server";
import { createForwardingEndpoint, forwardChecks, sendCallback } from "@/tests/support/forwarding";
import { createFreshDatabase, queryDatabase } from "@/tests/support/fresh-database";
import { childPidsRunning } from "@/tests/support/processes";
import { startReceiver, type Receiver } from "@/tests/support/receiver";
import { proxyDatabase, type TcpProxy } from "@/tests/support/tcp-proxy";

// An app start under load can take a while; nothing here waits on a clock otherwise.
const POLL = { timeout: 60_000, interval: 200 };

let database: { url: string; drop(): Promise<void> };
let proxy: TcpProxy;
let server: AppServer;
let receiver: Receiver;

beforeAll(async () => {
  database = await createFreshDatabase("forwarding_crash");
  const proxied = await proxyDatabase(database.url);
  proxy = proxied.proxy;
  server = await startAppServer(proxied.url);
  receiver = await startReceiver();
});

afterAll(async () => {
  // Killed, not stopped: an app behind a frozen proxy would wait forever to shut down.
  await server?.kill();
  await proxy?.close();
  await receiver?.close();
  await database?.drop();
});

/** Reads the real database directly, never through the proxy. */
const sql = <R extends pg.QueryResultRow>(text: string, params: unknown[] = []) =>
  queryDatabase<R>(database.url, text, params);

const checks = () => forwardChecks(database.url, receiver, POLL);
const sendTo = (key: string, body: string) => sendCallback(server.baseUrl, key, body);

describe("a crash right after the ingest statement commits", () => {
  it("forwards the stored callback exactly once after the app restarts", async () => {
    const endpoint = await createForwardingEndpoint(server.baseUrl, receiver.url());

    // Frozen, the app can only take a callback whose endpoint it has cached (a cache
    // miss reads the database and would never hear back). The cache is trusted only
    // while its LISTEN connection is up, which the first callback opens: the second,
    // once that connection listens, is the one that fills the cache. Both forward as
    // usual, which also shows forwarding works up to the crash.
    const warmUps: string[] = [];
    const warmUp = async () => {
      const answer = await sendTo(endpoint.key, JSON.stringify({ warmUp: randomUUID() }));
      expect(answer.status).toBe(200);
      warmUps.push(((await answer.json()) as { eventId: string }).eventId);
    };
    await warmUp();
    await expect
      .poll(
        async () =>
          (
            await sql(
              `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query = $1`,
              [`LISTEN "${ENDPOINT_CHANNEL}"`],
            )
          ).length,
        {
          ...POLL,
          message: "the endpoint cache's LISTEN connection never came up",
        },
      )
      .toBe(1);
    await warmUp();
    // Idle before the freeze: no forward of a warm-up is left half done by the crash.
    for (const eventId of warmUps) await checks().expectForwardedOnce(eventId);

    proxy.freeze();
    const body = JSON.stringify({ crash: randomUUID() });
    const answered = sendTo(endpoint.key, body).then(
      (response) => `answered ${response.status}`,
      () => "no answer",
    );
    const stored = async () =>
      (
        await sql<{ event_id: string }>(
          `SELECT event_id FROM deliveries WHERE endpoint_id = $1 AND body = $2`,
          [endpoint.id, Buffer.from(body)],
        )
      )[0];
    await expect
      .poll(stored, { ...POLL, message: "the callback's delivery was never committed" })
      .toBeDefined();
    const eventId = (await stored())?.event_id ?? "";

    // The app never learned of the commit, so nothing after it ran: a crash right there.
    await server.kill();
    // Committed but never answered: the sender will retry, which is its duplicate to handle.
    expect(await answered).toBe("no answer");
    expect(checks().forwardsOf(eventId)).toBe(0);

    server = await startAppServer(database.url);
    await expect
      .poll(() => checks().forwardsOf(eventId), {
        ...POLL,
        message: "the stored callback was never forwarded after the restart",
      })
      .toBeGreaterThan(0);
    await checks().expectForwardedOnce(eventId);
  }, 300_000);
});

describe("a queue worker that dies in the middle of a forward", () => {
  it("sends the forward again as soon as the worker is back, not after the queue's 4-hour lock", async () => {
    const holding = await startReceiver();
    // The first request is never answered: the worker is killed while it waits.
    holding.respond = (_request, index) => (index === 0 ? new Promise(() => {}) : { status: 200 });
    try {
      const endpoint = await createForwardingEndpoint(server.baseUrl, holding.url());
      const answer = await sendTo(endpoint.key, JSON.stringify({ workerCrash: randomUUID() }));
      expect(answer.status).toBe(200);
      const { eventId } = (await answer.json()) as { eventId: string };
      await expect
        .poll(() => holding.requests.length, { ...POLL, message: "the forward never started" })
        .toBe(1);

      const [worker] = childPidsRunning(server.process.pid ?? 0, "worker-process");
      expect(worker, "the app runs its queue worker as a child process").toBeDefined();
      process.kill(worker ?? 0, "SIGKILL");

      await expect
        .poll(() => holding.requests.length, {
          ...POLL,
          message: "the interrupted forward was not sent again after the worker restarted",
        })
        .toBe(2);
      expect(holding.header(holding.requests[1]!, "x-inbox-event-id")).toBe(eventId);
      await expect.poll(() => checks().attemptStatuses(eventId), POLL).toEqual(["succeeded"]);
    } finally {
      await holding.close();
    }
  }, 300_000);
});
