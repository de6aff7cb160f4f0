// API shapes of polling settings and polls. The credential never appears: only
// whether one is stored. A poll's request headers hold it masked already.
import { serializeResponse } from "@/lib/attempts/serialize";
import type { Prisma } from "@/lib/db/client";
import type { PollingView } from "./data";
import { getPollPreset } from "./presets";
import type { PollingSettingsResponse, PollResponse } from "./schema";

export function serializePollingSettings(view: PollingView): PollingSettingsResponse {
  const { callbackPart: _reader, ...preset } = getPollPreset(view.provider);
  return {
    enabled: view.settings !== null,
    ...(view.settings ?? {
      baseUrl: null,
      pathTemplate: null,
      credentialHeader: null,
      credentialPrefix: "",
    }),
    hasCredential: view.hasCredential,
    expectTerminalMinutes: view.expectTerminalMinutes,
    preset,
  };
}

type PollRow = {
  id: string;
  jobId: string;
  endpointId: string;
  trigger: string;
  url: string;
  requestHeaders: Prisma.JsonValue;
  responseStatus: number | null;
  responseHeaders: Prisma.JsonValue;
  responseBody: Uint8Array | null;
  responseTruncated: boolean;
  durationMs: number | null;
  outcome: string;
  error: string | null;
  payload: Prisma.JsonValue;
  state: string | null;
  providerTimestamp: Date | null;
  outputUrl: string | null;
  createdAt: Date;
  deliveries: Array<{ id: string; eventId: string }>;
};

export function serializePoll(row: PollRow): PollResponse {
  const synthesized = row.deliveries[0] ?? null;
  return {
    id: row.id,
    jobId: row.jobId,
    endpointId: row.endpointId,
    trigger: row.trigger,
    url: row.url,
    requestHeaders: row.requestHeaders,
    outcome: row.outcome,
    ...serializeResponse(row),
    error: row.error,
    payload: row.payload,
    state: row.state,
    providerTimestamp: row.providerTimestamp?.toISOString() ?? null,
    outputUrl: row.outputUrl,
    synthesizedEventId: synthesized?.eventId ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
