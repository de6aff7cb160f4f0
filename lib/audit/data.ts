// Reads of the audit log: newest first, (at, id) keyset, like every other list.
import { getDb } from "@/lib/db/client";
import { decodeCursor, toPage } from "@/lib/pagination/cursor";
import type { ListAuditQuery } from "./schema";

export async function listAuditEntries(query: ListAuditQuery) {
  const cursor = decodeCursor(query.cursor);
  const rows = await getDb().auditEntry.findMany({
    where: {
      action: query.action,
      actorId: query.actorId,
      targetId: query.targetId,
      ...(cursor && { OR: [{ at: { lt: cursor.at } }, { at: cursor.at, id: { lt: cursor.id } }] }),
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  return toPage(rows, query.limit, (row) => row.at);
}

export type AuditEntryRow = Awaited<ReturnType<typeof listAuditEntries>>["items"][number];
