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

/**
 * A job replay: the batch row and one queue job per event, in the batch's own queue
 * (graphile-worker runs a named queue's jobs one at a time, in run_at order), each due
 * `offsetMs` after now. Every offset is at least 1 ms past the one before it, so the
 * provider order holds even for events sent back to back.
 */
export async function createJobReplayBatch(
  batch: NewReplayBatch,
  sends: Array<{ eventId: string; offsetMs: number }>,
  job: Omit<ReplayJob, "eventId" | "batchId">,
  audit: AuditEntryInput,
): Promise<void> {
  const { idempotency, request, ...row } = batch;
  const eventIds = sends.map((send) => send.eventId);
  const offsets = sends.map((send, index) => send.offsetMs + index);
  const payload = JSON.stringify({ ...job, batchId: batch.id });
  const queueName = `replay:${batch.id}`;
  await getDb().$transaction([
    getDb().replayBatch.create({
      data: {
        ...row,
        request: request as Prisma.InputJsonObject,
        total: sends.length,
        idempotencyScope: idempotency?.scope ?? null,
        idempotencyKey: idempotency?.key ?? null,
      },
    }),
    getDb()
      .$executeRaw`SELECT 1 FROM unnest(${eventIds}::text[], ${offsets}::bigint[]) AS e(id, offset_ms)
      CROSS JOIN LATERAL graphile_worker.add_job(${REPLAY_TASK},
        (${payload}::jsonb || jsonb_build_object('eventId', e.id))::json,
        queue_name := ${queueName}::text,
        run_at := now() + e.offset_ms * interval '1 millisecond') j`,
    auditStatement(audit),
  ]);
}
