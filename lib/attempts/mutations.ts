// Writes of attempt rows. An automatic attempt is recorded together with its retry
// (or the destination's switch-off on 410) in one statement, so a retry cannot be
// lost between the two, and it lives in Postgres across restarts.
import { getDb, getPool } from "@/lib/db/client";
import { namedParameters } from "@/lib/db/named-parameters";
import { isUniqueViolation } from "@/lib/db/errors";
import { newId } from "@/lib/ids/new-id";
import { FORWARD_TASK, forwardJobKey, type ForwardJob } from "@/lib/queue/tasks";
import type { AttemptOutcome } from "@/lib/forwarding/send-attempt";
import { getLogger } from "@/lib/log/logger";
import { appMetrics } from "@/lib/metrics/app-metrics";

export type AttemptTrigger = "auto" | "manual" | "bulk";
export type AttemptContext = {
  eventId: string;
  deliveryId: string;
  destinationId: string | null;
  trigger: AttemptTrigger;
  attemptNumber: number;
  batchId?: string | null;
};

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

/** A replay's attempt (bulk replays record theirs once the request is done). */
export async function recordAttempt(
  context: AttemptContext,
  outcome: AttemptOutcome,
): Promise<string> {
  const id = newId("att");
  const { batchId = null, ...rest } = context;
  await getDb().attempt.create({ data: { id, ...rest, batchId, ...attemptData(outcome) } });
  logAttempt(
    context.trigger,
    { attemptId: id, eventId: context.eventId, destinationId: context.destinationId ?? null },
    outcome,
  );
  return id;
}

/** What follows a failed automatic forward: its next try, or the destination's switch-off. */
export type ForwardFollowUp = {
  retry: { job: ForwardJob; runAt: Date } | null;
  disableReason: string | null;
};

/**
 * An automatic forward's attempt, with its retry or its destination's switch-off, in
 * ONE statement on the pool: atomic without a transaction (a retry is never lost
 * between two writes), and less worker CPU per forward than the same through Prisma
 * (README, "Benchmark" > "Numbers behind the code"): the queue's drain rate is made of it.
 */
export async function recordForwardAttempt(
  context: Omit<AttemptContext, "trigger" | "batchId">,
  outcome: AttemptOutcome,
  followUp: ForwardFollowUp,
): Promise<void> {
  const { retry } = followUp;
  const id = newId("att");
  await getPool().query({
    name: "record-forward-attempt",
    text: RECORD_FORWARD.text,
    values: RECORD_FORWARD.values({
      id,
      eventId: context.eventId,
      deliveryId: context.deliveryId,
      destinationId: context.destinationId,
      url: outcome.url,
      method: outcome.method,
      requestHeaders: JSON.stringify(outcome.requestHeaders),
      bodySha256: outcome.bodySha256,
      responseStatus: outcome.responseStatus,
      responseHeaders:
        outcome.responseHeaders === null ? null : JSON.stringify(outcome.responseHeaders),
      responseBody: outcome.responseBody,
      responseTruncated: outcome.responseTruncated,
      durationMs: outcome.durationMs,
      status: outcome.status,
      error: outcome.error,
      attemptNumber: context.attemptNumber,
      nextRetryAt: retry?.runAt ?? null,
      retryPayload: retry ? JSON.stringify(retry.job) : null,
      retryKey: retry ? forwardJobKey(retry.job.eventId, retry.job.destinationId) : null,
      disableReason: followUp.disableReason,
    }),
  });
  logAttempt(
    "auto",
    {
      attemptId: id,
      eventId: context.eventId,
      destinationId: context.destinationId,
      attemptNumber: context.attemptNumber,
      retryAt: retry?.runAt ?? null,
    },
    outcome,
  );
}

/**
 * One log line per outbound attempt (forward or replay): ids, outcome, status, duration;
 * never the URL or bodies. And the attempt counted in the metrics, once it is recorded.
 */
function logAttempt(
  trigger: AttemptTrigger,
  ids: Record<string, unknown>,
  outcome: AttemptOutcome,
): void {
  const metrics = appMetrics();
  const labels = { trigger, outcome: outcome.status };
  metrics.attempts.inc(labels);
  // Unsent attempts (blocked, a request that could not be built) took no time on the wire.
  if (outcome.durationMs !== null)
    metrics.attemptDuration.observe(labels, outcome.durationMs / 1000);
  getLogger().info(
    {
      ...ids,
      trigger,
      outcome: outcome.status,
      responseStatus: outcome.responseStatus,
      durationMs: outcome.durationMs,
    },
    "attempt",
  );
}

// Data-modifying CTEs always run; the SELECT ones run because the last line reads
// them, and their WHERE on a parameter alone is checked before add_job is called.
const RECORD_FORWARD = namedParameters(`
  WITH attempt AS (
    INSERT INTO attempts (id, event_id, delivery_id, destination_id, url, method, request_headers, body_sha256,
                          response_status, response_headers, response_body, response_truncated, duration_ms,
                          status, error, attempt_number, trigger, next_retry_at)
    VALUES (:id, :eventId, :deliveryId, :destinationId, :url, :method, :requestHeaders::jsonb, :bodySha256,
            :responseStatus::integer, :responseHeaders::jsonb, :responseBody::bytea, :responseTruncated::boolean, :durationMs::integer,
            :status, :error::text, :attemptNumber::integer, 'auto', :nextRetryAt::timestamptz)
    RETURNING id
  ),
  retry AS (
    SELECT j.id FROM graphile_worker.add_job('${FORWARD_TASK}', :retryPayload::json, run_at := :nextRetryAt::timestamptz, job_key := :retryKey::text) j
    WHERE :retryPayload::text IS NOT NULL
  ),
  disabled AS (
    UPDATE destinations SET enabled = false, disabled_reason = :disableReason::text, updated_at = now()
    WHERE id = :destinationId AND :disableReason::text IS NOT NULL
    RETURNING id
  )
  SELECT (SELECT count(*) FROM attempt) AS recorded, (SELECT count(*) FROM retry) AS retries, (SELECT count(*) FROM disabled) AS disabled`);

/**
 * Claims an idempotency key before a manual replay is sent: the unique index on
 * (scope, key) lets exactly one of two concurrent requests insert the pending row.
 * Returns the new attempt id, or null when the key was used already.
 */
export async function claimAttempt(
  context: AttemptContext,
  outcome: Pick<AttemptOutcome, "url" | "method" | "requestHeaders" | "bodySha256">,
  idempotency: { scope: string; key: string } | null,
): Promise<string | null> {
  const id = newId("att");
  try {
    await getDb().attempt.create({
      data: {
        id,
        ...context,
        batchId: null,
        ...outcome,
        status: "pending",
        idempotencyScope: idempotency?.scope ?? null,
        idempotencyKey: idempotency?.key ?? null,
      },
    });
    return id;
  } catch (error) {
    if (idempotency && isUniqueViolation(error)) return null;
    throw error;
  }
}

export async function completeAttempt(id: string, outcome: AttemptOutcome): Promise<void> {
  await getDb().attempt.update({ where: { id }, data: attemptData(outcome) });
  logAttempt("manual", { attemptId: id }, outcome);
}
