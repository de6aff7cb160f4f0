// GET /api/endpoints/<id>/deliveries/stream: one endpoint's deliveries as SSE, each
// carrying what it takes to re-send the request byte for byte, resumable with
// Last-Event-ID. The resume must skip nothing even though deliveries commit out of
// arrival order: checked with a transaction held open across a later ingest, and with
// many concurrent ingests while the client keeps reconnecting.
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import {
  api,
  apiJson,
  baseUrl,
  createEndpoint,
  queryAppDb,
  type CreatedEndpoint,
} from "@/tests/support/api";
import { TEST_API_TOKEN } from "@/tests/support/app-server";
import { createFreshDatabase } from "@/tests/support/fresh-database";
import { expectApiError, ingestOk } from "@/tests/support/callbacks-inbox";
import { clipzyJob } from "@/tests/support/callbacks-payloads";
import { sendRaw } from "@/tests/support/ingest-http";
import { nextMessage, sseMessages, type SseMessage } from "@/tests/support/sse";

type Streamed = {
  id: string;
  eventId: string;
  receivedAt: string;
  method: string;
  path: string;
  query: string;
  headers: Array<[string, string]>;
  size: number;
  bodySha256: string;
  verification: string;
  bodyBase64: string | null;
};

type Feed = { stream: AsyncGenerator<SseMessage>; ready: SseMessage; close(): void };

const streamPath = (endpointId: string, query = "") =>
  `/api/endpoints/${endpointId}/deliveries/stream${query}`;

