// Writes of alert channels and alerts; ownership (the endpoint in the path) is part of
// every where. Alerts that triggers fire are created by the migration's SQL; here only
// a test message someone asks for, and the outcome of each sending attempt.
import { changedFields } from "@/lib/audit/changed-fields";
import { recordAudit } from "@/lib/audit/mutations";
import type { AuditActor } from "@/lib/audit/types";
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/http/app-error";
import { newId } from "@/lib/ids/new-id";
import { sealSecret } from "@/lib/secrets/secret-box";
import { ALERT_TASK } from "@/lib/queue/tasks";
import type { AlertStatus } from "./constants";
import { channelView, withMaskedUrl } from "./data";
import type { CreateAlertChannelInput, UpdateAlertChannelInput } from "./schema";

// Audit details never hold a channel's URL: a Slack webhook URL is itself the credential.
export async function createAlertChannel(
  endpointId: string,
  input: CreateAlertChannelInput,
  actor: AuditActor,
) {
  const endpoint = await getDb().endpoint.findUnique({
    where: { id: endpointId },
    select: { id: true },
  });
  if (!endpoint) throw notFound("endpoint");
  const row = await getDb().$transaction(async (tx) => {
    const created = await tx.alertChannel.create({
      data: { id: newId("ach"), endpointId, ...input, url: sealSecret(input.url) },
      select: channelView,
    });
    const details = { endpointId, kind: input.kind, triggers: [...input.triggers] };
    await recordAudit(
      {
        actor,
        action: "alert_channel.created",
        target: { type: "alert_channel", id: created.id },
        details,
      },
      tx,
    );
    return created;
  });
  return withMaskedUrl(row);
}

export async function updateAlertChannel(
  endpointId: string,
  id: string,
  input: UpdateAlertChannelInput,
  actor: AuditActor,
) {
  try {
    const row = await getDb().$transaction(async (tx) => {
      const updated = await tx.alertChannel.update({
        where: { id, endpointId },
        // Turned on again (or given a new URL) by a person: the old switch-off reason is history.
        data: {
          ...input,
          url: input.url === undefined ? undefined : sealSecret(input.url),
          ...(input.enabled || input.url ? { disabledReason: null } : {}),
        },
        select: channelView,
      });
      await recordAudit(
        {
          actor,
          action: "alert_channel.updated",
          target: { type: "alert_channel", id },
          details: { endpointId, fields: changedFields(input) },
        },
        tx,
      );
      return updated;
    });
    return withMaskedUrl(row);
  } catch (error) {
    // Prisma's "record not found": no such channel on this endpoint.
    if ((error as { code?: unknown }).code === "P2025") throw notFound("alert channel");
    throw error;
  }
}

/** Its alerts stay listed, without a channel. */
export async function deleteAlertChannel(
  endpointId: string,
  id: string,
  actor: AuditActor,
): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.alertChannel.deleteMany({ where: { id, endpointId } });
    if (count === 0) throw notFound("alert channel");
    await recordAudit(
      {
        actor,
        action: "alert_channel.deleted",
        target: { type: "alert_channel", id },
        details: { endpointId },
      },
      tx,
    );
  });
}

/** A test message's alert row, to be sent at once (lib/alerts/send-alert.ts). */
export async function createTestAlert(endpointId: string, channelId: string): Promise<string> {
  const channel = await getDb().alertChannel.findFirst({
    where: { id: channelId, endpointId },
    select: { id: true },
  });
  if (!channel) throw notFound("alert channel");
  const id = newId("alr");
  await getDb().alert.create({
    data: {
      id,
      endpointId,
      channelId,
      type: "test",
      dedupeKey: `test:${id}`,
      path: `/endpoints/${endpointId}`,
    },
  });
  return id;
}

/** switchOff: the reason to turn the channel off (its URL is gone), or null. */
export type AlertOutcome = {
  status: AlertStatus;
  responseStatus: number | null;
  error: string | null;
  nextRetryAt: Date | null;
  switchOff?: string | null;
};

/**
 * Records attempt number `attempt` and, when a retry is due, queues it: one statement,
 * so a retry cannot be lost between the two. Only the first record of an attempt
 * counts (a job run again after a crash finds attempts moved on and changes nothing).
 */
export async function recordAlertOutcome(
  alertId: string,
  attempt: number,
  outcome: AlertOutcome,
): Promise<void> {
  await getDb().$queryRaw`
    WITH updated AS (
      UPDATE alerts SET status = ${outcome.status}::text, attempts = ${attempt}::integer, response_status = ${outcome.responseStatus}::integer,
        error = ${outcome.error}::text, next_retry_at = ${outcome.nextRetryAt}::timestamptz, last_attempt_at = now(),
        sent_at = CASE WHEN ${outcome.status}::text = 'sent' THEN now() END
      WHERE id = ${alertId}::text AND attempts = ${attempt - 1}::integer
      RETURNING id, channel_id
    ),
    switched_off AS (
      UPDATE alert_channels SET enabled = false, disabled_reason = ${outcome.switchOff ?? null}::text, updated_at = now()
      WHERE ${outcome.switchOff ?? null}::text IS NOT NULL AND id = (SELECT channel_id FROM updated)
    )
    SELECT id, CASE WHEN ${outcome.nextRetryAt}::timestamptz IS NOT NULL THEN
      (graphile_worker.add_job(${ALERT_TASK}::text, json_build_object('alertId', id, 'attempt', ${attempt + 1}::integer), run_at := ${outcome.nextRetryAt}::timestamptz)).id
    END AS job_id
    FROM updated`;
}
