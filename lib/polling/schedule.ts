// When an unfinished job is polled again. Missed-callback detection first polls a job
// once it is `expectTerminalMinutes` old, then backs off (the provider is being slow,
// hammering it helps nobody) up to every six hours, and always waits at least what a
// 429/503 asked for in Retry-After. After a week a job is left alone.

const MINUTE = 60_000;
const MAX_INTERVAL_MS = 6 * 60 * MINUTE;
export const GIVE_UP_AFTER_MS = 7 * 24 * 60 * MINUTE;

/** Delay before the next scheduled poll, after the `pollCount`-th poll of the job. */
export function nextPollDelayMs(input: {
  pollCount: number;
  expectTerminalMinutes: number | null;
  retryAfterMs: number | null;
}): number {
  // Manual polls on endpoints without detection still respect Retry-After.
  const base = Math.min(Math.max(input.expectTerminalMinutes ?? 1, 1), 60) * MINUTE;
  const planned = Math.min(
    base * 2 ** Math.min(Math.max(input.pollCount - 1, 0), 8),
    MAX_INTERVAL_MS,
  );
  return Math.max(planned, input.retryAfterMs ?? 0);
}
