// Reads for signing in and setting up that are not Better Auth's own, and of personal
// API tokens (api-tokens.ts).
import { getDb } from "@/lib/db/client";
import {
  hashToken,
  LAST_USED_RESOLUTION_MS,
  TOKEN_PREFIX,
  type ApiTokenSummary,
  type TokenOwner,
} from "./api-tokens";
import { asRole } from "./roles";

/** The SHA-256 (hex) of the set-up code, or null when there is none (someone exists). */
export async function readSetupCodeHash(): Promise<string | null> {
  const row = await getDb().setupCode.findUnique({ where: { id: 1 }, select: { codeHash: true } });
  return row?.codeHash ?? null;
}

export async function listApiTokens(userId: string): Promise<ApiTokenSummary[]> {
  return getDb().apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    omit: { tokenHash: true, userId: true },
  });
}

/** The live tokens of everyone, by owner: what an admin can revoke. */
export async function listLiveApiTokensByOwner(): Promise<Map<string, ApiTokenSummary[]>> {
  const rows = await getDb().apiToken.findMany({
    where: { revokedAt: null },
    orderBy: { createdAt: "desc" },
    omit: { tokenHash: true },
  });
  const byOwner = new Map<string, ApiTokenSummary[]>();
  for (const { userId, ...token } of rows)
    byOwner.set(userId, [...(byOwner.get(userId) ?? []), token]);
  return byOwner;
}

/** The owner of a live personal token, or null. */
export async function findApiTokenOwner(token: string): Promise<TokenOwner | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const db = getDb();
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, role: true } },
    },
  });
  if (!row || row.revokedAt) return null;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return { ...row.user, role: asRole(row.user.role) };
}

export async function countPeople(): Promise<number> {
  return getDb().user.count();
}

export async function findUserIdByEmail(email: string): Promise<{ id: string } | null> {
  return getDb().user.findUnique({ where: { email }, select: { id: true } });
}

/** Whether the user has an email-and-password account (an invited person always does). */
export async function hasPasswordAccount(userId: string): Promise<boolean> {
  return (
    (await getDb().account.findFirst({ where: { userId, providerId: "credential" } })) !== null
  );
}
