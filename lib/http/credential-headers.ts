// Which request headers carry credentials, and how their values are shown. Their
// values are sealed at rest (lib/deliveries/sealed-headers.ts), masked in every answer,
// and never forwarded or replayed.
// Signature headers (webhook-signature, X-Hub-Signature-256 ...) are not credentials:
// they prove one body and are what a person debugging verification needs to see.

/** Names that are credentials whatever precedes them (compared lower-case). */
const CREDENTIAL_NAMES = new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "api-key",
  "apikey",
]);

/** A name ending in one of these is a credential: X-Auth-Token, X-Vault-Token, Private-Token, X-Webhook-Secret, X-Api-Key ... */
const CREDENTIAL_SUFFIX = /(?:token|secret|password|passwd|apikey|api-key|api_key|authorization)$/;

/**
 * "...-Key" is a credential only after a word that says so (X-Access-Key,
 * Ocp-Apim-Subscription-Key): Idempotency-Key, X-Dedupe-Key or Sec-WebSocket-Key are not.
 */
const KEY_QUALIFIERS = new Set([
  "api",
  "access",
  "secret",
  "auth",
  "private",
  "client",
  "master",
  "subscription",
  "session",
  "license",
  "app",
  "consumer",
  "signing",
  "functions",
]);

/** Case-insensitive, on the name alone (see the lists above). */
export function isCredentialHeader(name: string): boolean {
  const lower = name.trim().toLowerCase();
  if (CREDENTIAL_NAMES.has(lower) || CREDENTIAL_SUFFIX.test(lower)) return true;
  // Runs for every header of every callback: most names end elsewhere and stop here.
  if (!lower.endsWith("key")) return false;
  const words = lower.split(/[-_.]/);
  return (
    words.length > 1 &&
    words.at(-1) === "key" &&
    words.slice(0, -1).some((word) => KEY_QUALIFIERS.has(word))
  );
}

export const MASK = "••••";
/** Shorter credentials show no characters at all: 4 of 8 would be half the secret. */
const TAIL_MIN_LENGTH = 16;
const TAIL_LENGTH = 4;
/** An auth scheme word (Bearer, Basic, Token, AWS4-HMAC-SHA256): kept, it tells a reader which kind of credential came. */
const SCHEME = /^([A-Za-z][A-Za-z0-9-]{0,15}) +(\S.*)$/s;

/** "Bearer ••••abcd": the scheme and, for long values, the last 4 characters; never the value. */
export function maskCredential(value: string): string {
  const match = SCHEME.exec(value.trim());
  const [scheme, credential] = match ? [`${match[1]} `, match[2] ?? ""] : ["", value.trim()];
  return `${scheme}${MASK}${credential.length >= TAIL_MIN_LENGTH ? credential.slice(-TAIL_LENGTH) : ""}`;
}
