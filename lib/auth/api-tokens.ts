// Personal API tokens: `inbox_pat_<random>`, shown once when created, stored only as a
// SHA-256 hash (a token is 192 random bits, so a fast hash is enough; a slow password
// hash would put a scrypt on every API call). Revoked tokens stop working at once.
// Their reads are in data.ts, their writes in mutations.ts.
import { createHash, randomBytes } from "node:crypto";
import type { Role } from "./roles";

export const TOKEN_PREFIX = "inbox_pat_";
/** How often last_used_at is written for a busy token (one write per token and window). */
export const LAST_USED_RESOLUTION_MS = 60_000;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type ApiTokenSummary = {
  id: string;
  name: string;
  tokenPrefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export type TokenOwner = { id: string; email: string; name: string; role: Role };

/** A new token: the secret shown once, and what is stored of it. */
export function newApiToken(): { token: string; tokenHash: string; tokenPrefix: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(24).toString("base64url")}`;
  return {
    token,
    tokenHash: hashToken(token),
    tokenPrefix: token.slice(0, TOKEN_PREFIX.length + 4),
  };
}
