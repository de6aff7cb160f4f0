import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/http/app-error";
import type { FeedPosition } from "./feed-position";
import { INLINE_BODY_BYTES } from "./schema";

/** The exact stored bytes of one delivery. */
export async function getDeliveryBody(id: string): Promise<{ id: string; body: Uint8Array }> {
  const row = await getDb().delivery.findUnique({
    where: { id },
    select: { id: true, body: true },
  });
  if (!row) throw notFound("delivery");
  return row;
}

// ---------------------------------------------------------------------------
// The delivery feed of one endpoint (the CLI's `forward` reads it as a stream).
// Order: (xact_id, id), the transaction that stored each delivery. A transaction that
// started earlier may commit later, so the feed shows only deliveries whose
// transaction is older than the oldest one still running anywhere (the snapshot's
// xmin): those are all committed and visible, and no delivery can ever appear below
// them later. A long-running write transaction elsewhere delays the feed; it never
// makes it skip.

export type FeedDelivery = {
  xactId: string;
  id: string;
  eventId: string;
  receivedAt: Date;
  method: string;
  path: string;
  query: string;
  headers: unknown;
  size: number;
  bodySha256: string;
  verification: "verified" | "failed" | "unsigned";
  /** Null when the body is larger than INLINE_BODY_BYTES. */
  body: Uint8Array | null;
};

export type FeedPage = {
  deliveries: FeedDelivery[];
  /** Committed deliveries exist past the page that wait for an older transaction to end. */
  heldBack: boolean;
};

type FeedRow = FeedDelivery & { settled: boolean };

/** Up to `limit` deliveries after `position`, oldest transaction first; `since` bounds received_at. */
export async function readDeliveryFeed(
  endpointId: string,
  position: FeedPosition,
  options: { since: Date | null; limit: number },
): Promise<FeedPage> {
  // One statement, one snapshot: the horizon and the rows agree. Rows past the horizon
  // are fetched without bodies, only to learn that some are waiting.
  const rows = await getDb().$queryRaw<FeedRow[]>`
    WITH horizon AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xmin)
    SELECT d.xact_id::text AS "xactId", d.id, d.event_id AS "eventId", d.received_at AS "receivedAt", d.method, d.path, d.query,
           d.headers, d.size, d.body_sha256 AS "bodySha256", d.verification::text AS verification,
           d.xact_id < h.xmin AS settled,
           CASE WHEN d.xact_id < h.xmin AND d.size <= ${INLINE_BODY_BYTES} THEN d.body END AS body
    FROM deliveries d CROSS JOIN horizon h
    WHERE d.endpoint_id = ${endpointId}
      AND (d.xact_id, d.id) > (${position.xactId}::bigint, ${position.id}::text)
      AND (${options.since}::timestamptz IS NULL OR d.received_at >= ${options.since}::timestamptz)
    ORDER BY d.xact_id, d.id
    LIMIT ${options.limit}`;
  const settled = rows.findIndex((row) => !row.settled);
  const ready = settled === -1 ? rows : rows.slice(0, settled);
  return {
    deliveries: ready.map(({ settled: _settled, ...delivery }) => delivery),
    heldBack: settled !== -1,
  };
}

/**
 * Where a new stream starts: just before the first delivery received since `since`,
 * or without it, before every transaction still running (what commits from now on).
 */
export async function startOfFeed(endpointId: string, since: Date | null): Promise<FeedPosition> {
  const [row] = await getDb().$queryRaw<Array<{ first: string | null; horizon: string }>>`
    SELECT (SELECT min(d.xact_id) FROM deliveries d
            WHERE ${since}::timestamptz IS NOT NULL AND d.endpoint_id = ${endpointId} AND d.received_at >= ${since}::timestamptz)::text AS first,
           pg_snapshot_xmin(pg_current_snapshot())::text AS horizon`;
  if (!row) throw new Error("feed start query returned no row");
  return { xactId: row.first ?? row.horizon, id: "" };
}

/** The stored header list of one delivery (credential values sealed). */
export async function getDeliveryHeaders(id: string): Promise<unknown> {
  const row = await getDb().delivery.findUnique({ where: { id }, select: { headers: true } });
  if (!row) throw notFound("delivery");
  return row.headers;
}
