// Reads of attempts: an event's attempts newest first (keyset pages), one attempt,
// and the progress of a bulk replay batch.
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/http/app-error";
import { decodeCursor, toPage } from "@/lib/pagination/cursor";

export async function listEventAttempts(eventId: string, page: { limit: number; cursor?: string | undefined }) {
  const cursor = decodeCursor(page.cursor);
  const event = await getDb().event.findUnique({ where: { id: eventId }, select: { id: true } });
  if (!event) throw notFound("event");
  const rows = await getDb().attempt.findMany({
    where: {
      eventId,
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] } : {}),
    },
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
  return getDb().attempt.findUnique({ where: { idempotencyScope_idempotencyKey: { idempotencyScope: scope, idempotencyKey: key } } });
}

export async function getReplayBatchProgress(id: string) {
  const batch = await getDb().replayBatch.findUnique({ where: { id }, select: { id: true, total: true, createdAt: true } });
  if (!batch) throw notFound("replay batch");
  const counts = await getDb().attempt.groupBy({ by: ["status"], where: { batchId: id }, _count: { _all: true } });
  const count = (status: string) => counts.find((row) => row.status === status)?._count._all ?? 0;
  const [succeeded, failed, blocked] = [count("succeeded"), count("failed"), count("blocked")];
  return { id: batch.id, total: batch.total, succeeded, failed, blocked, pending: Math.max(0, batch.total - succeeded - failed - blocked), createdAt: batch.createdAt };
}
