import { describe, expect, it } from "vitest";
import { forwardFilterTakes } from "@/lib/forwarding/forward-filter";

describe("forward modes", () => {
  it.each([
    ["verified", "verified", true],
    ["verified", "unsigned", false],
    ["verified", "failed", false],
    ["accepted", "verified", true],
    ["accepted", "unsigned", true],
    // A signature that did not check out may be a forgery: only "all" passes it on.
    ["accepted", "failed", false],
    ["all", "verified", true],
    ["all", "unsigned", true],
    ["all", "failed", true],
    ["something-else", "verified", false],
  ])("%s takes a %s event: %s", (filter, verification, takes) => {
    expect(forwardFilterTakes(filter, verification)).toBe(takes);
  });
});
