// The process's in-flight budget for ingest: requests and body bytes are taken and
// given back exactly, so a refused or finished request never leaks capacity.
import { describe, expect, it } from "vitest";
import { createInFlightBudget } from "@/lib/ingest/in-flight-budget";

describe("createInFlightBudget", () => {
  it("admits up to maxRequests at once, and one more after a release", () => {
    const budget = createInFlightBudget({ maxRequests: 2, maxBytes: 100 });
    const first = budget.admit();
    expect(first).not.toBeNull();
    expect(budget.admit()).not.toBeNull();
    expect(budget.admit()).toBeNull();
    first?.release();
    first?.release(); // twice gives back once
    expect(budget.admit()).not.toBeNull();
    expect(budget.admit()).toBeNull();
  });

  it("takes body bytes up to maxBytes across requests, refusing the one that does not fit", () => {
    const budget = createInFlightBudget({ maxRequests: 10, maxBytes: 100 });
    const a = budget.admit();
    const b = budget.admit();
    expect(a?.take(60)).toBe(true);
    expect(b?.fits(40)).toBe(true);
    expect(b?.fits(41)).toBe(false);
    expect(b?.take(30)).toBe(true);
    expect(b?.take(11)).toBe(false);
    // The refused body gave back its 30: they fit again.
    expect(budget.admit()?.take(40)).toBe(true);
  });

  it("refuses new requests while the bytes are all taken, and frees them on release", () => {
    const budget = createInFlightBudget({ maxRequests: 10, maxBytes: 100 });
    const holder = budget.admit();
    expect(holder?.take(100)).toBe(true);
    expect(budget.admit()).toBeNull();
    holder?.release();
    expect(budget.admit()?.take(100)).toBe(true);
  });
});
