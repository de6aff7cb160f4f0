// The dashboard's "Send a test callback" runs the ingest path in the process that
// asks for it, with no HTTP request to itself: here that process is the test worker,
// which has no server at all, against the shared app's database (whose server runs
// the forwarding worker and the live stream). Each refusal is compared with what the
// endpoint's ingest URL answers a provider.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  api,
  apiJson,
  baseUrl,
  createEndpoint,
  queryAppDb,
  sendCallback,
} from "@/tests/support/api";
import { TEST_SECRET_KEY } from "@/tests/support/app-server";
import { newStandardWebhooksSecret } from "@/tests/support/callbacks-signing";
import { startReceiver, type Receiver } from "@/tests/support/receiver";
import { nextMessage, sseMessages } from "@/tests/support/sse";
import { sampleBody } from "@/lib/endpoints/sample-callbacks";

const POLL = { timeout: 20_000, interval: 100 };

let testCallback: typeof import("@/lib/ingest/test-callback");
let receiver: Receiver;

beforeAll(async () => {
  // lib/env reads the environment once, on first use: set it before loading lib code.
  process.env.DATABASE_URL = inject("appDatabaseUrl");
  process.env.INBOX_SECRET_KEY = TEST_SECRET_KEY;
  testCallback = await import("@/lib/ingest/test-callback");
  receiver = await startReceiver();
});

afterAll(async () => {
  await receiver?.close();
  const { getPool } = await import("@/lib/db/client");
  await getPool().end();
});

const aspectEndpoint = () =>
  createEndpoint({
    name: `test callback ${randomUUID().slice(0, 8)}`,
    provider: "aspect",
    secrets: [newStandardWebhooksSecret()],
  });

type StoredRow = {
  method: string;
  path: string;
  query: string;
  headers: Array<[string, string]>;
  source_ip: string | null;
  body: Buffer;
};

describe("sendTestCallback, in process", () => {
  it("stores the signed sample like a callback, announces it to open Inboxes and forwards it", async () => {
    const endpoint = await aspectEndpoint();
    const destination = await apiJson(`/api/endpoints/${endpoint.id}/destinations`, {
      method: "POST",
      body: JSON.stringify({ url: receiver.url(), forward: "all" }),
    });
    expect(destination.status, JSON.stringify(destination.body)).toBe(201);
    const abort = new AbortController();
    try {
      const stream = await openEventStream(abort);
      const result = await testCallback.sendTestCallback(endpoint.id);
      expect(result).toEqual({
        status: 200,
        deliveryId: expect.stringMatching(/^dlv_/),
        eventId: expect.stringMatching(/^evt_/),
        verification: "verified",
        reason: "v1 signature matched secret 1 of 1",
        error: null,
      });
      const announced = await nextMessage(
        stream,
        (m) => m.event === "events" && m.data.includes(result.eventId ?? "-"),
      );
      expect(JSON.parse(announced.data).events).toContainEqual({
        endpointId: endpoint.id,
        eventId: result.eventId,
      });

      const [row] = await queryAppDb<StoredRow>(
        "SELECT method, path, query, headers, source_ip, body FROM deliveries WHERE id = $1",
        [result.deliveryId],
      );
      // No peer: the source is unknown, not a made-up loopback address.
      expect(row).toMatchObject({ method: "POST", path: "", query: "", source_ip: null });
      expect(row?.headers.map(([name]) => name)).toEqual([
        "content-type",
        "user-agent",
        "svix-id",
        "svix-timestamp",
        "svix-signature",
      ]);

      await expect.poll(() => receiver.requests.length, POLL).toBe(1);
      expect(receiver.requests[0]?.body.equals(row?.body ?? Buffer.alloc(0))).toBe(true);
    } finally {
      abort.abort();
    }
  });

  it("an archived endpoint: the ingest URL's endpoint_archived error", async () => {
    const endpoint = await aspectEndpoint();
    expect((await api(`/api/endpoints/${endpoint.id}`, { method: "DELETE" })).status).toBe(200);
    const answer = (await (await sendCallback(endpoint, "{}")).json()) as {
      error: { code: string; message: string };
    };
    expect(answer.error.code).toBe("endpoint_archived");
    await expect(testCallback.sendTestCallback(endpoint.id)).rejects.toMatchObject({
      code: "endpoint_archived",
      message: answer.error.message,
    });
  });

  it("a sample over the endpoint's body cap: the ingest URL's 413, and nothing stored", async () => {
    const endpoint = await aspectEndpoint();
    // Below any cap the API allows (1 KiB), and below the Aspect sample (about 750 bytes).
    const limit = 200;
    await queryAppDb("UPDATE endpoints SET body_limit_bytes = $2 WHERE id = $1", [
      endpoint.id,
      limit,
    ]);
    const sample = sampleBody("aspect");
    expect(Buffer.byteLength(sample)).toBeGreaterThan(limit);

    const response = await sendCallback(endpoint, sample);
    const answer = (await response.json()) as { error: { code: string; message: string } };
    expect(response.status).toBe(413);

    expect(await testCallback.sendTestCallback(endpoint.id)).toEqual({
      status: 413,
      deliveryId: null,
      eventId: null,
      verification: null,
      reason: null,
      error: answer.error.message,
    });
    expect(
      await queryAppDb("SELECT id FROM deliveries WHERE endpoint_id = $1", [endpoint.id]),
    ).toEqual([]);
  });
});

/** The shared server's live stream, once it is listening (its first reset). */
async function openEventStream(abort: AbortController) {
  const response = await fetch(`${baseUrl()}/api/events/stream`, {
    headers: { authorization: `Bearer ${inject("apiToken")}` },
    signal: abort.signal,
  });
  expect(response.status).toBe(200);
  if (!response.body) throw new Error("no body");
  const stream = sseMessages(response.body);
  await nextMessage(stream, (m) => m.event === "reset");
  return stream;
}
