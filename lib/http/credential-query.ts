// Credentials a sender puts in the URL instead of a header: `?token=...`, `?api_key=...`,
// Azure Functions' `?code=...`. Shown masked wherever a delivery's query leaves the
// inbox (the API, the streams, the export, the pages) and left out by every re-sender,
// as credential headers are (lib/http/credential-headers.ts). The rest of the query is
// kept byte for byte: its order, its escapes, its repeats.
import { isCredentialHeader, MASK, maskCredential } from "./credential-headers";

/** Whole names that are credentials in a query, where a header would say more (X-Api-Key). */
const QUERY_CREDENTIAL_NAMES = new Set(["key", "auth", "code", "pass", "pwd", "access_key"]);

/** Case-insensitive, on the decoded name: the header rules plus the short names URLs use. */
export function isCredentialParam(name: string): boolean {
  const lower = name.trim().toLowerCase();
  return QUERY_CREDENTIAL_NAMES.has(lower) || isCredentialHeader(lower);
}

export type MaskedQuery = {
  /** As received, credential values masked (`token=••••`, `api_key=••••WXYZ`). */
  query: string;
  /** Lower-case decoded names whose values are masked: a re-sender (the CLI) leaves them out. */
  maskedQueryParams: string[];
};

export function maskCredentialQuery(query: string): MaskedQuery {
  const masked = new Set<string>();
  const parts = query.split("&").map((part) => {
    const equals = part.indexOf("=");
    if (equals <= 0 || equals === part.length - 1) return part;
    const name = queryParamName(part);
    if (name === null || !isCredentialParam(name)) return part;
    masked.add(name);
    const value = decodeFormComponent(part.slice(equals + 1));
    return `${part.slice(0, equals)}=${value === null ? MASK : encodeMasked(maskCredential(value))}`;
  });
  return { query: parts.join("&"), maskedQueryParams: [...masked] };
}

/** The name of one `name=value` part of a query, decoded and lower-case; null when it does not decode. */
export function queryParamName(part: string): string | null {
  const name = decodeFormComponent(part.split("=", 1)[0] ?? "");
  return name === null ? null : name.trim().toLowerCase();
}

/** The mask stays readable; the tail it keeps is escaped again, as it would be in a URL. */
function encodeMasked(shown: string): string {
  const at = shown.indexOf(MASK);
  return `${encodeURIComponent(shown.slice(0, at))}${MASK}${encodeURIComponent(shown.slice(at + MASK.length))}`;
}

/** application/x-www-form-urlencoded decoding; null for an escape that does not decode. */
function decodeFormComponent(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replaceAll("+", " "));
  } catch {
    return null;
  }
}
