// Issue 10, item 3: the token a provider sends is a credential. For a token-scheme
// endpoint (JSON2Video, Descript) the Authorization value IS the endpoint secret, and
// X-Goog-Api-Key / Api-Key headers are keys too. None of them may be readable in an
// API answer, a stream, the database or a forward; an admin may reveal one, recorded.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  api,
  apiJson,
  baseUrl,
  createEndpoint,
  queryAppDb,
  type CreatedEndpoint,
} from "@/tests/support/api";
import { TEST_API_TOKEN } from "@/tests/support/app-server";
import { expectApiError, ingestOk } from "@/tests/support/callbacks-inbox";
import { json2videoDone } from "@/tests/support/callbacks-payloads";
import { bearerHeaders } from "@/tests/support/callbacks-signing";
import { startReceiver, type Receiver } from "@/tests/support/receiver";
import { nextMessage, sseMessages } from "@/tests/support/sse";

const secret = `j2v_${randomBytes(18).toString("hex")}`;
const googKey = `AIza${randomBytes(16).toString("hex")}`;
const apiKey = `key_${randomBytes(16).toString("hex")}`;
const extraCredentials = { "X-Goog-Api-Key": googKey, "Api-Key": apiKey };
const everySecret = [secret, googKey, apiKey];

let endpoint: CreatedEndpoint;
let receiver: Receiver;
let destinationId = "";
let delivered: { deliveryId: string; eventId: string };

type DeliveryView = { id: string; headers: Array<[string, string]>; maskedHeaders?: string[] };

function expectNoSecretIn(text: string, where: string): void {
  for (const value of everySecret)
    expect(text, `${where} contains a credential value`).not.toContain(value);
}

/** A member with a personal token (role tests of the reveal). */
async function memberToken(): Promise<string> {
  const id = `usr_member_${randomUUID().slice(0, 8)}`;
  const token = `inbox_pat_${randomBytes(24).toString("base64url")}`;
  await queryAppDb("INSERT INTO users (id, name, email, role) VALUES ($1, $1, $2, 'member')", [
    id,
    `${id}@team.test`,
  ]);
  await queryAppDb(
    "INSERT INTO api_tokens (id, user_id, name, token_hash, token_prefix) VALUES ($1, $2, 'test', $3, $4)",
    [
      `tok_${randomUUID().slice(0, 8)}`,
      id,
      createHash("sha256").update(token).digest("hex"),
      token.slice(0, 14),
    ],
  );
  return token;
}

const reveal = (deliveryId: string, name: string, token = TEST_API_TOKEN) =>
  fetch(`${baseUrl()}/api/deliveries/${deliveryId}/headers/reveal`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ name }),
  });

beforeAll(async () => {
  receiver = await startReceiver();
  endpoint = await createEndpoint({
    name: `token ${randomUUID().slice(0, 8)}`,
    provider: "json2video",
    secrets: [secret],
  });
  const destination = await apiJson<{ id: string }>(`/api/endpoints/${endpoint.id}/destinations`, {
    method: "POST",
    body: JSON.stringify({ url: receiver.url(), forward: "all" }),
  });
  expect(destination.status).toBe(201);
  destinationId = destination.body.id;
  delivered = await ingestOk(endpoint, JSON.stringify(json2videoDone(`movie-${randomUUID()}`)), {
    ...bearerHeaders(secret),
    ...extraCredentials,
  });
});

afterAll(async () => {
  await receiver?.close();
});

