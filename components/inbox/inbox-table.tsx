"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { MouseEvent } from "react";
import { JobStateBadge, VerificationBadge } from "@/components/domain-badges";
import { Badge } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, type Column } from "@/components/ui/table";
import type { ListedEvent } from "@/lib/events/serialize";

const INBOX_COLUMNS: Column[] = [
  { label: "Received" },
  { label: "Endpoint" },
  { label: "Provider" },
  { label: "Event type" },
  { label: "Job" },
  { label: "Signature" },
  { label: "Deliveries", align: "right" },
];

/** Events newest first; each row opens the event (link, click, or j/k then Enter). */
export function InboxTable({
  rows,
  highlighted,
}: {
  rows: ListedEvent[];
  highlighted: ReadonlySet<string>;
}) {
  const router = useRouter();
  // The whole row is a click target for the mouse; the link in the first cell is what keyboards and screen readers use.
  const openRow = (event: MouseEvent<HTMLTableRowElement>, id: string) => {
    if ((event.target as HTMLElement).closest("a, button") || window.getSelection()?.toString())
      return;
    router.push(`/events/${id}`);
  };
  return (
    <Table caption="Events, newest first" columns={INBOX_COLUMNS}>
      {rows.map((row) => (
        <tr
          key={row.id}
          data-nav-item
          data-event-id={row.id}
          data-new={highlighted.has(row.id) || undefined}
          onClick={(event) => openRow(event, row.id)}
          className={cx(
            "cursor-pointer transition-[background-color] duration-700 hover:bg-zinc-50 focus-within:bg-indigo-50/60 dark:hover:bg-zinc-800/60 dark:focus-within:bg-indigo-950/40",
            highlighted.has(row.id) && "bg-amber-50 dark:bg-amber-950/40",
          )}
        >
          <td className="whitespace-nowrap">
            <Link
              href={`/events/${row.id}`}
              aria-label={`Event ${row.type ?? row.id} received ${row.firstReceivedAt}`}
              className="rounded text-zinc-900 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:text-zinc-100"
            >
              <RelativeTime iso={row.firstReceivedAt} />
            </Link>
          </td>
          <td
            className="max-w-56 truncate text-zinc-800 dark:text-zinc-200"
            title={row.endpointName}
          >
            {row.endpointName}
          </td>
          <td className="font-mono text-xs whitespace-nowrap text-zinc-600 dark:text-zinc-400">
            {row.provider}
          </td>
          <td
            className="max-w-56 truncate font-mono text-xs text-zinc-800 dark:text-zinc-200"
            title={row.type ?? undefined}
          >
            {row.type ?? <span className="text-zinc-400 dark:text-zinc-500">—</span>}
          </td>
          <td className="whitespace-nowrap">
            <JobCell row={row} />
          </td>
          <td>
            <VerificationBadge value={row.verification} />
          </td>
          <td className="text-right tabular-nums">
            {row.deliveryCount > 1 ? (
              <Badge
                tone="amber"
                title={`${row.deliveryCount - 1} duplicate deliveries of this event`}
              >
                ×{row.deliveryCount}
              </Badge>
            ) : (
              <span className="text-xs text-zinc-500 dark:text-zinc-400">1</span>
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}

function JobCell({ row }: { row: ListedEvent }) {
  if (!row.jobId) {
    // The payload may name a job that is not linked (e.g. an unverified callback): show it, unlinked.
    return row.externalJobId ? (
      <span
        className="font-mono text-xs text-zinc-500 dark:text-zinc-400"
        title="Not linked to a job (unverified or no job yet)"
      >
        {truncateMiddle(row.externalJobId)}
      </span>
    ) : (
      <span className="text-zinc-400 dark:text-zinc-500">—</span>
    );
  }
  return (
    <span className="inline-flex items-center gap-2">
      <Link
        href={`/jobs/${row.jobId}`}
        title={row.externalJobId ?? row.jobId}
        className="rounded font-mono text-xs text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-300"
      >
        {truncateMiddle(row.externalJobId ?? row.jobId)}
      </Link>
      <JobStateBadge state={row.jobState} />
    </span>
  );
}

function truncateMiddle(value: string, max = 22): string {
  return value.length <= max ? value : `${value.slice(0, max - 9)}…${value.slice(-8)}`;
}
