// "HMAC of the raw body in one header" (DESIGN 7.2: Scriptix, GitHub and many others),
// with the header, algorithm, encoding and prefix taken from the endpoint's settings.
import { createHmac } from "node:crypto";
import { headerValues } from "@/lib/http/header-list";
import { equalBytes } from "./constant-time";
import { decodeBase64Strict, decodeHexStrict } from "./encoding";
import { countOf, displayHeaderName, quoteValue } from "./reason-text";
import type { VerificationConfig } from "./schema";
import type { VerificationInput, VerificationResult } from "./types";

type HmacConfig = Extract<VerificationConfig, { scheme: "hmac" }>;
type HmacAlgorithm = HmacConfig["algorithm"];

const DIGEST_BYTES: Record<HmacAlgorithm, number> = { sha1: 20, sha256: 32, sha512: 64 };
const algorithmLabel = (a: HmacAlgorithm) => `HMAC-${a.toUpperCase()}`;

function computeDigest(config: HmacConfig, secret: string, body: Uint8Array): Buffer {
  // Providers document the secret as text, so its UTF-8 bytes are the key.
  return createHmac(config.algorithm, Buffer.from(secret, "utf8")).update(body).digest();
}

/** The header value a provider with these settings would send for `body`. */
export function signHmac(config: HmacConfig, secret: string, body: Uint8Array): string {
  return config.prefix + computeDigest(config, secret, body).toString(config.encoding);
}

/** The digest bytes in one header value, or why they cannot be read. */
function parseSignature(config: HmacConfig, value: string): Buffer | string {
  const malformed = (detail: string) =>
    `malformed ${displayHeaderName(config.header)} header: ${detail}`;
  const { prefix, encoding, algorithm } = config;
  const trimmed = value.trim();
  // Case-insensitive: "SHA256=" and "sha256=" name the same thing.
  if (trimmed.slice(0, prefix.length).toLowerCase() !== prefix.toLowerCase()) {
    return malformed(`expected ${quoteValue(prefix)} prefix, got ${quoteValue(trimmed)}`);
  }
  const text = trimmed.slice(prefix.length);
  if (text === "") return malformed(prefix ? `no digest after ${quoteValue(prefix)}` : "no digest");

  const bytes = encoding === "hex" ? decodeHexStrict(text) : decodeBase64Strict(text);
  if (bytes === null) {
    // "sha256=..." against settings without a prefix is the commonest setup mistake.
    const looksPrefixed = prefix === "" && /^[A-Za-z0-9-]+=./.test(text);
    const seen = quoteValue(text.slice(0, text.indexOf("=") + 1));
    const hint = looksPrefixed ? `; if ${seen} is a prefix, set it in the endpoint's settings` : "";
    return malformed(`not ${encoding}${hint}`);
  }
  const expected = DIGEST_BYTES[algorithm];
  if (bytes.length !== expected) {
    const size =
      encoding === "hex"
        ? `${text.length} hex digits, expected ${expected * 2}`
        : `${bytes.length} bytes, expected ${expected}`;
    // A digest of another algorithm's size usually means the algorithm setting is wrong.
    const other = (Object.keys(DIGEST_BYTES) as HmacAlgorithm[]).find(
      (a) => DIGEST_BYTES[a] === bytes.length,
    );
    const hint = other
      ? ` (the size of ${algorithmLabel(other)}: check the endpoint's algorithm)`
      : "";
    return malformed(`${size} for ${algorithmLabel(algorithm)}${hint}`);
  }
  return bytes;
}

const failed = (reason: string): VerificationResult => ({ outcome: "failed", reason });

export function verifyHmac(input: VerificationInput & { config: HmacConfig }): VerificationResult {
  const { config, secrets, headers, body } = input;
  if (secrets.length === 0) {
    return failed(
      "no signing secret configured for this endpoint; add the provider's signing secret",
    );
  }
  const values = headerValues(headers, config.header);
  if (values.length === 0) return failed(`missing ${displayHeaderName(config.header)} header`);

  // A repeated header gives several candidates; any one matching is enough.
  const parsed = values.map((v) => parseSignature(config, v));
  const candidates = parsed.filter((p): p is Buffer => typeof p !== "string");
  const firstProblem = parsed.find((p): p is string => typeof p === "string");
  if (candidates.length === 0) return failed(firstProblem ?? "no signature");

  const label = algorithmLabel(config.algorithm);
  for (const [index, secret] of secrets.entries()) {
    const expected = computeDigest(config, secret, body);
    if (candidates.some((c) => equalBytes(c, expected))) {
      return {
        outcome: "verified",
        reason: `${label} signature matched secret ${index + 1} of ${secrets.length}`,
      };
    }
  }
  const tried = `${countOf(candidates.length, "signature")} tried against ${countOf(secrets.length, "secret")}`;
  return failed(`no matching signature: ${tried}`);
}
