// Payload values become job and event columns, so every string read out of a callback
// is bounded: a hostile or broken provider must not be able to store megabytes per field.

export const MAX_ID_CHARS = 200;
export const MAX_EVENT_TYPE_CHARS = 200;
export const MAX_ERROR_CHARS = 2_000;
export const MAX_URL_CHARS = 2_048;

/** A string cut to `maxChars` without splitting a surrogate pair; empty or blank -> null. */
export function capText(value: string, maxChars: number): string | null {
  if (value.trim() === "") return null;
  if (value.length <= maxChars) return value;
  const lastKept = value.charCodeAt(maxChars - 1);
  const isHighSurrogate = lastKept >= 0xd800 && lastKept <= 0xdbff;
  return value.slice(0, isHighSurrogate ? maxChars - 1 : maxChars);
}

/** A string value capped at `maxChars`; anything else (numbers, objects) -> null. */
export function readText(value: unknown, maxChars: number): string | null {
  return typeof value === "string" ? capText(value, maxChars) : null;
}

/** A provider id (job id, message id): a string or a finite number, capped. */
export function readId(value: unknown): string | null {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : null;
  return readText(value, MAX_ID_CHARS);
}

/**
 * An output URL, or null when it is not a string or too long: a cut URL would point
 * somewhere else, which is worse than no link. Not checked further because providers
 * send non-http URLs too (Clipzy documents file:///...).
 */
export function readUrl(value: unknown): string | null {
  if (typeof value !== "string" || value.length > MAX_URL_CHARS) return null;
  return capText(value, MAX_URL_CHARS);
}
