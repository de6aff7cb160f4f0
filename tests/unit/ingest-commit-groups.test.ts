import { describe, expect, it } from "vitest";
import { CommitGroups } from "@/lib/ingest/commit-groups";

/** A writer the test finishes by hand: each call waits until the test settles it. */
function heldWriter() {
  const calls: Array<{ members: number[]; finish: (outcomes?: unknown) => void }> = [];
  const write = (members: number[]) =>
    new Promise<Array<PromiseSettledResult<string>>>((resolve, reject) => {
      calls.push({
        members,
        finish: (outcomes) =>
          outcomes instanceof Error
            ? reject(outcomes)
            : resolve(
                (outcomes as Array<PromiseSettledResult<string>> | undefined) ??
                  members.map((m) => ({ status: "fulfilled", value: `stored ${m}` })),
              ),
      });
    });
  return { calls, write };
}

/** Limits with no byte bound (each member counts 1 byte). */
const limits = (maxMembers: number, maxInFlight: number) => ({
  maxMembers,
  maxInFlight,
  maxBytes: Infinity,
  sizeOf: () => 1,
});

/** Lets everything already scheduled run: a few turns of the event loop (setImmediate, promise reactions). */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

describe("CommitGroups", () => {
  it("writes what was submitted in one turn as one group, and what arrives while it is written as the next", async () => {
    const { calls, write } = heldWriter();
    const groups = new CommitGroups(write, limits(64, 1));
    const first = [groups.submit(1), groups.submit(2)];
    await settle();
    expect(calls.map((c) => c.members)).toEqual([[1, 2]]);

    const second = [groups.submit(3), groups.submit(4), groups.submit(5)];
    await settle();
    // The one slot is busy: nothing new is written before the first group commits.
    expect(calls).toHaveLength(1);
    calls[0]?.finish();
    expect(await Promise.all(first)).toEqual(["stored 1", "stored 2"]);
    await settle();
    expect(calls.map((c) => c.members)).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
    calls[1]?.finish();
    expect(await Promise.all(second)).toEqual(["stored 3", "stored 4", "stored 5"]);
  });

  it("answers each member with its own outcome: one refused member fails alone", async () => {
    const { calls, write } = heldWriter();
    const groups = new CommitGroups(write, limits(64, 1));
    const answers = [1, 2, 3].map((m) => groups.submit(m));
    await settle();
    const refused = new Error("rate limited");
    calls[0]?.finish([
      { status: "fulfilled", value: "stored 1" },
      { status: "rejected", reason: refused },
      { status: "fulfilled", value: "stored 3" },
    ]);
    expect(await Promise.allSettled(answers)).toEqual([
      { status: "fulfilled", value: "stored 1" },
      { status: "rejected", reason: refused },
      { status: "fulfilled", value: "stored 3" },
    ]);
  });

  it("fails a group's members when its writer fails, and goes on with the next group", async () => {
    const { calls, write } = heldWriter();
    const groups = new CommitGroups(write, limits(64, 1));
    const lost = new Error("database unavailable");
    const doomed = [groups.submit(1), groups.submit(2)];
    await settle();
    const later = groups.submit(3);
    calls[0]?.finish(lost);
    expect(await Promise.allSettled(doomed)).toEqual([
      { status: "rejected", reason: lost },
      { status: "rejected", reason: lost },
    ]);
    await settle();
    calls[1]?.finish();
    expect(await later).toBe("stored 3");
  });

  it("writes at most maxInFlight groups at once and at most maxMembers in each", async () => {
    const { calls, write } = heldWriter();
    const groups = new CommitGroups(write, limits(2, 2));
    const answers = [1, 2, 3, 4, 5].map((m) => groups.submit(m));
    await settle();
    expect(calls.map((c) => c.members)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    calls[0]?.finish();
    await settle();
    expect(calls.map((c) => c.members)).toEqual([[1, 2], [3, 4], [5]]);
    calls[1]?.finish();
    calls[2]?.finish();
    expect(await Promise.all(answers)).toEqual([1, 2, 3, 4, 5].map((m) => `stored ${m}`));
  });

  it("keeps a group's bytes within maxBytes, and writes a member larger than that alone", async () => {
    const { calls, write } = heldWriter();
    // Each member's size is its number.
    const groups = new CommitGroups(write, {
      maxMembers: 64,
      maxInFlight: 1,
      maxBytes: 10,
      sizeOf: (m: number) => m,
    });
    const answers = [4, 5, 2, 30, 3].map((m) => groups.submit(m));
    const written: number[][] = [];
    for (let k = 0; k < 4; k++) {
      await settle();
      written.push(calls[k]!.members);
      calls[k]!.finish();
    }
    expect(written).toEqual([[4, 5], [2], [30], [3]]);
    expect(await Promise.all(answers)).toEqual([4, 5, 2, 30, 3].map((m) => `stored ${m}`));
  });
});
