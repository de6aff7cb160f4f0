// Credential header values of a stored delivery: sealed at ingest with INBOX_SECRET_KEY
// (lib/secrets/secret-box.ts), shown masked, opened only for an admin's reveal.
// A stored entry keeps its name and position; only its value becomes the sealed form,
// so a backup holds no credential while the header list keeps its shape.
import { isCredentialHeader, MASK, maskCredential } from "@/lib/http/credential-headers";
import { maskCredentialQuery, type MaskedQuery } from "@/lib/http/credential-query";
import type { HeaderList } from "@/lib/http/header-list";
import { currentKeyId, isSealed, openSecret, sealSecret } from "@/lib/secrets/secret-box";

/** deliveries.credential_key of rows stored before sealing existed: the start-up step seals them. */
export const PLAIN_CREDENTIALS = "plain";

/**
 * Whether a stored entry holds a credential: a listed name, or a value we sealed (an
 * endpoint's token header under a name of its own choosing, e.g. X-Render-Auth).
 */
export function isStoredCredential(name: string, value: string): boolean {
  return isCredentialHeader(name) || isSealed(value);
}

/**
 * The headers to store: credential values sealed. `tokenHeader` is the endpoint's token
 * header (its value is the endpoint secret, whatever its name). A value that merely
 * looks sealed (a sender's look-alike) is sealed too, so every sealed-looking stored
 * value is one of ours and a later reseal can open it. `credentialKey` is the key that
 * sealed them, null when none was sealed (most callbacks).
 */
export function sealCredentialHeaders(
  headers: HeaderList,
  tokenHeader: string | null,
): SealedHeaders {
  return sealEntries(headers, (name, value) =>
    isStoredCredential(name, value) || name.toLowerCase() === tokenHeader ? value : null,
  );
}

/**
 * A stored row sealed again with the current key (a rotated key, or a row marked
 * PLAIN_CREDENTIALS from before sealing, whose values are plain whatever they look like).
 */
export function resealCredentialHeaders(headers: HeaderList, credentialKey: string): SealedHeaders {
  if (credentialKey === PLAIN_CREDENTIALS) return sealCredentialHeaders(headers, null);
  return sealEntries(headers, (_name, value) => (isSealed(value) ? openSecret(value) : null));
}

type SealedHeaders = { headers: Array<[string, string]>; credentialKey: string | null };

/** `plainOf`: the plain value to seal for an entry, or null to keep it as it is. */
function sealEntries(
  headers: HeaderList,
  plainOf: (name: string, value: string) => string | null,
): SealedHeaders {
  let sealedAny = false;
  const stored = headers.map(([name, value]): [string, string] => {
    const plain = plainOf(name, value);
    if (plain === null) return [name, value];
    sealedAny = true;
    return [name, sealSecret(plain)];
  });
  return { headers: stored, credentialKey: sealedAny ? currentKeyId() : null };
}

export type MaskedHeaders = {
  /** In arrival order; credential values masked ("Bearer ••••abcd"). */
  headers: Array<[string, string]>;
  /** Lower-case names whose values are masked: a re-sender (the CLI) leaves them out. */
  maskedHeaders: string[];
};

/** A stored request's credentials as every answer shows them: the API, the streams, the export, the pages. */
export function maskStoredRequest(request: {
  query: string;
  headers: HeaderList;
}): MaskedHeaders & MaskedQuery {
  return { ...maskCredentialQuery(request.query), ...maskStoredHeaders(request.headers) };
}

/** Stored headers as every answer shows them (an attempt's headers have no query). */
export function maskStoredHeaders(headers: HeaderList): MaskedHeaders {
  const masked = new Set<string>();
  const shown = headers.map(([name, value]): [string, string] => {
    if (!isStoredCredential(name, value)) return [name, value];
    masked.add(name.toLowerCase());
    return [name, maskStoredValue(value)];
  });
  return { headers: shown, maskedHeaders: [...masked] };
}

function maskStoredValue(value: string): string {
  if (!isSealed(value)) return maskCredential(value);
  try {
    return maskCredential(openSecret(value));
  } catch {
    // Not sealed by us (a sender's look-alike) or under a key we no longer have.
    return MASK;
  }
}

/** The plain value of a stored credential entry (for an admin's reveal). */
export function openStoredValue(value: string): string {
  return isSealed(value) ? openSecret(value) : value;
}
