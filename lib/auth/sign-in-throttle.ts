// Slows password guessing: after 5 failed sign-ins for one email from one address
// within 15 minutes, further attempts are refused until the window passes. In memory,
// per process: enough to make guessing impractical on a self-hosted instance.
const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;

const failures = new Map<string, { count: number; since: number }>();

const keyOf = (address: string | null, email: string) => `${address ?? "?"}\u0000${email}`;

/** Seconds until another attempt is allowed, or 0. */
export function signInBlockedFor(address: string | null, email: string, now = Date.now()): number {
  const entry = failures.get(keyOf(address, email));
  if (!entry || now - entry.since > WINDOW_MS) return 0;
  return entry.count >= MAX_FAILURES ? Math.ceil((entry.since + WINDOW_MS - now) / 1000) : 0;
}

export function recordSignInFailure(address: string | null, email: string, now = Date.now()): void {
  const key = keyOf(address, email);
  const entry = failures.get(key);
  if (!entry || now - entry.since > WINDOW_MS) failures.set(key, { count: 1, since: now });
  else entry.count += 1;
  // Forget old entries so the map cannot grow without bound.
  if (failures.size > 10_000) {
    for (const [k, v] of failures) if (now - v.since > WINDOW_MS) failures.delete(k);
  }
}

export function clearSignInFailures(address: string | null, email: string): void {
  failures.delete(keyOf(address, email));
}
