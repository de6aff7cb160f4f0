// Sends one alert to its channel through the guarded outbound client and records how
// it went. Alerts are for people, so a few quick retries (INBOX_ALERT_RETRY_SCHEDULE),
// not forwarding's day of them; Retry-After on 429 and 503 is honoured. Answers that
// retrying cannot fix (a revoked Slack webhook answers 403/404) fail at once, and
// when they say the URL is gone the channel is turned off, saying why.
import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/log/logger";
import { appMetrics } from "@/lib/metrics/app-metrics";
import { parseRetryAfter, retryDelayMs } from "@/lib/forwarding/retry-schedule";
import { firstHeader } from "@/lib/http/header-list";
import { sendOutbound, type OutboundResult } from "@/lib/outbound/guarded-fetch";
import type { AlertJob } from "@/lib/queue/tasks";
import type { AlertType } from "./constants";
import { getAlert, loadAlertForSending, type AlertToSend } from "./data";
import { dashboardUrl } from "./links";
import { buildSlackMessage, buildWebhookPayload, type AlertFacts } from "./messages";
import { createTestAlert, recordAlertOutcome, type AlertOutcome } from "./mutations";

const TIMEOUT_MS = 10_000;
/** Enough of an error answer to keep its reason (Slack answers "invalid_token", "no_service" ...). */
const KEPT_RESPONSE_BYTES = 2048;
const REASON_CHARS = 200;
const RETRYABLE_STATUSES = new Set([408, 425, 429]);

const isRetryable = (result: OutboundResult) =>
  result.outcome === "error" ||
  (result.outcome === "response" &&
    (result.status >= 500 || RETRYABLE_STATUSES.has(result.status)));

function alertFacts(alert: AlertToSend): AlertFacts {
  const details = (alert.details ?? {}) as {
    threshold?: unknown;
    minutes?: unknown;
    reason?: unknown;
  };
  return {
    id: alert.id,
    type: alert.type as AlertType,
    occurredAt: alert.createdAt,
    url: dashboardUrl(alert.path),
    endpoint: alert.endpoint,
    job: alert.job,
    event: alert.event,
    burst:
      alert.type === "endpoint.verification_failures"
        ? {
            threshold: Number(details.threshold),
            minutes: Number(details.minutes),
            reason: typeof details.reason === "string" ? details.reason : null,
            failedDeliveriesUrl: dashboardUrl(
              `/?${new URLSearchParams({ endpointId: alert.endpointId, verification: "failed" })}`,
            ),
          }
        : null,
  };
}

function describeFailure(result: OutboundResult): string {
  if (result.outcome === "blocked") return result.reason;
  if (result.outcome === "error") return result.error;
  const reason = result.body.toString("utf8").replace(/\s+/g, " ").trim().slice(0, REASON_CHARS);
  return `the receiver answered ${result.status}${reason ? `: ${reason}` : ""}`;
}

/**
 * Answers that mean the channel's URL is gone for good. Slack's incoming webhooks say
 * 403 invalid_token, 404 no_service or channel_not_found, 410 channel_is_archived; a
 * generic receiver says so with 410, as for destinations.
 */
function goneReason(kind: string, result: OutboundResult): string | null {
  if (result.outcome !== "response") return null;
  const gone = kind === "slack" ? [403, 404, 410].includes(result.status) : result.status === 410;
  return gone ? describeFailure(result) : null;
}

function outcomeOf(
  result: OutboundResult,
  attempt: number,
  retries: boolean,
  kind: string,
): AlertOutcome {
  const responseStatus = result.outcome === "response" ? result.status : null;
  if (responseStatus !== null && responseStatus >= 200 && responseStatus < 300)
    return { status: "sent", responseStatus, error: null, nextRetryAt: null };
  const error = describeFailure(result);
  if (result.outcome === "blocked")
    return { status: "blocked", responseStatus, error, nextRetryAt: null };
  const switchOff = goneReason(kind, result);
  if (switchOff) return { status: "failed", responseStatus, error, nextRetryAt: null, switchOff };
  const now = Date.now();
  const delay =
    retries && isRetryable(result)
      ? retryDelayMs({
          attemptNumber: attempt,
          schedule: getEnv().INBOX_ALERT_RETRY_SCHEDULE,
          status: responseStatus,
          retryAfterMs:
            result.outcome === "response"
              ? parseRetryAfter(firstHeader(result.headers, "retry-after") ?? undefined, now)
              : null,
        })
      : null;
  return delay === null
    ? { status: "failed", responseStatus, error, nextRetryAt: null }
    : { status: "pending", responseStatus, error, nextRetryAt: new Date(now + delay) };
}

/**
 * Sends attempt number `attempt` of an alert unless it went out already (a job run
 * again after a crash). A triggered alert whose channel was turned off or removed
 * meanwhile is skipped; a test goes to a turned-off channel too (that is how one
 * checks it before turning it on).
 */
export async function deliverAlert(
  alertId: string,
  attempt: number,
  options: { retries: boolean },
): Promise<void> {
  const alert = await loadAlertForSending(alertId);
  if (!alert || alert.status !== "pending" || alert.attempts >= attempt) return;
  const { channel } = alert;
  if (!channel || (!channel.enabled && alert.type !== "test")) {
    await recordAlertOutcome(alert.id, attempt, {
      status: "skipped",
      responseStatus: null,
      error: channel ? "the channel was turned off" : "the channel was removed",
      nextRetryAt: null,
    });
    appMetrics().alertAttempts.inc({ kind: channel?.kind ?? "removed", outcome: "skipped" });
    return;
  }
  const facts = alertFacts(alert);
  const isSlack = channel.kind === "slack";
  const body = Buffer.from(
    JSON.stringify(isSlack ? buildSlackMessage(facts) : buildWebhookPayload(facts)),
  );
  const result = await sendOutbound({
    url: channel.url,
    method: "POST",
    headers: [
      ["Content-Type", "application/json"],
      ...(isSlack ? [] : [["X-Inbox-Alert-Id", alert.id] as [string, string]]),
    ],
    body,
    timeoutMs: TIMEOUT_MS,
    maxResponseBytes: KEPT_RESPONSE_BYTES,
  });
  const outcome = outcomeOf(result, attempt, options.retries, channel.kind);
  await recordAlertOutcome(alert.id, attempt, outcome);
  appMetrics().alertAttempts.inc({ kind: channel.kind, outcome: outcome.status });
  getLogger().info(
    {
      alertId: alert.id,
      channelId: channel.id,
      attempt,
      outcome: outcome.status,
      responseStatus: outcome.responseStatus,
      durationMs: result.durationMs,
    },
    "alert attempt",
  );
}

export const runAlertJob = (job: AlertJob) =>
  deliverAlert(job.alertId, job.attempt, { retries: true });

/** POST .../alert-channels/<id>/test: one message now, no retries; answers the recorded alert. */
export async function sendTestAlert(endpointId: string, channelId: string) {
  const alertId = await createTestAlert(endpointId, channelId);
  await deliverAlert(alertId, 1, { retries: false });
  return getAlert(alertId);
}
