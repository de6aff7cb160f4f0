// The queue's tasks. forward_event: one automatic forward of an event to a
// destination, retried on our own schedule (lib/forwarding/retry-schedule.ts) by
// queueing the next try with run_at, so Retry-After can be honoured. replay_event:
// one event of a bulk replay, sent once.
import { recordAttempt, recordForwardAttempt } from "@/lib/attempts/mutations";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/http/app-error";
import { firstHeader } from "@/lib/http/header-list";
import { resolveReplayTarget } from "@/lib/replay/target";
import { loadForwardJob, loadForwardSource, type LoadedSource } from "./data";
import type { ForwardJob, ReplayJob } from "./queue";
import { forwardFilterTakes } from "./forward-filter";
import { forwardResignMode } from "./resign-policy";
import { parseRetryAfter, retryDelayMs } from "./retry-schedule";
import {
  buildForwardRequest,
  sendAttempt,
  unsentAttempt,
  type AttemptOutcome,
} from "./send-attempt";
import type { Signing } from "./outbound-request";

export async function runForwardJob(job: ForwardJob): Promise<void> {
  // Gone (the event, its endpoint or the destination was deleted): nothing to send.
  const loaded = await loadForwardJob(job);
  if (!loaded) return;
  const { destination, source } = loaded;
  if (!destination.enabled) return;
  if (!forwardFilterTakes(destination.forward, source.verification)) return;
  // A job may run again (a crash after sending, a later verified delivery): what is recorded already went out.
  if (loaded.alreadySent) return;

  // An `all` destination gets failed deliveries too: as received, never signed by us.
  const signing: Signing = {
    mode: forwardResignMode(destination.resign as Signing["mode"], source.delivery.verification),
    secret: destination.signingSecret,
  };
  const { outcome, sent } = await sendOrExplain(source, { url: destination.url, signing });
  const context = {
    eventId: job.eventId,
    deliveryId: source.delivery.id,
    destinationId: destination.id,
    attemptNumber: job.attempt,
  };

  if (outcome.responseStatus === 410) {
    await recordForwardAttempt(context, outcome, {
      retry: null,
      disableReason: "the receiver answered 410 Gone",
    });
    return;
  }
  // Blocked addresses and requests we could not build would fail the same way again.
  const retryable = sent && outcome.status === "failed";
  const now = Date.now();
  const delay = retryable
    ? retryDelayMs({
        attemptNumber: job.attempt,
        schedule: getEnv().INBOX_FORWARD_RETRY_SCHEDULE,
        status: outcome.responseStatus,
        retryAfterMs: parseRetryAfter(
          firstHeader(outcome.responseHeaders ?? [], "retry-after") ?? undefined,
          now,
        ),
      })
    : null;
  const retry =
    delay === null
      ? null
      : { job: { ...job, attempt: job.attempt + 1 }, runAt: new Date(now + delay) };
  await recordForwardAttempt(context, outcome, { retry, disableReason: null });
}

export async function runReplayJob(job: ReplayJob): Promise<void> {
  const source = await findSource(job.eventId);
  if (!source) return;
  const done = await getDb().attempt.count({
    where: { eventId: job.eventId, batchId: job.batchId },
  });
  if (done > 0) return;
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

/** A request that cannot be built (re-signing impossible) is a failed attempt with the reason, not a crash. */
async function sendOrExplain(
  source: LoadedSource,
  target: { url: string; signing: Signing },
): Promise<{ outcome: AttemptOutcome; sent: boolean }> {
  try {
    return { outcome: await sendAttempt(buildForwardRequest(source, target)), sent: true };
  } catch (error) {
    if (error instanceof AppError)
      return { outcome: unsentAttempt(source, target.url, error.message), sent: false };
    throw error;
  }
}
