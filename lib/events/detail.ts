// What the event page reads: the event, its endpoint's verification settings (never
// its secrets), every delivery with its headers, and the body bytes that are small
// enough to show as text or put into a curl command.
import { getDb } from "@/lib/db/client";
import { deliverySummary, eventSummary } from "@/lib/events/data";
import { headerValues, type HeaderList } from "@/lib/http/header-list";
import { verificationConfigSchema, type VerificationConfig } from "@/lib/verify/schema";

/** An event page lists at most this many deliveries (retries of one callback). */
export const EVENT_DELIVERIES_LIMIT = 100;

/** Bodies up to this size are read for the raw text view and curl; larger ones are downloads. */
export const SHOWN_BODY_LIMIT = 1024 * 1024;

export async function getEventDetail(id: string) {
  const db = getDb();
  const event = await db.event.findUnique({
    where: { id },
    select: {
      ...eventSummary,
      payload: true,
      payloadDeliveryId: true,
      endpoint: {
        select: {
          id: true,
          key: true,
          name: true,
          provider: true,
          verification: true,
          archivedAt: true,
        },
      },
      job: { select: { id: true, externalId: true, state: true } },
      deliveries: {
        select: deliverySummary,
        orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
        take: EVENT_DELIVERIES_LIMIT,
      },
    },
  });
  if (!event) return null;
  const shownIds = event.deliveries.filter((d) => d.size <= SHOWN_BODY_LIMIT).map((d) => d.id);
  const bodies =
    shownIds.length === 0
      ? []
      : await db.delivery.findMany({
          where: { id: { in: shownIds }, eventId: id },
          select: { id: true, body: true },
        });
  const bodyOf = new Map(bodies.map((row) => [row.id, row.body]));
  const parsedConfig = verificationConfigSchema.safeParse(event.endpoint.verification);
  return {
    ...event,
    verificationConfig: parsedConfig.success ? parsedConfig.data : null,
    deliveries: event.deliveries.map((d) => ({
      ...d,
      headers: toHeaderList(d.headers),
      body: bodyOf.get(d.id) ?? null,
    })),
  };
}

export type EventDetail = NonNullable<Awaited<ReturnType<typeof getEventDetail>>>;

/** The stored JSON as [name, value] pairs, skipping anything malformed. */
export function toHeaderList(value: unknown): Array<[string, string]> {
  if (!Array.isArray(value)) return [];
  return value.flatMap((pair): Array<[string, string]> =>
    Array.isArray(pair) && typeof pair[0] === "string" && typeof pair[1] === "string"
      ? [[pair[0], pair[1]]]
      : [],
  );
}

export type CheckedHeader = { name: string; present: boolean };

const STANDARD_WEBHOOKS_SETS = [
  ["webhook-id", "webhook-timestamp", "webhook-signature"],
  ["svix-id", "svix-timestamp", "svix-signature"],
] as const;

/**
 * The headers a scheme reads, and whether this delivery had them. For Standard
 * Webhooks, the set the verifier picks: webhook-* when complete, else the fuller one.
 */
export function checkedHeaders(config: VerificationConfig, headers: HeaderList): CheckedHeader[] {
  const check = (name: string): CheckedHeader => ({
    name,
    present: headerValues(headers, name).length > 0,
  });
  switch (config.scheme) {
    case "standard-webhooks": {
      const [webhook, svix] = STANDARD_WEBHOOKS_SETS.map((set) => set.map(check));
      const count = (set: CheckedHeader[] | undefined) =>
        (set ?? []).filter((h) => h.present).length;
      return (count(webhook) < 3 && count(svix) > count(webhook) ? svix : webhook) ?? [];
    }
    case "hmac":
    case "token":
      return [check(config.header)];
    case "none":
      return [];
  }
}
