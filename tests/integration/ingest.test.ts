// The ingest URL over real HTTP against the shared app server: what is accepted, what
// a delivery keeps byte for byte, what is refused without storing anything, and each
// verification scheme end to end. Signatures are computed here (the svix library or
// node:crypto), never with the app's own signing code.
import { createHash, createHmac, randomBytes, randomUUID } from "node:crypto";
import { Webhook } from "svix";
import { describe, expect, it } from "vitest";
import {
  api,
  apiJson,
  baseUrl,
  createEndpoint,
  queryAppDb,
  sendCallback,
  type CreatedEndpoint,
} from "@/tests/support/api";
import {
  sendRaw,
  sendThenDisconnect,
  type HeaderPairs,
  type RawResponse,
} from "@/tests/support/ingest-http";

type Accepted = { ok: true; deliveryId: string; eventId: string; verification: string };
type Refused = { error: { code: string; message: string }; deliveryId?: string };

type DeliveryRow = {
  id: string;
  endpoint_id: string;
  event_id: string;
  method: string;
  path: string;
  query: string;
  headers: [string, string][];
  body: Buffer;
  size: number;
  body_sha256: string;
  source_ip: string | null;
  verification: string;
  verification_reason: string | null;
  response_status: number;
};

type EventDetail = {
  id: string;
  verification: string;
  deliveryCount: number;
  payload: unknown;
  deliveries: Array<{
    id: string;
    method: string;
    path: string;
    query: string;
    headers: [string, string][];
    size: number;
    bodySha256: string;
    verification: string;
    verificationReason: string | null;
    responseStatus: number;
  }>;
};

const sha256Hex = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");
const newWhsec = () => `whsec_${randomBytes(32).toString("base64")}`;
const unique = (label: string) => `${label}-${randomUUID()}`;

async function deliveryRow(id: string): Promise<DeliveryRow> {
  const rows = await queryAppDb<DeliveryRow>(
    `SELECT id, endpoint_id, event_id, method, path, query, headers, body, size, body_sha256, source_ip,
            verification::text AS verification, verification_reason, response_status
     FROM deliveries WHERE id = $1`,
    [id],
  );
  if (!rows[0]) throw new Error(`delivery ${id} is not in the database`);
  return rows[0];
}

async function deliveryCount(endpointId: string): Promise<number> {
  const rows = await queryAppDb<{ n: number }>(
    `SELECT count(*)::int AS n FROM deliveries WHERE endpoint_id = $1`,
    [endpointId],
  );
  return rows[0]?.n ?? -1;
}

/** Deliveries anywhere (any endpoint) whose body is exactly these bytes. */
async function deliveriesWithBody(body: Uint8Array | string): Promise<number> {
  const rows = await queryAppDb<{ n: number }>(
    `SELECT count(*)::int AS n FROM deliveries WHERE body = $1`,
    [Buffer.from(body)],
  );
  return rows[0]?.n ?? -1;
}

async function eventDetail(id: string): Promise<EventDetail> {
  const { status, body } = await apiJson<EventDetail>(`/api/events/${id}`);
  expect(status).toBe(200);
  return body;
}

/** Status and body text of an answer, from fetch or from sendRaw. */
async function answerOf(
  response: Response | RawResponse,
): Promise<{ status: number; text: string }> {
  const text =
    response instanceof Response ? await response.text() : response.body.toString("utf8");
  return { status: response.status, text };
}

async function expectAccepted(response: Response | RawResponse): Promise<Accepted> {
  const answer = await answerOf(response);
  // Status and text together, so a failure shows what was answered instead.
  expect(answer.status, answer.text.slice(0, 300)).toBe(200);
  const body = JSON.parse(answer.text) as Accepted;
  expect(body.ok).toBe(true);
  expect(body.deliveryId).toMatch(/^dlv_[A-Za-z0-9_-]+$/);
  expect(body.eventId).toMatch(/^evt_[A-Za-z0-9_-]+$/);
  return body;
}

/** A 401 whose body names the stored delivery; returns the reason and delivery id. */
async function expectVerificationFailed(
  response: Response | RawResponse,
): Promise<{ reason: string; deliveryId: string }> {
  const answer = await answerOf(response);
  expect(answer.status, answer.text.slice(0, 300)).toBe(401);
  const body = JSON.parse(answer.text) as Refused;
  expect(body.error.code).toBe("verification_failed");
  expect(body.deliveryId).toMatch(/^dlv_/);
  // A sender is told nothing about the configuration (secret count, tolerance, header
  // names): a forger must not learn what to fix. The full reason is for the team.
  expect(body.error.message).toBe(GENERIC_VERIFICATION_FAILURE);
  const stored = await deliveryRow(body.deliveryId ?? "");
  expect({ verification: stored.verification, status: stored.response_status }).toEqual({
    verification: "failed",
    status: 401,
  });
  const reason = stored.verification_reason ?? "";
  expect(reason).not.toBe("");
  expect(reason).not.toBe(GENERIC_VERIFICATION_FAILURE);
  // The team reads the stored reason through the API.
  const shown = (await eventDetail(stored.event_id)).deliveries.find(
    (d) => d.id === body.deliveryId,
  );
  expect(shown?.verificationReason).toBe(reason);
  return { reason, deliveryId: body.deliveryId ?? "" };
}