async function openFeed(
  endpointId: string,
  options: { lastEventId?: string; query?: string } = {},
): Promise<Feed> {
  const abort = new AbortController();
  const response = await fetch(`${baseUrl()}${streamPath(endpointId, options.query)}`, {
    headers: {
      authorization: `Bearer ${TEST_API_TOKEN}`,
      ...(options.lastEventId ? { "last-event-id": options.lastEventId } : {}),
    },
    signal: abort.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
  if (!response.body) throw new Error("no body");
  const stream = sseMessages(response.body);
  const ready = await nextMessage(stream, (m) => m.event === "ready");
  return { stream, ready, close: () => abort.abort() };
}

async function nextDelivery(feed: Feed): Promise<{ position: string; delivery: Streamed }> {
  const message = await nextMessage(feed.stream, (m) => m.event === "delivery");
  if (!message.id) throw new Error("a delivery message without an id");
  return { position: message.id, delivery: JSON.parse(message.data) as Streamed };
}

// Unlimited: the concurrency test sends faster than the default rate limit (which has its own tests).
const newEndpoint = (label: string) =>
  createEndpoint({
    name: `${label} ${randomUUID().slice(0, 8)}`,
    provider: "clipzy",
    rateLimitPerSecond: null,
  });
const clipzyBody = () => JSON.stringify(clipzyJob(`feed-${randomUUID()}`, "completed"));

describe("GET /api/endpoints/<id>/deliveries/stream", () => {
  it("answers 401 without a valid token, 404 for an unknown endpoint, 400 for a position or time it cannot read", async () => {
    const endpoint = await newEndpoint("feed errors");
    const anonymous = await fetch(`${baseUrl()}${streamPath(endpoint.id)}`);
    expect(anonymous.status).toBe(401);
    const wrongToken = await fetch(`${baseUrl()}${streamPath(endpoint.id)}`, {
      headers: { authorization: "Bearer not-a-token-of-this-inbox" },
    });
    expect(wrongToken.status).toBe(401);
    expectApiError(await wrongToken.json(), "unauthorized");

    const unknown = await apiJson(streamPath("ep_doesnotexist"));
    expect(unknown.status).toBe(404);
    expectApiError(unknown.body, "not_found");

    const badPosition = await api(streamPath(endpoint.id), {
      headers: { "last-event-id": "yesterday" },
    });
    expect(badPosition.status).toBe(400);
    expectApiError(await badPosition.json(), "invalid_cursor");
    const badAfter = await apiJson(streamPath(endpoint.id, "?after=99999999999999999999.x"));
    expect(badAfter.status).toBe(400);
    const badSince = await apiJson(streamPath(endpoint.id, "?since=last-week"));
    expect(badSince.status).toBe(400);
    expectApiError(badSince.body, "validation_failed");
  });

  it("carries method, sub-path, query, headers in order and the exact body bytes, non-UTF-8 included", async () => {
    const endpoint = await newEndpoint("feed bytes");
    const feed = await openFeed(endpoint.id);
    try {
      const body = Buffer.concat([
        Buffer.from([0xff, 0xfe, 0x00, 0x80, 0xc3, 0x28]),
        randomBytes(64),
      ]);
      const headers: Array<[string, string]> = [
        ["Content-Type", "application/octet-stream"],
        ["X-Repeated", "first"],
        ["x-MIXED-case", "Value With Spaces"],
        ["X-Repeated", "second"],
      ];
      const answer = await sendRaw(baseUrl(), `/in/${endpoint.key}/renders/42?attempt=2&a=%20b`, {
        method: "PUT",
        headers,
        body,
      });
      expect(answer.status).toBe(200);
      const { deliveryId } = answer.json<{ deliveryId: string }>();

      const { delivery } = await nextDelivery(feed);
      expect(delivery).toMatchObject({
        id: deliveryId,
        method: "PUT",
        path: "/renders/42",
        query: "attempt=2&a=%20b",
        size: body.length,
        verification: "unsigned",
      });
      expect(Buffer.from(delivery.bodyBase64 ?? "", "base64").equals(body)).toBe(true);
      // As received: sendRaw adds Host and Content-Length after the listed headers.
      expect(delivery.headers.slice(0, headers.length)).toEqual(headers);
      expect(delivery.headers.map(([name]) => name.toLowerCase())).toEqual(
        expect.arrayContaining(["host", "content-length"]),
      );
    } finally {
      feed.close();
    }
  });

  it("leaves bodies over 64 KiB out of the message; /raw has their bytes", async () => {
    const endpoint = await newEndpoint("feed large");
    const feed = await openFeed(endpoint.id);
    try {
      const body = randomBytes(100_000);
      const answer = await sendRaw(baseUrl(), `/in/${endpoint.key}`, {
        headers: [["Content-Type", "application/octet-stream"]],
        body,
      });
      expect(answer.status).toBe(200);
      const { delivery } = await nextDelivery(feed);
      expect(delivery).toMatchObject({ size: body.length, bodyBase64: null });
      const raw = await api(`/api/deliveries/${delivery.id}/raw`);
      expect(Buffer.from(await raw.arrayBuffer()).equals(body)).toBe(true);
    } finally {
      feed.close();
    }
  });

  it("starts now by default, with ?since= from an earlier time, and resumes after a Last-Event-ID or ?after= position", async () => {
    const endpoint = await newEndpoint("feed resume");
    const before = new Date(Date.now() - 60_000).toISOString();
    const old = await ingestOk(endpoint, clipzyBody());

    const fromNow = await openFeed(endpoint.id);
    const fromSince = await openFeed(endpoint.id, {
      query: `?since=${encodeURIComponent(before)}`,
    });
    const first = await ingestOk(endpoint, clipzyBody());
    const second = await ingestOk(endpoint, clipzyBody());
    try {
      expect((await nextDelivery(fromNow)).delivery.id).toBe(first.deliveryId);
      expect((await nextDelivery(fromSince)).delivery.id).toBe(old.deliveryId);
      const afterFirst = await nextDelivery(fromSince);
      expect(afterFirst.delivery.id).toBe(first.deliveryId);
      expect((await nextDelivery(fromSince)).delivery.id).toBe(second.deliveryId);
    } finally {
      fromNow.close();
      fromSince.close();
    }

    // A client that saw `first` and reconnects gets `second` next, then what comes later.
    const third = await ingestOk(endpoint, clipzyBody());
    for (const resumed of [
      await openFeed(endpoint.id, { lastEventId: await positionOf(endpoint, first.deliveryId) }),
      await openFeed(endpoint.id, {
        query: `?after=${encodeURIComponent(await positionOf(endpoint, first.deliveryId))}`,
      }),
    ]) {
      try {
        expect(resumed.ready.id).toBe(await positionOf(endpoint, first.deliveryId));
        expect((await nextDelivery(resumed)).delivery.id).toBe(second.deliveryId);
        expect((await nextDelivery(resumed)).delivery.id).toBe(third.deliveryId);
      } finally {
        resumed.close();
      }
    }
  });

  it("does not step over a delivery whose transaction commits after a later one", async () => {
    const endpoint = await newEndpoint("feed late commit");
    const feed = await openFeed(endpoint.id);
    const late = new pg.Client({ connectionString: inject("appDatabaseUrl") });
    await late.connect();
    try {
      // A delivery that arrived first but whose transaction is still open...
      const lateId = `dlv_late_${randomUUID().slice(0, 8)}`;
      await late.query("BEGIN");
      await insertDelivery(late, endpoint, lateId, new Date(Date.now() - 1_000));
      // ...while a later callback commits. A (received_at, id) cursor would move past
      // `lateId` here and never send it.
      const later = await ingestOk(endpoint, clipzyBody());
      // The later one is announced at once, yet must wait until the late one is
      // readable. (This can only pass wrongly on a machine too slow to read within the
      // wait, never fail wrongly.)
      const first = nextDelivery(feed);
      const sentWhileOpen = await Promise.race([
        first,
        new Promise<null>((resolve) => setTimeout(() => resolve(null), 1_500)),
      ]);
      expect(
        sentWhileOpen?.delivery.id ?? null,
        "a delivery was sent while an older transaction was still open",
      ).toBeNull();
      await late.query("COMMIT");

      const firstSent = await first;
      const secondSent = await nextDelivery(feed);
      expect([firstSent.delivery.id, secondSent.delivery.id]).toEqual([lateId, later.deliveryId]);

      // And a client that had only seen the late one resumes with the later one.
      const resumed = await openFeed(endpoint.id, { lastEventId: firstSent.position });
      try {
        expect((await nextDelivery(resumed)).delivery.id).toBe(later.deliveryId);
      } finally {
        resumed.close();
      }
    } finally {
      await late.end();
      feed.close();
    }
  });

  it("is not held back by a write transaction open in another database on the same server", async () => {
    // The usual managed Postgres: other databases' batch jobs and migrations share the
    // server. Only this database's writers of deliveries may hold the feed back.
    const other = await createFreshDatabase("feed_neighbour", inject("adminDatabaseUrl"));
    const neighbour = new pg.Client({ connectionString: other.url });
    await neighbour.connect();
    const endpoint = await newEndpoint("feed neighbour");
    const feed = await openFeed(endpoint.id);
    try {
      await neighbour.query("BEGIN");
      await neighbour.query("CREATE TABLE batch (n int)");
      await neighbour.query("INSERT INTO batch VALUES (1)");
      const xid =
        (await neighbour.query<{ xid: string }>("SELECT pg_current_xact_id()::text AS xid")).rows[0]
          ?.xid ?? "";
      const first = await ingestOk(endpoint, clipzyBody());
      const second = await ingestOk(endpoint, clipzyBody());
      // The deliveries are younger than the neighbour's open transaction...
      expect(
        BigInt((await positionOf(endpoint, first.deliveryId)).split(".")[0] ?? "0"),
      ).toBeGreaterThan(BigInt(xid));
      // ...and still arrive while it stays open (before this fix: not until it ended).
      expect((await nextDelivery(feed)).delivery.id).toBe(first.deliveryId);
      expect((await nextDelivery(feed)).delivery.id).toBe(second.deliveryId);
      const status = await neighbour.query<{ status: string }>(
        "SELECT txid_status($1::bigint) AS status",
        [xid],
      );
      expect(status.rows[0]?.status, "the neighbour's transaction ended early").toBe("in progress");
    } finally {
      feed.close();
      await neighbour.query("ROLLBACK").catch(() => {});
      await neighbour.end();
      await other.drop();
    }
  });

  it("is still held back by this database's open transaction while another database's runs too", async () => {
    // The neighbour's transaction is left out of the horizon; this database's never is.
    const other = await createFreshDatabase("feed_neighbour_own", inject("adminDatabaseUrl"));
    const neighbour = new pg.Client({ connectionString: other.url });
    const late = new pg.Client({ connectionString: inject("appDatabaseUrl") });
    await Promise.all([neighbour.connect(), late.connect()]);
    const endpoint = await newEndpoint("feed neighbour own");
    const feed = await openFeed(endpoint.id);
    try {
      await neighbour.query("BEGIN");
      await neighbour.query("CREATE TABLE batch (n int)");
      const lateId = `dlv_late_${randomUUID().slice(0, 8)}`;
      await late.query("BEGIN");
      await insertDelivery(late, endpoint, lateId, new Date(Date.now() - 1_000));
      const later = await ingestOk(endpoint, clipzyBody());
      // (As above: can only pass wrongly on a machine too slow to read within the wait.)
      const first = nextDelivery(feed);
      const sentWhileOpen = await Promise.race([
        first,
        new Promise<null>((resolve) => setTimeout(() => resolve(null), 1_500)),
      ]);
      expect(
        sentWhileOpen?.delivery.id ?? null,
        "a delivery was sent while an older transaction of this database was still open",
      ).toBeNull();
      await late.query("COMMIT");
      const firstSent = await first;
      const secondSent = await nextDelivery(feed);
      expect([firstSent.delivery.id, secondSent.delivery.id]).toEqual([lateId, later.deliveryId]);
    } finally {
      feed.close();
      await late.query("ROLLBACK").catch(() => {});
      await neighbour.query("ROLLBACK").catch(() => {});
      await Promise.all([late.end(), neighbour.end()]);
      await other.drop();
    }
  });

  it(
    "streams every one of many concurrent deliveries exactly once while the client keeps reconnecting",
    { timeout: 180_000 },
    async () => {
      const endpoint = await newEndpoint("feed concurrent");
      const total = 240;
      const senders = 24;
      const reconnectEvery = 37;

      let feed = await openFeed(endpoint.id);
      const stored: string[] = [];
      const sending = (async () => {
        let next = 0;
        await Promise.all(
          Array.from({ length: senders }, async () => {
            while (next < total) {
              next += 1;
              stored.push((await ingestOk(endpoint, clipzyBody())).deliveryId);
            }
          }),
        );
      })();

      const received: string[] = [];
      let position = feed.ready.id ?? "";
      let last: string | null = null;
      let pending: ReturnType<typeof nextDelivery> | null = null;
      try {
        for (;;) {
          // Once every ingest has answered, the newest position is known: read up to it.
          if (last === null && stored.length === total) {
            const [row] = await queryAppDb<{ position: string }>(
              "SELECT xact_id::text || '.' || id AS position FROM deliveries WHERE endpoint_id = $1 ORDER BY xact_id DESC, id DESC LIMIT 1",
              [endpoint.id],
            );
            last = row?.position ?? "";
          }
          if (position === last) break;
          pending ??= nextDelivery(feed);
          // Until the last position is known, the last ingest's answer may be what is awaited.
          const next =
            last === null ? await Promise.race([pending, sending.then(() => null)]) : await pending;
          if (next === null) continue;
          pending = null;
          received.push(next.delivery.id);
          position = next.position;
          if (received.length % reconnectEvery === 0) {
            feed.close();
            feed = await openFeed(endpoint.id, { lastEventId: position });
          }
        }
      } finally {
        feed.close();
      }
      expect(new Set(received).size, "a delivery was streamed twice").toBe(received.length);
      expect([...received].sort()).toEqual([...stored].sort());
    },
  );
});

/** The stream position of a stored delivery, as the server writes it. */
async function positionOf(endpoint: CreatedEndpoint, deliveryId: string): Promise<string> {
  const [row] = await queryAppDb<{ position: string }>(
    "SELECT xact_id::text || '.' || id AS position FROM deliveries WHERE endpoint_id = $1 AND id = $2",
    [endpoint.id, deliveryId],
  );
  if (!row) throw new Error(`no delivery ${deliveryId}`);
  return row.position;
}

/** A delivery (and its event) written in the caller's transaction, as an ingest would. */
async function insertDelivery(
  client: pg.Client,
  endpoint: CreatedEndpoint,
  deliveryId: string,
  receivedAt: Date,
): Promise<void> {
  const body = Buffer.from(clipzyBody());
  const eventId = `evt_late_${randomUUID().slice(0, 8)}`;
  await client.query(
    `INSERT INTO events (id, endpoint_id, dedupe_key, verification, payload_delivery_id, first_received_at, last_touched_at)
     VALUES ($1, $2, $3, 'unsigned', $4, $5, $5)`,
    [eventId, endpoint.id, `late:${deliveryId}`, deliveryId, receivedAt],
  );
  await client.query(
    `INSERT INTO deliveries (id, endpoint_id, event_id, received_at, method, path, query, headers, body, size, body_sha256, verification, response_status)
     VALUES ($1, $2, $3, $4, 'POST', '', '', '[["Content-Type","application/json"]]', $5, $6, 'late', 'unsigned', 200)`,
    [deliveryId, endpoint.id, eventId, receivedAt, body, body.length],
  );
}
