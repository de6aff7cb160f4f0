// Ingest keys are base64url (lib/ids/new-id.ts). Checking the shape first means a
// hostile key (NUL bytes, broken escapes, 5,000 characters) never reaches the
// database or Next's router, and is simply unknown.
const ENDPOINT_KEY = /^[A-Za-z0-9_-]{16,128}$/;

export function isEndpointKey(key: string): boolean {
  return ENDPOINT_KEY.test(key);
}

/** A key that can never match, handed to the router in place of a malformed one. */
const UNMATCHABLE_KEY = "~";

/**
 * The URL our server hands to Next for an ingest request: just /in/<key>. Next
 * would otherwise answer some paths itself before our route runs (308 for doubled
 * slashes or a backslash, a plain-text 500 for a broken %-escape); the route reads
 * the sub-path and query as sent from the raw request instead.
 */
export function routableIngestUrl(rawUrl: string): string | null {
  if (!rawUrl.startsWith("/in/")) return null;
  const rest = rawUrl.slice("/in/".length);
  const end = rest.search(/[/?\\]/);
  const key = end === -1 ? rest : rest.slice(0, end);
  return `/in/${isEndpointKey(key) ? key : UNMATCHABLE_KEY}`;
}
