// What a forward or replay needs to read: the event, the delivery whose bytes are
// sent (the event's payload delivery unless one is named) and the endpoint's
// verification settings and secrets (for re-signing in the provider's scheme).
import { getDb } from "@/lib/db/client";
import type { HeaderList } from "@/lib/http/header-list";
import { notFound } from "@/lib/http/app-error";
import { verificationConfigSchema } from "@/lib/verify/schema";
import type { ForwardSource } from "./outbound-request";

export type LoadedSource = ForwardSource & { endpointId: string; verification: string };

export async function loadForwardSource(eventId: string, deliveryId?: string): Promise<LoadedSource> {
  const event = await getDb().event.findUnique({
    where: { id: eventId },
    select: { id: true, endpointId: true, verification: true, payloadDeliveryId: true, endpoint: { select: { verification: true, secrets: true } } },
  });
  if (!event) throw notFound("event");
  // Ownership in the where: only a delivery of this event.
  const delivery = await getDb().delivery.findFirst({
    where: { id: deliveryId ?? event.payloadDeliveryId, eventId },
    select: { id: true, method: true, headers: true, body: true },
  });
  if (!delivery) throw notFound("delivery");
  return {
    eventId: event.id,
    endpointId: event.endpointId,
    verification: event.verification,
    delivery: { id: delivery.id, method: delivery.method, headers: delivery.headers as unknown as HeaderList, body: Buffer.from(delivery.body) },
    endpoint: { verification: verificationConfigSchema.parse(event.endpoint.verification), secrets: event.endpoint.secrets },
  };
}
