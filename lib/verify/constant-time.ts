import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Constant-time equality of two byte strings. timingSafeEqual throws on unequal
 * lengths; the length of a digest is public, so checking it first leaks nothing.
 */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Constant-time equality of a presented token and a secret that leaks neither the
 * secret's length nor a matching prefix: both sides are hashed to 32 bytes first.
 */
export function equalSecretText(presented: string, secret: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();
  return timingSafeEqual(digest(presented), digest(secret));
}
