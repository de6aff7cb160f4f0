// Writes of bulk replay batches: the batch row and one queue job per event, in one
// transaction, so a batch never exists without its jobs or the other way round.
import { getDb, type Prisma } from "@/lib/db/client";
import { enqueueReplaysStatement, type ReplayJob } from "@/lib/forwarding/queue";

export type NewReplayBatch = {
  id: string;
  createdBy: string;
  /** The request as JSON (storedRequest in bulk-replay.ts). */
  request: Record<string, unknown>;
  idempotency: { scope: string; key: string } | null;
};

export async function createReplayBatch(batch: NewReplayBatch, eventIds: string[], job: Omit<ReplayJob, "eventId" | "batchId">): Promise<void> {
  const { idempotency, request, ...row } = batch;
  await getDb().$transaction([
    getDb().replayBatch.create({
      data: { ...row, request: request as Prisma.InputJsonObject, total: eventIds.length, idempotencyScope: idempotency?.scope ?? null, idempotencyKey: idempotency?.key ?? null },
    }),
    enqueueReplaysStatement(eventIds, { ...job, batchId: batch.id }),
  ]);
}