const GENERIC_VERIFICATION_FAILURE = "the signature could not be verified";

const genericEndpoint = () => createEndpoint({ name: unique("generic"), provider: "generic" });

async function patchEndpoint(
  endpoint: CreatedEndpoint,
  changes: Record<string, unknown>,
): Promise<void> {
  const { status, body } = await apiJson(`/api/endpoints/${endpoint.id}`, {
    method: "PATCH",
    body: JSON.stringify(changes),
  });
  expect(status, JSON.stringify(body)).toBe(200);
}

// ---------------------------------------------------------------------------
// Standard Webhooks / Svix

function aspectPayload(
  taskId: string,
  eventType: string,
  featureState = "processing",
  updated = new Date(),
): string {
  return JSON.stringify({
    timestamp: updated.toISOString(),
    user_id: "3f5d7e38-8c7c-4a22-9a7d-5702a8c3a111",
    event_id: randomUUID(),
    event_type: eventType,
    data: {
      task: {
        id: taskId,
        asset_id: "c4b6b5f1-6a2d-4d75-9a90-1f6f4a0a2222",
        features: {
          transcription: { state: featureState },
          visual: { state: featureState },
          preview: { state: "completed" },
          proxy: { state: "na" },
        },
        created: "2025-01-01T11:55:00Z",
        updated: updated.toISOString(),
      },
    },
  });
}

/** svix-* headers as the svix library signs them. */
function svixHeaders(
  secret: string,
  body: string,
  options: { id?: string; at?: Date } = {},
): Record<string, string> {
  const id = options.id ?? `msg_${randomBytes(12).toString("hex")}`;
  const at = options.at ?? new Date();
  return {
    "svix-id": id,
    "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
    "svix-signature": new Webhook(secret).sign(id, at, body),
  };
}

/** The v1 signature computed from the spec (DESIGN 7.1) over raw bytes. */
function standardSignature(
  secret: string,
  id: string,
  timestamp: number,
  body: Uint8Array,
): string {
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.`).update(body).digest("base64")}`;
}

const aspectEndpoint = (secrets: string[]) =>
  createEndpoint({ name: unique("aspect"), provider: "aspect", secrets });

async function jobState(endpointId: string, externalId: string): Promise<string | undefined> {
  const rows = await queryAppDb<{ state: string }>(
    `SELECT state::text AS state FROM jobs WHERE endpoint_id = $1 AND external_id = $2`,
    [endpointId, externalId],
  );
  return rows[0]?.state;
}

// ---------------------------------------------------------------------------

describe("accepted methods", () => {
  it.each(["POST", "PUT", "PATCH"])(
    "%s is stored and answered 200 with the delivery and event ids",
    async (method) => {
      const endpoint = await genericEndpoint();
      const body = JSON.stringify({ method, nonce: randomUUID() });
      const accepted = await expectAccepted(await sendCallback(endpoint, body, { method }));

      const row = await deliveryRow(accepted.deliveryId);
      expect({
        method: row.method,
        endpoint: row.endpoint_id,
        event: row.event_id,
        body: row.body.toString("utf8"),
      }).toEqual({
        method,
        endpoint: endpoint.id,
        event: accepted.eventId,
        body,
      });
    },
  );

  it("answers uncompressed even to a sender that accepts gzip (the answer is tiny; compressing it cost CPU)", async () => {
    const endpoint = await genericEndpoint();
    const response = await sendCallback(endpoint, JSON.stringify({ nonce: randomUUID() }), {
      headers: { "accept-encoding": "gzip, deflate, br" },
    });
    await expectAccepted(response);
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(response.headers.get("cache-control")).toBe("no-store, no-transform");
  });
});

