// The team: who has an account and with which role. Changes that could leave the
// instance without an admin are serialised by a transaction-scoped advisory lock,
// so two admins demoting each other at once cannot both succeed.
import { recordAudit, type Tx } from "@/lib/audit/mutations";
import type { AuditActor } from "@/lib/audit/types";
import { asRole, type Role } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/http/app-error";

export type Member = { id: string; email: string; name: string; role: Role; createdAt: Date };

const memberView = { id: true, email: true, name: true, role: true, createdAt: true } as const;

export async function listMembers(): Promise<Member[]> {
  const rows = await getDb().user.findMany({ orderBy: { createdAt: "asc" }, select: memberView });
  return rows.map((row) => ({ ...row, role: asRole(row.role) }));
}

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
