// What the job page shows, decided outside the page: the order of a job's callbacks
// and polls, which payloads fit the budget for change counts, and which two entries
// the payload diff compares. Pure functions over what lib/jobs/data.ts and
// lib/polling/data.ts read, so they are unit-tested (tests/unit/job-timeline.test.ts).
import { diffJson } from "@/lib/diff/json-diff";
import { hasIdPrefix } from "@/lib/ids/schema";

/** What ordering needs of an event (a callback). */
type OrderedEvent = { id: string; providerTimestamp: Date | null; firstReceivedAt: Date };
/** What ordering needs of a poll, and the deliveries it synthesized (when it found a missed callback). */
type OrderedPoll = {
  id: string;
  providerTimestamp: Date | null;
  createdAt: Date;
  deliveries: Array<{ eventId: string }>;
};

/** One line of the timeline: a callback (event) or a poll. */
export type TimelineLine<E, P> =
  | { kind: "event"; id: string; event: E }
  | { kind: "poll"; id: string; poll: P & { synthesizedEventId: string | null } };

/**
 * Callbacks and polls in one list, in provider order: provider time, else when it
 * arrived (or when we asked); ties by that, then by id, so the order is stable.
 */
export function timelineEntries<E extends OrderedEvent, P extends OrderedPoll>(
  events: E[],
  polls: P[],
): Array<TimelineLine<E, P>> {
  const entries: Array<{ line: TimelineLine<E, P>; at: number; seen: number }> = [
    ...events.map((event) => ({
      line: { kind: "event" as const, id: event.id, event },
      at: (event.providerTimestamp ?? event.firstReceivedAt).getTime(),
      seen: event.firstReceivedAt.getTime(),
    })),
    ...polls.map((poll) => ({
      line: {
        kind: "poll" as const,
        id: poll.id,
        poll: { ...poll, synthesizedEventId: poll.deliveries[0]?.eventId ?? null },
      },
      at: (poll.providerTimestamp ?? poll.createdAt).getTime(),
      seen: poll.createdAt.getTime(),
    })),
  ];
  return entries
    .sort((a, b) => a.at - b.at || a.seen - b.seen || a.line.id.localeCompare(b.line.id))
    .map(({ line }) => line);
}

/** Payloads read to count each event's changes against the one before it, in total at most this. */
export const SUMMARY_BUDGET_BYTES = 4 * 1024 * 1024;

type SizedEvent = {
  id: string;
  payloadDeliveryId: string;
  deliveries: Array<{ id: string; size: number }>;
};

/** The events (in order) whose payloads fit the budget together; a job's usual few callbacks all do. */
export function withinBudget(events: SizedEvent[], budgetBytes = SUMMARY_BUDGET_BYTES): string[] {
  let total = 0;
  const ids: string[] = [];
  for (const event of events) {
    total += event.deliveries.find((d) => d.id === event.payloadDeliveryId)?.size ?? 0;
    if (total > budgetBytes) break;
    ids.push(event.id);
  }
  return ids;
}

/** For each entry after the first, how many paths differ from the one before it (when both were read). */
export function countChanges(
  entries: Array<{ id: string }>,
  read: string[],
  payloads: Map<string, unknown>,
): Map<string, number> {
  const isRead = new Set(read);
  const counts = new Map<string, number>();
  entries.forEach((entry, index) => {
    const previous = entries[index - 1];
    if (previous && isRead.has(previous.id) && isRead.has(entry.id)) {
      counts.set(
        entry.id,
        diffJson(payloads.get(previous.id) ?? null, payloads.get(entry.id) ?? null).length,
      );
    }
  });
  return counts;
}

/**
 * The two entries to compare: the ones named in the URL when both belong to the job;
 * `to` alone compares it with the one before it; otherwise the last two.
 */
export function comparedPair(
  entries: Array<{ id: string }>,
  wanted: { from?: string | undefined; to?: string | undefined },
): { from: string; to: string } | null {
  const find = (id: string | undefined) => entries.find((entry) => entry.id === id);
  const from = find(wanted.from);
  const to = find(wanted.to);
  if (from && to) return { from: from.id, to: to.id };
  const last = to ? entries.indexOf(to) : entries.length - 1;
  const target = entries[last];
  const previous = entries[last - 1];
  return target && previous ? { from: previous.id, to: target.id } : null;
}

/** An event's page, or a poll's place in the timeline (polls have no page of their own). */
export function entryHref(id: string): string {
  return hasIdPrefix(id, "pol") ? `#poll-${id}` : `/events/${encodeURIComponent(id)}`;
}

type LabelledLine = TimelineLine<
  { type: string | null; state: string | null },
  { state: string | null }
>;

/** "#3 job.completed", "#4 poll": how the checks and the diff name an entry. */
export function entryLabels(entries: LabelledLine[]): Map<string, string> {
  return new Map(
    entries.map((entry, index) => [
      entry.id,
      `#${index + 1} ${entry.kind === "poll" ? "poll" : (entry.event.type ?? "event")}`,
    ]),
  );
}

/** The diff picker's choices, in timeline order. */
export function diffChoices(
  entries: LabelledLine[],
): Array<{ id: string; type: string | null; state: string | null }> {
  return entries.map((entry) =>
    entry.kind === "poll"
      ? { id: entry.id, type: "poll", state: entry.poll.state }
      : { id: entry.id, type: entry.event.type, state: entry.event.state },
  );
}

/**
 * The events whose payloads the page reads: those within the budget (change counts),
 * the completions (their output URL, for the checks) and the compared pair's events.
 */
export function eventPayloadsToRead(
  events: Array<{ id: string; state: string | null }>,
  summarised: string[],
  pair: { from: string; to: string } | null,
): string[] {
  const eventIds = new Set(events.map((event) => event.id));
  return [
    ...new Set([
      ...summarised,
      ...completedEvents(events),
      ...(pair ? [pair.from, pair.to].filter((id) => eventIds.has(id)) : []),
    ]),
  ];
}

/** The events that report the job completed (a job has one or two). */
export function completedEvents(events: Array<{ id: string; state: string | null }>): string[] {
  return events.filter((event) => event.state === "completed").map((event) => event.id);
}
