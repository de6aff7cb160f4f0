// Every event of a job and each of its deliveries, and every poll of the provider's
// status API, in provider order. Both times are shown: the provider's (what the order
// follows) and ours (when it arrived, or when we asked).
import Link from "next/link";
import type { ReactNode } from "react";
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

export type TimelinePoll = {
  id: string;
  trigger: string;
  outcome: string;
  responseStatus: number | null;
  error: string | null;
  state: string | null;
  providerTimestamp: Date | null;
  createdAt: Date;
  durationMs: number | null;
  url: string;
  synthesizedEventId: string | null;
};

/** What the timeline lists: callbacks (events) and polls, already in order. */
export type TimelineEntry =
  | { kind: "event"; id: string; event: TimelineEvent }
  | { kind: "poll"; id: string; poll: TimelinePoll };

const linkClass = "text-indigo-600 hover:underline dark:text-indigo-400";

type Props = {
  entries: TimelineEntry[];
  diffHref: (from: string, to: string) => string;
  compared: { from: string; to: string } | null;
  /** Paths changed since the event before, where known. */
  changeCounts: Map<string, number>;
};

export function Timeline({ entries, diffHref, compared, changeCounts }: Props) {
  return (
    <ol className="relative space-y-0">
      {entries.map((entry, index) => {
        const previous = entries[index - 1];
        const isCompared =
          compared !== null && (compared.from === entry.id || compared.to === entry.id);
        const diffLink = previous && (
          <Link
            href={diffHref(previous.id, entry.id)}
            className={cx(linkClass, "ml-auto text-xs tabular-nums")}
          >
            {changeLabel(changeCounts.get(entry.id), index)}
          </Link>
        );
        const frame = cx(
          "relative border-l-2 py-2.5 pl-5",
          isCompared
            ? "border-indigo-500 bg-indigo-50/60 dark:bg-indigo-950/30"
            : "border-zinc-200 dark:border-zinc-800",
        );
        if (entry.kind === "poll") {
          return (
            <li
              key={entry.id}
              id={`poll-${entry.id}`}
              data-nav-item
              data-testid="timeline-poll"
              className={frame}
            >
              <PollEntry poll={entry.poll} position={index + 1} diffLink={diffLink} />
            </li>
          );
        }
        const { event } = entry;
        return (
          <li key={event.id} data-nav-item data-testid="timeline-event" className={frame}>
            <span
              aria-hidden
              className="absolute top-4 -left-[5px] size-2 rounded-full bg-zinc-400 dark:bg-zinc-500"
            />
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="w-6 text-right text-xs text-zinc-400 tabular-nums">{index + 1}</span>
              <Link
                href={`/events/${encodeURIComponent(event.id)}`}
                className={cx(linkClass, "font-mono text-xs")}
              >
                {visibleText(event.type ?? event.id)}
              </Link>
              <JobStateBadge state={event.state} />
              <span className="text-xs text-zinc-500 dark:text-zinc-400">signature</span>
              <VerificationBadge value={event.verification} />
              {(event.jobId === null || event.verification === "failed") && (
                <Badge
                  tone="amber"
                  title="This callback names the job but did not change its state: its signature check failed"
                >
                  not applied
                </Badge>
              )}
              {diffLink}
            </div>
            <dl className="mt-1 ml-8 grid grid-cols-[max-content_1fr] gap-x-3 text-xs text-zinc-600 dark:text-zinc-400">
              <dt>Provider time</dt>
              <dd>
                {event.providerTimestamp ? (
                  <RelativeTime iso={event.providerTimestamp.toISOString()} />
                ) : (
                  "none (ordered by receipt)"
                )}
              </dd>
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

const OUTCOME_TONE = { succeeded: "green", failed: "red", blocked: "amber" } as const;

/** A poll: a square marker (we asked) instead of the round one (the provider sent). */
function PollEntry({
  poll,
  position,
  diffLink,
}: {
  poll: TimelinePoll;
  position: number;
  diffLink: ReactNode;
}) {
  return (
    <>
      <span aria-hidden className="absolute top-4 -left-[5px] size-2 rotate-45 bg-violet-500" />
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="w-6 text-right text-xs text-zinc-400 tabular-nums">{position}</span>
        <Badge tone="violet">{poll.trigger === "scheduled" ? "scheduled poll" : "poll"}</Badge>
        <JobStateBadge state={poll.state} />
        <Badge tone={OUTCOME_TONE[poll.outcome as keyof typeof OUTCOME_TONE] ?? "neutral"} dot>
          {poll.outcome}
          {poll.responseStatus !== null ? ` · HTTP ${poll.responseStatus}` : ""}
        </Badge>
        {poll.synthesizedEventId && (
          <Link
            href={`/events/${encodeURIComponent(poll.synthesizedEventId)}`}
            className={cx(linkClass, "text-xs")}
          >
            synthesized event
          </Link>
        )}
        {diffLink}
      </div>
      <dl className="mt-1 ml-8 grid grid-cols-[max-content_1fr] gap-x-3 text-xs text-zinc-600 dark:text-zinc-400">
        <dt>Provider time</dt>
        <dd>
          {poll.providerTimestamp ? (
            <RelativeTime iso={poll.providerTimestamp.toISOString()} />
          ) : (
            "none (ordered by when we asked)"
          )}
        </dd>
        <dt>Asked</dt>
        <dd className="min-w-0">
          <RelativeTime iso={poll.createdAt.toISOString()} />
          <span className="text-zinc-400">
            {" "}
            (GET <span className="break-all font-mono">{visibleText(poll.url)}</span>
            {poll.durationMs !== null ? `, ${poll.durationMs} ms` : ""})
          </span>
        </dd>
        {poll.error && (
          <>
            <dt>Error</dt>
            <dd className="text-red-700 dark:text-red-300">{visibleText(poll.error)}</dd>
          </>
        )}
      </dl>
    </>
  );
}

function changeLabel(count: number | undefined, previousPosition: number): string {
  if (count === undefined) return `Diff with #${previousPosition}`;
  if (count === 0) return `No changes since #${previousPosition}`;
  return `${count} ${count === 1 ? "change" : "changes"} since #${previousPosition}`;
}
