// Writes for signing in and setting up that are not Better Auth's own: the set-up
// code's hash, the shared sign-in throttle, personal API tokens (api-tokens.ts) and the
// first-admin lock. Races are settled by the database (ON CONFLICT, atomic increments,
// an advisory lock), since several app processes share it.
import { recordAudit } from "@/lib/audit/mutations";
import type { AuditActor } from "@/lib/audit/types";
import { getDb, getPool } from "@/lib/db/client";
import { notFound } from "@/lib/http/app-error";
import { newId } from "@/lib/ids/new-id";
import { newApiToken, type ApiTokenSummary } from "./api-tokens";

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

export async function createApiToken(
  userId: string,
  name: string,
): Promise<{ token: string; summary: ApiTokenSummary }> {
  const { token, tokenHash, tokenPrefix } = newApiToken();
  const row = await getDb().apiToken.create({
    data: { id: newId("tok"), userId, name, tokenHash, tokenPrefix },
    omit: { tokenHash: true, userId: true },
  });
  return { token, summary: row };
}

/**
 * Revokes a token of `userId` (a token of anyone else is "not found"). People revoke
 * their own; an admin revoking someone else's is recorded in the audit log.
 */
export async function revokeApiToken(
  userId: string,
  tokenId: string,
  actor: AuditActor,
): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const revoked = await tx.apiToken.updateManyAndReturn({
      where: { id: tokenId, userId, revokedAt: null },
      data: { revokedAt: new Date() },
      select: { name: true },
    });
    const token = revoked[0];
    if (!token) throw notFound("token");
    if (actor.id !== userId) {
      await recordAudit(
        {
          actor,
          action: "token.revoked",
          target: { type: "api_token", id: tokenId },
          details: { ownerId: userId, name: token.name },
        },
        tx,
      );
    }
  });
}

/**
 * Runs `work` while holding the one advisory lock that every way of making an admin
 * takes: two set-up forms submitted at once, or two processes starting at once with
 * INBOX_ADMIN_EMAIL on an empty database, then make one admin, not two or a failure.
 */
export async function withAdminLock<T>(work: () => Promise<T>): Promise<T> {
  const client = await getPool().connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('inbox:first-admin'))");
    return await work();
  } finally {
    await client.query("SELECT pg_advisory_unlock(hashtext('inbox:first-admin'))").catch(() => {});
    client.release();
  }
}

export async function makeAdmin(userId: string): Promise<void> {
  await getDb().user.update({ where: { id: userId }, data: { role: "admin" } });
}
