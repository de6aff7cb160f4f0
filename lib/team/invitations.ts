// Teammate invitations: a one-time link /invite/<token>. Only the token's SHA-256 is
// stored (like personal API tokens), so a database dump cannot be turned into a link.
// Accepting is settled by one conditional UPDATE, so a link works once even when it
// is opened in two tabs at the same moment.
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/mutations";
import type { AuditActor } from "@/lib/audit/types";
import { hashToken } from "@/lib/auth/api-tokens";
import { asRole, type Role } from "@/lib/auth/roles";
import { createPerson, normalizeEmail } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/http/app-error";
import { newId } from "@/lib/ids/new-id";
import type { InviteInput } from "./schema";

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export type PendingInvitation = {
  id: string;
  email: string;
  role: Role;
  createdAt: Date;
  expiresAt: Date;
  invitedBy: string;
};

const invitationView = {
  id: true,
  email: true,
  role: true,
  createdAt: true,
  expiresAt: true,
  invitedBy: { select: { email: true } },
} as const;

/** The inviter's email; the operator token invites as nobody's account. */
const OPERATOR_INVITER = "operator token";

/** The one-time link an invitee opens, on the instance's public origin. */
export function invitationUrl(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, "")}/invite/${token}`;
}

/** Creates an invitation and returns its token (shown once: only the hash is kept). */
export async function createInvitation(
  actor: AuditActor,
  input: InviteInput,
): Promise<{ token: string; invitation: PendingInvitation }> {
  const db = getDb();
  const email = normalizeEmail(input.email);
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError("conflict", `${email} already has an account`);
  }
  const token = randomBytes(24).toString("base64url");
  const row = await db.$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: {
        id: newId("inv"),
        email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedById: actor.id,
        expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS),
      },
      select: invitationView,
    });
    await recordAudit(
      {
        actor,
        action: "team.invited",
        target: { type: "invitation", id: created.id },
        details: { email, role: input.role },
      },
      tx,
    );
    return created;
  });
  return {
    token,
    invitation: {
      ...row,
      role: asRole(row.role),
      invitedBy: row.invitedBy?.email ?? OPERATOR_INVITER,
    },
  };
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

export async function revokeInvitation(id: string, actor: AuditActor): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const revoked = await tx.invitation.updateManyAndReturn({
      where: { id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
      select: { email: true },
    });
    const invitation = revoked[0];
    if (!invitation) throw notFound("pending invitation");
    await recordAudit(
      {
        actor,
        action: "team.invitation_revoked",
        target: { type: "invitation", id },
        details: { email: invitation.email },
      },
      tx,
    );
  });
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

/**
 * Claims the invitation (single use, race-safe) and creates the person. When the
 * account cannot be created (the email was taken meanwhile), the claim is undone so
 * the link is not burnt by a failure that was not the invitee's.
 */
export async function acceptInvitation(
  token: string,
  person: { name: string; password: string },
): Promise<{ email: string }> {
  const db = getDb();
  const claimed = await db.$queryRaw<Array<{ id: string; email: string; role: string }>>`
    UPDATE invitations SET accepted_at = now()
    WHERE token_hash = ${hashToken(token)} AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
    RETURNING id, email, role`;
  const invitation = claimed[0];
  if (!invitation)
    throw new AppError(
      "not_found",
      "this invitation link is no longer valid (used, revoked or expired)",
    );
  try {
    await createPerson({
      email: invitation.email,
      name: person.name,
      password: person.password,
      role: asRole(invitation.role),
    });
  } catch (error) {
    await db.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: null } });
    // Better Auth wraps the unique violation its own way; whether the email exists is the real question.
    if (await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
      throw new AppError("conflict", `${invitation.email} already has an account; sign in instead`);
    }
    throw error;
  }
  return { email: invitation.email };
}
