import { describe, expect, it } from "vitest";
import { normalizeJobStateWord } from "@/lib/providers/job-state-words";

describe("normalizeJobStateWord", () => {
  it.each([
    ["completed", "completed"],
    ["complete", "completed"],
    ["done", "completed"],
    ["success", "completed"],
    ["succeeded", "completed"],
    ["finished", "completed"],
    ["failed", "failed"],
    ["failure", "failed"],
    ["error", "failed"],
    ["errored", "failed"],
    ["cancelled", "cancelled"],
    ["canceled", "cancelled"],
    ["aborted", "cancelled"],
    ["processing", "processing"],
    ["running", "processing"],
    ["in_progress", "processing"],
    ["started", "processing"],
    ["progress", "processing"],
    ["queued", "queued"],
    ["pending", "queued"],
    ["waiting", "queued"],
    ["scheduled", "queued"],
    ["created", "queued"],
  ] as const)("%s -> %s", (word, state) => {
    expect(normalizeJobStateWord(word)).toBe(state);
  });

  it("ignores case and surrounding space", () => {
    expect(normalizeJobStateWord("DONE")).toBe("completed");
    expect(normalizeJobStateWord("Cancelled")).toBe("cancelled");
    expect(normalizeJobStateWord(" Running ")).toBe("processing");
  });

  it("reads in-progress and in progress as in_progress", () => {
    expect(normalizeJobStateWord("in-progress")).toBe("processing");
    expect(normalizeJobStateWord("In Progress")).toBe("processing");
  });

  it("returns null for unknown words, empty strings and non-strings", () => {
    expect(normalizeJobStateWord("na")).toBe(null);
    expect(normalizeJobStateWord("unknown")).toBe(null);
    expect(normalizeJobStateWord("")).toBe(null);
    expect(normalizeJobStateWord("completed!")).toBe(null);
    expect(normalizeJobStateWord(null)).toBe(null);
    expect(normalizeJobStateWord(undefined)).toBe(null);
    expect(normalizeJobStateWord(1)).toBe(null);
    expect(normalizeJobStateWord(["done"])).toBe(null);
    expect(normalizeJobStateWord({ state: "done" })).toBe(null);
  });

  it("returns null for prototype member names", () => {
    expect(normalizeJobStateWord("constructor")).toBe(null);
    expect(normalizeJobStateWord("__proto__")).toBe(null);
    expect(normalizeJobStateWord("toString")).toBe(null);
  });

  it("returns null for a 1 MB word", () => {
    expect(normalizeJobStateWord("done".repeat(262_144))).toBe(null);
  });
});
