// Writes of attempt rows. An automatic attempt is recorded together with its retry
// (or the destination's switch-off on 410) in one transaction, so a retry cannot be
// lost between the two, and it lives in Postgres across restarts.
import { getDb, type Prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { newId } from "@/lib/ids/new-id";
import type { AttemptOutcome } from "@/lib/forwarding/send-attempt";

export type AttemptTrigger = "auto" | "manual" | "bulk";
export type AttemptContext = { eventId: string; deliveryId: string; destinationId: string | null; trigger: AttemptTrigger; attemptNumber: number; batchId?: string | null };

function attemptData(outcome: AttemptOutcome) {
  return {
    url: outcome.url,
    method: outcome.method,
    requestHeaders: outcome.requestHeaders,
    bodySha256: outcome.bodySha256,
    responseStatus: outcome.responseStatus,
    responseHeaders: outcome.responseHeaders ?? undefined,
    responseBody: outcome.responseBody === null ? null : new Uint8Array(outcome.responseBody),
    responseTruncated: outcome.responseTruncated,
    durationMs: outcome.durationMs,
    status: outcome.status,
    error: outcome.error,
  };
}

export async function recordAttempt(
  context: AttemptContext,
  outcome: AttemptOutcome,
  options: { nextRetryAt?: Date | null; alsoRun?: Array<Prisma.PrismaPromise<unknown>> } = {},
): Promise<string> {
  const id = newId("att");
  const { batchId = null, ...rest } = context;
  const create = getDb().attempt.create({ data: { id, ...rest, batchId, ...attemptData(outcome), nextRetryAt: options.nextRetryAt ?? null } });
  // A lone insert is atomic by itself; a transaction only when something goes with it.
  if (options.alsoRun?.length) await getDb().$transaction([create, ...options.alsoRun]);
  else await create;
  return id;
}

/**
 * Claims an idempotency key before a manual replay is sent: the unique index on
 * (scope, key) lets exactly one of two concurrent requests insert the pending row.
 * Returns the new attempt id, or null when the key was used already.
 */
export async function claimAttempt(context: AttemptContext, outcome: Pick<AttemptOutcome, "url" | "method" | "requestHeaders" | "bodySha256">, idempotency: { scope: string; key: string } | null): Promise<string | null> {
  const id = newId("att");
  try {
    await getDb().attempt.create({
      data: { id, ...context, batchId: null, ...outcome, status: "pending", idempotencyScope: idempotency?.scope ?? null, idempotencyKey: idempotency?.key ?? null },
    });
    return id;
  } catch (error) {
    if (idempotency && isUniqueViolation(error)) return null;
    throw error;
  }
}

export async function completeAttempt(id: string, outcome: AttemptOutcome): Promise<void> {
  await getDb().attempt.update({ where: { id }, data: attemptData(outcome) });
}
