// Teammate invitations: a one-time link /invite/<token>. Only the token's SHA-256 is
// stored (like personal API tokens), so a database dump cannot be turned into a link.
// Accepting is settled by one conditional UPDATE, so a link works once even when it
// is opened in two tabs at the same moment.
// Reads are in data.ts, writes in mutations.ts.
import type { Role } from "@/lib/auth/roles";

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export type PendingInvitation = {
  id: string;
  email: string;
  role: Role;
  createdAt: Date;
  expiresAt: Date;
  invitedBy: string;
};

export const invitationView = {
  id: true,
  email: true,
  role: true,
  createdAt: true,
  expiresAt: true,
  invitedBy: { select: { email: true } },
} as const;

/** The inviter's email; the operator token invites as nobody's account. */
export const OPERATOR_INVITER = "operator token";

/** The one-time link an invitee opens, on the instance's public origin. */
export function invitationUrl(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, "")}/invite/${token}`;
}
