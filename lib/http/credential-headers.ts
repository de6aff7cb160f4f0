// Which stored request headers carry credentials. The dashboard masks their values until
// a person asks to see them, and a copied curl command leaves them out unless revealed.
// Signature headers (webhook-signature, X-Hub-Signature-256 ...) are not credentials:
// they prove one body and are what a person debugging verification needs to see.

const CREDENTIAL_NAMES = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"]);
const CREDENTIAL_SUFFIXES = ["token", "secret"];

/** Case-insensitive: Authorization, Cookie, X-Api-Key, and any name ending in "token" or "secret". */
export function isCredentialHeader(name: string): boolean {
  const lower = name.trim().toLowerCase();
  return CREDENTIAL_NAMES.has(lower) || CREDENTIAL_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}

/** The headers with every credential value blanked, for rendering before a reveal. */
export function blankCredentialValues(headers: ReadonlyArray<readonly [string, string]>): Array<[string, string]> {
  return headers.map(([name, value]) => [name, isCredentialHeader(name) ? "" : value]);
}
