import { describe, expect, it } from "vitest";
import { mergeNewestPage, refetchLimit } from "@/components/inbox/merge-rows";

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

  it("shows a row committed late that sorts below rows already on screen", () => {
    // The table, newest first by time received. n2 and n1 were shown (a page of 2). b1 is
    // committed and announced first; then b2, and b3, received before b1 but committed
    // after it. Each refetch takes the newest rows as the Inbox asks for them.
    const newest = (table: string[], limit: number) =>
      page(table.slice(0, limit), table.length > limit ? `after-${table[limit - 1]}` : null);
    let shown = page(["n2", "n1"], "after-n1");
    const refetch = (table: string[]) => {
      const { newIds: _, ...merged } = mergeNewestPage(
        shown,
        newest(table, refetchLimit("2", shown.items.length)),
      );
      shown = merged;
    };
    refetch(["b1", "n2", "n1"]);
    refetch(["b2", "b1", "b3", "n2", "n1"]);
    expect(shown.items.map((r) => r.id)).toEqual(["b2", "b1", "b3", "n2", "n1"]);
    expect(shown.nextCursor).toBe("after-n1");
  });

  it("refetches every row on screen, at least a page and at most the API's largest page", () => {
    expect(refetchLimit("2", 0)).toBe(2);
    expect(refetchLimit("2", 5)).toBe(5);
    expect(refetchLimit(undefined, 3)).toBe(50);
    expect(refetchLimit("50", 900)).toBe(200);
  });
});
