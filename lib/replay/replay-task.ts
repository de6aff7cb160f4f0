// The queue's replay_event task (lib/queue/tasks.ts): one event of a bulk replay
// (bulk-replay.ts), sent once to the batch's target.
import { hasBatchAttempt } from "@/lib/attempts/data";
import { recordAttempt } from "@/lib/attempts/mutations";
import { loadForwardSource, type LoadedSource } from "@/lib/forwarding/data";
import { sendOrExplain, unsentAttempt } from "@/lib/forwarding/send-attempt";
import { AppError } from "@/lib/http/app-error";
import type { ReplayJob } from "@/lib/queue/tasks";
import { resolveReplayTarget } from "./target";

export async function runReplayJob(job: ReplayJob): Promise<void> {
  const source = await findSource(job.eventId);
  if (!source) return;
  if (await hasBatchAttempt(job.eventId, job.batchId)) return;
  const target = await resolveReplayTarget(job).catch((error: unknown) =>
    error instanceof AppError ? null : Promise.reject(error),
  );
  const context = {
    eventId: job.eventId,
    deliveryId: source.delivery.id,
    destinationId: target?.destinationId ?? null,
    trigger: "bulk" as const,
    attemptNumber: 1,
    batchId: job.batchId,
  };
  const outcome = target
    ? (await sendOrExplain(source, target)).outcome
    : unsentAttempt(source, job.url ?? "", "the destination was deleted");
  await recordAttempt(context, outcome);
}

async function findSource(eventId: string): Promise<LoadedSource | null> {
  return loadForwardSource(eventId).catch((error: unknown) =>
    error instanceof AppError && error.code === "not_found" ? null : Promise.reject(error),
  );
}
