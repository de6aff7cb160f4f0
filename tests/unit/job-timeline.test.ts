// The job page's decisions (lib/jobs/timeline.ts): provider order of callbacks and
// polls, the payload budget for change counts, the compared pair, what is read.
import { describe, expect, it } from "vitest";
import {
  comparedPair,
  countChanges,
  diffChoices,
  entryHref,
  entryLabels,
  eventPayloadsToRead,
  timelineEntries,
  withinBudget,
} from "@/lib/jobs/timeline";

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, seconds));

const event = (id: string, provider: number | null, received: number, state = "processing") => ({
  id,
  type: `job.${state}`,
  state,
  providerTimestamp: provider === null ? null : at(provider),
  firstReceivedAt: at(received),
});
const poll = (id: string, provider: number | null, asked: number, synthesized?: string) => ({
  id,
  state: "processing",
  providerTimestamp: provider === null ? null : at(provider),
  createdAt: at(asked),
  deliveries: synthesized ? [{ eventId: synthesized }] : [],
});

describe("timelineEntries", () => {
  it("orders callbacks and polls by provider time, not by arrival", () => {
    const entries = timelineEntries(
      [event("evt_late", 30, 31), event("evt_early", 10, 40)],
      [poll("pol_mid", 20, 50)],
    );
    expect(entries.map((e) => e.id)).toEqual(["evt_early", "pol_mid", "evt_late"]);
  });

  it("places an entry without provider time by when it arrived or was asked", () => {
    const entries = timelineEntries(
      [event("evt_stamped", 25, 26), event("evt_bare", null, 15)],
      [poll("pol_bare", null, 20)],
    );
    expect(entries.map((e) => e.id)).toEqual(["evt_bare", "pol_bare", "evt_stamped"]);
  });

  it("breaks equal provider times by arrival, then by id", () => {
    const entries = timelineEntries(
      [event("evt_b", 10, 12), event("evt_a", 10, 12), event("evt_first", 10, 11)],
      [],
    );
    expect(entries.map((e) => e.id)).toEqual(["evt_first", "evt_a", "evt_b"]);
  });

  it("names the event a poll synthesized, and keeps each row as given", () => {
    const callback = event("evt_1", 10, 10);
    const [first, second] = timelineEntries(
      [callback],
      [poll("pol_1", 20, 20, "evt_syn"), poll("pol_2", 30, 30)],
    ).slice(1);
    expect(first).toMatchObject({ kind: "poll", poll: { synthesizedEventId: "evt_syn" } });
    expect(second).toMatchObject({ kind: "poll", poll: { synthesizedEventId: null } });
    expect(timelineEntries([callback], [])[0]).toEqual({
      kind: "event",
      id: "evt_1",
      event: callback,
    });
  });
});

describe("withinBudget", () => {
  const sized = (id: string, size: number) => ({
    id,
    payloadDeliveryId: `dlv_${id}`,
    deliveries: [
      { id: "dlv_other", size: 999_999 },
      { id: `dlv_${id}`, size },
    ],
  });

  it("takes events in order while their payload deliveries fit together", () => {
    expect(withinBudget([sized("a", 40), sized("b", 50), sized("c", 20)], 100)).toEqual(["a", "b"]);
  });

  it("stops at the first that does not fit, even when a later one would", () => {
    expect(withinBudget([sized("a", 90), sized("b", 20), sized("c", 1)], 100)).toEqual(["a"]);
  });

  it("counts only the payload delivery of each event, and fits exactly the budget", () => {
    expect(withinBudget([sized("a", 60), sized("b", 40)], 100)).toEqual(["a", "b"]);
  });
});

describe("countChanges", () => {
  const payloads = new Map<string, unknown>([
    ["a", { status: "queued", progress: 0 }],
    ["b", { status: "processing", progress: 40 }],
    ["c", { status: "processing", progress: 40, extra: true }],
  ]);

  it("counts the paths that differ from the entry before", () => {
    const counts = countChanges([{ id: "a" }, { id: "b" }, { id: "c" }], ["a", "b", "c"], payloads);
    expect([...counts]).toEqual([
      ["b", 2],
      ["c", 1],
    ]);
  });

  it("leaves out an entry whose payload or whose predecessor's was not read", () => {
    const counts = countChanges([{ id: "a" }, { id: "b" }, { id: "c" }], ["a", "c"], payloads);
    expect([...counts]).toEqual([]);
  });
});

describe("comparedPair", () => {
  const entries = [{ id: "e1" }, { id: "e2" }, { id: "e3" }, { id: "e4" }];

  it("compares the last two by default", () => {
    expect(comparedPair(entries, {})).toEqual({ from: "e3", to: "e4" });
  });

  it("takes the pair the URL names when both belong to the job, in the given order", () => {
    expect(comparedPair(entries, { from: "e4", to: "e1" })).toEqual({ from: "e4", to: "e1" });
  });

  it("compares `to` alone with the entry before it", () => {
    expect(comparedPair(entries, { to: "e2" })).toEqual({ from: "e1", to: "e2" });
    expect(comparedPair(entries, { from: "evt_elsewhere", to: "e3" })).toEqual({
      from: "e2",
      to: "e3",
    });
  });

  it("falls back to the last two for ids of another job, and has no pair for the first entry or one entry", () => {
    expect(comparedPair(entries, { from: "x", to: "y" })).toEqual({ from: "e3", to: "e4" });
    expect(comparedPair(entries, { to: "e1" })).toBeNull();
    expect(comparedPair([{ id: "only" }], {})).toBeNull();
  });
});

describe("labels, choices and what is read", () => {
  const entries = timelineEntries(
    [event("evt_q", 10, 10, "queued"), event("evt_c", 30, 30, "completed")],
    [poll("pol_p", 20, 20)],
  );

  it("labels entries by position and type", () => {
    expect([...entryLabels(entries)]).toEqual([
      ["evt_q", "#1 job.queued"],
      ["pol_p", "#2 poll"],
      ["evt_c", "#3 job.completed"],
    ]);
  });

  it("offers every entry to the diff picker", () => {
    expect(diffChoices(entries)).toEqual([
      { id: "evt_q", type: "job.queued", state: "queued" },
      { id: "pol_p", type: "poll", state: "processing" },
      { id: "evt_c", type: "job.completed", state: "completed" },
    ]);
  });

  it("reads the summarised events, the completions and the compared events once each", () => {
    const events = [
      { id: "evt_1", state: "queued" },
      { id: "evt_2", state: "completed" },
      { id: "evt_3", state: "processing" },
    ];
    expect(eventPayloadsToRead(events, ["evt_1"], { from: "pol_9", to: "evt_3" })).toEqual([
      "evt_1",
      "evt_2",
      "evt_3",
    ]);
    expect(eventPayloadsToRead(events, ["evt_1", "evt_2"], null)).toEqual(["evt_1", "evt_2"]);
  });

  it("links an event to its page and a poll to its place in the timeline", () => {
    expect(entryHref("evt_a/b")).toBe("/events/evt_a%2Fb");
    expect(entryHref("pol_x")).toBe("#poll-pol_x");
  });
});
