import { describe, expect, it } from "vitest";
import { requestIdFor } from "@/lib/http/request-id";

const GENERATED = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("requestIdFor", () => {
  it("keeps a caller's short plain token", () => {
    for (const id of ["abc", "req-42", "a1b2.c3:d4_e5", "x".repeat(64)])
      expect(requestIdFor(id)).toBe(id);
  });

  it("makes a fresh id when there is none, several, or one that is long or odd", () => {
    for (const id of [undefined, "", ["a", "b"], "x".repeat(65), "a b", 'a"}{', "é", "a\nb"])
      expect(requestIdFor(id)).toMatch(GENERATED);
    expect(requestIdFor(undefined)).not.toBe(requestIdFor(undefined));
  });
});
