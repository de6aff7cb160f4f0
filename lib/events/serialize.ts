import { maskStoredRequest } from "@/lib/deliveries/sealed-headers";
import type { Prisma } from "@/lib/db/client";
import { toHeaderList } from "@/lib/http/header-list";
import type { EventDetailResponse, EventSummaryResponse, ListedEventResponse } from "./schema";

export type EventSummaryRow = {
  id: string;
  endpointId: string;
  jobId: string | null;
  externalJobId: string | null;
  type: string | null;
  state: string | null;
  verification: string;
  deliveryCount: number;
  firstReceivedAt: Date;
  lastReceivedAt: Date;
  providerTimestamp: Date | null;
};

export function serializeEventSummary(row: EventSummaryRow): EventSummaryResponse {
  return {
    id: row.id,
    endpointId: row.endpointId,
    jobId: row.jobId,
    externalJobId: row.externalJobId,
    type: row.type,
    state: row.state,
    verification: row.verification,
    deliveryCount: row.deliveryCount,
    firstReceivedAt: row.firstReceivedAt.toISOString(),
    lastReceivedAt: row.lastReceivedAt.toISOString(),
    providerTimestamp: row.providerTimestamp?.toISOString() ?? null,
  };
}

type DeliveryRow = {
  id: string;
  receivedAt: Date;
  method: string;
  path: string;
  query: string;
  headers: Prisma.JsonValue;
  size: number;
  bodySha256: string;
  sourceIp: string | null;
  verification: string;
  verificationReason: string | null;
  responseStatus: number;
};

export function serializeEventDetail(
  row: EventSummaryRow & {
    payload: Prisma.JsonValue;
    payloadDeliveryId: string;
    deliveries: DeliveryRow[];
    deliveriesNextCursor: string | null;
  },
): EventDetailResponse {
  return {
    ...serializeEventSummary(row),
    payload: row.payload,
    payloadDeliveryId: row.payloadDeliveryId,
    deliveries: row.deliveries.map((d) => ({
      ...d,
      ...maskStoredRequest({ query: d.query, headers: toHeaderList(d.headers) }),
      receivedAt: d.receivedAt.toISOString(),
    })),
    deliveriesNextCursor: row.deliveriesNextCursor,
  };
}

/** A row of the event list: the summary plus what the Inbox shows of its endpoint and job. */
export function serializeListedEvent(
  row: EventSummaryRow & { endpointName: string; provider: string; jobState: string | null },
): ListedEventResponse {
  return {
    ...serializeEventSummary(row),
    endpointName: row.endpointName,
    provider: row.provider,
    jobState: row.jobState,
  };
}
export type ListedEvent = ListedEventResponse;
