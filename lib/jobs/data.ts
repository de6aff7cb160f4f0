// Reads of jobs. Lists are newest first by first sighting; a job's events come in
// provider order (the provider's timestamp where it gives one, else arrival).
import { getDb } from "@/lib/db/client";
import { eventSummary } from "@/lib/events/data";
import { notFound } from "@/lib/http/app-error";
import { decodeCursor, toPage } from "@/lib/pagination/cursor";
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
  _count: { select: { events: true } },
} as const;

export async function listJobs(query: ListJobsQuery) {
  const cursor = decodeCursor(query.cursor);
  const rows = await getDb().job.findMany({
    where: {
      endpointId: query.endpointId,
      state: query.state,
      ...(cursor && { OR: [{ firstSeenAt: { lt: cursor.at } }, { firstSeenAt: cursor.at, id: { lt: cursor.id } }] }),
    },
    select: jobSummary,
    orderBy: [{ firstSeenAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  return toPage(rows, query.limit, (row) => row.firstSeenAt);
}

export async function getJob(id: string) {
  const job = await getDb().job.findUnique({
    where: { id },
    select: { ...jobSummary, events: { select: eventSummary, orderBy: [{ firstReceivedAt: "asc" }, { id: "asc" }], take: JOB_EVENTS_LIMIT } },
  });
  if (!job) throw notFound("job");
  return { ...job, events: job.events.sort(byProviderOrder) };
}

type Ordered = { providerTimestamp: Date | null; firstReceivedAt: Date; id: string };

function byProviderOrder(a: Ordered, b: Ordered): number {
  const at = (a.providerTimestamp ?? a.firstReceivedAt).getTime();
  const bt = (b.providerTimestamp ?? b.firstReceivedAt).getTime();
  return at - bt || a.firstReceivedAt.getTime() - b.firstReceivedAt.getTime() || a.id.localeCompare(b.id);
}
