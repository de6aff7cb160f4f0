// Reads of events and their deliveries. Lists are newest first by first receipt
// (stable while callbacks keep arriving) with keyset cursors.
import { getDb, Prisma } from "@/lib/db/client";
import { notFound } from "@/lib/http/app-error";
import { toHeaderList } from "@/lib/http/header-list";
import { decodeCursor, toPage } from "@/lib/pagination/cursor";
import { verificationConfigSchema } from "@/lib/verify/schema";
import type { VerificationOutcome } from "@/lib/verify/types";
import { containsPattern } from "./like-pattern";
import type { EventDeliveriesQuery, EventFilters, ListEventsQuery } from "./schema";
import type { EventSummaryRow } from "./serialize";

// How many deliveries an event has and when the last one came are read from deliveries
// (the index deliveries(event_id, received_at) answers both). Not kept on the event
// row: updating it on every delivery made the deliveries of one event (a retry storm)
// wait for each other's commits (lib/ingest/mutations.ts).
export type DeliveryTotals = { deliveryCount: number; lastReceivedAt: Date };

/** SQL for a LATERAL join on `events e`: columns "deliveryCount" and "lastReceivedAt". */
export const deliveryTotalsLateral = Prisma.sql`LATERAL (
  SELECT count(*)::int AS "deliveryCount", max(d.received_at) AS "lastReceivedAt"
  FROM deliveries d WHERE d.event_id = e.id
) totals`;

/** The rows with their events' delivery totals (one query for all of them). */
export async function withDeliveryTotals<T extends { id: string; firstReceivedAt: Date }>(
  events: T[],
): Promise<Array<T & DeliveryTotals>> {
  if (events.length === 0) return [];
  const rows = await getDb().$queryRaw<Array<DeliveryTotals & { id: string }>>`
    SELECT d.event_id AS id, count(*)::int AS "deliveryCount", max(d.received_at) AS "lastReceivedAt"
    FROM deliveries d WHERE d.event_id = ANY(${events.map((e) => e.id)}::text[])
    GROUP BY d.event_id`;
  const totals = new Map(rows.map((row) => [row.id, row]));
  // An event is written with its first delivery; one whose deliveries a retention run
  // removed between the two reads is shown as it was first received.
  return events.map((event) => ({
    ...event,
    deliveryCount: totals.get(event.id)?.deliveryCount ?? 0,
    lastReceivedAt: totals.get(event.id)?.lastReceivedAt ?? event.firstReceivedAt,
  }));
}

/** An event's own columns; its delivery totals come from withDeliveryTotals. */
export const eventSummary = {
  id: true,
  endpointId: true,
  jobId: true,
  externalJobId: true,
  type: true,
  state: true,
  verification: true,
  firstReceivedAt: true,
  providerTimestamp: true,
} as const;

/** What is shown of each delivery of an event (everything but the body bytes). */
export const deliverySummary = {
  id: true,
  receivedAt: true,
  method: true,
  path: true,
  query: true,
  headers: true,
  size: true,
  bodySha256: true,
  sourceIp: true,
  verification: true,
  verificationReason: true,
  responseStatus: true,
} as const;

export type InboxEventRow = EventSummaryRow & {
  endpointName: string;
  provider: string;
  jobState: string | null;
};

/**
 * One page of events, newest first, with what an Inbox row shows of its endpoint and
 * job (one query, joins instead of a lookup per row). Raw SQL because Prisma cannot
 * express the payload search (`payload::text ILIKE`, served by the trigram index
 * events_payload_trgm_idx); every value is a bound parameter of the tagged template.
 * The order and the keyset condition match events(first_received_at desc, id desc),
 * so unfiltered and lightly filtered pages read a few index entries.
 */
