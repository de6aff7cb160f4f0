import type { Prisma } from "@/lib/db/client";
import { serializeEventSummary } from "@/lib/events/serialize";
import type { JobDetailResponse, JobResponse } from "./schema";

type JobRow = {
  id: string;
  endpointId: string;
  provider: string;
  externalId: string;
  state: string;
  stateAt: Date | null;
  outputUrl: string | null;
  error: string | null;
  details: Prisma.JsonValue;
  firstSeenAt: Date;
  lastEventAt: Date;
  missedCallbackAt: Date | null;
  lastPolledAt: Date | null;
  nextPollAt: Date | null;
  overdueAt: Date | null;
  expectTerminalMinutes: number | null;
  registeredAt: Date | null;
  registeredBy: string | null;
  registeredVia: string | null;
  label: string | null;
  metadata: Prisma.JsonValue;
  eventCount: number;
};

export function serializeJob(row: JobRow): JobResponse {
  return {
    id: row.id,
    endpointId: row.endpointId,
    provider: row.provider,
    externalId: row.externalId,
    state: row.state,
    stateAt: row.stateAt?.toISOString() ?? null,
    outputUrl: row.outputUrl,
    error: row.error,
    details: row.details,
    eventCount: row.eventCount,
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastEventAt: row.lastEventAt.toISOString(),
    missedCallbackAt: row.missedCallbackAt?.toISOString() ?? null,
    lastPolledAt: row.lastPolledAt?.toISOString() ?? null,
    nextPollAt: row.nextPollAt?.toISOString() ?? null,
    overdueAt: row.overdueAt?.toISOString() ?? null,
    expectTerminalMinutes: row.expectTerminalMinutes,
    label: row.label,
    metadata: row.metadata,
    registration:
      row.registeredAt === null
        ? null
        : {
            at: row.registeredAt.toISOString(),
            by: row.registeredBy,
            via: row.registeredVia,
          },
  };
}

export function serializeJobDetail(
  row: JobRow & { events: Parameters<typeof serializeEventSummary>[0][] },
): JobDetailResponse {
  return { ...serializeJob(row), events: row.events.map(serializeEventSummary) };
}