describe("what a delivery keeps", () => {
  it("keeps a body that is not UTF-8 byte for byte, with its size and sha256", async () => {
    const endpoint = await genericEndpoint();
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x80]);
    const accepted = await expectAccepted(
      await sendCallback(endpoint, bytes, {
        headers: { "content-type": "application/octet-stream" },
      }),
    );

    const row = await deliveryRow(accepted.deliveryId);
    expect(row.body.equals(bytes), `stored ${row.body.toString("hex")}`).toBe(true);
    expect({ size: row.size, sha: row.body_sha256, status: row.response_status }).toEqual({
      size: 4,
      sha: sha256Hex(bytes),
      status: 200,
    });

    const raw = await api(`/api/deliveries/${accepted.deliveryId}/raw`);
    expect(raw.status).toBe(200);
    expect(Buffer.from(await raw.arrayBuffer()).equals(bytes)).toBe(true);
    expect((await eventDetail(accepted.eventId)).payload).toBeNull();
  });

  it("keeps a text body that is not JSON exactly, and gives its event no payload", async () => {
    const endpoint = await genericEndpoint();
    const text = `status=done; not json {${randomUUID()}\r\n  trailing spaces  `;
    const accepted = await expectAccepted(
      await sendCallback(endpoint, text, { headers: { "content-type": "text/plain" } }),
    );

    const row = await deliveryRow(accepted.deliveryId);
    expect({ body: row.body.toString("utf8"), size: row.size, sha: row.body_sha256 }).toEqual({
      body: text,
      size: Buffer.byteLength(text),
      sha: sha256Hex(text),
    });
    expect((await eventDetail(accepted.eventId)).payload).toBeNull();
  });

  it("keeps an empty sub-path and query for /in/<key>", async () => {
    const endpoint = await genericEndpoint();
    const accepted = await expectAccepted(
      await sendRaw(baseUrl(), `/in/${endpoint.key}`, { body: "{}" }),
    );
    const row = await deliveryRow(accepted.deliveryId);
    expect({ path: row.path, query: row.query }).toEqual({ path: "", query: "" });
  });

  it("keeps the sub-path as sent (escapes and trailing slash) and the raw query in order", async () => {
    const endpoint = await genericEndpoint();
    const accepted = await expectAccepted(
      await sendRaw(baseUrl(), `/in/${endpoint.key}/a/b%20c/?b=2&a=1&a=3`, {
        body: JSON.stringify({ n: randomUUID() }),
      }),
    );
    const row = await deliveryRow(accepted.deliveryId);
    expect({ path: row.path, query: row.query }).toEqual({
      path: "/a/b%20c/",
      query: "b=2&a=1&a=3",
    });
  });

  it("keeps a query on the bare key URL", async () => {
    const endpoint = await genericEndpoint();
    const accepted = await expectAccepted(
      await sendRaw(baseUrl(), `/in/${endpoint.key}?b=2&a=1&a=3`, { body: "{}" }),
    );
    const row = await deliveryRow(accepted.deliveryId);
    expect({ path: row.path, query: row.query }).toEqual({ path: "", query: "b=2&a=1&a=3" });
  });

  // Senders build callback URLs by concatenation; any sub-path is stored as it arrived,
  // never redirected (a redirected POST is a lost callback) or refused.
  it.each([
    ["a trailing slash on the key", "/", ""],
    ["doubled slashes", "//a//b", ""],
    ["an escaped slash and dots", "/a%2Fb/%2e%2e/c", "x=%zz&y"],
    ["a backslash", "/a\\b", ""],
    ["a malformed escape", "/bad%E0%A4%A", "q=%E0"],
  ])("keeps a sub-path with %s as sent", async (_label, subPath, query) => {
    const endpoint = await genericEndpoint();
    const target = `/in/${endpoint.key}${subPath}${query ? `?${query}` : ""}`;
    const response = await sendRaw(baseUrl(), target, {
      body: JSON.stringify({ n: randomUUID() }),
    });
    const accepted = await expectAccepted(response);
    const row = await deliveryRow(accepted.deliveryId);
    expect({ path: row.path, query: row.query }).toEqual({ path: subPath, query });
  });

  it("keeps headers in arrival order with their case, repeated names as separate pairs", async () => {
    const endpoint = await genericEndpoint();
    const body = JSON.stringify({ nonce: randomUUID() });
    // Host, Content-Length and Connection are listed so Node adds nothing: the list is exactly what was sent.
    const sent: HeaderPairs = [
      ["Host", new URL(baseUrl()).host],
      ["X-Trace", "first"],
      ["Content-Type", "application/json"],
      ["x-TRACE", "second"],
      ["X-Custom-Thing", "a, b"],
      ["X-Trace", "third"],
      ["Content-Length", String(Buffer.byteLength(body))],
      ["Connection", "close"],
    ];
    const accepted = await expectAccepted(
      await sendRaw(baseUrl(), `/in/${endpoint.key}/hook`, { headers: sent, body }),
    );

    const row = await deliveryRow(accepted.deliveryId);
    expect(row.headers).toEqual(sent);
    expect({
      sourceIp: row.source_ip,
      status: row.response_status,
      verification: row.verification,
      method: row.method,
    }).toEqual({
      sourceIp: "127.0.0.1",
      status: 200,
      verification: "unsigned",
      method: "POST",
    });

    // The JSON API shows the same facts.
    const event = await eventDetail(accepted.eventId);
    expect(event.deliveries).toHaveLength(1);
    expect(event.deliveries[0]).toMatchObject({
      id: accepted.deliveryId,
      method: "POST",
      path: "/hook",
      query: "",
      headers: sent,
      size: Buffer.byteLength(body),
      bodySha256: sha256Hex(body),
      verification: "unsigned",
      responseStatus: 200,
    });
  });
});

