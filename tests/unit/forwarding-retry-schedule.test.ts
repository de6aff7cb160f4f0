import { describe, expect, it } from "vitest";
import { parseRetryAfter, retryDelayMs } from "@/lib/forwarding/retry-schedule";

const schedule = [5, 30, 120];

describe("retryDelayMs", () => {
  it("follows the schedule within ±20% jitter and stops when it is used up", () => {
    expect(
      retryDelayMs({
        attemptNumber: 1,
        schedule,
        status: 500,
        retryAfterMs: null,
        random: () => 0,
      }),
    ).toBe(4_000);
    expect(
      retryDelayMs({
        attemptNumber: 1,
        schedule,
        status: 500,
        retryAfterMs: null,
        random: () => 1,
      }),
    ).toBe(6_000);
    expect(
      retryDelayMs({
        attemptNumber: 3,
        schedule,
        status: null,
        retryAfterMs: null,
        random: () => 0.5,
      }),
    ).toBe(120_000);
    expect(
      retryDelayMs({ attemptNumber: 4, schedule, status: 500, retryAfterMs: null }),
    ).toBeNull();
  });

  it("waits at least Retry-After on 429 and 503 only, capped at a day", () => {
    const at = (status: number, retryAfterMs: number) =>
      retryDelayMs({ attemptNumber: 1, schedule, status, retryAfterMs, random: () => 0.5 });
    expect(at(429, 60_000)).toBe(60_000);
    expect(at(503, 60_000)).toBe(60_000);
    expect(at(429, 1_000)).toBe(5_000);
    expect(at(500, 60_000)).toBe(5_000);
    expect(at(503, 10 * 86_400_000)).toBe(86_400_000);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-11-23T12:00:00Z");
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter("Mon, 23 Nov 2026 12:01:00 GMT", now)).toBe(60_000);
    expect(parseRetryAfter("Mon, 23 Nov 2026 11:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});
