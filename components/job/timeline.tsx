// Every event of a job and each of its deliveries, in provider order. Both times are
// shown: the provider's (what the order follows) and ours (when it arrived).
import Link from "next/link";
import { JobStateBadge, VerificationBadge } from "@/components/domain-badges";
import { visibleText } from "@/components/json/visible-text";
import { Badge } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import { RelativeTime } from "@/components/ui/relative-time";

export type TimelineEvent = {
  id: string;
  jobId: string | null;
  type: string | null;
  state: string | null;
  verification: string;
  providerTimestamp: Date | null;
  firstReceivedAt: Date;
  deliveryCount: number;
  deliveries: Array<{ id: string; receivedAt: Date; verification: string; responseStatus: number }>;
};

const linkClass = "text-indigo-600 hover:underline dark:text-indigo-400";

type Props = {
  events: TimelineEvent[];
  diffHref: (from: string, to: string) => string;
  compared: { from: string; to: string } | null;
  /** Paths changed since the event before, where known. */
  changeCounts: Map<string, number>;
};

export function Timeline({ events, diffHref, compared, changeCounts }: Props) {
  return (
    <ol className="relative space-y-0">
      {events.map((event, index) => {
        const previous = events[index - 1];
        const isCompared = compared !== null && (compared.from === event.id || compared.to === event.id);
        return (
          <li
            key={event.id}
            data-nav-item
            data-testid="timeline-event"
            className={cx(
              "relative border-l-2 py-2.5 pl-5",
              isCompared ? "border-indigo-500 bg-indigo-50/60 dark:bg-indigo-950/30" : "border-zinc-200 dark:border-zinc-800",
            )}
          >
            <span aria-hidden className="absolute top-4 -left-[5px] size-2 rounded-full bg-zinc-400 dark:bg-zinc-500" />
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="w-6 text-right text-xs text-zinc-400 tabular-nums">{index + 1}</span>
              <Link href={`/events/${encodeURIComponent(event.id)}`} className={cx(linkClass, "font-mono text-xs")}>
                {visibleText(event.type ?? event.id)}
              </Link>
              <JobStateBadge state={event.state} />
              <span className="text-xs text-zinc-500 dark:text-zinc-400">signature</span>
              <VerificationBadge value={event.verification} />
              {(event.jobId === null || event.verification === "failed") && (
                <Badge tone="amber" title="This callback names the job but did not change its state: its signature check failed">
                  not applied
                </Badge>
              )}
              {previous && (
                <Link href={diffHref(previous.id, event.id)} className={cx(linkClass, "ml-auto text-xs tabular-nums")}>
                  {changeLabel(changeCounts.get(event.id), index)}
                </Link>
              )}
            </div>
            <dl className="mt-1 ml-8 grid grid-cols-[max-content_1fr] gap-x-3 text-xs text-zinc-600 dark:text-zinc-400">
              <dt>Provider time</dt>
              <dd>{event.providerTimestamp ? <RelativeTime iso={event.providerTimestamp.toISOString()} /> : "none (ordered by receipt)"}</dd>
              <dt>Received</dt>
              <dd>
                <ul className="flex flex-wrap gap-x-3">
                  {event.deliveries.map((delivery, n) => (
                    <li key={delivery.id} className="tabular-nums">
                      <RelativeTime iso={delivery.receivedAt.toISOString()} />
                      <span className="text-zinc-400">
                        {" "}
                        ({event.deliveries.length > 1 ? `delivery ${n + 1}, ` : ""}
                        {delivery.verification}, answered {delivery.responseStatus})
                      </span>
                    </li>
                  ))}
                </ul>
              </dd>
            </dl>
          </li>
        );
      })}
    </ol>
  );
}

function changeLabel(count: number | undefined, previousPosition: number): string {
  if (count === undefined) return `Diff with #${previousPosition}`;
  if (count === 0) return `No changes since #${previousPosition}`;
  return `${count} ${count === 1 ? "change" : "changes"} since #${previousPosition}`;
}
