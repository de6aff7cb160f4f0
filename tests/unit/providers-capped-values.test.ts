import { describe, expect, it } from "vitest";
import { capText, readId, readText, readUrl } from "@/lib/providers/capped-values";
import { headerDedupeKey, payloadDedupeKey } from "@/lib/providers/dedupe-keys";

describe("capText", () => {
  it("keeps short strings and cuts long ones", () => {
    expect(capText("abc", 3)).toBe("abc");
    expect(capText("abcd", 3)).toBe("abc");
  });

  it("does not split a surrogate pair at the cut", () => {
    // "😀" is two UTF-16 units; cutting after its first unit would leave half a character.
    expect(capText("ab😀c", 3)).toBe("ab");
    expect(capText("ab😀c", 4)).toBe("ab😀");
  });

  it("turns empty and blank strings into null", () => {
    expect(capText("", 10)).toBe(null);
    expect(capText(" \n\t", 10)).toBe(null);
  });
});

describe("readText", () => {
  it("reads strings only", () => {
    expect(readText("x", 5)).toBe("x");
    expect(readText(5, 5)).toBe(null);
    expect(readText(null, 5)).toBe(null);
    expect(readText(["x"], 5)).toBe(null);
  });
});

describe("readId", () => {
  it("reads strings and finite numbers", () => {
    expect(readId("stt_abc123")).toBe("stt_abc123");
    expect(readId(456)).toBe("456");
    expect(readId(-1.5)).toBe("-1.5");
    expect(readId(0)).toBe("0");
  });

  it("rejects empty strings, non-finite numbers and other types", () => {
    expect(readId("")).toBe(null);
    expect(readId(Number.NaN)).toBe(null);
    expect(readId(Number.POSITIVE_INFINITY)).toBe(null);
    expect(readId(true)).toBe(null);
    expect(readId({ id: "x" })).toBe(null);
    expect(readId(undefined)).toBe(null);
  });

  it("caps ids at 200 characters", () => {
    expect(readId("x".repeat(1_048_576))).toBe("x".repeat(200));
  });
});

describe("readUrl", () => {
  it("keeps URLs up to 2,048 characters and drops longer ones", () => {
    expect(readUrl("file:///storage/out.mp4")).toBe("file:///storage/out.mp4");
    expect(readUrl("h".repeat(2_048))).toBe("h".repeat(2_048));
    expect(readUrl("h".repeat(2_049))).toBe(null);
    expect(readUrl("")).toBe(null);
    expect(readUrl(42)).toBe(null);
  });
});

describe("dedupe keys", () => {
  it("prefixes header values and takes the first header name present", () => {
    expect(
      headerDedupeKey(
        [
          ["B", "2"],
          ["a", "1"],
        ],
        ["a", "b"],
        "src",
      ),
    ).toBe("src:1");
    expect(headerDedupeKey([["a", " 1 "]], ["a"], "src")).toBe("src:1");
    expect(headerDedupeKey([["c", "3"]], ["a", "b"], "src")).toBe(null);
  });

  it("joins payload parts after the prefix, or gives up when one is missing", () => {
    expect(payloadDedupeKey("clipzy", ["job_1", "completed"])).toBe("clipzy:job_1:completed");
    expect(payloadDedupeKey("clipzy", ["job_1", null])).toBe(null);
  });
});
