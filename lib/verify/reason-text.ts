// Small pieces of the human-readable `reason` texts shared by the schemes.

const MAX_QUOTED = 40;

/**
 * A hostile header value, quoted and cut short, for a reason shown in the dashboard.
 * JSON quoting makes control characters and quotes visible instead of confusing.
 */
export function quoteValue(value: string): string {
  const cut = value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}…` : value;
  return JSON.stringify(cut);
}

/** "x-hub-signature-256" -> "X-Hub-Signature-256": header names are stored lower-case. */
export function displayHeaderName(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
}

/** "1 secret", "2 secrets". */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
