// The API shape of an endpoint's usage (GET /api/endpoints/<id>/usage).
import type { EndpointUsage } from "./data";
import type { UsageResponse } from "./schema";

export function serializeUsage(usage: EndpointUsage): UsageResponse {
  return {
    endpointId: usage.endpointId,
    deliveries: usage.deliveries,
    events: usage.events,
    jobs: usage.jobs,
    bytes: usage.bytes,
    oldestDeliveryAt: usage.oldestDeliveryAt?.toISOString() ?? null,
    retention: usage.retention,
    nextRun: {
      deliveries: usage.nextRun.deliveries,
      failedDeliveries: usage.nextRun.failedDeliveries,
      cutoff: usage.nextRun.cutoff?.toISOString() ?? null,
    },
    countedAt: usage.countedAt?.toISOString() ?? null,
  };
}
