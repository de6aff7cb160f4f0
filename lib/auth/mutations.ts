// Writes for signing in and setting up that are not Better Auth's own: the set-up
// code's hash and the shared sign-in throttle. Races are settled by the database
// (ON CONFLICT, atomic increments), since several app processes share it.
import { getDb } from "@/lib/db/client";

/**
 * Stores the set-up code's hash. `replace: false` keeps a code another process made
 * (true when this call stored it); `replace: true` (INBOX_SETUP_CODE) always wins.
 */
export async function storeSetupCodeHash(
  codeHash: string,
  { replace }: { replace: boolean },
): Promise<boolean> {
  const db = getDb();
  const stored = replace
    ? await db.$executeRaw`INSERT INTO setup_codes (id, code_hash) VALUES (1, ${codeHash}) ON CONFLICT (id) DO UPDATE SET code_hash = excluded.code_hash, created_at = now()`
    : await db.$executeRaw`INSERT INTO setup_codes (id, code_hash) VALUES (1, ${codeHash}) ON CONFLICT (id) DO NOTHING`;
  return stored === 1;
}

export async function deleteSetupCode(): Promise<void> {
  await getDb().setupCode.deleteMany({});
}

export type ThrottleCount = { failures: number; windowStartedAt: Date };

/**
 * Counts one more attempt under `key` and returns the count in the current window. A
 * window older than `windowSeconds` starts again at 1. One statement: two processes
 * counting at once both count.
 */
export async function countSignInAttempt(
  key: string,
  windowSeconds: number,
): Promise<ThrottleCount> {
  const rows = await getDb().$queryRaw<ThrottleCount[]>`
    INSERT INTO sign_in_throttle AS t (key, failures, window_started_at) VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t.window_started_at <= now() - make_interval(secs => ${windowSeconds}) THEN 1 ELSE t.failures + 1 END,
      window_started_at = CASE WHEN t.window_started_at <= now() - make_interval(secs => ${windowSeconds}) THEN now() ELSE t.window_started_at END
    RETURNING failures, window_started_at AS "windowStartedAt"`;
  const row = rows[0];
  if (!row) throw new Error("counting a sign-in attempt returned no row");
  return row;
}

/** Takes back one counted attempt (it turned out not to be a failure). */
export async function uncountSignInAttempt(key: string): Promise<void> {
  await getDb()
    .$executeRaw`UPDATE sign_in_throttle SET failures = greatest(failures - 1, 0) WHERE key = ${key}`;
}

export async function forgetSignInFailures(key: string): Promise<void> {
  await getDb().signInThrottle.deleteMany({ where: { key } });
}

/** Drops windows that ended, so rotating addresses cannot grow the table without bound. */
export async function forgetEndedSignInWindows(windowSeconds: number): Promise<void> {
  await getDb()
    .$executeRaw`DELETE FROM sign_in_throttle WHERE window_started_at <= now() - make_interval(secs => ${windowSeconds})`;
}
