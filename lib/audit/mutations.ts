// Appends to the audit log. Pass the transaction that makes the change, so the entry
// and the change commit together or not at all.
import { getDb, type Db } from "@/lib/db/client";
import { newId } from "@/lib/ids/new-id";
import { ANONYMOUS } from "./actor";
import type { AuditEntryInput } from "./types";

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

function entryData(entry: AuditEntryInput) {
  return {
    id: newId("aud"),
    actorId: entry.actor.id,
    actorLabel: entry.actor.label,
    action: entry.action,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    details: entry.details ?? {},
    sourceIp: entry.sourceIp ?? null,
  };
}

export async function recordAudit(entry: AuditEntryInput, tx: Tx | Db = getDb()): Promise<void> {
  await tx.auditEntry.create({ data: entryData(entry) });
}

/** The insert as a statement, for a batch `$transaction([...])` that makes the change. */
export function auditStatement(entry: AuditEntryInput) {
  return getDb().auditEntry.create({ data: entryData(entry), select: { id: true } });
}

/** A sign-in that failed: the email tried and where from; never the password. */
export async function recordFailedSignIn(email: string, sourceIp: string | null): Promise<void> {
  await recordAudit({ actor: ANONYMOUS, action: "sign_in.failed", details: { email }, sourceIp });
}
