import { describe, expect, it } from "vitest";
import type { JobState } from "@/lib/job-states/constants";
import {
  checkSequence,
  type CheckId,
  type CheckResult,
  type Finding,
  type Observation,
} from "@/lib/jobs/sequence-checks";

const T0 = Date.parse("2026-11-23T10:00:00Z");
const at = (seconds: number) => new Date(T0 + seconds * 1000);

/** A callback delivery: `sent` is the provider's time, `arrived` ours (seconds after T0). */
function callback(
  id: string,
  state: JobState | null,
  times: { sent?: number | null; arrived: number },
  outputUrl: string | null = null,
): Observation {
  return {
    kind: "callback",
    id,
    state,
    providerTimestamp: times.sent === undefined || times.sent === null ? null : at(times.sent),
    receivedAt: at(times.arrived),
    outputUrl,
  };
}

function poll(
  id: string,
  state: JobState,
  arrived: number,
  outputUrl: string | null = null,
): Observation {
  return { kind: "poll", id, state, providerTimestamp: null, receivedAt: at(arrived), outputUrl };
}

const URL_EXPECTED = { expectsOutputUrl: true };

function check(id: CheckId, observations: Observation[], options = URL_EXPECTED): CheckResult {
  const found = checkSequence(observations, options).find((result) => result.id === id);
  if (!found) throw new Error(`no ${id} check`);
  return found;
}

/** A finding as text, with each reference written as kind:id. */
const text = (finding: Finding) =>
  finding.parts
    .map((part) => (typeof part === "string" ? part : `${part.kind}:${part.id}`))
    .join("");
const texts = (result: CheckResult) => result.findings.map(text);

/** A job that went well: queued, processing, completed with its output, in order. */
const clean = [
  callback("evt_q", "queued", { sent: 0, arrived: 1 }),
  callback("evt_p", "processing", { sent: 10, arrived: 11 }),
  callback("evt_c", "completed", { sent: 20, arrived: 21 }, "https://cdn.example/out.mp4"),
];

describe("checkSequence", () => {
  it("passes every check for a job that went well, in a fixed order", () => {
    const results = checkSequence(clean, URL_EXPECTED);
    expect(results.map((r) => [r.id, r.outcome])).toEqual([
      ["duplicate-terminal", "pass"],
      ["output-url", "pass"],
      ["state-regression", "pass"],
      ["arrival-order", "pass"],
    ]);
    for (const result of results) {
      expect(result.findings).toEqual([]);
      expect(result.note).not.toBe("");
    }
  });

  it("reads the observations in arrival order whatever order they are given in", () => {
    expect(checkSequence([...clean].reverse(), URL_EXPECTED).map((r) => r.outcome)).toEqual([
      "pass",
      "pass",
      "pass",
      "pass",
    ]);
  });

  it("has nothing to warn about for a job with no observations", () => {
    expect(checkSequence([], URL_EXPECTED).map((r) => r.outcome)).toEqual([
      "pass",
      "skipped",
      "pass",
      "skipped",
    ]);
  });
});

describe("duplicate terminal callbacks", () => {
  it("warns when two events both report a terminal state, naming both in arrival order", () => {
    const result = check("duplicate-terminal", [
      callback("evt_p", "processing", { sent: 1, arrived: 1 }),
      callback("evt_f", "failed", { sent: 5, arrived: 6 }),
      callback("evt_c", "completed", { sent: 4, arrived: 9 }, "https://x/y"),
    ]);
    expect(result.outcome).toBe("warn");
    expect(texts(result)).toEqual([
      "callback:evt_f and callback:evt_c each report a terminal state (failed, completed)",
    ]);
  });

  it("names three with commas", () => {
    const result = check("duplicate-terminal", [
      callback("a", "completed", { arrived: 1 }, "https://x"),
      callback("b", "completed", { arrived: 2 }, "https://x"),
      callback("c", "cancelled", { arrived: 3 }),
    ]);
    expect(texts(result)).toEqual([
      "callback:a, callback:b and callback:c each report a terminal state (completed, completed, cancelled)",
    ]);
  });

  it("warns when one terminal callback was delivered more than once", () => {
    const result = check("duplicate-terminal", [
      callback("evt_c", "completed", { sent: 20, arrived: 21 }, "https://x"),
      callback("evt_c", "completed", { sent: 20, arrived: 80 }, "https://x"),
      callback("evt_c", "completed", { sent: 20, arrived: 300 }, "https://x"),
    ]);
    expect(result.outcome).toBe("warn");
    expect(texts(result)).toEqual(["callback:evt_c (completed) was delivered 3 times"]);
  });

  it("reports both at once: two terminal events, one of them delivered twice", () => {
    const result = check("duplicate-terminal", [
      callback("a", "failed", { arrived: 1 }),
      callback("b", "completed", { arrived: 2 }, "https://x"),
      callback("a", "failed", { arrived: 3 }),
    ]);
    expect(texts(result)).toEqual([
      "callback:a and callback:b each report a terminal state (failed, completed)",
      "callback:a (failed) was delivered 2 times",
    ]);
  });

  it("does not count progress callbacks delivered twice, nor polls that confirm the end", () => {
    const result = check("duplicate-terminal", [
      callback("p", "processing", { arrived: 1 }),
      callback("p", "processing", { arrived: 2 }),
      callback("c", "completed", { arrived: 3 }, "https://x"),
      poll("poll_1", "completed", 4, "https://x"),
      poll("poll_2", "completed", 5, "https://x"),
    ]);
    expect(result.outcome).toBe("pass");
  });
});

