// Reads of jobs. Lists are newest first by first sighting; a job's events come in
// provider order (the provider's timestamp where it gives one, else arrival).
import { getDb } from "@/lib/db/client";
import { eventSummary, withDeliveryTotals } from "@/lib/events/data";
import { notFound } from "@/lib/http/app-error";
import { decodeCursor, toPage } from "@/lib/pagination/cursor";
import { extractionConfigSchema, providerIdSchema } from "@/lib/providers/schema";
import { isTerminalState, jobStates, terminalJobStates } from "@/lib/job-states/constants";
import type { ListJobsQuery } from "./schema";

/** A job page shows at most this many events; the events API pages through the rest. */
export const JOB_EVENTS_LIMIT = 500;

const jobSummary = {
  id: true,
  endpointId: true,
  provider: true,
  externalId: true,
  state: true,
  stateAt: true,
  outputUrl: true,
  error: true,
  details: true,
  firstSeenAt: true,
  lastEventAt: true,
  missedCallbackAt: true,
  lastPolledAt: true,
  nextPollAt: true,
  overdueAt: true,
  expectTerminalMinutes: true,
  registeredAt: true,
  registeredBy: true,
  registeredVia: true,
  label: true,
  metadata: true,
  endpoint: { select: { name: true } },
} as const;

/**
 * Each job's event count, read for these jobs alone (events_job_id_idx). Not Prisma's
 * `_count`: it joins a count of the whole events table grouped by job, seconds at
 * millions of events for a page of 50 jobs.
 */
async function withEventCounts<T extends { id: string }>(
  jobs: T[],
): Promise<Array<T & { eventCount: number }>> {
  if (jobs.length === 0) return [];
  const rows = await getDb().$queryRaw<Array<{ id: string; count: number }>>`
    SELECT job_id AS id, count(*)::int AS count FROM events
    WHERE job_id = ANY(${jobs.map((job) => job.id)}::text[]) GROUP BY job_id`;
  const counts = new Map(rows.map((row) => [row.id, row.count]));
  return jobs.map((job) => ({ ...job, eventCount: counts.get(job.id) ?? 0 }));
}

/** One job's event count (its page and its API answer). */
async function eventCountOf(job: { id: string }): Promise<number> {
  const [counted] = await withEventCounts([job]);
  return counted?.eventCount ?? 0;
}

export async function listJobs(query: ListJobsQuery, now: Date = new Date()) {
  const cursor = decodeCursor(query.cursor);
  const rows = await getDb().job.findMany({
    where: {
      endpointId: query.endpointId,
      state: query.state,
      provider: query.provider,
      AND: [
        query.view === "failed" ? needsAttention(staleBefore(now, query.staleMinutes)) : {},
        cursor
          ? {
              OR: [
                { firstSeenAt: { lt: cursor.at } },
                { firstSeenAt: cursor.at, id: { lt: cursor.id } },
              ],
            }
          : {},
      ],
    },
    select: jobSummary,
    orderBy: [{ firstSeenAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  return toPage(await withEventCounts(rows), query.limit, (row) => row.firstSeenAt);
}

const unfinishedStates = jobStates.filter((state) => !isTerminalState(state));

export function staleBefore(now: Date, staleMinutes: number): Date {
  return new Date(now.getTime() - staleMinutes * 60_000);
}

/**
 * Where an investigation starts: failed, cancelled, unfinished and silent since
 * `before`, unfinished past their expected window (overdue), or finished by the
 * provider's word without the callback (missed callback).
 */
function needsAttention(before: Date) {
  const givenUp = terminalJobStates.filter((state) => state !== "completed");
  return {
    OR: [
      { state: { in: givenUp } },
      { state: { in: unfinishedStates }, lastEventAt: { lt: before } },
      { missedCallbackAt: { not: null } },
      // Overdue (lib/jobs/mutations.ts) and still unfinished: "no callback since ...".
      { state: { in: unfinishedStates }, overdueAt: { not: null } },
    ],
  };
}

/** The jobs a registration returned, by id (lib/jobs/mutations.ts registerJobs). */
export async function getJobsByIds(ids: readonly string[]) {
  const rows = await getDb().job.findMany({ where: { id: { in: [...ids] } }, select: jobSummary });
  return new Map((await withEventCounts(rows)).map((row) => [row.id, row]));
}

export async function getJob(id: string) {
  const job = await getDb().job.findUnique({
    where: { id },
    select: {
      ...jobSummary,
      events: {
        select: eventSummary,
        orderBy: [{ firstReceivedAt: "asc" }, { id: "asc" }],
        take: JOB_EVENTS_LIMIT,
      },
    },
  });
  if (!job) throw notFound("job");
  return {
    ...job,
    eventCount: await eventCountOf(job),
    events: (await withDeliveryTotals(job.events)).sort(byProviderOrder),
  };
}

type Ordered = { providerTimestamp: Date | null; firstReceivedAt: Date; id: string };

export function byProviderOrder(a: Ordered, b: Ordered): number {
  const at = (a.providerTimestamp ?? a.firstReceivedAt).getTime();
  const bt = (b.providerTimestamp ?? b.firstReceivedAt).getTime();
  return (
    at - bt || a.firstReceivedAt.getTime() - b.firstReceivedAt.getTime() || a.id.localeCompare(b.id)
  );
}

/**
 * A job's events: those applied to it, and those that name it but were not applied (a
 * failed signature leaves job_id empty), which belong to its story too.
 */
export function jobEventsWhere(job: { id: string; endpointId: string; externalId: string }) {
  return {
    OR: [
      { jobId: job.id },
      { endpointId: job.endpointId, externalJobId: job.externalId, jobId: null },
    ],
  };
}

/** A job page: the job, and every event and delivery in provider order. */
export async function getJobTimeline(id: string) {
  const db = getDb();
  const job = await db.job.findUnique({
    where: { id },
    select: { ...jobSummary, endpoint: { select: { id: true, name: true, extraction: true } } },
  });
  if (!job) return null;
  const events = await db.event.findMany({
    where: jobEventsWhere(job),
    select: {
      ...eventSummary,
      payloadDeliveryId: true,
      deliveries: {
        select: {
          id: true,
          receivedAt: true,
          verification: true,
          verificationReason: true,
          responseStatus: true,
          size: true,
        },
        orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
      },
    },
    orderBy: [{ firstReceivedAt: "asc" }, { id: "asc" }],
    take: JOB_EVENTS_LIMIT,
  });
  const { endpoint } = job;
  const extraction =
    endpoint.extraction === null ? null : extractionConfigSchema.parse(endpoint.extraction);
  return {
    ...job,
    eventCount: await eventCountOf(job),
    provider: providerIdSchema.parse(job.provider),
    endpoint: { ...endpoint, extraction },
    events: (await withDeliveryTotals(events)).sort(byProviderOrder),
  };
}

/** The payloads of some of a job's events (the two being compared), by event id. */
export async function getJobEventPayloads(
  job: { id: string; endpointId: string; externalId: string },
  eventIds: string[],
) {
  const rows = await getDb().event.findMany({
    where: { id: { in: eventIds }, ...jobEventsWhere(job) },
    select: { id: true, payload: true },
  });
  return new Map(rows.map((row) => [row.id, row.payload]));
}
