// INBOX_WEB_PROCESSES=2: two web processes behind one port (node:cluster), with the one
// outbox relay and the queue worker in the launcher's other processes. A callback is
// stored once, shown live on streams that either process serves (Postgres NOTIFY, not
// an in-process signal), deduplicated across the processes, and forwarded once to a
// real receiver on 127.0.0.1.
//
// Which process serves a connection: the launcher hands new connections to the web
// processes in turn, so consecutive new connections alternate between the two. Every
// request here that must reach a given process uses its own connection.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, TEST_API_TOKEN, type AppServer } from "@/tests/support/app-server";
import { createForwardingEndpoint, forwardChecks } from "@/tests/support/forwarding";
import { createFreshDatabase, queryDatabase } from "@/tests/support/fresh-database";
import { sendRaw } from "@/tests/support/ingest-http";
import { childPidsRunning } from "@/tests/support/processes";
import { receiversClosedAfterAll } from "@/tests/support/receiver";
import { nextMessage, sseMessages, type SseMessage } from "@/tests/support/sse";

let database: { url: string; drop(): Promise<void> };
let server: AppServer;
const receivers = receiversClosedAfterAll();

beforeAll(async () => {
  database = await createFreshDatabase("web_processes");
  server = await startAppServer(database.url, {
    INBOX_WEB_PROCESSES: "2",
    INBOX_OUTBOUND_ALLOW: "127.0.0.1",
  });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

const webProcessPids = () => childPidsRunning(server.process.pid ?? 0, "web-process");

type Feed = { stream: AsyncGenerator<SseMessage>; close(): void };

/** One endpoint's delivery stream on a connection of its own, once it is live ("ready"). */
async function openDeliveryFeed(endpointId: string): Promise<Feed> {
  const abort = new AbortController();
  const response = await fetch(`${server.baseUrl}/api/endpoints/${endpointId}/deliveries/stream`, {
    headers: { authorization: `Bearer ${TEST_API_TOKEN}` },
    signal: abort.signal,
  });
  expect(response.status).toBe(200);
  if (!response.body) throw new Error("no body");
  const stream = sseMessages(response.body);
  await nextMessage(stream, (m) => m.event === "ready");
  return { stream, close: () => abort.abort() };
}

describe("INBOX_WEB_PROCESSES=2", () => {
  it("runs two web processes behind the one port", () => {
    expect(webProcessPids()).toHaveLength(2);
  });

  it("runs each web process with V8's old generation growing by its live size, not by a factor V8 picks", () => {
    // Without it a web process under sustained ingest held several times its live heap
    // (README, "Processes and memory").
    const pids = webProcessPids();
    expect(pids).toHaveLength(2);
    for (const pid of pids) {
      const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      expect(argv).toContain("--heap-growing-percent=100");
    }
  });

  it("stores a callback once, shows it live on both processes' streams, deduplicates its retry and forwards it once", async () => {
    const receiver = await receivers();
    const endpoint = await createForwardingEndpoint(server.baseUrl, receiver.url());
    // Two streams open at once hold two connections: one on each web process.
    const feeds = [await openDeliveryFeed(endpoint.id), await openDeliveryFeed(endpoint.id)];
    try {
      const body = JSON.stringify({ id: `job-${randomUUID()}`, status: "completed" });
      const first = await sendRaw(server.baseUrl, `/in/${endpoint.key}`, {
        headers: [["Content-Type", "application/json"]],
        body,
      });
      expect(first.status, first.body.toString()).toBe(200);
      const { deliveryId, eventId } = first.json<{ deliveryId: string; eventId: string }>();

      for (const feed of feeds) {
        const shown = await nextMessage(feed.stream, (m) => m.event === "delivery");
        expect(JSON.parse(shown.data)).toMatchObject({ id: deliveryId, eventId });
      }

      // The provider retries on a new connection: the other web process.
      const retry = await sendRaw(server.baseUrl, `/in/${endpoint.key}`, {
        headers: [["Content-Type", "application/json"]],
        body,
      });
      expect(retry.status, retry.body.toString()).toBe(200);
      expect(retry.json<{ eventId: string }>().eventId).toBe(eventId);

      const stored = await queryDatabase<{ deliveries: string; events: string }>(
        database.url,
        `SELECT (SELECT count(*) FROM deliveries WHERE endpoint_id = $1) AS deliveries,
                (SELECT count(*) FROM events WHERE endpoint_id = $1) AS events`,
        [endpoint.id],
      );
      // Each request stored once; the two are one event.
      expect(stored).toEqual([{ deliveries: "2", events: "1" }]);

      await forwardChecks(database.url, receiver, {
        timeout: 30_000,
        interval: 100,
      }).expectForwardedOnce(eventId);
    } finally {
      for (const feed of feeds) feed.close();
    }
  });

  it("starts another web process in place of one that died", async () => {
    const [victim] = webProcessPids();
    if (!victim) throw new Error("no web process");
    process.kill(victim, "SIGKILL");
    await expect
      .poll(() => webProcessPids().filter((pid) => pid !== victim).length, {
        timeout: 30_000,
        interval: 200,
      })
      .toBe(2);
    // And the app still answers on its port. Each try has its own deadline: about one run
    // in three, the first request after the kill is never answered (seemingly a connection
    // node's cluster handed to the process as it died; a real sender's timeout and retry
    // get past it, as the next try here does), and poll cannot abandon a try that never
    // settles.
    await expect
      .poll(
        async () =>
          (await fetch(`${server.baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) }))
            .status,
        {
          timeout: 30_000,
          interval: 200,
        },
      )
      .toBe(200);
  });
});