describe("credential headers of a token-scheme callback", () => {
  it("verified the callback with the raw token (sealing happens after verification)", async () => {
    const [row] = await queryAppDb<{ verification: string }>(
      "SELECT verification::text FROM deliveries WHERE id = $1",
      [delivered.deliveryId],
    );
    expect(row?.verification).toBe("verified");
  });

  it("GET /api/events/<id> shows them masked (scheme and last 4 characters), never the value", async () => {
    const response = await api(`/api/events/${delivered.eventId}`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expectNoSecretIn(text, "GET /api/events/<id>");
    const delivery = (JSON.parse(text) as { deliveries: DeliveryView[] }).deliveries[0];
    const valueOf = (name: string) =>
      delivery?.headers.find(([n]) => n.toLowerCase() === name)?.[1];
    expect(valueOf("authorization")).toBe(`Bearer ••••${secret.slice(-4)}`);
    expect(valueOf("x-goog-api-key")).toBe(`••••${googKey.slice(-4)}`);
    expect(valueOf("content-type")).toBe("application/json");
    expect(delivery?.maskedHeaders).toEqual(
      expect.arrayContaining(["authorization", "x-goog-api-key", "api-key"]),
    );
  });

  it("deliveries.headers holds them sealed: no value in the database or a backup of it", async () => {
    const [row] = await queryAppDb<{ headers: Array<[string, string]>; text: string }>(
      "SELECT headers, headers::text AS text FROM deliveries WHERE id = $1",
      [delivered.deliveryId],
    );
    expectNoSecretIn(row?.text ?? "", "deliveries.headers");
    const stored = row?.headers.find(([name]) => name.toLowerCase() === "authorization")?.[1];
    expect(stored).toMatch(/^sealed:v1:/);
    // Names and order are kept: only values change.
    expect(row?.headers.map(([name]) => name.toLowerCase())).toEqual(
      expect.arrayContaining(["authorization", "x-goog-api-key", "api-key", "content-type"]),
    );
  });

  it("the CLI's delivery stream sends them masked, and names them", async () => {
    const abort = new AbortController();
    try {
      const since = new Date(Date.now() - 10 * 60_000).toISOString();
      const response = await api(
        `/api/endpoints/${endpoint.id}/deliveries/stream?since=${encodeURIComponent(since)}`,
        { signal: abort.signal },
      );
      expect(response.status).toBe(200);
      if (!response.body) throw new Error("no body");
      const message = await nextMessage(
        sseMessages(response.body),
        (m) => m.event === "delivery" && m.data.includes(delivered.deliveryId),
      );
      expectNoSecretIn(message.data, "the delivery stream");
      expect((JSON.parse(message.data) as DeliveryView).maskedHeaders).toEqual(
        expect.arrayContaining(["authorization", "x-goog-api-key", "api-key"]),
      );
    } finally {
      abort.abort();
    }
  });

  it("a forward to a real receiver carries none of them, nor does the attempt's record", async () => {
    await expect
      .poll(
        () =>
          receiver.requests.filter(
            (r) => receiver.header(r, "x-inbox-event-id") === delivered.eventId,
          ).length,
        { timeout: 30_000, interval: 200 },
      )
      .toBe(1);
    const forward = receiver.requests.find(
      (r) => receiver.header(r, "x-inbox-event-id") === delivered.eventId,
    );
    const names = forward?.headers.map(([name]) => name.toLowerCase()) ?? [];
    expect(names).not.toContain("authorization");
    expect(names).not.toContain("x-goog-api-key");
    expect(names).not.toContain("api-key");
    expectNoSecretIn(JSON.stringify(forward?.headers), "the forwarded request");
    const attempts = await queryAppDb<{ text: string }>(
      "SELECT request_headers::text AS text FROM attempts WHERE event_id = $1 AND destination_id = $2",
      [delivered.eventId, destinationId],
    );
    expect(attempts.length).toBeGreaterThan(0);
    for (const attempt of attempts) expectNoSecretIn(attempt.text, "attempts.request_headers");
  });

  it("a replay to a URL carries none of them", async () => {
    const before = receiver.requests.length;
    const replayed = await apiJson(`/api/events/${delivered.eventId}/replay`, {
      method: "POST",
      body: JSON.stringify({ url: receiver.url("/replayed") }),
    });
    expect(replayed.status, JSON.stringify(replayed.body)).toBeLessThan(300);
    const replay = receiver.requests.slice(before).find((r) => r.path === "/replayed");
    expect(replay).toBeDefined();
    const names = replay?.headers.map(([name]) => name.toLowerCase()) ?? [];
    expect(names).not.toContain("authorization");
    expect(names).not.toContain("api-key");
    expectNoSecretIn(JSON.stringify(replay?.headers), "the replayed request");
  });

  it("an admin reveals a value, and the reveal is recorded by header name, never by value", async () => {
    const response = await reveal(delivered.deliveryId, "authorization");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      deliveryId: delivered.deliveryId,
      name: "authorization",
      values: [`Bearer ${secret}`],
    });
    const audit = await queryAppDb<{
      actor_label: string;
      target_type: string;
      details: { header: string };
      text: string;
    }>(
      "SELECT actor_label, target_type, details, details::text AS text FROM audit_log WHERE action = 'credential.revealed' AND target_id = $1",
      [delivered.deliveryId],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.target_type).toBe("delivery");
    expect(audit[0]?.details.header.toLowerCase()).toBe("authorization");
    expectNoSecretIn(audit[0]?.text ?? "", "the audit entry");
  });

  it("a member's reveal is 403 forbidden and records nothing", async () => {
    const response = await reveal(delivered.deliveryId, "x-goog-api-key", await memberToken());
    expect(response.status).toBe(403);
    const body = await response.text();
    expectApiError(JSON.parse(body), "forbidden");
    expectNoSecretIn(body, "the refusal");
    const audit = await queryAppDb(
      "SELECT id FROM audit_log WHERE action = 'credential.revealed' AND target_id = $1 AND details->>'header' ILIKE 'x-goog-api-key'",
      [delivered.deliveryId],
    );
    expect(audit).toEqual([]);
  });

  it("a header that is not a credential is not revealed (404): reveal is for masked values only", async () => {
    const response = await reveal(delivered.deliveryId, "content-type");
    expect(response.status).toBe(404);
    expectApiError(await response.json(), "not_found");
  });
});
