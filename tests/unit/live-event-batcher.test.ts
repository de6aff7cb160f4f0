import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EventBatcher, MAX_EVENTS_PER_MESSAGE } from "@/lib/live/event-batcher";
import type { StoredEvent } from "@/lib/live/messages";

const stored = (n: number, endpointId = "ep_1"): StoredEvent => ({
  endpointId,
  eventId: `evt_${n}`,
});

describe("EventBatcher", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("sends nothing at once, then everything added within the delay as one batch", async () => {
    const batches: StoredEvent[][] = [];
    const batcher = new EventBatcher(async (events) => void batches.push(events), 50);
    batcher.add(stored(1));
    batcher.add(stored(2, "ep_2"));
    expect(batches).toEqual([]);
    await vi.advanceTimersByTimeAsync(50);
    expect(batches).toEqual([[stored(1), stored(2, "ep_2")]]);
  });

  it("names an event once per batch however many deliveries it got", async () => {
    const batches: StoredEvent[][] = [];
    const batcher = new EventBatcher(async (events) => void batches.push(events), 50);
    batcher.add(stored(1));
    batcher.add(stored(1));
    await vi.advanceTimersByTimeAsync(50);
    expect(batches).toEqual([[stored(1)]]);
  });

  it("starts a new batch for what arrives after a flush", async () => {
    const batches: StoredEvent[][] = [];
    const batcher = new EventBatcher(async (events) => void batches.push(events), 50);
    batcher.add(stored(1));
    await vi.advanceTimersByTimeAsync(50);
    batcher.add(stored(2));
    await vi.advanceTimersByTimeAsync(50);
    expect(batches).toEqual([[stored(1)], [stored(2)]]);
  });

  it("splits a large batch so each NOTIFY payload stays under Postgres' 8000-byte limit", async () => {
    const batches: StoredEvent[][] = [];
    const batcher = new EventBatcher(async (events) => void batches.push(events), 50);
    const total = MAX_EVENTS_PER_MESSAGE * 2 + 5;
    for (let n = 0; n < total; n++)
      batcher.add({
        endpointId: "ep_AAAAAAAAAAAAAAAAAAAA",
        eventId: `evt_${String(n).padStart(20, "0")}`,
      });
    await vi.advanceTimersByTimeAsync(50);
    expect(batches.map((b) => b.length)).toEqual([
      MAX_EVENTS_PER_MESSAGE,
      MAX_EVENTS_PER_MESSAGE,
      5,
    ]);
    for (const batch of batches)
      expect(Buffer.byteLength(JSON.stringify({ events: batch }))).toBeLessThan(8000);
  });

  it("reports a failed send instead of throwing", async () => {
    const errors: unknown[] = [];
    const batcher = new EventBatcher(
      async () => Promise.reject(new Error("db down")),
      50,
      (error) => errors.push(error),
    );
    expect(() => batcher.add(stored(1))).not.toThrow();
    await vi.advanceTimersByTimeAsync(50);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain("db down");
  });
});
