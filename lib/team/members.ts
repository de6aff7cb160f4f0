// The team: who has an account and with which role. Changes that could leave the
// instance without an admin are serialised by a transaction-scoped advisory lock,
// so two admins demoting each other at once cannot both succeed.
// Reads are in data.ts, writes in mutations.ts.
import type { Role } from "@/lib/auth/roles";

export type Member = { id: string; email: string; name: string; role: Role; createdAt: Date };

export const memberView = {
  id: true,
  email: true,
  name: true,
  role: true,
  createdAt: true,
} as const;
