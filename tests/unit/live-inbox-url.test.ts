import { describe, expect, it } from "vitest";
import {
  fromUtcInputValue,
  inboxHref,
  listQuery,
  toUtcInputValue,
} from "@/components/inbox/inbox-url";

describe("Inbox URLs", () => {
  it("keeps only set filters, in a fixed order, plus page size and cursor", () => {
    expect(listQuery({ provider: "aspect", q: "a b&c", type: "" }, "10", "abc")).toBe(
      "q=a+b%26c&provider=aspect&limit=10&cursor=abc",
    );
    expect(inboxHref({}, undefined)).toBe("/");
    expect(inboxHref({ verification: "failed" }, undefined)).toBe("/?verification=failed");
  });

  it("shows and reads times as UTC, so the server and every browser agree", () => {
    expect(toUtcInputValue("2026-11-23T17:30:45.123Z")).toBe("2026-11-23T17:30");
    expect(toUtcInputValue("not a date")).toBe("");
    expect(fromUtcInputValue("2026-11-23T17:30")).toBe("2026-11-23T17:30:00.000Z");
    expect(fromUtcInputValue("")).toBe("");
  });
});
