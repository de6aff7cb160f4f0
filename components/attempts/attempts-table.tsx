// Attempts (automatic forwards, replays) newest first: outcome, target and timing. The
// event, job and bulk replay pages all list them this way; the job and replay pages
// add a column linking each attempt to its event.
import Link from "next/link";
import { visibleText } from "@/components/json/visible-text";
import { Badge, type Tone } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, type Column } from "@/components/ui/table";

const STATUS_TONE: Record<string, Tone> = {
  succeeded: "green",
  failed: "red",
  blocked: "amber",
  pending: "neutral",
};

export type AttemptRow = {
  id: string;
  eventId: string;
  /** The bulk replay that sent it, if one did. */
  batchId: string | null;
  url: string;
  method: string;
  status: string;
  responseStatus: number | null;
  error: string | null;
  durationMs: number | null;
  attemptNumber: number;
  trigger: string;
  nextRetryAt: Date | null;
  createdAt: Date;
  /** Present where the list spans several events. */
  event?: { type: string | null };
};

const WHEN: Column = { label: "When" };
const DETAILS: Column[] = [
  { label: "Outcome" },
  { label: "Target" },
  { label: "How" },
  { label: "Took", align: "right" },
];

export function AttemptsTable({
  attempts,
  caption,
  withEvent = false,
}: {
  attempts: AttemptRow[];
  caption: string;
  withEvent?: boolean;
}) {
  return (
    <Table
      caption={caption}
      columns={withEvent ? [WHEN, { label: "Event" }, ...DETAILS] : [WHEN, ...DETAILS]}
      density="compact"
    >
      {attempts.map((attempt) => (
        <tr key={attempt.id} data-testid="attempt-row" className="align-top">
          <td className="whitespace-nowrap">
            <RelativeTime iso={attempt.createdAt.toISOString()} />
          </td>
          {withEvent && (
            <td className="max-w-56 truncate">
              <Link
                href={`/events/${encodeURIComponent(attempt.eventId)}`}
                className="font-mono text-indigo-600 hover:underline dark:text-indigo-400"
              >
                {visibleText(attempt.event?.type ?? attempt.eventId)}
              </Link>
            </td>
          )}
          <td>
            <span className="flex flex-wrap items-center gap-1.5">
              <Badge tone={STATUS_TONE[attempt.status] ?? "neutral"} dot>
                {attempt.status}
              </Badge>
              {attempt.responseStatus !== null && (
                <span className="font-mono">HTTP {attempt.responseStatus}</span>
              )}
              {attempt.error && (
                <span className="text-zinc-600 dark:text-zinc-400">
                  {visibleText(attempt.error)}
                </span>
              )}
              {attempt.nextRetryAt && (
                <span className="text-zinc-500 dark:text-zinc-400">
                  retry <RelativeTime iso={attempt.nextRetryAt.toISOString()} />
                </span>
              )}
            </span>
          </td>
          <td className="max-w-md font-mono break-all">
            {attempt.method} {visibleText(attempt.url)}
          </td>
          <td className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
            {attempt.batchId ? (
              <Link
                href={`/replays/${encodeURIComponent(attempt.batchId)}`}
                className="text-indigo-600 hover:underline dark:text-indigo-400"
              >
                {attempt.trigger}
              </Link>
            ) : (
              attempt.trigger
            )}{" "}
            #{attempt.attemptNumber}
          </td>
          <td className="text-right tabular-nums">
            {attempt.durationMs === null ? "—" : `${attempt.durationMs} ms`}
          </td>
        </tr>
      ))}
    </Table>
  );
}