describe("requests that store nothing", () => {
  it("answers GET on an ingest URL with a JSON 405 and an Allow header", async () => {
    const endpoint = await genericEndpoint();
    const response = await fetch(`${baseUrl()}/in/${endpoint.key}/x?y=1`);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST, PUT, PATCH");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(((await response.json()) as Refused).error.code).toBe("method_not_allowed");
    expect(await deliveryCount(endpoint.id)).toBe(0);
  });

  it("answers an unknown key with 404 not_found", async () => {
    const body = JSON.stringify({ nonce: unique("unknown-key") });
    const response = await sendCallback({ key: randomBytes(24).toString("base64url") }, body);
    const refused = (await response.json()) as Refused;
    expect(response.status).toBe(404);
    expect(refused.error.code).toBe("not_found");
    expect(typeof refused.error.message).toBe("string");
    expect(await deliveriesWithBody(body)).toBe(0);
  });

  // Keys are random base64url; anything else in that place is just an unknown key.
  it.each([
    ["a NUL byte", "%00"],
    ["a malformed escape", "%E0%A4%A"],
    ["an escaped slash", "a%2Fb"],
    ["5000 characters", "k".repeat(5000)],
  ])("answers a key with %s as unknown (404), never 5xx", async (_label, key) => {
    const body = JSON.stringify({ nonce: unique("odd-key") });
    const response = await sendRaw(baseUrl(), `/in/${key}/x`, {
      headers: [["Content-Type", "application/json"]],
      body,
    });
    expect(response.status, response.body.toString("utf8").slice(0, 300)).toBe(404);
    expect(response.json<Refused>().error.code).toBe("not_found");
    expect(await deliveriesWithBody(body)).toBe(0);
  });

  it.each([
    [
      "shorter than its Content-Length",
      (marker: string) => `Content-Length: 1000\r\n\r\n${marker}${"a".repeat(400)}`,
    ],
    [
      "chunked without its last chunk",
      (marker: string) =>
        `Transfer-Encoding: chunked\r\n\r\n${marker.length.toString(16)}\r\n${marker}\r\n`,
    ],
  ])("stores nothing of a body %s when the sender disconnects", async (_label, partial) => {
    const endpoint = await genericEndpoint();
    const marker = unique("partial");
    const head = `POST /in/${endpoint.key} HTTP/1.1\r\nHost: ${new URL(baseUrl()).host}\r\nContent-Type: text/plain\r\n`;
    expect(await sendThenDisconnect(baseUrl(), head + partial(marker))).toBe("");
    // No answer can say when the server gave up on the request; give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await deliveryCount(endpoint.id)).toBe(0);
  });

  it("answers 410 once the endpoint is archived, and keeps what came before", async () => {
    const endpoint = await genericEndpoint();
    // A first callback puts the endpoint in the server's cache: archiving must still win.
    const before = await expectAccepted(
      await sendCallback(endpoint, JSON.stringify({ n: randomUUID() })),
    );
    const archived = await api(`/api/endpoints/${endpoint.id}`, { method: "DELETE" });
    expect(archived.status).toBe(200);

    const body = JSON.stringify({ nonce: unique("archived") });
    const response = await sendCallback(endpoint, body);
    expect(response.status).toBe(410);
    expect(((await response.json()) as Refused).error.code).toBe("endpoint_archived");
    expect(await deliveriesWithBody(body)).toBe(0);
    expect(await deliveryCount(endpoint.id)).toBe(1);
    expect((await deliveryRow(before.deliveryId)).endpoint_id).toBe(endpoint.id);
  });
});

