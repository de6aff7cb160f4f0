import { describe, expect, it } from "vitest";
import { mergeNewestPage } from "@/components/inbox/merge-rows";

const row = (id: string, count = 1) => ({ id, deliveryCount: count });

describe("mergeNewestPage", () => {
  it("puts rows that were not on screen on top and reports them as new", () => {
    const merged = mergeNewestPage([row("b"), row("a")], [row("c"), row("b"), row("a")]);
    expect(merged.rows.map((r) => r.id)).toEqual(["c", "b", "a"]);
    expect(merged.newIds).toEqual(["c"]);
  });

  it("replaces rows it refetched (a duplicate delivery raised the count) without calling them new", () => {
    const merged = mergeNewestPage([row("b"), row("a")], [row("b", 2), row("a")]);
    expect(merged.rows).toEqual([row("b", 2), row("a")]);
    expect(merged.newIds).toEqual([]);
  });

  it("keeps rows further down that the refetched page no longer covers", () => {
    const current = [row("c"), row("b"), row("a")];
    const merged = mergeNewestPage(current, [row("e"), row("d"), row("c")]);
    expect(merged.rows.map((r) => r.id)).toEqual(["e", "d", "c", "b", "a"]);
    expect(merged.newIds).toEqual(["e", "d"]);
  });

  it("fills an empty list", () => {
    expect(mergeNewestPage([], [row("a")])).toEqual({ rows: [row("a")], newIds: ["a"] });
  });
});
