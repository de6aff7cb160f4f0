// The API shapes of alert channels and alerts. Neither carries a channel URL: only
// its masked form (urlHint), made in data.ts.
import type { AlertChannelView, AlertView } from "./data";
import type { AlertChannelResponse, AlertResponse } from "./schema";

export function serializeAlertChannel(row: AlertChannelView): AlertChannelResponse {
  return {
    id: row.id,
    endpointId: row.endpointId,
    kind: row.kind,
    urlHint: row.urlHint,
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    triggers: row.triggers,
    burstThreshold: row.burstThreshold,
    burstMinutes: row.burstMinutes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function serializeAlert(row: AlertView): AlertResponse {
  return {
    id: row.id,
    endpointId: row.endpointId,
    channel: row.channel && {
      id: row.channel.id,
      kind: row.channel.kind,
      urlHint: row.channel.urlHint,
    },
    type: row.type,
    jobId: row.jobId,
    eventId: row.eventId,
    path: row.path,
    details: row.details,
    status: row.status,
    attempts: row.attempts,
    responseStatus: row.responseStatus,
    error: row.error,
    nextRetryAt: row.nextRetryAt?.toISOString() ?? null,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    sentAt: row.sentAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