describe("standard-webhooks verification (aspect)", () => {
  it("verifies a callback signed by the svix library", async () => {
    const secret = newWhsec();
    const endpoint = await aspectEndpoint([secret]);
    const body = aspectPayload(randomUUID(), "task.progress");
    const accepted = await expectAccepted(
      await sendCallback(endpoint, body, { headers: svixHeaders(secret, body) }),
    );
    expect(accepted.verification).toBe("verified");

    const row = await deliveryRow(accepted.deliveryId);
    expect({ verification: row.verification, status: row.response_status }).toEqual({
      verification: "verified",
      status: 200,
    });
    expect((await eventDetail(accepted.eventId)).verification).toBe("verified");
  });

  it("verifies webhook-* headers in any case", async () => {
    const secret = newWhsec();
    const endpoint = await aspectEndpoint([secret]);
    const body = aspectPayload(randomUUID(), "task.progress");
    const signed = svixHeaders(secret, body);
    const headers: HeaderPairs = [
      ["Content-Type", "application/json"],
      ["Webhook-Id", signed["svix-id"] ?? ""],
      ["WEBHOOK-TIMESTAMP", signed["svix-timestamp"] ?? ""],
      ["webhook-Signature", signed["svix-signature"] ?? ""],
    ];
    const accepted = await expectAccepted(
      await sendRaw(baseUrl(), `/in/${endpoint.key}`, { headers, body }),
    );
    expect(accepted.verification).toBe("verified");
    expect((await deliveryRow(accepted.deliveryId)).verification).toBe("verified");
  });

  it("verifies when one of several space-separated signatures matches", async () => {
    const secret = newWhsec();
    const endpoint = await aspectEndpoint([secret]);
    const body = aspectPayload(randomUUID(), "task.progress");
    const headers = svixHeaders(secret, body);
    const wrong = `v1,${randomBytes(32).toString("base64")}`;
    headers["svix-signature"] = `${wrong} ${headers["svix-signature"]} v2,ignored`;
    const accepted = await expectAccepted(await sendCallback(endpoint, body, { headers }));
    expect(accepted.verification).toBe("verified");
  });

  it("verifies when the matching signature comes in a second, repeated signature header", async () => {
    const secret = newWhsec();
    const endpoint = await aspectEndpoint([secret]);
    const body = aspectPayload(randomUUID(), "task.progress");
    const signed = svixHeaders(secret, body);
    const headers: HeaderPairs = [
      ["Content-Type", "application/json"],
      ["svix-id", signed["svix-id"] ?? ""],
      ["svix-timestamp", signed["svix-timestamp"] ?? ""],
      ["svix-signature", `v1,${randomBytes(32).toString("base64")}`],
      ["svix-signature", signed["svix-signature"] ?? ""],
    ];
    const accepted = await expectAccepted(
      await sendRaw(baseUrl(), `/in/${endpoint.key}`, { headers, body }),
    );
    expect(accepted.verification).toBe("verified");
  });

  it("stores a wrongly signed callback as failed with the reason, and answers 401 with a generic one", async () => {
    const endpoint = await aspectEndpoint([newWhsec()]);
    const body = aspectPayload(randomUUID(), "task.completed");
    const { reason, deliveryId } = await expectVerificationFailed(
      await sendCallback(endpoint, body, { headers: svixHeaders(newWhsec(), body) }),
    );
    expect(reason).toMatch(/^no matching signature/);

    const row = await deliveryRow(deliveryId);
    expect(row.body.toString("utf8")).toBe(body);
    const { body: events } = await apiJson<{ items: Array<{ verification: string }> }>(
      `/api/events?endpointId=${endpoint.id}`,
    );
    expect(events.items.map((e) => e.verification)).toEqual(["failed"]);
  });

  it("refuses a timestamp 400 s old, saying how much older than the tolerance it is", async () => {
    const secret = newWhsec();
    const endpoint = await aspectEndpoint([secret]);
    const body = aspectPayload(randomUUID(), "task.progress");
    const at = new Date(Date.now() - 400_000);
    const { reason } = await expectVerificationFailed(
      await sendCallback(endpoint, body, { headers: svixHeaders(secret, body, { at }) }),
    );
    expect(reason).toMatch(/^timestamp 40[01] s older than the 300 s tolerance$/);
  });

  it("refuses a timestamp 400 s in the future", async () => {
    const secret = newWhsec();
    const endpoint = await aspectEndpoint([secret]);
    const body = aspectPayload(randomUUID(), "task.progress");
    const at = new Date(Date.now() + 400_000);
    const { reason } = await expectVerificationFailed(
      await sendCallback(endpoint, body, { headers: svixHeaders(secret, body, { at }) }),
    );
    expect(reason).toMatch(/^timestamp (399|400) s in the future, beyond the 300 s tolerance$/);
  });

  describe("malformed headers are a 401 with a reason, never a 5xx", () => {
    const cases: Array<[string, (h: Record<string, string>) => void, RegExp]> = [
      [
        "garbage base64 signature",
        (h) => (h["svix-signature"] = "v1,***not base64***"),
        /^malformed svix-signature header/,
      ],
      [
        "signature without a v1 entry",
        (h) => (h["svix-signature"] = "abc"),
        /^malformed svix-signature header: no "v1,<base64>" entries$/,
      ],
      [
        "empty signature header",
        (h) => (h["svix-signature"] = ""),
        /^malformed svix-signature header/,
      ],
      [
        "non-numeric timestamp",
        (h) => (h["svix-timestamp"] = "yesterday"),
        /^malformed svix-timestamp header: expected Unix seconds/,
      ],
      [
        "timestamp with a fraction",
        (h) => (h["svix-timestamp"] = `${Math.floor(Date.now() / 1000)}.5`),
        /^malformed svix-timestamp header/,
      ],
      ["empty id header", (h) => (h["svix-id"] = ""), /^malformed svix-id header: empty$/],
      [
        "10 KB signature header",
        (h) => (h["svix-signature"] = `v1,${"A".repeat(10 * 1024)}`),
        /^malformed svix-signature header/,
      ],
      [
        "10 KB of v1 entries",
        (h) => (h["svix-signature"] = Array.from({ length: 400 }, () => "v1,xx==").join(" ")),
        /^malformed svix-signature header/,
      ],
      [
        "missing signature header",
        (h) => delete h["svix-signature"],
        /^missing svix-signature header/,
      ],
    ];

    it.each(cases)("%s", async (_label, spoil, expected) => {
      const secret = newWhsec();
      const endpoint = await aspectEndpoint([secret]);
      const body = aspectPayload(randomUUID(), "task.progress");
      const headers = svixHeaders(secret, body);
      spoil(headers);
      // Raw request: fetch would refuse or trim some of these values.
      const pairs: HeaderPairs = [["Content-Type", "application/json"], ...Object.entries(headers)];
      const response = await sendRaw(baseUrl(), `/in/${endpoint.key}`, { headers: pairs, body });
      const { reason } = await expectVerificationFailed(response);
      expect(reason).toMatch(expected);
    });

    it("answers no headers at all with the missing header's name", async () => {
      const endpoint = await aspectEndpoint([newWhsec()]);
      const { reason } = await expectVerificationFailed(
        await sendCallback(endpoint, aspectPayload(randomUUID(), "task.progress")),
      );
      expect(reason).toMatch(/^missing webhook-id header \(also looked for svix-id\)$/);
    });
  });

  it("verifies with the new and the old secret during a rotation, and refuses the old one after it", async () => {
    const oldSecret = newWhsec();
    const newSecret = newWhsec();
    const endpoint = await aspectEndpoint([oldSecret]);
    const send = (secret: string) => {
      const body = aspectPayload(randomUUID(), "task.progress");
      return sendCallback(endpoint, body, { headers: svixHeaders(secret, body) });
    };
    // Prime the server's endpoint cache with the old settings before changing them.
    expect((await expectAccepted(await send(oldSecret))).verification).toBe("verified");

    await patchEndpoint(endpoint, { secrets: [newSecret, oldSecret] });
    expect((await expectAccepted(await send(newSecret))).verification).toBe("verified");
    expect((await expectAccepted(await send(oldSecret))).verification).toBe("verified");

    await patchEndpoint(endpoint, { secrets: [newSecret] });
    expect((await expectAccepted(await send(newSecret))).verification).toBe("verified");
    expect((await expectVerificationFailed(await send(oldSecret))).reason).toMatch(
      /^no matching signature/,
    );
  });

  it("verifies a signed body that is not JSON", async () => {
    const secret = newWhsec();
    const endpoint = await aspectEndpoint([secret]);
    const body = `plain text, not json {${randomUUID()}`;
    const accepted = await expectAccepted(
      await sendCallback(endpoint, body, {
        headers: { ...svixHeaders(secret, body), "content-type": "text/plain" },
      }),
    );
    expect(accepted.verification).toBe("verified");
    expect((await deliveryRow(accepted.deliveryId)).body.toString("utf8")).toBe(body);
  });

  it("verifies a signed body that is not valid UTF-8", async () => {
    const secret = newWhsec();
    const endpoint = await aspectEndpoint([secret]);
    const body = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x80]), randomBytes(16)]);
    const id = `msg_${randomBytes(8).toString("hex")}`;
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      "svix-id": id,
      "svix-timestamp": String(timestamp),
      "svix-signature": standardSignature(secret, id, timestamp, body),
    };
    const accepted = await expectAccepted(
      await sendCallback(endpoint, body, {
        headers: { ...headers, "content-type": "application/octet-stream" },
      }),
    );
    expect(accepted.verification).toBe("verified");
    expect((await deliveryRow(accepted.deliveryId)).body.equals(body)).toBe(true);
  });
});

