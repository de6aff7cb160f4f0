// The team: who has an account and with which role. Changes that could leave the
// instance without an admin are serialised by a transaction-scoped advisory lock,
// so two admins demoting each other at once cannot both succeed.
import { asRole, type Role } from "@/lib/auth/roles";
import { getDb, type Db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/http/app-error";

export type Member = { id: string; email: string; name: string; role: Role; createdAt: Date };

export async function listMembers(): Promise<Member[]> {
  const rows = await getDb().user.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, email: true, name: true, role: true, createdAt: true } });
  return rows.map((row) => ({ ...row, role: asRole(row.role) }));
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Runs `change` holding the team lock, after checking the target is someone else. */
async function changeAnotherMember<T>(actorId: string, userId: string, change: (tx: Tx, target: { role: string }) => Promise<T>): Promise<T> {
  if (actorId === userId) throw new AppError("forbidden", "you cannot change your own role or remove yourself; ask another admin");
  return getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('inbox:team-admins'))`;
    const target = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!target) throw notFound("member");
    return change(tx, target);
  });
}

async function requireAnotherAdmin(tx: Tx, target: { role: string }): Promise<void> {
  if (target.role !== "admin") return;
  const admins = await tx.user.count({ where: { role: "admin" } });
  if (admins <= 1) throw new AppError("conflict", "the instance needs at least one admin");
}

export async function changeMemberRole(actorId: string, userId: string, role: Role): Promise<void> {
  await changeAnotherMember(actorId, userId, async (tx, target) => {
    if (role !== "admin") await requireAnotherAdmin(tx, target);
    await tx.user.update({ where: { id: userId }, data: { role } });
  });
}

/** Deletes the account; its sessions, password and API tokens go with it (cascade). */
export async function removeMember(actorId: string, userId: string): Promise<void> {
  await changeAnotherMember(actorId, userId, async (tx, target) => {
    await requireAnotherAdmin(tx, target);
    await tx.user.delete({ where: { id: userId } });
  });
}
