// Reads of the team: members and pending invitations (members.ts, invitations.ts).
import { hashToken } from "@/lib/auth/api-tokens";
import { asRole, type Role } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { invitationView, OPERATOR_INVITER, type PendingInvitation } from "./invitations";
import { memberView, type Member } from "./members";

export async function listMembers(): Promise<Member[]> {
  const rows = await getDb().user.findMany({ orderBy: { createdAt: "asc" }, select: memberView });
  return rows.map((row) => ({ ...row, role: asRole(row.role) }));
}

/** Invitations that can still be accepted, newest first. */
export async function listPendingInvitations(): Promise<PendingInvitation[]> {
  const rows = await getDb().invitation.findMany({
    where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: invitationView,
  });
  return rows.map((row) => ({
    ...row,
    role: asRole(row.role),
    invitedBy: row.invitedBy?.email ?? OPERATOR_INVITER,
  }));
}

/** The invitation behind a link, while it can still be accepted; else null. */
export async function findOpenInvitation(
  token: string,
): Promise<{ email: string; role: Role } | null> {
  const row = await getDb().invitation.findFirst({
    where: {
      tokenHash: hashToken(token),
      acceptedAt: null,
      revokedAt: null,
      expiresAt: { gt: new Date() },
    },
    select: { email: true, role: true },
  });
  return row && { email: row.email, role: asRole(row.role) };
}
