// Dedupe keys group a provider's retries into one event. Each source gets its own
// prefix so a key read from a header can never equal one built from payload fields
// (or another provider's), whatever the values are.
import { firstHeader, type HeaderList } from "@/lib/http/header-list";
import { capText, MAX_ID_CHARS } from "./capped-values";

/** `<prefix>:<value>` from the first of `headerNames` present, else null. */
export function headerDedupeKey(
  headers: HeaderList,
  headerNames: readonly string[],
  prefix: string,
): string | null {
  for (const name of headerNames) {
    const value = firstHeader(headers, name);
    const id = value === null ? null : capText(value.trim(), MAX_ID_CHARS);
    if (id !== null) return `${prefix}:${id}`;
  }
  return null;
}

/** `<prefix>:<part>:<part>...`, or null when any part is missing (the body hash then decides). */
export function payloadDedupeKey(
  prefix: string,
  parts: ReadonlyArray<string | null>,
): string | null {
  if (parts.some((part) => part === null)) return null;
  return [prefix, ...parts].join(":");
}
