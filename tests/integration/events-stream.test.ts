// GET /api/events/stream: callbacks stored by the app are announced over SSE (fed by
// Postgres LISTEN/NOTIFY), and the stream is authenticated like every API route.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { baseUrl, createEndpoint } from "@/tests/support/api";
import { TEST_API_TOKEN } from "@/tests/support/app-server";
import { ingestOk } from "@/tests/support/callbacks-inbox";
import { clipzyJob } from "@/tests/support/callbacks-payloads";

type SseMessage = { event: string; data: string };

/** Reads SSE messages (comments skipped) from an open stream. */
async function* messages(body: ReadableStream<Uint8Array>): AsyncGenerator<SseMessage> {
  const decoder = new TextDecoder();
  let buffer = "";
  const reader = body.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf("\n\n")) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const fields = block.split("\n").filter((line) => !line.startsWith(":"));
      const event = fields.find((line) => line.startsWith("event: "))?.slice(7);
      const data = fields.find((line) => line.startsWith("data: "))?.slice(6);
      if (event !== undefined && data !== undefined) yield { event, data };
    }
  }
}

async function nextMessage(stream: AsyncGenerator<SseMessage>, accept: (message: SseMessage) => boolean): Promise<SseMessage> {
  for (;;) {
    const { value, done } = await stream.next();
    if (done) throw new Error("stream ended");
    if (accept(value)) return value;
  }
}

describe("GET /api/events/stream", () => {
  it("needs authentication", async () => {
    const response = await fetch(`${baseUrl()}/api/events/stream`);
    expect(response.status).toBe(401);
  });

  it("announces stored callbacks as `events` messages with endpoint and event ids, a duplicate too", async () => {
    const endpoint = await createEndpoint({ name: `stream ${randomUUID().slice(0, 8)}`, provider: "clipzy" });
    const abort = new AbortController();
    const response = await fetch(`${baseUrl()}/api/events/stream`, { headers: { authorization: `Bearer ${TEST_API_TOKEN}` }, signal: abort.signal });
    try {
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
      if (!response.body) throw new Error("no body");
      const stream = messages(response.body);
      // The first reset says this process is listening: nothing stored from now on is missed.
      await nextMessage(stream, (m) => m.event === "reset");

      const body = JSON.stringify(clipzyJob(`stream-${randomUUID()}`, "completed"));
      const { eventId } = await ingestOk(endpoint, body);
      const announced = await nextMessage(stream, (m) => m.event === "events" && m.data.includes(eventId));
      expect(JSON.parse(announced.data)).toEqual({ events: expect.arrayContaining([{ endpointId: endpoint.id, eventId }]) });

      await ingestOk(endpoint, body);
      const again = await nextMessage(stream, (m) => m.event === "events" && m.data.includes(eventId));
      expect(JSON.parse(again.data).events).toContainEqual({ endpointId: endpoint.id, eventId });
    } finally {
      abort.abort();
    }
  });
});