describe("completed without an output URL", () => {
  it("warns for each completion that names no output URL, once per event", () => {
    const result = check("output-url", [
      callback("a", "completed", { arrived: 1 }),
      callback("a", "completed", { arrived: 2 }),
      callback("b", "completed", { arrived: 3 }, "https://cdn/out.mp4"),
      poll("poll_1", "completed", 4),
    ]);
    expect(result.outcome).toBe("warn");
    expect(texts(result)).toEqual([
      "callback:a reports completed without an output URL",
      "poll:poll_1 reports completed without an output URL",
    ]);
  });

  it("only looks at completions: a failure has no output", () => {
    expect(
      check("output-url", [
        callback("f", "failed", { arrived: 1 }),
        callback("c", "completed", { arrived: 2 }, "https://x"),
      ]).outcome,
    ).toBe("pass");
  });

  it("is skipped until something reports completed", () => {
    const result = check("output-url", [callback("p", "processing", { arrived: 1 })]);
    expect(result.outcome).toBe("skipped");
    expect(result.note).toContain("Nothing reported completed");
  });

  it("is skipped for a provider whose callbacks never name an output URL", () => {
    const result = check("output-url", [callback("c", "completed", { arrived: 1 })], {
      expectsOutputUrl: false,
    });
    expect(result).toMatchObject({ outcome: "skipped", findings: [] });
    expect(result.note).toContain("no output URL");
  });
});

describe("a state that went backwards", () => {
  it("warns when processing arrives after completed, naming both", () => {
    const result = check("state-regression", [
      callback("q", "queued", { sent: 0, arrived: 1 }),
      callback("c", "completed", { sent: 20, arrived: 2 }, "https://x"),
      callback("p", "processing", { sent: 10, arrived: 3 }),
    ]);
    expect(result.outcome).toBe("warn");
    expect(texts(result)).toEqual(["callback:p (processing) arrived after callback:c (completed)"]);
  });

  it("compares with the furthest state seen, not only the one before", () => {
    const result = check("state-regression", [
      callback("p", "processing", { arrived: 1 }),
      callback("c", "completed", { arrived: 2 }, "https://x"),
      callback("u", "unknown", { arrived: 3 }),
      callback("n", null, { arrived: 4 }),
      callback("q", "queued", { arrived: 5 }),
      // Forward from queued, but still behind completed.
      callback("p2", "processing", { arrived: 6 }),
    ]);
    expect(texts(result)).toEqual([
      "callback:q (queued) arrived after callback:c (completed)",
      "callback:p2 (processing) arrived after callback:c (completed)",
    ]);
  });

  it("names the first event that reached the furthest state, and each going-back pair once", () => {
    const result = check("state-regression", [
      callback("p1", "processing", { arrived: 1 }),
      callback("p2", "processing", { arrived: 2 }),
      callback("q", "queued", { arrived: 3 }),
      callback("q", "queued", { arrived: 4 }),
    ]);
    expect(texts(result)).toEqual(["callback:q (queued) arrived after callback:p1 (processing)"]);
  });

  it("does not count a move between terminal states (the duplicate check does)", () => {
    expect(
      check("state-regression", [
        callback("c", "completed", { arrived: 1 }, "https://x"),
        callback("f", "failed", { arrived: 2 }),
      ]).outcome,
    ).toBe("pass");
  });

  it("counts a poll that reports an earlier state than a callback did", () => {
    const result = check("state-regression", [
      callback("c", "completed", { arrived: 1 }, "https://x"),
      poll("poll_1", "processing", 2),
    ]);
    expect(texts(result)).toEqual([
      "poll:poll_1 (processing) arrived after callback:c (completed)",
    ]);
  });

  it("orders by arrival time, not by the order given, ties by id", () => {
    const result = check("state-regression", [
      callback("b", "processing", { arrived: 5 }),
      callback("a", "completed", { arrived: 5 }, "https://x"),
    ]);
    expect(texts(result)).toEqual(["callback:b (processing) arrived after callback:a (completed)"]);
  });
});

