// Appends to the audit log. Pass the transaction that makes the change, so the entry
// and the change commit together or not at all.
import { getDb, type Db } from "@/lib/db/client";
import { newId } from "@/lib/ids/new-id";
import type { AuditEntryInput } from "./types";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export async function recordAudit(entry: AuditEntryInput, tx: Tx | Db = getDb()): Promise<void> {
  await tx.auditEntry.create({
    data: {
      id: newId("aud"),
      actorId: entry.actor.id,
      actorLabel: entry.actor.label,
      action: entry.action,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      details: entry.details ?? {},
      sourceIp: entry.sourceIp ?? null,
    },
  });
}
