import { describe, expect, it } from "vitest";
import { namedParameters } from "@/lib/db/named-parameters";

describe("namedParameters", () => {
  it("numbers each name once, in order of first use, and reuses it", () => {
    const statement = namedParameters("SELECT :a, :b::text, :a WHERE x = :c");
    expect(statement.text).toBe("SELECT $1, $2::text, $1 WHERE x = $3");
    expect(statement.values({ a: 1, b: "two", c: null })).toEqual([1, "two", null]);
  });

  it("leaves ::casts and names inside them alone", () => {
    const statement = namedParameters("SELECT :when::timestamptz, 'x'::verification");
    expect(statement.text).toBe("SELECT $1::timestamptz, 'x'::verification");
  });

  it("refuses to send a statement with a value missing", () => {
    const statement = namedParameters("SELECT :present, :absent");
    expect(() => statement.values({ present: 1 })).toThrow("no value for :absent");
  });
});
