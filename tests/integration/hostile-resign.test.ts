// Hostile input, issue 10 item 2: forged callbacks must not come out of the inbox with
// valid signatures. Re-signing vouches for a body, so only a body whose signature
// checked out is re-signed: a replay asking for it gets 409 not_verified, a bulk
// replay is refused, an automatic forward to an `all` destination goes as received
// with X-Inbox-Verification: failed. Unsigned callbacks (no scheme) are re-signed
// only by an admin. Real callbacks in over HTTP, real receivers on 127.0.0.1 out.
import { randomUUID } from "node:crypto";
import { Webhook } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyHmac } from "@/lib/verify/hmac";
import {
  apiJson,
  createEndpoint,
  queryAppDb,
  sendCallback,
  type CreatedEndpoint,
} from "@/tests/support/api";
import { newStandardWebhooksSecret, scriptixHeaders } from "@/tests/support/callbacks-signing";
import { startReceiver, type ReceivedRequest, type Receiver } from "@/tests/support/receiver";
import { closeTestPeople, createTestPerson } from "@/tests/support/people";

type ApiError = { error: { code: string; message: string } };
type Attempt = { id: string; status: string; responseStatus: number | null };

const SCRIPTIX_SECRET = "scriptix-secret-resign-0123";
const FORGED_SIGNATURE = `sha256=${"0".repeat(64)}`;
const NOT_VERIFIED =
  "this callback failed verification; it can be replayed as received, not re-signed";
const SCRIPTIX_HMAC = {
  scheme: "hmac",
  header: "x-scriptix-signature",
  algorithm: "sha256",
  encoding: "hex",
  prefix: "sha256=",
} as const;
const POLL = { timeout: 20_000, interval: 100 };

let target: Receiver;
let memberToken: string;

beforeAll(async () => {
  target = await startReceiver();
  memberToken = (await createTestPerson("member")).token;
});

afterAll(async () => {
  await target?.close();
  await closeTestPeople();
});

const scriptixBody = (jobId = randomUUID(), extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    event: "transcription.completed",
    data: { id: jobId, status: "completed", ...extra },
  });
const scriptixEndpoint = () =>
  createEndpoint({
    name: `resign-${randomUUID()}`,
    provider: "scriptix",
    secrets: [SCRIPTIX_SECRET],
  });
const signedWith = (request: ReceivedRequest, secret: string) =>
  verifyHmac({
    config: SCRIPTIX_HMAC,
    secrets: [secret],
    headers: request.headers,
    body: request.body,
    now: Date.now(),
  }).outcome;
const requestsFor = (eventId: string) =>
  target.requests.filter((r) => target.header(r, "x-inbox-event-id") === eventId);

/** Sends a callback and answers the event and delivery it was stored as (the database's word, whatever the sender was told). */
async function ingest(
  endpoint: CreatedEndpoint,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; eventId: string; deliveryId: string }> {
  const response = await sendCallback(endpoint, body, { headers });
  const [row] = await queryAppDb<{ id: string; event_id: string }>(
    "SELECT id, event_id FROM deliveries WHERE endpoint_id = $1 ORDER BY received_at DESC, id DESC LIMIT 1",
    [endpoint.id],
  );
  if (!row) throw new Error("nothing stored");
  return { status: response.status, eventId: row.event_id, deliveryId: row.id };
}

function replay(eventId: string, body: Record<string, unknown>, token?: string) {
  return apiJson<Attempt & ApiError>(`/api/events/${eventId}/replay`, {
    method: "POST",
    body: JSON.stringify(body),
    ...(token && { headers: { authorization: `Bearer ${token}` } }),
  });
}

