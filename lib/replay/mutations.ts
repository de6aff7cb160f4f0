// Writes of bulk replay batches: the batch row and one queue job per event, in one
// transaction, so a batch never exists without its jobs or the other way round.
import { auditStatement } from "@/lib/audit/mutations";
import type { AuditEntryInput } from "@/lib/audit/types";
import { getDb, type Prisma } from "@/lib/db/client";
import { REPLAY_TASK, type ReplayJob } from "@/lib/queue/tasks";

export type NewReplayBatch = {
  id: string;
  createdBy: string;
  /** The request as JSON (storedRequest in bulk-replay.ts). */
  request: Record<string, unknown>;
  idempotency: { scope: string; key: string } | null;
};

/** `audit`: the entry that says who started it, committed with the batch. */
export async function createReplayBatch(
  batch: NewReplayBatch,
  eventIds: string[],
  job: Omit<ReplayJob, "eventId" | "batchId">,
  audit: AuditEntryInput,
): Promise<void> {
  const { idempotency, request, ...row } = batch;
  await getDb().$transaction([
    getDb().replayBatch.create({
      data: {
        ...row,
        request: request as Prisma.InputJsonObject,
        total: eventIds.length,
        idempotencyScope: idempotency?.scope ?? null,
        idempotencyKey: idempotency?.key ?? null,
      },
    }),
    enqueueReplaysStatement(eventIds, { ...job, batchId: batch.id }),
    auditStatement(audit),
  ]);
}

/** One bulk-replay job per event, queued in one statement. */
function enqueueReplaysStatement(
  eventIds: string[],
  job: Omit<ReplayJob, "eventId">,
): Prisma.PrismaPromise<unknown> {
  return getDb().$executeRaw`SELECT 1 FROM unnest(${eventIds}::text[]) AS e(id)
    CROSS JOIN LATERAL graphile_worker.add_job(${REPLAY_TASK}, (${JSON.stringify(job)}::jsonb || jsonb_build_object('eventId', e.id))::json) j`;
}