describe("hmac verification (scriptix)", () => {
  const secret = "scriptix-signing-secret-0123456789";
  const sign = (body: Uint8Array | string, key = secret) =>
    `sha256=${createHmac("sha256", key).update(body).digest("hex")}`;
  const scriptixEndpoint = () =>
    createEndpoint({ name: unique("scriptix"), provider: "scriptix", secrets: [secret] });
  const payload = () =>
    JSON.stringify({
      event: "transcription.completed",
      data: { id: randomUUID(), status: "completed" },
    });

  it("verifies a sha256= hex signature in X-Scriptix-Signature", async () => {
    const endpoint = await scriptixEndpoint();
    const body = payload();
    const accepted = await expectAccepted(
      await sendCallback(endpoint, body, { headers: { "X-Scriptix-Signature": sign(body) } }),
    );
    expect(accepted.verification).toBe("verified");
    expect((await deliveryRow(accepted.deliveryId)).verification).toBe("verified");
  });

  it("refuses a signature made with another secret", async () => {
    const endpoint = await scriptixEndpoint();
    const body = payload();
    const { reason } = await expectVerificationFailed(
      await sendCallback(endpoint, body, {
        headers: { "X-Scriptix-Signature": sign(body, "some-other-secret") },
      }),
    );
    expect(reason).toMatch(/^no matching signature/);
  });

  it("refuses a callback without the header, naming it", async () => {
    const endpoint = await scriptixEndpoint();
    const { reason } = await expectVerificationFailed(await sendCallback(endpoint, payload()));
    expect(reason).toBe("missing X-Scriptix-Signature header");
  });

  it("refuses a malformed digest with 401, not 5xx", async () => {
    const endpoint = await scriptixEndpoint();
    const { reason } = await expectVerificationFailed(
      await sendCallback(endpoint, payload(), {
        headers: { "X-Scriptix-Signature": `sha256=${"zz".repeat(5000)}` },
      }),
    );
    expect(reason).toMatch(/^malformed X-Scriptix-Signature header/);
  });

  it("verifies signed bodies that are not JSON or not UTF-8", async () => {
    const endpoint = await scriptixEndpoint();
    for (const body of [
      Buffer.from(`not json ${randomUUID()}`),
      Buffer.concat([Buffer.from([0xc3, 0x28, 0xff]), randomBytes(8)]),
    ]) {
      const accepted = await expectAccepted(
        await sendCallback(endpoint, body, { headers: { "X-Scriptix-Signature": sign(body) } }),
      );
      expect(accepted.verification).toBe("verified");
      expect((await deliveryRow(accepted.deliveryId)).body.equals(body)).toBe(true);
    }
  });
});

