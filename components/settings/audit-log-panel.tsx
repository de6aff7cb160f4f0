// Settings' "Audit log" (admins only): who did what, newest first, a page at a time.
// The page reads the entries and hands them in; this only lays them out.
import { ButtonLink } from "@/components/ui/button";
import { Panel } from "@/components/ui/panel";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, type Column } from "@/components/ui/table";
import { describeAction, describeDetails } from "@/lib/audit/describe";

export type AuditLogRow = {
  id: string;
  at: string;
  actorLabel: string;
  action: string;
  target: { type: string; id: string } | null;
  details: unknown;
  sourceIp: string | null;
};

const COLUMNS: Column[] = [
  { label: "When", className: "w-32" },
  { label: "Who" },
  { label: "What" },
  { label: "Target" },
  { label: "Details" },
];

export function AuditLogPanel({
  entries,
  olderHref,
  newestHref,
}: {
  entries: AuditLogRow[];
  olderHref: string | null;
  newestHref: string | null;
}) {
  return (
    <div id="audit-log" className="scroll-mt-4">
      <Panel title="Audit log">
        <div className="space-y-3">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Changes to endpoints, their secrets and verification, destinations, polling, alert
            channels and the team; bulk replays; failed sign-ins. Entries name what changed, never a
            secret.
          </p>
          {entries.length === 0 ? (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">Nothing recorded yet.</p>
          ) : (
            <Table caption="Audit log" columns={COLUMNS} density="compact">
              {entries.map((entry) => (
                <tr key={entry.id} data-testid="audit-row">
                  <td className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                    <RelativeTime iso={entry.at} />
                  </td>
                  <td className="text-zinc-900 dark:text-zinc-100">
                    {entry.actorLabel}
                    {entry.sourceIp && (
                      <span className="ml-1 font-mono text-zinc-500 dark:text-zinc-400">
                        ({entry.sourceIp})
                      </span>
                    )}
                  </td>
                  <td className="whitespace-nowrap font-medium text-zinc-900 dark:text-zinc-100">
                    {describeAction(entry.action)}
                  </td>
                  <td className="whitespace-nowrap font-mono text-zinc-600 dark:text-zinc-400">
                    {entry.target ? `${entry.target.type} ${entry.target.id}` : "—"}
                  </td>
                  <td className="break-words text-zinc-700 dark:text-zinc-300">
                    {describeDetails(entry.details)}
                  </td>
                </tr>
              ))}
            </Table>
          )}
          {(olderHref || newestHref) && (
            <div className="flex justify-end gap-2">
              {newestHref && (
                <ButtonLink href={newestHref} size="sm" variant="ghost">
                  Newest
                </ButtonLink>
              )}
              {olderHref && (
                <ButtonLink href={olderHref} size="sm">
                  Older entries
                </ButtonLink>
              )}
            </div>
          )}
        </div>
      </Panel>
    </div>
  );
}
