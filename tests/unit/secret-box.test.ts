// Encryption at rest: values round-trip, nothing of the plain text is visible, tampering
// and the wrong key are refused, and a previous key still opens old values.
import { describe, expect, it } from "vitest";
import { isSealed, isSealedWithCurrentKey, openSecret, sealSecret } from "@/lib/secrets/secret-box";
import { KEY_A, KEY_B, startEachTestWithKeyA, useKeys } from "@/tests/support/secret-keys";

startEachTestWithKeyA();

describe("secret box", () => {
  it("round-trips any text, and the sealed form shows none of it", () => {
    for (const plain of [
      "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
      "Bearer ünïcødé 🔑",
      "x".repeat(4096),
      "",
    ]) {
      const sealed = sealSecret(plain);
      expect(isSealed(sealed)).toBe(true);
      if (plain.length > 3) expect(sealed).not.toContain(plain.slice(0, 8));
      expect(openSecret(sealed)).toBe(plain);
    }
  });

  it("seals the same value differently each time (random IV)", () => {
    expect(sealSecret("same")).not.toBe(sealSecret("same"));
  });

  it("refuses a tampered value", () => {
    const sealed = sealSecret("top secret");
    const last = sealed.at(-2) === "A" ? "B" : "A";
    const tampered = `${sealed.slice(0, -2)}${last}${sealed.slice(-1)}`;
    expect(() => openSecret(tampered)).toThrow();
  });

  it("refuses a value whose authentication tag was truncated", () => {
    // GCM verifies a short tag against the first bytes of the real one: with a 4-byte
    // tag a forger has 1 in 2^32 per try instead of 1 in 2^128.
    const sealed = sealSecret("");
    const [keyId, iv, body] = sealed.slice("sealed:v1:".length).split(":");
    const shortTag = Buffer.from(body ?? "", "base64url")
      .subarray(0, 4)
      .toString("base64url");
    expect(() => openSecret(`sealed:v1:${keyId}:${iv}:${shortTag}`)).toThrow();
    const shorterBody = Buffer.from(body ?? "", "base64url")
      .subarray(0, 12)
      .toString("base64url");
    expect(() => openSecret(`sealed:v1:${keyId}:${iv}:${shorterBody}`)).toThrow();
  });

  it("refuses a value relabelled with another key id", () => {
    const sealed = sealSecret("top secret");
    useKeys(KEY_B);
    const otherId = sealSecret("x").split(":")[2] ?? "";
    const relabelled = sealed
      .split(":")
      .map((part, index) => (index === 2 ? otherId : part))
      .join(":");
    expect(() => openSecret(relabelled)).toThrow();
  });

  it("names the missing key when the value was sealed with another one", () => {
    const sealed = sealSecret("top secret");
    useKeys(KEY_B);
    expect(() => openSecret(sealed)).toThrow(
      /neither INBOX_SECRET_KEY nor in INBOX_SECRET_KEY_PREVIOUS/,
    );
  });

  it("opens values sealed with a previous key, which then need resealing", () => {
    const sealed = sealSecret("rotated");
    useKeys(KEY_B, `unrelated-old-key-0123456789abcdefghij, ${KEY_A}`);
    expect(openSecret(sealed)).toBe("rotated");
    expect(isSealedWithCurrentKey(sealed)).toBe(false);
    expect(isSealedWithCurrentKey(sealSecret("rotated"))).toBe(true);
  });

  it("refuses plain text and explains a missing key", () => {
    expect(() => openSecret("whsec_plain")).toThrow(/not sealed/);
    useKeys(undefined);
    expect(() => sealSecret("x")).toThrow(/INBOX_SECRET_KEY is not set/);
  });
});
