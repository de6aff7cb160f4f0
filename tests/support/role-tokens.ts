// A person with a given role and a personal API token of theirs, made straight in the
// shared app's database: tests of what a member or a viewer may do need their token,
// not a trip through sign-in and the settings page.
import { randomUUID } from "node:crypto";
import { hashToken } from "@/lib/auth/api-tokens";
import type { Role } from "@/lib/auth/roles";
import { queryAppDb } from "./api";

export async function tokenWithRole(role: Role): Promise<string> {
  const id = `usr_${role}_${randomUUID().slice(0, 8)}`;
  const token = `inbox_pat_${randomUUID().replaceAll("-", "")}`;
  await queryAppDb("INSERT INTO users (id, name, email, role) VALUES ($1, $1, $2, $3)", [id, `${id}@team.test`, role]);
  await queryAppDb("INSERT INTO api_tokens (id, user_id, name, token_hash, token_prefix) VALUES ($1, $2, $3, $4, $5)", [
    `tok_${randomUUID().slice(0, 8)}`,
    id,
    `${role} token`,
    hashToken(token),
    token.slice(0, 14),
  ]);
  return token;
}
