import { describe, expect, it } from "vitest";
import { diffJson, formatJsonPath } from "@/lib/diff/json-diff";

describe("formatJsonPath", () => {
  it("writes identifiers with dots and indexes in brackets", () => {
    expect(formatJsonPath(["data", "task", "features", 0, "state"])).toBe(
      "$.data.task.features[0].state",
    );
  });

  it("quotes names that are not identifiers, so a hostile key cannot fake a path", () => {
    expect(formatJsonPath(["a.b", "with space", 'q"uote', "0", "ok_1"])).toBe(
      '$["a.b"]["with space"]["q\\"uote"]["0"].ok_1',
    );
  });

  it("is $ for the root", () => {
    expect(formatJsonPath([])).toBe("$");
  });
});

describe("diffJson", () => {
  const progress = {
    event_type: "task.progress",
    data: {
      task: { features: { transcription: { state: "processing" }, visual: { state: "queued" } } },
    },
  };
  const completed = {
    event_type: "task.completed",
    data: {
      task: {
        features: { transcription: { state: "completed" }, visual: { state: "completed" } },
        output: "x",
      },
    },
  };

  it("lists changed, added and removed paths with both values", () => {
    const rows = diffJson(progress, completed);
    expect(rows).toEqual(
      expect.arrayContaining([
        { path: "$.event_type", kind: "changed", before: "task.progress", after: "task.completed" },
        {
          path: "$.data.task.features.transcription.state",
          kind: "changed",
          before: "processing",
          after: "completed",
        },
        {
          path: "$.data.task.features.visual.state",
          kind: "changed",
          before: "queued",
          after: "completed",
        },
        { path: "$.data.task.output", kind: "added", before: undefined, after: "x" },
      ]),
    );
    expect(rows).toHaveLength(4);
    expect(diffJson(completed, progress)).toContainEqual({
      path: "$.data.task.output",
      kind: "removed",
      before: "x",
      after: undefined,
    });
  });

  it("finds nothing between equal payloads", () => {
    expect(diffJson(progress, structuredClone(progress))).toEqual([]);
  });

  it("reports array items by index and a changed type as a change", () => {
    expect(diffJson({ items: [1, 2] }, { items: [1, 3, 4] })).toEqual([
      { path: "$.items[1]", kind: "changed", before: 2, after: 3 },
      { path: "$.items[2]", kind: "added", before: undefined, after: 4 },
    ]);
    expect(diffJson({ a: { b: 1 } }, { a: [1] })).toEqual([
      { path: "$.a", kind: "changed", before: { b: 1 }, after: [1] },
    ]);
  });

  it("compares non-object payloads (a body that was not JSON is null) as one value", () => {
    expect(diffJson(null, { a: 1 })).toEqual([
      { path: "$", kind: "changed", before: null, after: { a: 1 } },
    ]);
    expect(diffJson("x", "x")).toEqual([]);
    expect(diffJson([1], { 0: 1 })).toEqual([
      { path: "$", kind: "changed", before: [1], after: { 0: 1 } },
    ]);
  });
});
