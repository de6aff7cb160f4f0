// The retention run's pace (lib/retention/pace.ts) and its settings in the environment.
import { afterEach, describe, expect, it } from "vitest";
import { reloadEnv } from "@/lib/env";
import { restAfterBatch, type RetentionPace } from "@/lib/retention/pace";

const pace = (over: Partial<RetentionPace> = {}): RetentionPace => ({
  batchSize: 500,
  busyPercent: 25,
  maxRowsPerSecond: null,
  ...over,
});

describe("rest after a retention batch", () => {
  it("keeps the run busy at most busyPercent of the time: the rest grows with the batch", () => {
    expect(restAfterBatch(pace(), { batchMs: 40, rows: 500, elapsedMs: 40 })).toBe(120);
    // A batch slowed down by a loaded database earns a proportionally longer rest.
    expect(restAfterBatch(pace(), { batchMs: 400, rows: 1000, elapsedMs: 600 })).toBe(1200);
    expect(
      restAfterBatch(pace({ busyPercent: 50 }), { batchMs: 40, rows: 500, elapsedMs: 40 }),
    ).toBe(40);
    expect(
      restAfterBatch(pace({ busyPercent: 100 }), { batchMs: 40, rows: 500, elapsedMs: 40 }),
    ).toBe(0);
  });

  it("holds the run to maxRowsPerSecond on average when that is the tighter limit", () => {
    const budget = pace({ busyPercent: 100, maxRowsPerSecond: 1_000 });
    // 5,000 rows may take 5 s at the earliest; 2 s have passed.
    expect(restAfterBatch(budget, { batchMs: 100, rows: 5_000, elapsedMs: 2_000 })).toBe(3_000);
    // Behind the budget (slow batches): no rest beyond the duty cycle's.
    expect(restAfterBatch(budget, { batchMs: 100, rows: 5_000, elapsedMs: 9_000 })).toBe(0);
    // Both: the longer rest wins.
    expect(
      restAfterBatch(pace({ maxRowsPerSecond: 1_000 }), {
        batchMs: 100,
        rows: 500,
        elapsedMs: 450,
      }),
    ).toBe(300);
  });
});

describe("pace settings in the environment", () => {
  const names = [
    "INBOX_RETENTION_BATCH_SIZE",
    "INBOX_RETENTION_BUSY_PERCENT",
    "INBOX_RETENTION_MAX_ROWS_PER_SECOND",
  ] as const;
  const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
  afterEach(() => {
    for (const name of names)
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    reloadEnv();
  });

  it("defaults to 500 deliveries a statement, busy a quarter of the time, no rows/s budget", () => {
    for (const name of names) delete process.env[name];
    const env = reloadEnv();
    expect(env.INBOX_RETENTION_BATCH_SIZE).toBe(500);
    expect(env.INBOX_RETENTION_BUSY_PERCENT).toBe(25);
    expect(env.INBOX_RETENTION_MAX_ROWS_PER_SECOND).toBeUndefined();
  });

  it("takes whole numbers in range", () => {
    process.env.INBOX_RETENTION_BATCH_SIZE = "1000";
    process.env.INBOX_RETENTION_BUSY_PERCENT = "100";
    process.env.INBOX_RETENTION_MAX_ROWS_PER_SECOND = "2500";
    expect(reloadEnv()).toMatchObject({
      INBOX_RETENTION_BATCH_SIZE: 1000,
      INBOX_RETENTION_BUSY_PERCENT: 100,
      INBOX_RETENTION_MAX_ROWS_PER_SECOND: 2500,
    });
  });

  it.each([
    ["INBOX_RETENTION_BATCH_SIZE", "0"],
    ["INBOX_RETENTION_BATCH_SIZE", "100001"],
    ["INBOX_RETENTION_BATCH_SIZE", "2.5"],
    ["INBOX_RETENTION_BATCH_SIZE", "lots"],
    ["INBOX_RETENTION_BUSY_PERCENT", "0"],
    ["INBOX_RETENTION_BUSY_PERCENT", "101"],
    ["INBOX_RETENTION_BUSY_PERCENT", "-5"],
    ["INBOX_RETENTION_MAX_ROWS_PER_SECOND", "0"],
    ["INBOX_RETENTION_MAX_ROWS_PER_SECOND", "fast"],
  ])("refuses %s=%s, naming it", (name, value) => {
    process.env[name] = value;
    expect(() => reloadEnv()).toThrow(name);
  });
});