export async function listEvents(
  query: ListEventsQuery,
): Promise<{ items: InboxEventRow[]; nextCursor: string | null }> {
  const cursor = decodeCursor(query.cursor);
  const conditions = filterConditions(query);
  if (cursor)
    conditions.push(Prisma.sql`(e.first_received_at, e.id) < (${cursor.at}, ${cursor.id})`);

  // The page is picked first and its delivery totals read for its rows only.
  const rows = await getDb().$queryRaw<InboxEventRow[]>`
    SELECT e.*, totals.* FROM (
      SELECT e.id, e.endpoint_id AS "endpointId", e.job_id AS "jobId", e.external_job_id AS "externalJobId",
             e.type, e.state::text AS state, e.verification::text AS verification,
             e.first_received_at AS "firstReceivedAt", e.provider_timestamp AS "providerTimestamp",
             en.name AS "endpointName", en.provider, j.state::text AS "jobState"
      FROM events e
      JOIN endpoints en ON en.id = e.endpoint_id
      LEFT JOIN jobs j ON j.id = e.job_id
      ${whereOf(conditions)}
      ORDER BY e.first_received_at DESC, e.id DESC
      LIMIT ${query.limit + 1}
    ) e, ${deliveryTotalsLateral}
    ORDER BY e."firstReceivedAt" DESC, e.id DESC`;
  return toPage(rows, query.limit, (row) => row.firstReceivedAt);
}

/** How many events match the filters, counting no further than `cap + 1` (enough to say "more than cap"). */
export async function countMatchingEvents(filters: EventFilters, cap: number): Promise<number> {
  const [row] = await getDb().$queryRaw<Array<{ count: number }>>`
    SELECT count(*)::int AS count FROM (
      SELECT 1 FROM events e JOIN endpoints en ON en.id = e.endpoint_id ${whereOf(filterConditions(filters))} LIMIT ${cap + 1}
    ) matching`;
  return row?.count ?? 0;
}

/** Every event matching the filters (its id and how its signature check went), oldest first; null when more than `cap` match. */
export async function listMatchingEvents(
  filters: EventFilters,
  cap: number,
): Promise<Array<{ id: string; verification: VerificationOutcome }> | null> {
  const rows = await getDb().$queryRaw<Array<{ id: string; verification: VerificationOutcome }>>`
    SELECT e.id, e.verification::text AS verification FROM events e JOIN endpoints en ON en.id = e.endpoint_id
    ${whereOf(filterConditions(filters))}
    ORDER BY e.first_received_at, e.id
    LIMIT ${cap + 1}`;
  return rows.length > cap ? null : rows;
}

/** The filters as SQL conditions on `events e` joined with `endpoints en`. */
function filterConditions(query: EventFilters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (query.endpointId !== undefined)
    conditions.push(Prisma.sql`e.endpoint_id = ${query.endpointId}`);
  if (query.jobId !== undefined) conditions.push(Prisma.sql`e.job_id = ${query.jobId}`);
  if (query.provider !== undefined) conditions.push(Prisma.sql`en.provider = ${query.provider}`);
  if (query.verification !== undefined)
    conditions.push(Prisma.sql`e.verification = CAST(${query.verification} AS verification)`);
  if (query.jobState !== undefined) conditions.push(jobStateCondition(query.jobState, query));
  if (query.type !== undefined) conditions.push(Prisma.sql`e.type = ${query.type}`);
  if (query.from !== undefined) conditions.push(Prisma.sql`e.first_received_at >= ${query.from}`);
  if (query.to !== undefined) conditions.push(Prisma.sql`e.first_received_at < ${query.to}`);
  if (query.q !== undefined)
    conditions.push(Prisma.sql`e.payload::text ILIKE ${containsPattern(query.q)}`);
  return conditions;
}

const whereOf = (conditions: Prisma.Sql[]) =>
  conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;

/**
 * Events whose job is now in `state`, as a semi-join on jobs that repeats the
 * endpoint/provider/job filters (a job belongs to its events' endpoint). That lets
 * Postgres start from the few matching jobs (jobs(state, ...) index) when the
 * combination is rare, instead of walking every event newest first to find none.
 */
function jobStateCondition(state: string, query: EventFilters): Prisma.Sql {
  const jobConditions = [Prisma.sql`js.state = CAST(${state} AS job_state)`];
  if (query.endpointId !== undefined)
    jobConditions.push(Prisma.sql`js.endpoint_id = ${query.endpointId}`);
  if (query.jobId !== undefined) jobConditions.push(Prisma.sql`js.id = ${query.jobId}`);
  if (query.provider !== undefined)
    jobConditions.push(
      Prisma.sql`js.endpoint_id IN (SELECT id FROM endpoints WHERE provider = ${query.provider})`,
    );
  return Prisma.sql`e.job_id IN (SELECT js.id FROM jobs js WHERE ${Prisma.join(jobConditions, " AND ")})`;
}

/**
 * The event and one page of its deliveries, oldest first: a sender retrying one
 * callback without end must not make one answer unbounded. The cursor is the last
 * delivery of the page before; the next page holds strictly later ones.
 */
