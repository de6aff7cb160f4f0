import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/db/errors";

// The shape Prisma 7 (driver adapters) gives a failed $queryRaw: P2010, the reason under meta.
const rawQueryError = (cause: Record<string, unknown>) =>
  Object.assign(new Error("Raw query failed. Code: `N/A`."), {
    code: "P2010",
    meta: { driverAdapterError: { name: "DriverAdapterError", cause } },
  });

describe("isDatabaseUnavailable for raw queries", () => {
  it("recognises an unreachable or lost database behind P2010", () => {
    expect(
      isDatabaseUnavailable(
        rawQueryError({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(rawQueryError({ kind: "ConnectionClosed" }))).toBe(true);
    expect(isDatabaseUnavailable(rawQueryError({ kind: "postgres", code: "57P01" }))).toBe(true);
  });

  it("leaves other raw query failures alone", () => {
    expect(isDatabaseUnavailable(rawQueryError({ kind: "postgres", code: "42703" }))).toBe(false);
    expect(isDatabaseUnavailable(rawQueryError({ kind: "UniqueConstraintViolation" }))).toBe(false);
  });
});
