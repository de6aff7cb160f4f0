import { describe, expect, it } from "vitest";
import { targetPath } from "@/lib/cli/resent-request";
import { readSseEvents, type SseEvent } from "@/lib/cli/sse-reader";

/** A body that arrives in exactly these chunks. */
function body(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function read(chunks: string[]): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  for await (const event of readSseEvents(body(chunks))) events.push(event);
  return events;
}

describe("the CLI's SSE reader", () => {
  it("reads named messages with ids, skipping comments and retry fields", async () => {
    const events = await read([
      "retry: 2000\n\n: heartbeat\n\nid: 7.\nevent: ready\ndata: {}\n\n",
      'id: 8.dlv_a\nevent: delivery\ndata: {"a":1}\n\n',
    ]);
    expect(events).toEqual([
      { lastEventId: "7.", event: "ready", data: "{}" },
      { lastEventId: "8.dlv_a", event: "delivery", data: '{"a":1}' },
    ]);
  });

  it("puts messages together across chunk boundaries, CRLF and CR line ends included", async () => {
    const events = await read([
      "id: 1.x\r",
      "\nevent: deli",
      "very\r\ndata: one\rdata: two\r\n",
      "\r\n",
      "data: plain\n",
      "\n",
    ]);
    expect(events).toEqual([
      { lastEventId: "1.x", event: "delivery", data: "one\ntwo" },
      { lastEventId: "1.x", event: "message", data: "plain" },
    ]);
  });

  it("keeps the last id across messages without one and dispatches nothing for a block without data", async () => {
    const events = await read(["id: 3.y\n\n", ": only a comment\n\n", "event: ping\ndata\n\n"]);
    expect(events).toEqual([{ lastEventId: "3.y", event: "ping", data: "" }]);
  });
});

describe("the local request target", () => {
  const to = (url: string) => new URL(url);

  it("appends the sub-path after /in/<key> and joins the queries, as sent", () => {
    expect(targetPath(to("http://localhost:4000/webhook"), "", "")).toBe("/webhook");
    expect(targetPath(to("http://localhost:4000/webhook/"), "/renders/7", "a=%20b")).toBe(
      "/webhook/renders/7?a=%20b",
    );
    expect(targetPath(to("http://localhost:4000/"), "/x", "")).toBe("/x");
    expect(targetPath(to("http://localhost:4000/hook?local=1"), "", "attempt=2")).toBe(
      "/hook?local=1&attempt=2",
    );
    expect(targetPath(to("http://localhost:4000"), "", "q")).toBe("/?q");
  });
});
