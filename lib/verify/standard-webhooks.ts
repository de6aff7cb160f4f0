// Standard Webhooks / Svix signatures (DESIGN 7.1), checked over the raw body bytes:
// the svix library decodes the body as UTF-8 and JSON-parses it (DESIGN 7.3).
import { createHmac } from "node:crypto";
import { firstHeader, headerValues, type HeaderList } from "@/lib/http/header-list";
import { equalBytes } from "./constant-time";
import { decodeBase64Strict } from "./encoding";
import { countOf, quoteValue } from "./reason-text";
import type { VerificationConfig } from "./schema";
import type { VerificationInput, VerificationResult } from "./types";

type StandardWebhooksConfig = Extract<VerificationConfig, { scheme: "standard-webhooks" }>;

const SECRET_PREFIX = "whsec_";
const SIGNATURE_BYTES = 32; // HMAC-SHA256
const MIN_SECRET_BYTES = 24;
const MAX_SECRET_BYTES = 64;

type HeaderNames = { id: string; timestamp: string; signature: string };
const WEBHOOK_HEADERS: HeaderNames = {
  id: "webhook-id",
  timestamp: "webhook-timestamp",
  signature: "webhook-signature",
};
const SVIX_HEADERS: HeaderNames = {
  id: "svix-id",
  timestamp: "svix-timestamp",
  signature: "svix-signature",
};

/** A secret as providers hand it out: "whsec_" + base64 of 24..64 random bytes. */
export function isStandardWebhooksSecret(secret: string): boolean {
  if (!secret.startsWith(SECRET_PREFIX)) return false;
  const key = decodeBase64Strict(secret.slice(SECRET_PREFIX.length));
  return key !== null && key.length >= MIN_SECRET_BYTES && key.length <= MAX_SECRET_BYTES;
}

/**
 * The HMAC key of a secret. Looser than isStandardWebhooksSecret (prefix optional, any
 * length) like the svix library, so a secret saved before stricter validation still works.
 */
function secretKey(secret: string): Buffer | null {
  const text = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = decodeBase64Strict(text);
  return key !== null && key.length > 0 ? key : null;
}

function computeSignature(key: Buffer, id: string, timestamp: string, body: Uint8Array): Buffer {
  // Two updates instead of concatenating: the body stays bytes and is not copied.
  return createHmac("sha256", key).update(`${id}.${timestamp}.`, "utf8").update(body).digest();
}

/**
 * The `webhook-signature` value ("v1,<base64>") for a delivery we send (test callbacks,
 * re-signed replays). Throws on a secret that is not base64: saved secrets are validated.
 */
export function signStandardWebhooks(
  secret: string,
  id: string,
  timestampSeconds: number,
  body: Uint8Array,
): string {
  const key = secretKey(secret);
  if (key === null) throw new Error("signStandardWebhooks: the secret is not whsec_<base64>");
  if (!Number.isSafeInteger(timestampSeconds)) {
    throw new Error("signStandardWebhooks: timestamp must be whole seconds");
  }
  return `v1,${computeSignature(key, id, String(timestampSeconds), body).toString("base64")}`;
}

/** webhook-* when all three are there, else svix-*; when neither is complete, the fuller set. */
function pickHeaderNames(headers: HeaderList): { names: HeaderNames; other: HeaderNames } {
  const present = (names: HeaderNames) =>
    [names.id, names.timestamp, names.signature].filter((n) => headerValues(headers, n).length > 0)
      .length;
  const webhook = present(WEBHOOK_HEADERS);
  const svix = present(SVIX_HEADERS);
  const useSvix = webhook < 3 && svix > webhook;
  return useSvix
    ? { names: SVIX_HEADERS, other: WEBHOOK_HEADERS }
    : { names: WEBHOOK_HEADERS, other: SVIX_HEADERS };
}

const failed = (reason: string): VerificationResult => ({ outcome: "failed", reason });

export function verifyStandardWebhooks(
  input: VerificationInput & { config: StandardWebhooksConfig },
): VerificationResult {
  const { headers, secrets, body, now } = input;
  const tolerance = input.config.toleranceSeconds;

  if (secrets.length === 0) {
    return failed(
      "no signing secret configured for this endpoint; add the provider's whsec_ secret",
    );
  }
  const keys = secrets.map(secretKey);
  const usable = keys.filter((k) => k !== null).length;
  if (usable === 0) {
    const which =
      secrets.length === 1
        ? "the configured secret is not"
        : `none of the ${secrets.length} configured secrets is`;
    return failed(`no usable signing secret: ${which} "whsec_" followed by base64`);
  }

  const { names, other } = pickHeaderNames(headers);
  for (const key of ["id", "timestamp", "signature"] as const) {
    if (headerValues(headers, names[key]).length === 0) {
      return failed(`missing ${names[key]} header (also looked for ${other[key]})`);
    }
  }
  // Present (checked above); `?? ""` only satisfies the type checker.
  const id = firstHeader(headers, names.id) ?? "";
  const timestamp = firstHeader(headers, names.timestamp) ?? "";
  if (id === "") return failed(`malformed ${names.id} header: empty`);

  const seconds = /^[0-9]+$/.test(timestamp) ? Number(timestamp) : NaN;
  if (!Number.isSafeInteger(seconds)) {
    return failed(
      `malformed ${names.timestamp} header: expected Unix seconds, got ${quoteValue(timestamp)}`,
    );
  }

  // Repeated signature headers are one list; entries of other versions (v1a...) are skipped.
  const entries = headerValues(headers, names.signature)
    .join(" ")
    .split(/\s+/)
    .filter((e) => e !== "");
  const v1 = entries.filter((e) => e.startsWith("v1,")).map((e) => e.slice(3));
  if (v1.length === 0)
    return failed(`malformed ${names.signature} header: no "v1,<base64>" entries`);
  const candidates = v1
    .map(decodeBase64Strict)
    .filter((s): s is Buffer => s !== null && s.length === SIGNATURE_BYTES);
  if (candidates.length === 0) {
    const first = quoteValue(`v1,${v1[0] ?? ""}`);
    return failed(
      `malformed ${names.signature} header: ${first} is not base64 of a 32-byte HMAC-SHA256`,
    );
  }

  const age = Math.floor(now / 1000) - seconds;
  if (age > tolerance) return failed(`timestamp ${age} s older than the ${tolerance} s tolerance`);
  if (-age > tolerance)
    return failed(`timestamp ${-age} s in the future, beyond the ${tolerance} s tolerance`);

  // Sign the number as parsed, like the svix and standardwebhooks libraries do.
  const signedTimestamp = String(seconds);
  for (const [index, key] of keys.entries()) {
    if (key === null) continue;
    const expected = computeSignature(key, id, signedTimestamp, body);
    if (candidates.some((c) => equalBytes(c, expected))) {
      return {
        outcome: "verified",
        reason: `v1 signature matched secret ${index + 1} of ${secrets.length}`,
      };
    }
  }
  const ignored = v1.length - candidates.length;
  const note =
    ignored > 0
      ? ` (${countOf(ignored, "malformed v1 entry", "malformed v1 entries")} ignored)`
      : "";
  const tried = `${countOf(candidates.length, "signature")} tried against ${countOf(usable, "secret")}`;
  return failed(`no matching signature: ${tried}${note}`);
}
