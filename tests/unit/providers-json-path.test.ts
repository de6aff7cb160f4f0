import { describe, expect, it } from "vitest";
import { isJsonObject, readPath } from "@/lib/providers/json-path";

describe("readPath", () => {
  const payload: unknown = JSON.parse(
    '{"data":{"task":{"id":"t-1"}},"client-data":{"listing_id":"L-4821"},"items":[{"id":"first"},{"id":"second"}],"zero":0,"nil":null}',
  );

  it("reads nested keys, dashed keys and array indexes", () => {
    expect(readPath(payload, "data.task.id")).toBe("t-1");
    expect(readPath(payload, "client-data.listing_id")).toBe("L-4821");
    expect(readPath(payload, "items.0.id")).toBe("first");
    expect(readPath(payload, "items.1.id")).toBe("second");
  });

  it("returns falsy values as they are", () => {
    expect(readPath(payload, "zero")).toBe(0);
    expect(readPath(payload, "nil")).toBe(null);
  });

  it("returns whole objects", () => {
    expect(readPath(payload, "data.task")).toEqual({ id: "t-1" });
  });

  it("returns undefined for missing keys and out-of-range indexes", () => {
    expect(readPath(payload, "data.job.id")).toBe(undefined);
    expect(readPath(payload, "items.2.id")).toBe(undefined);
  });

  it("does not walk through primitives, null or non-index array keys", () => {
    expect(readPath(payload, "data.task.id.length")).toBe(undefined);
    expect(readPath(payload, "nil.x")).toBe(undefined);
    expect(readPath(payload, "items.length")).toBe(undefined);
    expect(readPath(payload, "items.01.id")).toBe(undefined);
    expect(readPath(payload, "items.-1")).toBe(undefined);
    expect(readPath(payload, "items.1e0")).toBe(undefined);
  });

  it("treats empty segments as no path", () => {
    expect(readPath(payload, "data..task")).toBe(undefined);
    expect(readPath(payload, "")).toBe(undefined);
    expect(readPath(payload, ".data")).toBe(undefined);
  });

  it("reads nothing from undefined, null, numbers and strings", () => {
    expect(readPath(undefined, "a")).toBe(undefined);
    expect(readPath(null, "a")).toBe(undefined);
    expect(readPath(42, "a")).toBe(undefined);
    expect(readPath("abc", "0")).toBe(undefined);
    expect(readPath("abc", "length")).toBe(undefined);
  });

  it("never reaches inherited members", () => {
    const plain: unknown = JSON.parse('{"a":{}}');
    expect(readPath(plain, "toString")).toBe(undefined);
    expect(readPath(plain, "a.hasOwnProperty")).toBe(undefined);
    expect(readPath(plain, "constructor")).toBe(undefined);
    expect(readPath(plain, "constructor.prototype")).toBe(undefined);
    expect(readPath(plain, "__proto__")).toBe(undefined);
    expect(readPath(plain, "a.__proto__.toString")).toBe(undefined);
  });

  it("does not follow prototype-named keys even when a payload has them as own keys", () => {
    // JSON.parse makes "__proto__" an own data property, not the prototype.
    const hostile: unknown = JSON.parse(
      '{"__proto__":{"id":"p"},"constructor":{"prototype":{"id":"c"}},"prototype":{"id":"q"}}',
    );
    expect(readPath(hostile, "__proto__.id")).toBe(undefined);
    expect(readPath(hostile, "constructor.prototype.id")).toBe(undefined);
    expect(readPath(hostile, "prototype.id")).toBe(undefined);
    expect(readPath(hostile, "__proto__")).toBe(undefined);
  });
});

describe("isJsonObject", () => {
  it("accepts objects only", () => {
    expect(isJsonObject({})).toBe(true);
    expect(isJsonObject(Object.create(null))).toBe(true);
    expect(isJsonObject([])).toBe(false);
    expect(isJsonObject(null)).toBe(false);
    expect(isJsonObject(undefined)).toBe(false);
    expect(isJsonObject("{}")).toBe(false);
    expect(isJsonObject(1)).toBe(false);
  });
});
