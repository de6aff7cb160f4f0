import { describe, expect, it } from "vitest";
import { parseProviderTimestamp, readPayloadTimestamp } from "@/lib/providers/timestamp";

describe("parseProviderTimestamp", () => {
  it("parses the ISO 8601 forms providers send", () => {
    expect(parseProviderTimestamp("2025-01-01T12:00:00Z")).toEqual(
      new Date(Date.UTC(2025, 0, 1, 12, 0, 0)),
    );
    expect(parseProviderTimestamp("2022-11-03T20:26:10.344522Z")).toEqual(
      new Date(Date.UTC(2022, 10, 3, 20, 26, 10, 344)),
    );
    expect(parseProviderTimestamp("2025-01-17T10:30:00.5Z")).toEqual(
      new Date(Date.UTC(2025, 0, 17, 10, 30, 0, 500)),
    );
    expect(parseProviderTimestamp("2025-01-01 12:00:00z")).toEqual(
      new Date(Date.UTC(2025, 0, 1, 12, 0, 0)),
    );
  });

  it("applies zone offsets", () => {
    expect(parseProviderTimestamp("2025-01-01T14:00:00+02:00")).toEqual(
      new Date(Date.UTC(2025, 0, 1, 12, 0, 0)),
    );
    expect(parseProviderTimestamp("2025-01-01T07:30:00-0430")).toEqual(
      new Date(Date.UTC(2025, 0, 1, 12, 0, 0)),
    );
  });

  it("reads a missing zone as UTC, whatever the host's zone", () => {
    expect(parseProviderTimestamp("2025-01-01T12:00")).toEqual(
      new Date(Date.UTC(2025, 0, 1, 12, 0, 0)),
    );
    expect(parseProviderTimestamp("2025-01-01")).toEqual(new Date(Date.UTC(2025, 0, 1)));
  });

  it("reads numbers as Unix seconds, and as milliseconds above 1e12", () => {
    expect(parseProviderTimestamp(1614265330)).toEqual(new Date(1614265330_000));
    expect(parseProviderTimestamp(1614265330.25)).toEqual(new Date(1614265330_250));
    expect(parseProviderTimestamp(1614265330123)).toEqual(new Date(1614265330123));
    expect(parseProviderTimestamp(1e12)).toEqual(new Date(1e15));
    expect(parseProviderTimestamp(0)).toEqual(new Date(0));
  });

  it("reads digit strings as Unix time (Standard Webhooks sends its timestamp header that way)", () => {
    expect(parseProviderTimestamp("1614265330")).toEqual(new Date(1614265330_000));
    expect(parseProviderTimestamp("1614265330123")).toEqual(new Date(1614265330123));
  });

  it("rejects dates that do not exist instead of rolling them over", () => {
    expect(parseProviderTimestamp("2025-02-29T00:00:00Z")).toBe(null);
    expect(parseProviderTimestamp("2024-02-29T00:00:00Z")).toEqual(new Date(Date.UTC(2024, 1, 29)));
    expect(parseProviderTimestamp("2025-02-30T00:00:00Z")).toBe(null);
    expect(parseProviderTimestamp("2025-13-01T00:00:00Z")).toBe(null);
    expect(parseProviderTimestamp("2025-00-10T00:00:00Z")).toBe(null);
    expect(parseProviderTimestamp("2025-01-00T00:00:00Z")).toBe(null);
    expect(parseProviderTimestamp("2025-01-01T24:00:00Z")).toBe(null);
    expect(parseProviderTimestamp("2025-01-01T12:60:00Z")).toBe(null);
    expect(parseProviderTimestamp("2025-01-01T12:00:60Z")).toBe(null);
    expect(parseProviderTimestamp("2025-01-01T12:00:00+24:00")).toBe(null);
  });

  it("rejects other strings and types", () => {
    expect(parseProviderTimestamp("")).toBe(null);
    expect(parseProviderTimestamp("yesterday")).toBe(null);
    expect(parseProviderTimestamp("Wed, 01 Jan 2025 12:00:00 GMT")).toBe(null);
    expect(parseProviderTimestamp("2025-01-01T12:00:00Zjunk")).toBe(null);
    expect(parseProviderTimestamp("0050-01-01T00:00:00Z")).toBe(null);
    expect(parseProviderTimestamp(null)).toBe(null);
    expect(parseProviderTimestamp(undefined)).toBe(null);
    expect(parseProviderTimestamp(true)).toBe(null);
    expect(parseProviderTimestamp({ seconds: 1 })).toBe(null);
    expect(parseProviderTimestamp([1614265330])).toBe(null);
  });

  it("rejects numbers that are not a time", () => {
    expect(parseProviderTimestamp(Number.NaN)).toBe(null);
    expect(parseProviderTimestamp(Number.POSITIVE_INFINITY)).toBe(null);
    expect(parseProviderTimestamp(-1)).toBe(null);
    expect(parseProviderTimestamp(1e300)).toBe(null);
    expect(parseProviderTimestamp("9999999999999999")).toBe(null);
  });

  it("returns null for a 1 MB string", () => {
    expect(parseProviderTimestamp("2025-01-01T12:00:00Z".repeat(52_429))).toBe(null);
    expect(parseProviderTimestamp("1".repeat(1_048_576))).toBe(null);
  });
});

describe("readPayloadTimestamp", () => {
  it("reads timestamp, then updated_at", () => {
    expect(
      readPayloadTimestamp({
        timestamp: "2025-01-01T12:00:00Z",
        updated_at: "2025-01-02T12:00:00Z",
      }),
    ).toEqual(new Date(Date.UTC(2025, 0, 1, 12)));
    expect(readPayloadTimestamp({ timestamp: "soon", updated_at: "2025-01-02T12:00:00Z" })).toEqual(
      new Date(Date.UTC(2025, 0, 2, 12)),
    );
  });

  it("returns null when neither is there or the payload is not an object", () => {
    expect(readPayloadTimestamp({ created_at: "2025-01-01T12:00:00Z" })).toBe(null);
    expect(readPayloadTimestamp(undefined)).toBe(null);
    expect(readPayloadTimestamp(["2025-01-01T12:00:00Z"])).toBe(null);
  });
});
