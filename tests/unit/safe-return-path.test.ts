// The `next` of /login?next=...: only a path on this origin passes. Every bypass below
// is a form a browser resolves to another host (tabs and newlines are dropped,
// backslashes read as slashes, "//" starts a host) or to a script.
import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/auth/session";

describe("safeReturnPath", () => {
  it.each([
    "/",
    "/jobs",
    "/jobs?state=failed&endpoint=ep_1",
    "/events/evt_abc#deliveries",
    "/?q=render%20failed",
    "/endpoints/ep_1/../ep_2",
  ])("keeps %j", (path) => {
    expect(safeReturnPath(path)).toBe(path);
  });

  it.each([
    ["a tab after the slash", "/\t/evil.example"],
    ["a newline after the slash", "/\n/evil.example"],
    ["a carriage return", "/\r/evil.example"],
    ["a tab inside", "/jobs\t"],
    ["a NUL", "/jobs\u0000"],
    ["DEL", "/\u007f/evil.example"],
    ["a C1 control", "/\u0085/evil.example"],
    ["a space", "/ /evil.example"],
    ["a no-break space", "/\u00a0/evil.example"],
    ["an ideographic space", "/\u3000/evil.example"],
    ["a line separator", "/\u2028/evil.example"],
    ["a slash and a backslash", "/\\evil.example"],
    ["a backslash and a slash", "\\/evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["a backslash later on", "/jobs/\\evil.example"],
    ["two slashes", "//evil.example"],
    ["two slashes later on", "/jobs//evil.example"],
    ["three slashes", "///evil.example"],
    ["an absolute URL", "https://evil.example/"],
    ["a scheme-relative URL with credentials", "//user@evil.example"],
    ["javascript:", "javascript:alert(1)"],
    ["JavaScript: with a path-looking tail", "JaVaScRiPt:/%0aalert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["no leading slash", "evil.example"],
    ["a leading space", " /jobs"],
    ["an encoded slash pair left encoded", "/%2F/evil.example"],
    ["an encoded backslash left encoded", "/%5Cevil.example"],
    ["an encoded tab left encoded", "/%09/evil.example"],
    ["an encoded slash pair in the query", "/?next=%2F%2Fevil.example"],
    ["an encoded newline in the query", "/jobs?x=%0a"],
    ["broken percent-encoding", "/jobs%E0%A4%A"],
    ["empty", ""],
  ])("refuses %s (%j)", (_what, path) => {
    expect(safeReturnPath(path)).toBe("/");
  });

  it("refuses a next given twice (an array), whichever comes first", () => {
    expect(safeReturnPath(["/jobs", "//evil.example"])).toBe("/");
    expect(safeReturnPath(["//evil.example", "/jobs"])).toBe("/");
    expect(safeReturnPath(["/jobs"])).toBe("/");
  });

  it("refuses what is not a string", () => {
    expect(safeReturnPath(null)).toBe("/");
    expect(safeReturnPath(undefined)).toBe("/");
  });

  it("never returns a path that a URL parser takes off this origin", () => {
    const base = "https://inbox.example";
    const escaped: string[] = [];
    for (let code = 0; code < 0x3100; code++) {
      const character = String.fromCharCode(code);
      for (const candidate of [
        `/${character}/evil.example`,
        `${character}/evil.example`,
        `/${character}evil.example`,
      ]) {
        if (new URL(safeReturnPath(candidate), base).origin !== base) escaped.push(candidate);
      }
    }
    expect(escaped).toEqual([]);
  });
});
