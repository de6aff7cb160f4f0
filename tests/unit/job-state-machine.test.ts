// The job state rule in TypeScript (lib/jobs/state-machine.ts); the SQL twin is held
// against it in tests/integration/job-state-machine.test.ts.
import { describe, expect, it } from "vitest";
import { jobAdoptsState, jobStateRank } from "@/lib/jobs/state-machine";

const t0 = new Date("2026-01-01T00:00:00Z");
const t1 = new Date("2026-01-01T00:00:01Z");

describe("job state machine", () => {
  it("ranks queued < processing < every terminal state, unknown lowest", () => {
    expect(jobStateRank("unknown")).toBeLessThan(jobStateRank("queued"));
    expect(jobStateRank("queued")).toBeLessThan(jobStateRank("processing"));
    for (const terminal of ["completed", "failed", "cancelled"] as const)
      expect(jobStateRank(terminal)).toBeGreaterThan(jobStateRank("processing"));
  });

  it("moves forward whatever the times say, never back", () => {
    expect(jobAdoptsState({ state: "queued", at: t1 }, { state: "completed", at: t0 })).toBe(true);
    expect(jobAdoptsState({ state: "completed", at: t0 }, { state: "processing", at: t1 })).toBe(
      false,
    );
  });

  it("at the same rank, adopts only a later provider time", () => {
    expect(jobAdoptsState({ state: "completed", at: t0 }, { state: "failed", at: t1 })).toBe(true);
    expect(jobAdoptsState({ state: "completed", at: t1 }, { state: "failed", at: t0 })).toBe(false);
    expect(jobAdoptsState({ state: "failed", at: t0 }, { state: "failed", at: t0 })).toBe(false);
    expect(jobAdoptsState({ state: "failed", at: null }, { state: "cancelled", at: t1 })).toBe(
      false,
    );
  });

  it("never adopts unknown", () => {
    expect(jobAdoptsState({ state: "unknown", at: null }, { state: "unknown", at: t1 })).toBe(
      false,
    );
    expect(jobAdoptsState({ state: "unknown", at: t0 }, { state: "queued", at: null })).toBe(true);
  });

  it("moves an expected job (registered, no callback yet) on with any state, unknown too; nothing goes back to expected", () => {
    expect(jobStateRank("expected")).toBeLessThan(jobStateRank("queued"));
    for (const state of [
      "unknown",
      "queued",
      "processing",
      "completed",
      "failed",
      "cancelled",
    ] as const)
      expect(jobAdoptsState({ state: "expected", at: null }, { state, at: null })).toBe(true);
    expect(jobAdoptsState({ state: "expected", at: null }, { state: "expected", at: t1 })).toBe(
      false,
    );
    for (const state of ["unknown", "queued", "processing", "completed"] as const)
      expect(jobAdoptsState({ state, at: t0 }, { state: "expected", at: t1 })).toBe(false);
  });
});