describe("token verification (json2video)", () => {
  const payload = () =>
    JSON.stringify({
      project: randomUUID(),
      status: "done",
      url: "https://cdn.example.com/movie.mp4",
    });

  it("accepts callbacks as unsigned while no token is configured", async () => {
    const endpoint = await createEndpoint({ name: unique("json2video"), provider: "json2video" });
    const accepted = await expectAccepted(await sendCallback(endpoint, payload()));
    expect(accepted.verification).toBe("unsigned");
    expect((await deliveryRow(accepted.deliveryId)).verification).toBe("unsigned");
  });

  it("checks the Bearer token once one is configured", async () => {
    const endpoint = await createEndpoint({ name: unique("json2video"), provider: "json2video" });
    const token = `tok_${randomBytes(16).toString("hex")}`;
    await patchEndpoint(endpoint, { secrets: [token] });

    const verified = await expectAccepted(
      await sendCallback(endpoint, payload(), { headers: { authorization: `Bearer ${token}` } }),
    );
    expect(verified.verification).toBe("verified");

    const missing = await expectVerificationFailed(await sendCallback(endpoint, payload()));
    expect(missing.reason).toBe("missing Authorization header");

    const wrong = await expectVerificationFailed(
      await sendCallback(endpoint, payload(), {
        headers: { authorization: "Bearer not-the-token" },
      }),
    );
    expect(wrong.reason).toMatch(/^Authorization header does not match/);
    expect(wrong.reason).not.toContain("not-the-token");
  });
});

