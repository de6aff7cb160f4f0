// Durations on the command line: "90s", "30m", "2h", "1d" (one number and one unit).

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Milliseconds, or null when `text` is not one whole number followed by s, m, h or d. */
export function parseDuration(text: string): number | null {
  const match = /^(\d{1,9})([smhd])$/.exec(text.trim());
  if (!match?.[1] || !match[2]) return null;
  const unit = UNIT_MS[match[2]];
  return unit === undefined ? null : Number(match[1]) * unit;
}

/** Whole minutes, rounded up (90s is 2 minutes: an expectation is never made shorter). */
export function durationMinutes(ms: number): number {
  return Math.ceil(ms / 60_000);
}