describe("replaying a callback that failed verification", () => {
  it("answers 409 not_verified to re-signing it and sends nothing; as received it goes, marked failed and unsigned by us", async () => {
    const endpoint = await scriptixEndpoint();
    const forged = await ingest(endpoint, scriptixBody(), {
      "X-Scriptix-Signature": FORGED_SIGNATURE,
    });
    expect(forged.status).toBe(401);

    for (const resign of ["provider", true]) {
      const answer = await replay(forged.eventId, { url: target.url("/forged"), resign });
      expect(answer.status, JSON.stringify(answer.body)).toBe(409);
      expect(answer.body.error).toEqual({
        code: "not_verified",
        message: expect.stringContaining(NOT_VERIFIED) as string,
      });
    }
    expect(requestsFor(forged.eventId)).toHaveLength(0);

    const asReceived = await replay(forged.eventId, { url: target.url("/forged"), resign: false });
    expect(asReceived.status, JSON.stringify(asReceived.body)).toBe(200);
    const [sent] = requestsFor(forged.eventId);
    if (!sent) throw new Error("not replayed");
    expect(target.header(sent, "x-inbox-verification")).toBe("failed");
    expect(target.header(sent, "x-scriptix-signature")).toBe(FORGED_SIGNATURE);
    expect(signedWith(sent, SCRIPTIX_SECRET)).toBe("failed");
  });

  it("judges the delivery that is sent: a forged retry of a verified event is not re-signed, the verified one is", async () => {
    const endpoint = await scriptixEndpoint();
    const jobId = randomUUID();
    const genuine = scriptixBody(jobId);
    const verified = await ingest(endpoint, genuine, scriptixHeaders(SCRIPTIX_SECRET, genuine));
    expect(verified.status).toBe(200);
    // Same event and job (Scriptix dedupes on both), other bytes, no valid signature.
    const forged = await ingest(
      endpoint,
      scriptixBody(jobId, { output: "https://evil.example/x.mp4" }),
      { "X-Scriptix-Signature": FORGED_SIGNATURE },
    );
    expect(forged.eventId).toBe(verified.eventId);

    const refused = await replay(verified.eventId, {
      url: target.url("/retry"),
      deliveryId: forged.deliveryId,
      resign: "provider",
    });
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body.error.code).toBe("not_verified");
    expect(requestsFor(verified.eventId)).toHaveLength(0);

    const resigned = await replay(verified.eventId, {
      url: target.url("/retry"),
      resign: "provider",
    });
    expect(resigned.status, JSON.stringify(resigned.body)).toBe(200);
    const [sent] = requestsFor(verified.eventId);
    if (!sent) throw new Error("not replayed");
    expect(sent.body.toString("utf8")).toBe(genuine);
    expect(signedWith(sent, SCRIPTIX_SECRET)).toBe("verified");
    expect(target.header(sent, "x-inbox-verification")).toBe("verified");
  });

  it("refuses a bulk replay that would re-sign failed callbacks (409, no batch); narrowed to verified ones it goes", async () => {
    const endpoint = await scriptixEndpoint();
    const genuine = scriptixBody();
    const verified = await ingest(endpoint, genuine, scriptixHeaders(SCRIPTIX_SECRET, genuine));
    const forged = await ingest(endpoint, scriptixBody(), {
      "X-Scriptix-Signature": FORGED_SIGNATURE,
    });

    const refused = await apiJson<ApiError>("/api/replays", {
      method: "POST",
      body: JSON.stringify({
        filter: { endpointId: endpoint.id },
        url: target.url("/bulk"),
        resign: "provider",
      }),
    });
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body.error.code).toBe("not_verified");
    expect(refused.body.error.message).toMatch(
      /1 of the 2 matching events failed verification.*verification=verified/,
    );

    const narrowed = await apiJson<{ id: string; total: number }>("/api/replays", {
      method: "POST",
      body: JSON.stringify({
        filter: { endpointId: endpoint.id, verification: "verified" },
        url: target.url("/bulk"),
        resign: "provider",
      }),
    });
    expect(narrowed.status, JSON.stringify(narrowed.body)).toBe(202);
    expect(narrowed.body.total).toBe(1);
    await expect
      .poll(async () => (await apiJson(`/api/replays/${narrowed.body.id}`)).body, POLL)
      .toMatchObject({ succeeded: 1, pending: 0 });
    const batches = await queryAppDb(
      "SELECT id FROM replay_batches WHERE request->'filter'->>'endpointId' = $1",
      [endpoint.id],
    );
    expect(batches).toHaveLength(1);
    expect(requestsFor(forged.eventId)).toHaveLength(0);
    const [sent] = requestsFor(verified.eventId);
    expect(sent && signedWith(sent, SCRIPTIX_SECRET)).toBe("verified");
  });
});

