import { describe, expect, it } from "vitest";
import { containsPattern } from "@/lib/events/like-pattern";

describe("containsPattern", () => {
  it("wraps a plain term in % on both sides", () => {
    expect(containsPattern("job_")).toBe("%job\\_%");
    expect(containsPattern("render")).toBe("%render%");
  });

  it("escapes LIKE wildcards and the escape character", () => {
    expect(containsPattern("%")).toBe("%\\%%");
    expect(containsPattern("50%_off\\")).toBe("%50\\%\\_off\\\\%");
  });
});
