// Reads of attempts: newest first in keyset pages, of one event, of a job's events or
// of a bulk replay batch; one attempt; one by its idempotency key.
import { getDb, type Prisma } from "@/lib/db/client";
import { notFound } from "@/lib/http/app-error";
import { jobEventsWhere } from "@/lib/jobs/data";
import { decodeCursor, toPage } from "@/lib/pagination/cursor";

type PageParams = { limit: number; cursor?: string | undefined };

export async function listEventAttempts(eventId: string, page: PageParams) {
  const event = await getDb().event.findUnique({ where: { id: eventId }, select: { id: true } });
  if (!event) throw notFound("event");
  return pageOfAttempts({ eventId }, page);
}

/** Attempts of every event of the job (those not applied to it too, as on its page). */
export async function listJobAttempts(jobId: string, page: PageParams) {
  return pageOfAttempts({ event: jobEventsWhere(await findJobKey(jobId)) }, page);
}

export async function countJobAttempts(jobId: string): Promise<number> {
  return getDb().attempt.count({ where: { event: jobEventsWhere(await findJobKey(jobId)) } });
}

export async function listBatchAttempts(batchId: string, page: PageParams) {
  return pageOfAttempts({ batchId }, page);
}

async function findJobKey(jobId: string) {
  const job = await getDb().job.findUnique({
    where: { id: jobId },
    select: { id: true, endpointId: true, externalId: true },
  });
  if (!job) throw notFound("job");
  return job;
}

/** With each attempt's event type, for lists that span several events. */
async function pageOfAttempts(where: Prisma.AttemptWhereInput, page: PageParams) {
  const cursor = decodeCursor(page.cursor);
  const rows = await getDb().attempt.findMany({
    where: {
      AND: [
        where,
        cursor
          ? {
              OR: [
                { createdAt: { lt: cursor.at } },
                { createdAt: cursor.at, id: { lt: cursor.id } },
              ],
            }
          : {},
      ],
    },
    include: { event: { select: { type: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.limit + 1,
  });
  return toPage(rows, page.limit, (row) => row.createdAt);
}

export async function getAttempt(id: string) {
  const row = await getDb().attempt.findUnique({ where: { id } });
  if (!row) throw notFound("attempt");
  return row;
}

export async function findAttemptByIdempotencyKey(scope: string, key: string) {
  return getDb().attempt.findUnique({
    where: { idempotencyScope_idempotencyKey: { idempotencyScope: scope, idempotencyKey: key } },
  });
}

/** Whether this event already has its attempt of this bulk-replay batch (a job may run twice). */
export async function hasBatchAttempt(eventId: string, batchId: string): Promise<boolean> {
  return (await getDb().attempt.count({ where: { eventId, batchId } })) > 0;
}
