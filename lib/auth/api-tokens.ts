// Personal API tokens: `inbox_pat_<random>`, shown once when created, stored only as a
// SHA-256 hash (a token is 192 random bits, so a fast hash is enough; a slow password
// hash would put a scrypt on every API call). Revoked tokens stop working at once.
import { createHash, randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/mutations";
import type { AuditActor } from "@/lib/audit/types";
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/http/app-error";
import { newId } from "@/lib/ids/new-id";
import { asRole, type Role } from "./roles";

const TOKEN_PREFIX = "inbox_pat_";
/** How often last_used_at is written for a busy token (one write per token and window). */
const LAST_USED_RESOLUTION_MS = 60_000;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type ApiTokenSummary = {
  id: string;
  name: string;
  tokenPrefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export async function createApiToken(
  userId: string,
  name: string,
): Promise<{ token: string; summary: ApiTokenSummary }> {
  const token = `${TOKEN_PREFIX}${randomBytes(24).toString("base64url")}`;
  const row = await getDb().apiToken.create({
    data: {
      id: newId("tok"),
      userId,
      name,
      tokenHash: hashToken(token),
      tokenPrefix: token.slice(0, TOKEN_PREFIX.length + 4),
    },
    omit: { tokenHash: true, userId: true },
  });
  return { token, summary: row };
}

export async function listApiTokens(userId: string): Promise<ApiTokenSummary[]> {
  return getDb().apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    omit: { tokenHash: true, userId: true },
  });
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

export type TokenOwner = { id: string; email: string; name: string; role: Role };

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