describe("no verification (generic)", () => {
  it("records callbacks as unsigned, whatever signature headers they carry", async () => {
    const endpoint = await genericEndpoint();
    const accepted = await expectAccepted(
      await sendCallback(endpoint, JSON.stringify({ n: randomUUID() }), {
        headers: { "svix-signature": "v1,garbage", "x-hub-signature-256": "sha256=00" },
      }),
    );
    expect(accepted.verification).toBe("unsigned");
    const row = await deliveryRow(accepted.deliveryId);
    expect({ verification: row.verification, reason: row.verification_reason }).toEqual({
      verification: "unsigned",
      reason: null,
    });
  });
});

describe("a failed delivery is evidence, not data", () => {
  it("never moves a job's state", async () => {
    const secret = newWhsec();
    const endpoint = await aspectEndpoint([secret]);
    const taskId = randomUUID();
    const progress = aspectPayload(taskId, "task.progress");
    await expectAccepted(
      await sendCallback(endpoint, progress, { headers: svixHeaders(secret, progress) }),
    );
    expect(await jobState(endpoint.id, taskId)).toBe("processing");

    const forged = aspectPayload(
      taskId,
      "task.completed",
      "completed",
      new Date(Date.now() + 60_000),
    );
    await expectVerificationFailed(
      await sendCallback(endpoint, forged, { headers: svixHeaders(newWhsec(), forged) }),
    );
    expect(await jobState(endpoint.id, taskId)).toBe("processing");

    const { body: jobs } = await apiJson<{
      items: Array<{ externalId: string; state: string; error: string | null }>;
    }>(`/api/jobs?endpointId=${endpoint.id}`);
    expect(jobs.items.map((j) => ({ externalId: j.externalId, state: j.state }))).toEqual([
      { externalId: taskId, state: "processing" },
    ]);
  });

  it("never creates a job", async () => {
    const endpoint = await aspectEndpoint([newWhsec()]);
    const taskId = randomUUID();
    const forged = aspectPayload(taskId, "task.completed", "completed");
    await expectVerificationFailed(
      await sendCallback(endpoint, forged, { headers: svixHeaders(newWhsec(), forged) }),
    );
    expect(await jobState(endpoint.id, taskId)).toBeUndefined();
  });

  it("does not replace a verified event's payload when it reuses the svix-id", async () => {
    const secret = newWhsec();
    const endpoint = await aspectEndpoint([secret]);
    const taskId = randomUUID();
    const id = `msg_${randomBytes(12).toString("hex")}`;
    const genuine = aspectPayload(taskId, "task.progress");
    const first = await expectAccepted(
      await sendCallback(endpoint, genuine, { headers: svixHeaders(secret, genuine, { id }) }),
    );

    const forged = aspectPayload(taskId, "task.failed", "failed", new Date(Date.now() + 60_000));
    const second = await expectVerificationFailed(
      await sendCallback(endpoint, forged, { headers: svixHeaders(newWhsec(), forged, { id }) }),
    );
    expect((await deliveryRow(second.deliveryId)).event_id).toBe(first.eventId);

    const event = await eventDetail(first.eventId);
    expect(event.payload).toEqual(JSON.parse(genuine));
    expect({ verification: event.verification, deliveryCount: event.deliveryCount }).toEqual({
      verification: "verified",
      deliveryCount: 2,
    });
    expect(event.deliveries.map((d) => [d.id, d.verification, d.responseStatus])).toEqual([
      [first.deliveryId, "verified", 200],
      [second.deliveryId, "failed", 401],
    ]);
    expect(await jobState(endpoint.id, taskId)).toBe("processing");
  });

  it("gives way to a verified delivery that arrives after a forged one with the same svix-id", async () => {
    const secret = newWhsec();
    const endpoint = await aspectEndpoint([secret]);
    const taskId = randomUUID();
    const id = `msg_${randomBytes(12).toString("hex")}`;
    const forged = aspectPayload(taskId, "task.failed", "failed");
    const first = await expectVerificationFailed(
      await sendCallback(endpoint, forged, { headers: svixHeaders(newWhsec(), forged, { id }) }),
    );
    const genuine = aspectPayload(taskId, "task.progress");
    const second = await expectAccepted(
      await sendCallback(endpoint, genuine, { headers: svixHeaders(secret, genuine, { id }) }),
    );

    const event = await eventDetail(second.eventId);
    expect((await deliveryRow(first.deliveryId)).event_id).toBe(second.eventId);
    expect(event.payload).toEqual(JSON.parse(genuine));
    expect({ verification: event.verification, deliveryCount: event.deliveryCount }).toEqual({
      verification: "verified",
      deliveryCount: 2,
    });
    expect(await jobState(endpoint.id, taskId)).toBe("processing");
  });
});
