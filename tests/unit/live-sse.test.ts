import { describe, expect, it } from "vitest";
import { sseComment, sseMessage, sseRetry } from "@/lib/live/sse";

describe("server-sent events format", () => {
  it("writes a named message with one JSON data line and a blank line after it", () => {
    expect(sseMessage("events", { events: [{ endpointId: "ep_1", eventId: "evt_1" }] })).toBe(
      'event: events\ndata: {"events":[{"endpointId":"ep_1","eventId":"evt_1"}]}\n\n',
    );
  });

  it("keeps data on one line even when values hold newlines", () => {
    const text = sseMessage("events", { note: "a\nb\r\nc" });
    expect(text.split("\n").filter((line) => line.startsWith("data: "))).toHaveLength(1);
    expect(text.endsWith("\n\n")).toBe(true);
    expect(text.slice(0, -2)).not.toContain("\n\n");
  });

  it("writes comments that cannot break out into fields", () => {
    expect(sseComment("heartbeat")).toBe(": heartbeat\n\n");
    expect(sseComment("a\ndata: x")).toBe(": a data: x\n\n");
  });

  it("writes the reconnect delay in whole milliseconds", () => {
    expect(sseRetry(2000)).toBe("retry: 2000\n\n");
    expect(sseRetry(-5)).toBe("retry: 0\n\n");
  });
});
