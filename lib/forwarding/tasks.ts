// The queue's forward_event task (lib/queue/tasks.ts): one automatic forward of an event
// to a destination, retried on our own schedule (lib/forwarding/retry-schedule.ts) by
// queueing the next try with run_at, so Retry-After can be honoured.
import { recordForwardAttempt } from "@/lib/attempts/mutations";
import { getEnv } from "@/lib/env";
import { firstHeader } from "@/lib/http/header-list";
import type { ForwardJob } from "@/lib/queue/tasks";
import { loadForwardJob } from "./data";
import { forwardFilterTakes } from "./forward-filter";
import { forwardResignMode } from "./resign-policy";
import { parseRetryAfter, retryDelayMs } from "./retry-schedule";
import { sendOrExplain } from "./send-attempt";
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
