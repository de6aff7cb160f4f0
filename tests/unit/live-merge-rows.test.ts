import { describe, expect, it } from "vitest";
import { mergeNewestPage } from "@/components/inbox/merge-rows";

const row = (id: string, count = 1) => ({ id, deliveryCount: count });
const page = (ids: string[] | Array<ReturnType<typeof row>>, nextCursor: string | null = null) => ({
  items: ids.map((r) => (typeof r === "string" ? row(r) : r)),
  nextCursor,
});

describe("mergeNewestPage", () => {
  it("puts rows that were not on screen on top and reports them as new", () => {
    const merged = mergeNewestPage(page(["b", "a"]), page(["c", "b", "a"]));
    expect(merged.items.map((r) => r.id)).toEqual(["c", "b", "a"]);
    expect(merged.newIds).toEqual(["c"]);
  });

  it("replaces rows it refetched (a duplicate delivery raised the count) without calling them new", () => {
    const merged = mergeNewestPage(page(["b", "a"]), page([row("b", 2), row("a")]));
    expect(merged.items).toEqual([row("b", 2), row("a")]);
    expect(merged.newIds).toEqual([]);
  });

  it("keeps rows further down, and the cursor that continues after them", () => {
    const merged = mergeNewestPage(
      page(["c", "b", "a"], "after-a"),
      page(["e", "d", "c"], "after-c"),
    );
    expect(merged.items.map((r) => r.id)).toEqual(["e", "d", "c", "b", "a"]);
    expect(merged.nextCursor).toBe("after-a");
    expect(merged.newIds).toEqual(["e", "d"]);
  });

  it("starts over from the fetched page when more arrived than a page holds (no hidden gap)", () => {
    const merged = mergeNewestPage(page(["b", "a"], "after-a"), page(["f", "e", "d"], "after-d"));
    expect(merged.items.map((r) => r.id)).toEqual(["f", "e", "d"]);
    expect(merged.nextCursor).toBe("after-d");
    expect(merged.newIds).toEqual(["f", "e", "d"]);
  });

  it("fills an empty list", () => {
    expect(mergeNewestPage(page([]), page(["a"], "after-a"))).toEqual({
      items: [row("a")],
      nextCursor: "after-a",
      newIds: ["a"],
    });
  });
});
