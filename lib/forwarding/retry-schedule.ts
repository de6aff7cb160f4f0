// When to try a failed forward again: the configured schedule with ±20% jitter (so a
// receiver that comes back is not hit by every queued retry in the same second), and
// at least what a 429/503 asked for in Retry-After, never more than a day.

const JITTER = 0.2;
const MAX_DELAY_MS = 86_400_000;

/** Retry-After as seconds or an HTTP date, in milliseconds from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * Milliseconds until the next attempt after attempt number `attemptNumber` failed, or
 * null when the schedule is used up.
 */
export function retryDelayMs(input: {
  attemptNumber: number;
  schedule: readonly number[];
  status: number | null;
  retryAfterMs: number | null;
  random?: () => number;
}): number | null {
  const seconds = input.schedule[input.attemptNumber - 1];
  if (seconds === undefined) return null;
  const jitter = 1 - JITTER + 2 * JITTER * (input.random ?? Math.random)();
  const planned = seconds * 1000 * jitter;
  const asked = input.status === 429 || input.status === 503 ? (input.retryAfterMs ?? 0) : 0;
  return Math.round(Math.min(Math.max(planned, asked), MAX_DELAY_MS));
}
