// Writes of the team: role changes and removals (serialised by a transaction-scoped
// advisory lock, members.ts), and invitations (created, revoked, accepted once:
// invitations.ts).
import { randomBytes } from "node:crypto";
import { recordAudit, type Tx } from "@/lib/audit/mutations";
import type { AuditActor } from "@/lib/audit/types";
import { hashToken } from "@/lib/auth/api-tokens";
import { asRole, type Role } from "@/lib/auth/roles";
import { createPerson, normalizeEmail } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/http/app-error";
import { newId } from "@/lib/ids/new-id";
import {
  INVITATION_LIFETIME_MS,
  invitationView,
  OPERATOR_INVITER,
  type PendingInvitation,
} from "./invitations";
import { memberView, type Member } from "./members";
import type { InviteInput } from "./schema";

type Target = { role: string; email: string };

/** Runs `change` holding the team lock, after checking the target is someone else. */
async function changeAnotherMember<T>(
  actor: AuditActor,
  userId: string,
  change: (tx: Tx, target: Target) => Promise<T>,
): Promise<T> {
  if (actor.id === userId)
    throw new AppError(
      "forbidden",
      "you cannot change your own role or remove yourself; ask another admin",
    );
  return getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('inbox:team-admins'))`;
    const target = await tx.user.findUnique({
      where: { id: userId },
      select: { role: true, email: true },
    });
    if (!target) throw notFound("member");
    return change(tx, target);
  });
}

async function requireAnotherAdmin(tx: Tx, target: { role: string }): Promise<void> {
  if (target.role !== "admin") return;
  const admins = await tx.user.count({ where: { role: "admin" } });
  if (admins <= 1) throw new AppError("conflict", "the instance needs at least one admin");
}

export async function changeMemberRole(
  actor: AuditActor,
  userId: string,
  role: Role,
): Promise<Member> {
  return changeAnotherMember(actor, userId, async (tx, target) => {
    if (role !== "admin") await requireAnotherAdmin(tx, target);
    const row = await tx.user.update({ where: { id: userId }, data: { role }, select: memberView });
    const details = { email: target.email, from: asRole(target.role), to: role };
    await recordAudit(
      { actor, action: "team.role_changed", target: { type: "user", id: userId }, details },
      tx,
    );
    return { ...row, role };
  });
}

/** Deletes the account; its sessions, password and API tokens go with it (cascade). */
export async function removeMember(actor: AuditActor, userId: string): Promise<void> {
  await changeAnotherMember(actor, userId, async (tx, target) => {
    await requireAnotherAdmin(tx, target);
    await tx.user.delete({ where: { id: userId } });
    await recordAudit(
      {
        actor,
        action: "team.member_removed",
        target: { type: "user", id: userId },
        details: { email: target.email, role: asRole(target.role) },
      },
      tx,
    );
  });
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
