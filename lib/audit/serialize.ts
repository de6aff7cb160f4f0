// The API shape of an audit entry.
import type { AuditEntryRow } from "./data";
import type { AuditEntryResponse } from "./schema";

export function serializeAuditEntry(row: AuditEntryRow): AuditEntryResponse {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: { id: row.actorId, label: row.actorLabel },
    action: row.action,
    target:
      row.targetType === null || row.targetId === null
        ? null
        : { type: row.targetType, id: row.targetId },
    details: row.details,
    sourceIp: row.sourceIp,
  };
}