export async function getEvent(id: string, page: EventDeliveriesQuery) {
  const after = decodeCursor(page.deliveriesCursor);
  const event = await getDb().event.findUnique({
    where: { id },
    select: {
      ...eventSummary,
      payload: true,
      payloadDeliveryId: true,
      deliveries: {
        select: deliverySummary,
        where: after
          ? {
              OR: [
                { receivedAt: { gt: after.at } },
                { receivedAt: after.at, id: { gt: after.id } },
              ],
            }
          : {},
        orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
        take: page.deliveriesLimit + 1,
      },
    },
  });
  if (!event) throw notFound("event");
  const { items, nextCursor } = toPage(event.deliveries, page.deliveriesLimit, (d) => d.receivedAt);
  const [withTotals] = await withDeliveryTotals([event]);
  return { ...withTotals!, deliveries: items, deliveriesNextCursor: nextCursor };
}

// What the event page reads: the event, its endpoint's verification settings (never
// its secrets), every delivery with its headers, and the body bytes that are small
// enough to show as text or put into a curl command.
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
  const [withTotals] = await withDeliveryTotals([event]);
  return {
    ...withTotals!,
    verificationConfig: parsedConfig.success ? parsedConfig.data : null,
    deliveries: event.deliveries.map((d) => ({
      ...d,
      headers: toHeaderList(d.headers),
      body: bodyOf.get(d.id) ?? null,
    })),
  };
}

export type EventDetail = NonNullable<Awaited<ReturnType<typeof getEventDetail>>>;

// ---------------------------------------------------------------------------
// Export (GET /api/events/export): the filtered events in keyset batches, newest first,
// each with every delivery and its body bytes. lib/events/export-stream.ts streams them.

export type ExportDeliveryRow = {
  id: string;
  eventId: string;
  receivedAt: Date;
  method: string;
  path: string;
  query: string;
  headers: unknown;
  body: Uint8Array;
  size: number;
  bodySha256: string;
  sourceIp: string | null;
  verification: string;
  verificationReason: string | null;
  responseStatus: number;
};

export type ExportEventRow = EventSummaryRow & {
  payload: unknown;
  deliveries: ExportDeliveryRow[];
};

/** Up to `limit` events after `after` (the last one of the batch before), with their deliveries. */
export async function readExportBatch(
  filters: EventFilters,
  after: { at: Date; id: string } | null,
  limit: number,
): Promise<ExportEventRow[]> {
  const conditions = filterConditions(filters);
  if (after) conditions.push(Prisma.sql`(e.first_received_at, e.id) < (${after.at}, ${after.id})`);
  const events = await getDb().$queryRaw<Array<EventSummaryRow & { payload: unknown }>>`
    SELECT e.*, totals.* FROM (
      SELECT e.id, e.endpoint_id AS "endpointId", e.job_id AS "jobId", e.external_job_id AS "externalJobId",
             e.type, e.state::text AS state, e.verification::text AS verification,
             e.first_received_at AS "firstReceivedAt", e.provider_timestamp AS "providerTimestamp", e.payload
      FROM events e
      JOIN endpoints en ON en.id = e.endpoint_id
      ${whereOf(conditions)}
      ORDER BY e.first_received_at DESC, e.id DESC
      LIMIT ${limit}
    ) e, ${deliveryTotalsLateral}
    ORDER BY e."firstReceivedAt" DESC, e.id DESC`;
  if (events.length === 0) return [];
  const deliveries = await getDb().$queryRaw<ExportDeliveryRow[]>`
    SELECT d.id, d.event_id AS "eventId", d.received_at AS "receivedAt", d.method, d.path, d.query, d.headers,
           d.body, d.size, d.body_sha256 AS "bodySha256", d.source_ip AS "sourceIp",
           d.verification::text AS verification, d.verification_reason AS "verificationReason",
           d.response_status AS "responseStatus"
    FROM deliveries d
    WHERE d.event_id = ANY(${events.map((e) => e.id)}::text[])
    ORDER BY d.event_id, d.received_at, d.id`;
  const byEvent = new Map<string, ExportDeliveryRow[]>();
  for (const delivery of deliveries) {
    const list = byEvent.get(delivery.eventId) ?? [];
    list.push(delivery);
    byEvent.set(delivery.eventId, list);
  }
  return events.map((event) => ({ ...event, deliveries: byEvent.get(event.id) ?? [] }));
}