describe("forwarding to a destination that takes all events and re-signs", () => {
  it("sends a forged callback as received, with X-Inbox-Verification: failed and no signature of ours; a verified one re-signed", async () => {
    const endpoint = await scriptixEndpoint();
    const receiverSecret = "receiver-secret-resign-0123";
    const created = await apiJson(`/api/endpoints/${endpoint.id}/destinations`, {
      method: "POST",
      body: JSON.stringify({
        url: target.url("/all"),
        forward: "all",
        resign: "provider",
        signingSecret: receiverSecret,
      }),
    });
    expect(created.status).toBe(201);

    const forgedBody = scriptixBody();
    const forged = await ingest(endpoint, forgedBody, { "X-Scriptix-Signature": FORGED_SIGNATURE });
    const genuine = scriptixBody();
    const verified = await ingest(endpoint, genuine, scriptixHeaders(SCRIPTIX_SECRET, genuine));
    await expect
      .poll(() => requestsFor(forged.eventId).length + requestsFor(verified.eventId).length, POLL)
      .toBe(2);

    const [forgedSent] = requestsFor(forged.eventId);
    if (!forgedSent) throw new Error("not forwarded");
    expect(forgedSent.body.toString("utf8")).toBe(forgedBody);
    expect(target.header(forgedSent, "x-inbox-verification")).toBe("failed");
    expect(
      forgedSent.headers.filter(([name]) => name.toLowerCase() === "x-scriptix-signature"),
    ).toEqual([[expect.any(String), FORGED_SIGNATURE]]);
    expect(signedWith(forgedSent, receiverSecret)).toBe("failed");

    const [verifiedSent] = requestsFor(verified.eventId);
    if (!verifiedSent) throw new Error("not forwarded");
    expect(target.header(verifiedSent, "x-inbox-verification")).toBe("verified");
    expect(signedWith(verifiedSent, receiverSecret)).toBe("verified");
  });
});

describe("re-signing an unsigned callback (an endpoint without a scheme)", () => {
  it("is refused to a member with 403 naming the admin role; sent as received for them; an admin's replay is re-signed", async () => {
    const endpoint = await createEndpoint({
      name: `unsigned-${randomUUID()}`,
      provider: "generic",
    });
    const unsigned = await ingest(endpoint, JSON.stringify({ nonce: randomUUID() }), {});
    expect(unsigned.status).toBe(200);
    const whsec = newStandardWebhooksSecret();
    const created = await apiJson<{ id: string }>(`/api/endpoints/${endpoint.id}/destinations`, {
      method: "POST",
      body: JSON.stringify({
        url: target.url("/unsigned"),
        resign: "standard-webhooks",
        signingSecret: whsec,
      }),
    });
    expect(created.status).toBe(201);
    const destinationId = created.body.id;

    for (const resign of [undefined, true, "standard-webhooks"]) {
      const refused = await replay(
        unsigned.eventId,
        { destinationId, ...(resign !== undefined && { resign }) },
        memberToken,
      );
      expect(refused.status, JSON.stringify(refused.body)).toBe(403);
      expect(refused.body.error.code).toBe("forbidden");
      expect(refused.body.error.message).toMatch(/admin role/);
    }
    expect(requestsFor(unsigned.eventId)).toHaveLength(0);
    const bulk = await apiJson<ApiError>("/api/replays", {
      method: "POST",
      body: JSON.stringify({ filter: { endpointId: endpoint.id }, destinationId }),
      headers: { authorization: `Bearer ${memberToken}` },
    });
    expect(bulk.status, JSON.stringify(bulk.body)).toBe(403);

    const asReceived = await replay(
      unsigned.eventId,
      { destinationId, resign: false },
      memberToken,
    );
    expect(asReceived.status, JSON.stringify(asReceived.body)).toBe(200);
    expect(
      target.header(
        requestsFor(unsigned.eventId)[0] ?? {
          method: "",
          path: "",
          headers: [],
          body: Buffer.alloc(0),
        },
        "webhook-signature",
      ),
    ).toBeUndefined();

    const byAdmin = await replay(unsigned.eventId, { destinationId });
    expect(byAdmin.status, JSON.stringify(byAdmin.body)).toBe(200);
    const signed = requestsFor(unsigned.eventId)[1];
    if (!signed) throw new Error("not replayed");
    expect(target.header(signed, "x-inbox-verification")).toBe("unsigned");
    const headers = Object.fromEntries(
      signed.headers.map(([name, value]) => [name.toLowerCase(), value]),
    );
    expect(() => new Webhook(whsec).verify(signed.body.toString("utf8"), headers)).not.toThrow();
  });
});