describe("callbacks that arrived out of order", () => {
  it("warns when a callback arrives after one the provider sent later, with the gap", () => {
    const result = check("arrival-order", [
      callback("q", "queued", { sent: 0, arrived: 1 }),
      callback("c", "completed", { sent: 20, arrived: 21 }, "https://x"),
      callback("p", "processing", { sent: 12.5, arrived: 22 }),
    ]);
    expect(result.outcome).toBe("warn");
    expect(texts(result)).toEqual([
      "callback:p was sent 7.5 s before callback:c but arrived after it",
    ]);
  });

  it("catches an out-of-order arrival with no state change (e.g. two progress updates)", () => {
    const result = check("arrival-order", [
      callback("p2", "processing", { sent: 30, arrived: 31 }),
      callback("p1", "processing", { sent: 0.25, arrived: 32 }),
    ]);
    expect(
      check("state-regression", [
        callback("p2", "processing", { sent: 30, arrived: 31 }),
        callback("p1", "processing", { sent: 0.25, arrived: 32 }),
      ]).outcome,
    ).toBe("pass");
    expect(texts(result)).toEqual([
      "callback:p1 was sent 30 s before callback:p2 but arrived after it",
    ]);
  });

  it("counts a late redelivery of an earlier callback, once however often it comes", () => {
    const result = check("arrival-order", [
      callback("p", "processing", { sent: 10, arrived: 11 }),
      callback("c", "completed", { sent: 20, arrived: 21 }, "https://x"),
      callback("p", "processing", { sent: 10, arrived: 90 }),
      callback("p", "processing", { sent: 10, arrived: 400 }),
    ]);
    expect(texts(result)).toEqual([
      "callback:p was sent 10 s before callback:c but arrived after it",
    ]);
  });

  it("is not fooled by a redelivery of the newest callback or by equal timestamps", () => {
    const result = check("arrival-order", [
      callback("a", "processing", { sent: 10, arrived: 11 }),
      callback("b", "processing", { sent: 10, arrived: 12 }),
      callback("b", "processing", { sent: 10, arrived: 13 }),
    ]);
    expect(result.outcome).toBe("pass");
  });

  it("writes gaps in a readable unit", () => {
    const gapText = (seconds: number) =>
      texts(
        check("arrival-order", [
          callback("late", "processing", { sent: seconds, arrived: 1 }),
          callback("early", "processing", { sent: 0, arrived: 2 }),
        ]),
      )[0];
    expect(gapText(0.12)).toBe(
      "callback:early was sent 120 ms before callback:late but arrived after it",
    );
    expect(gapText(90)).toContain("sent 2 min before");
    expect(gapText(5400)).toContain("sent 1.5 h before");
  });

  it("leaves out callbacks without a provider timestamp and polls, and says so", () => {
    const result = check("arrival-order", [
      callback("a", "processing", { sent: 10, arrived: 1 }),
      callback("untimed", "processing", { arrived: 2 }),
      callback("b", "completed", { sent: 20, arrived: 3 }, "https://x"),
      { ...poll("poll_1", "completed", 4, "https://x"), providerTimestamp: at(0) },
    ]);
    expect(result.outcome).toBe("pass");
    expect(result.note).toContain("1 without a timestamp could not be placed");
  });

  it("is skipped when fewer than two callbacks carry a provider timestamp", () => {
    const result = check("arrival-order", [
      callback("a", "processing", { sent: 10, arrived: 1 }),
      callback("a", "processing", { sent: 10, arrived: 5 }),
      callback("b", "completed", { arrived: 2 }, "https://x"),
    ]);
    expect(result.outcome).toBe("skipped");
  });
});
