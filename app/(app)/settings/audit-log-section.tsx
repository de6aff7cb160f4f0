// The Settings page's audit log (admins only; the page decides): one page of entries,
// newest first; ?audit=<cursor> pages back.
import { AuditLogPanel } from "@/components/settings/audit-log-panel";
import { listAuditEntries } from "@/lib/audit/data";
import { AppError } from "@/lib/http/app-error";

const PAGE_SIZE = 25;

export async function AuditLogSection({ cursor }: { cursor: string | undefined }) {
  // A hand-edited cursor starts the list over instead of failing the page.
  const page = await listAuditEntries({ limit: PAGE_SIZE, cursor }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "invalid_cursor")
      return listAuditEntries({ limit: PAGE_SIZE });
    throw error;
  });
  const entries = page.items.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    actorLabel: row.actorLabel,
    action: row.action,
    target:
      row.targetType !== null && row.targetId !== null
        ? { type: row.targetType, id: row.targetId }
        : null,
    details: row.details,
    sourceIp: row.sourceIp,
  }));
  return (
    <AuditLogPanel
      entries={entries}
      olderHref={
        page.nextCursor && `/settings?${new URLSearchParams({ audit: page.nextCursor })}#audit-log`
      }
      newestHref={cursor ? "/settings#audit-log" : null}
    />
  );
}
