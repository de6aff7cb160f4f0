// What a forward or replay needs to read: the event, the delivery whose bytes are
// sent (the event's payload delivery unless one is named) and the endpoint's
// verification settings and secrets (for re-signing in the provider's scheme).
import { getDb, getPool } from "@/lib/db/client";
import type { HeaderList } from "@/lib/http/header-list";
import { notFound } from "@/lib/http/app-error";
import { openOptionalSecret, openSecrets } from "@/lib/secrets/secret-box";
import { verificationConfigSchema } from "@/lib/verify/schema";
import type { VerificationOutcome } from "@/lib/verify/types";
import type { ForwardSource } from "./outbound-request";

export type LoadedSource = ForwardSource & { endpointId: string; verification: string };

export async function loadForwardSource(
  eventId: string,
  deliveryId?: string,
): Promise<LoadedSource> {
  const event = await getDb().event.findUnique({
    where: { id: eventId },
    select: {
      id: true,
      endpointId: true,
      verification: true,
      payloadDeliveryId: true,
      endpoint: { select: { verification: true, secrets: true } },
    },
  });
  if (!event) throw notFound("event");
  // Ownership in the where: only a delivery of this event.
  const delivery = await getDb().delivery.findFirst({
    where: { id: deliveryId ?? event.payloadDeliveryId, eventId },
    select: { id: true, method: true, headers: true, body: true, pollId: true, verification: true },
  });
  if (!delivery) throw notFound("delivery");
  return {
    eventId: event.id,
    endpointId: event.endpointId,
    verification: event.verification,
    delivery: {
      id: delivery.id,
      method: delivery.method,
      headers: delivery.headers as unknown as HeaderList,
      body: Buffer.from(delivery.body),
      pollId: delivery.pollId,
      verification: delivery.verification,
    },
    endpoint: {
      verification: verificationConfigSchema.parse(event.endpoint.verification),
      secrets: openSecrets(event.endpoint.secrets),
    },
  };
}

export type ForwardJobContext = {
  destination: {
    id: string;
    url: string;
    enabled: boolean;
    forward: string;
    resign: string;
    signingSecret: string | null;
  };
  source: LoadedSource;
  /** An automatic attempt with this number (or later) is recorded already: it went out. */
  alreadySent: boolean;
};

/**
 * Everything one automatic forward needs, in one round trip: the queue drains as fast
 * as these jobs run, and five separate reads per job were most of their cost.
 */
export async function loadForwardJob(job: {
  eventId: string;
  destinationId: string;
  attempt: number;
}): Promise<ForwardJobContext | null> {
  const { rows } = await getPool().query<{
    destination_id: string;
    url: string;
    enabled: boolean;
    forward: string;
    resign: string;
    signing_secret: string | null;
    event_id: string;
    endpoint_id: string;
    event_verification: string;
    endpoint_verification: unknown;
    secrets: string[];
    delivery_id: string;
    method: string;
    headers: HeaderList;
    body: Buffer;
    poll_id: string | null;
    delivery_verification: VerificationOutcome;
    already_sent: boolean;
  }>({
    name: "load-forward-job",
    text: `SELECT d.id AS destination_id, d.url, d.enabled, d.forward, d.resign, d.signing_secret,
                  e.id AS event_id, e.endpoint_id, e.verification::text AS event_verification,
                  en.verification AS endpoint_verification, en.secrets,
                  dl.id AS delivery_id, dl.method, dl.headers, dl.body, dl.poll_id, dl.verification::text AS delivery_verification,
                  EXISTS (SELECT 1 FROM attempts a WHERE a.event_id = e.id AND a.destination_id = d.id
                          AND a.trigger = 'auto' AND a.attempt_number >= $3) AS already_sent
           FROM destinations d
           JOIN events e ON e.id = $1
           JOIN endpoints en ON en.id = e.endpoint_id
           JOIN deliveries dl ON dl.id = e.payload_delivery_id
           WHERE d.id = $2`,
    values: [job.eventId, job.destinationId, job.attempt],
  });
  const row = rows[0];
  if (!row) return null;
  return {
    destination: {
      id: row.destination_id,
      url: row.url,
      enabled: row.enabled,
      forward: row.forward,
      resign: row.resign,
      signingSecret: openOptionalSecret(row.signing_secret),
    },
    source: {
      eventId: row.event_id,
      endpointId: row.endpoint_id,
      verification: row.event_verification,
      delivery: {
        id: row.delivery_id,
        method: row.method,
        headers: row.headers,
        body: row.body,
        pollId: row.poll_id,
        verification: row.delivery_verification,
      },
      endpoint: {
        verification: verificationConfigSchema.parse(row.endpoint_verification),
        secrets: openSecrets(row.secrets),
      },
    },
    alreadySent: row.already_sent,
  };
}
