// Reads of bulk replay batches: what was asked, who asked, and how far it got (its
// attempts by outcome; events without an attempt yet are pending).
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/http/app-error";
import { byProviderOrder, JOB_EVENTS_LIMIT, jobEventsWhere } from "@/lib/jobs/data";
import { bulkReplaySchema, storedJobReplaySchema } from "./schema";

export async function getReplayBatch(id: string) {
  const batch = await getDb().replayBatch.findUnique({
    where: { id },
    select: { id: true, total: true, request: true, createdBy: true, createdAt: true },
  });
  if (!batch) throw notFound("replay batch");
  const counts = await getDb().attempt.groupBy({
    by: ["status"],
    where: { batchId: id },
    _count: { _all: true },
  });
  const count = (status: string) => counts.find((row) => row.status === status)?._count._all ?? 0;
  const [succeeded, failed, blocked] = [count("succeeded"), count("failed"), count("blocked")];
  // Batches from before the request was stored have none to show.
  // A job replay's request (it names a jobId) would also pass the bulk schema, which ignores unknown keys.
  const jobReplay = storedJobReplaySchema.safeParse(batch.request);
  const request = jobReplay.success ? null : bulkReplaySchema.safeParse(batch.request);
  return {
    ...batch,
    request: request?.success ? request.data : null,
    /** Set for a job's replay (POST /api/jobs/<id>/replay): which job, timing and speed. */
    jobReplay: jobReplay.success ? jobReplay.data : null,
    succeeded,
    failed,
    blocked,
    pending: Math.max(0, batch.total - succeeded - failed - blocked),
  };
}

export async function findReplayBatchByKey(idempotency: { scope: string; key: string }) {
  return getDb().replayBatch.findUnique({
    where: {
      idempotencyScope_idempotencyKey: {
        idempotencyScope: idempotency.scope,
        idempotencyKey: idempotency.key,
      },
    },
    select: { id: true, total: true, request: true },
  });
}

/** The email of whoever started a batch, or null for the operator token (or a person since removed). */
export async function findStarterEmail(createdBy: string): Promise<string | null> {
  if (createdBy === "operator") return null;
  const user = await getDb().user.findUnique({ where: { id: createdBy }, select: { email: true } });
  return user?.email ?? null;
}

/** The events a job replay sends: the job's story (as its page shows it), in provider order. */
export async function listJobReplayEvents(jobId: string) {
  const job = await getDb().job.findUnique({
    where: { id: jobId },
    select: { id: true, endpointId: true, externalId: true },
  });
  if (!job) throw notFound("job");
  const events = await getDb().event.findMany({
    where: jobEventsWhere(job),
    select: {
      id: true,
      verification: true,
      providerTimestamp: true,
      firstReceivedAt: true,
    },
    orderBy: [{ firstReceivedAt: "asc" }, { id: "asc" }],
    take: JOB_EVENTS_LIMIT,
  });
  return events.sort(byProviderOrder);
}
