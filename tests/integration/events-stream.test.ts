// GET /api/events/stream: callbacks stored by the app are announced over SSE (fed by
// Postgres LISTEN/NOTIFY), and the stream is authenticated like every API route.
import { randomUUID } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { baseUrl, createEndpoint } from "@/tests/support/api";
import { startAppServer, TEST_API_TOKEN } from "@/tests/support/app-server";
import { ingestOk } from "@/tests/support/callbacks-inbox";
import { clipzyJob } from "@/tests/support/callbacks-payloads";
import { nextMessage, sseMessages, type SseMessage } from "@/tests/support/sse";

/** Opens the stream of an app server and waits for its first reset (= that process is listening). */
async function openStream(
  serverUrl: string,
  abort: AbortController,
): Promise<AsyncGenerator<SseMessage>> {
  const response = await fetch(`${serverUrl}/api/events/stream`, {
    headers: { authorization: `Bearer ${TEST_API_TOKEN}` },
    signal: abort.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
  if (!response.body) throw new Error("no body");
  const stream = sseMessages(response.body);
  await nextMessage(stream, (m) => m.event === "reset");
  return stream;
}

describe("GET /api/events/stream", () => {
  it("needs authentication", async () => {
    const response = await fetch(`${baseUrl()}/api/events/stream`);
    expect(response.status).toBe(401);
  });

  it("announces stored callbacks as `events` messages with endpoint and event ids, a duplicate too", async () => {
    const endpoint = await createEndpoint({
      name: `stream ${randomUUID().slice(0, 8)}`,
      provider: "clipzy",
    });
    const abort = new AbortController();
    try {
      const stream = await openStream(baseUrl(), abort);

      const body = JSON.stringify(clipzyJob(`stream-${randomUUID()}`, "completed"));
      const { eventId } = await ingestOk(endpoint, body);
      const announced = await nextMessage(
        stream,
        (m) => m.event === "events" && m.data.includes(eventId),
      );
      expect(JSON.parse(announced.data)).toEqual({
        events: expect.arrayContaining([{ endpointId: endpoint.id, eventId }]),
      });

      await ingestOk(endpoint, body);
      const again = await nextMessage(
        stream,
        (m) => m.event === "events" && m.data.includes(eventId),
      );
      expect(JSON.parse(again.data).events).toContainEqual({ endpointId: endpoint.id, eventId });
    } finally {
      abort.abort();
    }
  });

  it("announces a callback stored by another app process on the same database", async () => {
    const other = await startAppServer(inject("appDatabaseUrl"));
    const abort = new AbortController();
    try {
      const stream = await openStream(other.baseUrl, abort);
      const endpoint = await createEndpoint({
        name: `stream other ${randomUUID().slice(0, 8)}`,
        provider: "clipzy",
      });
      // Stored by the shared server, announced by the other one.
      const { eventId } = await ingestOk(
        endpoint,
        JSON.stringify(clipzyJob(`other-${randomUUID()}`, "failed")),
      );
      const announced = await nextMessage(
        stream,
        (m) => m.event === "events" && m.data.includes(eventId),
      );
      expect(JSON.parse(announced.data).events).toContainEqual({
        endpointId: endpoint.id,
        eventId,
      });
    } finally {
      abort.abort();
      await other.stop();
    }
  });
});
