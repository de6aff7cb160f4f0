// The outbox relay's schedule (lib/forwarding/outbox-relay.ts) with a stand-in for the
// batch move: what it takes from the outbox is all that matters here. The SQL itself
// is covered by the forwarding integration tests.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RELAY_BATCH } from "@/lib/forwarding/mutations";
import {
  createOutboxRelay,
  relayWakesElsewhere,
  wakeOutboxRelay,
  type OutboxRelay,
} from "@/lib/forwarding/outbox-relay";

/** A fake outbox: `move` takes up to a batch of rows and counts its calls. */
function fakeOutbox(rows: number) {
  const state = { rows, calls: 0, fail: false };
  const move = async () => {
    state.calls += 1;
    if (state.fail) throw new Error("database down");
    const taken = Math.min(state.rows, RELAY_BATCH);
    state.rows -= taken;
    return taken;
  };
  return { state, move };
}

let relay: OutboxRelay | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(async () => {
  await relay?.stop();
  relay = undefined;
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("the forward outbox relay", () => {
  it("moves what was left from before it started, full batches back to back", async () => {
    const outbox = fakeOutbox(RELAY_BATCH * 2 + 7);
    relay = createOutboxRelay(outbox.move);
    await vi.advanceTimersByTimeAsync(0);
    expect(outbox.state.rows).toBe(0);
    // Two full batches and the rest, without waiting in between.
    expect(outbox.state.calls).toBe(3);
  });

  it("moves a woken row within the gathering pause, not at the next safety-net round", async () => {
    const outbox = fakeOutbox(0);
    relay = createOutboxRelay(outbox.move);
    await vi.advanceTimersByTimeAsync(0);
    outbox.state.rows = 1;
    relay.wake();
    relay.wake();
    await vi.advanceTimersByTimeAsync(20);
    expect(outbox.state.rows).toBe(0);
    // Two wake-ups in the pause make one move.
    expect(outbox.state.calls).toBe(2);
  });

  it("moves again shortly when woken while a move is running", async () => {
    let release: () => void = () => {};
    const outbox = fakeOutbox(0);
    const slowMove = async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return outbox.move();
    };
    relay = createOutboxRelay(slowMove);
    await vi.advanceTimersByTimeAsync(0);
    // The first move is waiting; a row arrives and wakes the relay meanwhile.
    outbox.state.rows = 1;
    relay.wake();
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(outbox.state.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(20);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(outbox.state.calls).toBe(2);
    expect(outbox.state.rows).toBe(0);
  });

  it("finds rows nobody announced (another process, a crash) within the safety net", async () => {
    const outbox = fakeOutbox(0);
    relay = createOutboxRelay(outbox.move);
    await vi.advanceTimersByTimeAsync(0);
    outbox.state.rows = 3;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(outbox.state.rows).toBe(0);
  });

  it("keeps going after a failed move, and stops moving once stopped", async () => {
    const outbox = fakeOutbox(5);
    outbox.state.fail = true;
    relay = createOutboxRelay(outbox.move);
    await vi.advanceTimersByTimeAsync(0);
    expect(outbox.state.rows).toBe(5);
    outbox.state.fail = false;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(outbox.state.rows).toBe(0);

    await relay.stop();
    const calls = outbox.state.calls;
    outbox.state.rows = 2;
    relay.wake();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(outbox.state.calls).toBe(calls);
  });
});

describe("wake-ups from a process that does not run the relay (a web process)", () => {
  it("sends the first at once, the ones during the pause as one at its end, and none after a quiet pause", async () => {
    let sent = 0;
    relayWakesElsewhere(() => (sent += 1));
    wakeOutboxRelay();
    expect(sent).toBe(1);
    // A burst of callbacks: one message, not one per callback...
    for (let i = 0; i < 50; i++) wakeOutboxRelay();
    expect(sent).toBe(1);
    // ...but not none: rows committed during the pause are announced when it ends.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent).toBe(2);
    // Quiet since: the next wake-up goes out at once again.
    wakeOutboxRelay();
    expect(sent).toBe(3);
  });
});
