// Destinations, automatic forwarding (graphile-worker), retries, replay and attempts,
// end to end: real callbacks in, real HTTP receivers on 127.0.0.1 out. This file runs
// its own app server with a tiny retry schedule so retries happen within the test.
import { randomBytes, randomUUID } from "node:crypto";
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { Webhook } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyHmac } from "@/lib/verify/hmac";
import { apiClient } from "@/tests/support/api";
import { startAppServer, type AppServer } from "@/tests/support/app-server";
import {
  newStandardWebhooksSecret,
  scriptixHeaders,
  svixHeaders,
} from "@/tests/support/callbacks-signing";
import { createFreshDatabase, queryDatabase } from "@/tests/support/fresh-database";
import { receiversClosedAfterAll, startReceiver, type Receiver } from "@/tests/support/receiver";

type Attempt = {
  id: string;
  status: string;
  responseStatus: number | null;
  error: string | null;
  attemptNumber: number;
  trigger: string;
  destinationId: string | null;
  deliveryId: string;
  nextRetryAt: string | null;
  createdAt: string;
  requestHeaders: Array<[string, string]>;
};
type Destination = {
  id: string;
  enabled: boolean;
  hasSigningSecret: boolean;
  disabledReason: string | null;
  signingSecret?: unknown;
};
type Accepted = { deliveryId: string; eventId: string; verification: string };

const ENV = { INBOX_FORWARD_RETRY_SCHEDULE: "0.3,0.3,0.3", INBOX_OUTBOUND_ALLOW: "127.0.0.1" };

let database: { url: string; drop(): Promise<void> };
let server: AppServer;
const receiver = receiversClosedAfterAll();

beforeAll(async () => {
  database = await createFreshDatabase("forwarding");
  server = await startAppServer(database.url, ENV);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

const call = apiClient(() => server.baseUrl);

async function endpoint(body: Record<string, unknown>): Promise<{ id: string; key: string }> {
  const created = await call<{ id: string; key: string }>("/api/endpoints", {
    method: "POST",
    body: JSON.stringify({ name: `fw-${randomUUID()}`, ...body }),
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

async function destination(
  endpointId: string,
  body: Record<string, unknown>,
): Promise<Destination> {
  const created = await call<Destination>(`/api/endpoints/${endpointId}/destinations`, {
    method: "POST",
    body: JSON.stringify(body),
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

async function ingest(
  key: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
  method = "POST",
): Promise<{ status: number; body: Accepted }> {
  const response = await fetch(`${server.baseUrl}/in/${key}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : new Uint8Array(body),
  });
  return { status: response.status, body: (await response.json()) as Accepted };
}

async function attempts(eventId: string): Promise<Attempt[]> {
  const listed = await call<{ items: Attempt[] }>(`/api/events/${eventId}/attempts`);
  expect(listed.status).toBe(200);
  return listed.body.items;
}

const sql = <R extends pg.QueryResultRow>(text: string, params: unknown[] = []) =>
  queryDatabase<R>(database.url, text, params);

const POLL = { timeout: 20_000, interval: 100 };
const scriptixSecret = "scriptix-secret-0123456789";
const scriptixBody = () =>
  JSON.stringify({
    event: "transcription.completed",
    data: { id: randomUUID(), status: "completed" },
  });

describe("destinations API", () => {
  it("creates, lists, changes and deletes destinations; the signing secret is write-only", async () => {
    const ep = await endpoint({ provider: "generic" });
    const secret = newStandardWebhooksSecret();
    const created = await destination(ep.id, {
      url: "https://example.com/hook",
      resign: "standard-webhooks",
      signingSecret: secret,
    });
    expect(created).toMatchObject({
      enabled: true,
      hasSigningSecret: true,
      resign: "standard-webhooks",
      forward: "verified",
      disabledReason: null,
    });
    expect(JSON.stringify(created)).not.toContain(secret);

    const listed = await call<{ items: Destination[] }>(`/api/endpoints/${ep.id}/destinations`);
    expect(listed.body.items.map((d) => d.id)).toEqual([created.id]);
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    const patched = await call<Destination>(`/api/endpoints/${ep.id}/destinations/${created.id}`, {
      method: "PATCH",
      body: JSON.stringify({ enabled: false, resign: "none", signingSecret: null, forward: "all" }),
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      enabled: false,
      hasSigningSecret: false,
      resign: "none",
      forward: "all",
    });

    expect(
      (await call(`/api/endpoints/${ep.id}/destinations/${created.id}`, { method: "DELETE" }))
        .status,
    ).toBe(204);
    expect(
      (await call(`/api/endpoints/${ep.id}/destinations/${created.id}`, { method: "DELETE" }))
        .status,
    ).toBe(404);
  });

  it("refuses a URL that is not http(s), re-signing without a usable secret, and an unknown endpoint", async () => {
    const ep = await endpoint({ provider: "generic" });
    for (const body of [
      { url: "ftp://example.com/x" },
      { url: "not a url" },
      { url: "https://example.com", resign: "standard-webhooks" },
      { url: "https://example.com", resign: "standard-webhooks", signingSecret: "plain" },
    ]) {
      const answer = await call<{ error: { code: string } }>(
        `/api/endpoints/${ep.id}/destinations`,
        { method: "POST", body: JSON.stringify(body) },
      );
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.code).toBe("validation_failed");
    }
    expect(
      (
        await call(`/api/endpoints/ep_missing/destinations`, {
          method: "POST",
          body: JSON.stringify({ url: "https://example.com" }),
        })
      ).status,
    ).toBe(404);
  });
});

describe("automatic forwarding", () => {
  it("forwards the very next event once a destination is added, though the endpoint was cached without one", async () => {
    const ep = await endpoint({ provider: "clipzy" });
    // The ingest path caches the endpoint; whether it forwards is decided by the ingest
    // statement itself, so no cache can miss a destination saved a moment ago.
    expect(
      (await ingest(ep.key, JSON.stringify({ job_id: randomUUID(), status: "completed" }))).status,
    ).toBe(200);
    const target = await receiver();
    await destination(ep.id, { url: target.url(), forward: "all" });
    const answer = await ingest(
      ep.key,
      JSON.stringify({ job_id: randomUUID(), status: "completed" }),
    );
    await expect.poll(() => target.requests.length, POLL).toBe(1);
    expect(target.header(target.requests[0]!, "x-inbox-event-id")).toBe(answer.body.eventId);
  });

  it("forwards each new verified event once to each enabled destination, not failed-verification events or duplicates", async () => {
    const ep = await endpoint({ provider: "scriptix", secrets: [scriptixSecret] });
    const target = await receiver();
    const off = await receiver();
    const dest = await destination(ep.id, { url: target.url() });
    await destination(ep.id, { url: off.url(), enabled: false, forward: "all" });

    const body = scriptixBody();
    const first = await ingest(ep.key, body, {
      ...scriptixHeaders(scriptixSecret, body),
      authorization: "Bearer provider-token",
      cookie: "a=b",
      "x-custom": "kept",
      "x-inbox-event-id": "spoofed",
    });
    expect(first.status).toBe(200);
    await expect.poll(() => target.requests.length, POLL).toBe(1);

    const forged = scriptixBody();
    const failed = await ingest(ep.key, forged, {
      "X-Scriptix-Signature": "sha256=" + "0".repeat(64),
    });
    expect(failed.status).toBe(401);
    // The same callback again (a provider retry) is the same event: not forwarded again.
    expect((await ingest(ep.key, body, scriptixHeaders(scriptixSecret, body))).body.eventId).toBe(
      first.body.eventId,
    );
    const later = scriptixBody();
    const third = await ingest(ep.key, later, scriptixHeaders(scriptixSecret, later));
    await expect.poll(() => target.requests.length, POLL).toBe(2);

    const bodies = target.requests.map((r) => r.body.toString("utf8"));
    expect(bodies).toEqual(expect.arrayContaining([body, later]));
    expect(bodies).not.toContain(forged);
    const [failedEvent] = await sql<{ event_id: string }>(
      `SELECT event_id FROM deliveries WHERE id = $1`,
      [failed.body.deliveryId],
    );
    expect(await attempts(failedEvent?.event_id ?? "")).toEqual([]);
    expect(off.requests).toEqual([]);

    const sent = target.requests.find((r) => r.body.toString("utf8") === body);
    if (!sent) throw new Error("not forwarded");
    expect(sent.method).toBe("POST");
    expect(target.header(sent, "content-type")).toBe("application/json");
    expect(target.header(sent, "x-custom")).toBe("kept");
    expect(target.header(sent, "x-scriptix-signature")).toBe(
      scriptixHeaders(scriptixSecret, body)["X-Scriptix-Signature"],
    );
    expect(target.header(sent, "authorization")).toBeUndefined();
    expect(target.header(sent, "cookie")).toBeUndefined();
    expect(sent.headers.filter(([n]) => n.toLowerCase() === "x-inbox-event-id")).toEqual([
      ["X-Inbox-Event-Id", first.body.eventId],
    ]);
    expect(target.header(sent, "x-inbox-delivery-id")).toBe(first.body.deliveryId);

    const recorded = await attempts(first.body.eventId);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      status: "succeeded",
      responseStatus: 200,
      trigger: "auto",
      attemptNumber: 1,
      destinationId: dest.id,
      nextRetryAt: null,
    });
    expect(await attempts(third.body.eventId)).toHaveLength(1);
  });

  it("sends the body byte for byte (not UTF-8) with its original content type and method", async () => {
    const ep = await endpoint({ provider: "generic" });
    const target = await receiver();
    await destination(ep.id, { url: target.url(), forward: "all" });
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe, 0x00, 0x80, 0xc3, 0x28]),
      randomBytes(64),
    ]);
    const accepted = await ingest(
      ep.key,
      bytes,
      { "content-type": "application/x-weird; charset=latin1" },
      "PUT",
    );
    expect(accepted.status).toBe(200);
    await expect.poll(() => target.requests.length, POLL).toBe(1);
    const [sent] = target.requests;
    expect(sent?.method).toBe("PUT");
    expect(sent?.body.equals(bytes)).toBe(true);
    expect(sent && target.header(sent, "content-type")).toBe("application/x-weird; charset=latin1");
  });

  it("re-signs with Standard Webhooks: fresh timestamp, the same message id, verified by the svix library", async () => {
    const providerSecret = newStandardWebhooksSecret();
    const ep = await endpoint({ provider: "aspect", secrets: [providerSecret] });
    const target = await receiver();
    const secret = newStandardWebhooksSecret();
    await destination(ep.id, {
      url: target.url(),
      resign: "standard-webhooks",
      signingSecret: secret,
    });
    const body = JSON.stringify({
      type: "task.completed",
      data: { id: randomUUID(), status: "completed" },
    });
    const original = svixHeaders(providerSecret, body, {
      timestamp: Math.floor(Date.now() / 1000) - 60,
    });
    expect((await ingest(ep.key, body, original)).body.verification).toBe("verified");
    await expect.poll(() => target.requests.length, POLL).toBe(1);
    const [sent] = target.requests;
    if (!sent) throw new Error("not forwarded");
    const headers = Object.fromEntries(sent.headers.map(([n, v]) => [n.toLowerCase(), v]));
    expect(sent.headers.filter(([n]) => n.toLowerCase() === "svix-signature")).toHaveLength(1);
    expect(headers["svix-id"]).toBe(original["svix-id"]);
    expect(headers["svix-timestamp"]).not.toBe(original["svix-timestamp"]);
    expect(() => new Webhook(secret).verify(sent.body.toString("utf8"), headers)).not.toThrow();
    expect(() => new Webhook(providerSecret).verify(sent.body.toString("utf8"), headers)).toThrow();
  });

  it("re-signs in the provider's own scheme with the destination's secret", async () => {
    const ep = await endpoint({ provider: "scriptix", secrets: [scriptixSecret] });
    const target = await receiver();
    const secret = "receiver-secret-abcdef";
    await destination(ep.id, { url: target.url(), resign: "provider", signingSecret: secret });
    const body = scriptixBody();
    await ingest(ep.key, body, scriptixHeaders(scriptixSecret, body));
    await expect.poll(() => target.requests.length, POLL).toBe(1);
    const [sent] = target.requests;
    if (!sent) throw new Error("not forwarded");
    expect(sent.headers.filter(([n]) => n.toLowerCase() === "x-scriptix-signature")).toHaveLength(
      1,
    );
    const config = {
      scheme: "hmac",
      header: "x-scriptix-signature",
      algorithm: "sha256",
      encoding: "hex",
      prefix: "sha256=",
    } as const;
    expect(
      verifyHmac({
        config,
        secrets: [secret],
        headers: sent.headers,
        body: sent.body,
        now: Date.now(),
      }).outcome,
    ).toBe("verified");
    expect(
      verifyHmac({
        config,
        secrets: [scriptixSecret],
        headers: sent.headers,
        body: sent.body,
        now: Date.now(),
      }).outcome,
    ).toBe("failed");
  });
});

describe("retries", () => {
  async function forwardedEvent(
    respond: Receiver["respond"],
  ): Promise<{ eventId: string; target: Receiver; destinationId: string; endpointId: string }> {
    const ep = await endpoint({ provider: "generic" });
    const target = await receiver();
    target.respond = respond;
    const dest = await destination(ep.id, { url: target.url(), forward: "all" });
    const accepted = await ingest(ep.key, JSON.stringify({ nonce: randomUUID() }));
    return { eventId: accepted.body.eventId, target, destinationId: dest.id, endpointId: ep.id };
  }
  const queuedJobs = (eventId: string, destinationId: string) =>
    sql<{ run_at: Date }>(`SELECT run_at FROM graphile_worker.jobs WHERE key = $1`, [
      `forward:${eventId}:${destinationId}`,
    ]);

  it("retries a 500 on the schedule until the receiver answers 2xx", async () => {
    const { eventId, target } = await forwardedEvent((_request, index) => ({
      status: index === 0 ? 500 : 204,
    }));
    await expect.poll(async () => (await attempts(eventId)).length, POLL).toBe(2);
    const [second, first] = await attempts(eventId);
    expect(first).toMatchObject({
      status: "failed",
      responseStatus: 500,
      attemptNumber: 1,
      trigger: "auto",
    });
    expect(first?.nextRetryAt).not.toBeNull();
    expect(second).toMatchObject({
      status: "succeeded",
      responseStatus: 204,
      attemptNumber: 2,
      nextRetryAt: null,
    });
    expect(target.requests).toHaveLength(2);
  });

  it("counts a 3xx as a failure without following it, and stops when the schedule is used up", async () => {
    const { eventId, target, destinationId } = await forwardedEvent(() => ({
      status: 302,
      headers: { location: "/elsewhere" },
    }));
    await expect.poll(async () => (await attempts(eventId)).length, POLL).toBe(4);
    const listed = await attempts(eventId);
    expect(listed.map((a) => [a.attemptNumber, a.status, a.responseStatus])).toEqual([
      [4, "failed", 302],
      [3, "failed", 302],
      [2, "failed", 302],
      [1, "failed", 302],
    ]);
    expect(listed[0]?.nextRetryAt).toBeNull();
    expect(await queuedJobs(eventId, destinationId)).toEqual([]);
    expect(target.requests.map((r) => r.path)).toEqual(["/hook", "/hook", "/hook", "/hook"]);
  });

  it("honours Retry-After on a 429 for the next try", async () => {
    const { eventId, destinationId } = await forwardedEvent(() => ({
      status: 429,
      headers: { "retry-after": "3600" },
    }));
    await expect.poll(async () => (await attempts(eventId)).length, POLL).toBe(1);
    const [first] = await attempts(eventId);
    if (!first?.nextRetryAt) throw new Error("no retry planned");
    const waitMs = Date.parse(first.nextRetryAt) - Date.parse(first.createdAt);
    expect(waitMs).toBeGreaterThanOrEqual(3_599_000);
    expect(waitMs).toBeLessThanOrEqual(3_601_000);
    const jobs = await queuedJobs(eventId, destinationId);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.run_at.toISOString()).toBe(first.nextRetryAt);
  });

  it("disables the destination on 410 Gone and stops", async () => {
    const { eventId, endpointId, destinationId } = await forwardedEvent(() => ({ status: 410 }));
    await expect.poll(async () => (await attempts(eventId)).length, POLL).toBe(1);
    const listed = await call<{ items: Destination[] }>(
      `/api/endpoints/${endpointId}/destinations`,
    );
    expect(listed.body.items[0]).toMatchObject({ id: destinationId, enabled: false });
    expect(listed.body.items[0]?.disabledReason).toMatch(/410/);
    expect(await queuedJobs(eventId, destinationId)).toEqual([]);
  });
});

describe("replay API", () => {
  async function storedEvent(method = "POST"): Promise<Accepted & { key: string }> {
    const ep = await endpoint({ provider: "generic" });
    const accepted = await ingest(ep.key, JSON.stringify({ nonce: randomUUID() }), {}, method);
    return { ...accepted.body, key: ep.key };
  }
  const replay = (
    eventId: string,
    body: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) =>
    call<Attempt & { error: string | null }>(`/api/events/${eventId}/replay`, {
      method: "POST",
      body: JSON.stringify(body),
      headers,
    });

  it("answers 200 with the attempt for a target that accepted, refused or could not be reached, using the original method", async () => {
    const event = await storedEvent("PUT");
    const target = await receiver();
    target.respond = (request) => ({ status: request.path === "/refuse" ? 500 : 200 });

    const ok = await replay(event.eventId, { url: target.url() });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      status: "succeeded",
      responseStatus: 200,
      error: null,
      trigger: "manual",
    });
    expect(ok.body.id).toMatch(/^att_/);
    expect(target.requests[0]?.method).toBe("PUT");

    const refused = await replay(event.eventId, { url: target.url("/refuse") });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ status: "failed", responseStatus: 500 });

    // Started outside the file's pool: closed here, for good.
    const closed = await startReceiver();
    const deadUrl = closed.url();
    await closed.close();
    const unreachable = await replay(event.eventId, { url: deadUrl });
    expect(unreachable.status).toBe(200);
    expect(unreachable.body).toMatchObject({ status: "failed", responseStatus: null });
    expect(unreachable.body.error).toBeTruthy();

    const listed = await attempts(event.eventId);
    expect(listed.map((a) => a.id)).toEqual([unreachable.body.id, refused.body.id, ok.body.id]);
    const firstPage = await call<{ items: Attempt[]; nextCursor: string | null }>(
      `/api/events/${event.eventId}/attempts?limit=2`,
    );
    expect(firstPage.body.items).toHaveLength(2);
    const secondPage = await call<{ items: Attempt[]; nextCursor: string | null }>(
      `/api/events/${event.eventId}/attempts?limit=2&cursor=${firstPage.body.nextCursor}`,
    );
    expect(secondPage.body.items.map((a) => a.id)).toEqual([ok.body.id]);
    expect(secondPage.body.nextCursor).toBeNull();
  });

  it("records a target on a refused address as blocked, without a connection reaching it", async () => {
    const event = await storedEvent();
    // Loopback over IPv6 is not on the test server's allow-list (127.0.0.1 only).
    let connections = 0;
    const listener = http.createServer((_req, res) => res.end("reached"));
    listener.on("connection", () => (connections += 1));
    listener.listen(0, "::1");
    await once(listener, "listening");
    try {
      const port = (listener.address() as AddressInfo).port;
      for (const url of [
        `http://[::1]:${port}/hook`,
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/hook",
      ]) {
        const answer = await replay(event.eventId, { url });
        expect(answer.status, url).toBe(200);
        expect(answer.body, url).toMatchObject({ status: "blocked", responseStatus: null });
        expect(answer.body.error, url).toMatch(/loopback|link-local|private/);
      }
      expect(connections).toBe(0);
    } finally {
      listener.close();
    }
  });

  it("refuses URLs that are not http(s) and bodies without exactly one target with 400", async () => {
    const event = await storedEvent();
    for (const body of [
      { url: "ftp://example.com/x" },
      { url: "not a url" },
      { url: "javascript:alert(1)" },
      {},
      { url: "https://example.com", destinationId: "dst_x" },
    ]) {
      const answer = await replay(event.eventId, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect((answer.body as unknown as { error: { code: string } }).error.code).toBe(
        "validation_failed",
      );
    }
    expect((await replay("evt_missing", { url: "https://example.com" })).status).toBe(404);
  });

  it("replays one chosen delivery of the event to a saved destination", async () => {
    const ep = await endpoint({ provider: "generic" });
    const body = JSON.stringify({ nonce: randomUUID() });
    const first = await ingest(ep.key, body, { "x-try": "1" });
    const second = await ingest(ep.key, body, { "x-try": "2" });
    expect(second.body.eventId).toBe(first.body.eventId);
    const target = await receiver();
    const dest = await destination(ep.id, { url: target.url(), enabled: false });
    const answer = await replay(first.body.eventId, {
      destinationId: dest.id,
      deliveryId: second.body.deliveryId,
    });
    expect(answer.body).toMatchObject({
      status: "succeeded",
      destinationId: dest.id,
      deliveryId: second.body.deliveryId,
    });
    const [sent] = target.requests;
    if (!sent) throw new Error("not replayed");
    expect(target.header(sent, "x-try")).toBe("2");
    expect(target.header(sent, "x-inbox-delivery-id")).toBe(second.body.deliveryId);
  });

  it("sends a replay once for one Idempotency-Key, even for two requests at once", async () => {
    const event = await storedEvent();
    const target = await receiver();
    const key = randomUUID();
    const [a, b] = await Promise.all([
      replay(event.eventId, { url: target.url() }, { "idempotency-key": key }),
      replay(event.eventId, { url: target.url() }, { "idempotency-key": key }),
    ]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(a.body.id).toBe(b.body.id);
    expect(b.body.status).toBe("succeeded");
    const again = await replay(event.eventId, { url: target.url() }, { "idempotency-key": key });
    expect(again.body.id).toBe(a.body.id);
    expect(target.requests).toHaveLength(1);
    const other = await replay(
      event.eventId,
      { url: target.url() },
      { "idempotency-key": randomUUID() },
    );
    expect(other.body.id).not.toBe(a.body.id);
    expect(target.requests).toHaveLength(2);
  });
});

describe("bulk replay", () => {
  it("queues one replay per matching event and reports the batch's progress", async () => {
    const ep = await endpoint({ provider: "generic" });
    const events = [];
    for (let i = 0; i < 3; i++)
      events.push((await ingest(ep.key, JSON.stringify({ nonce: randomUUID(), i }))).body.eventId);
    const target = await receiver();
    target.respond = (request) => ({
      status: request.body.toString().includes('"i":2') ? 503 : 200,
    });

    const started = await call<{ id: string; total: number }>("/api/replays", {
      method: "POST",
      body: JSON.stringify({ filter: { endpointId: ep.id }, url: target.url() }),
    });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ total: 3 });
    expect(started.body.id).toMatch(/^rpl_/);
    await expect
      .poll(async () => (await call(`/api/replays/${started.body.id}`)).body, POLL)
      .toMatchObject({ total: 3, succeeded: 2, failed: 1, blocked: 0, pending: 0 });
    expect(target.requests).toHaveLength(3);
    for (const eventId of events)
      expect((await attempts(eventId)).map((a) => a.trigger)).toEqual(["bulk"]);

    const bad = await call("/api/replays", {
      method: "POST",
      body: JSON.stringify({ filter: { endpointId: ep.id }, url: "ftp://x" }),
    });
    expect(bad.status).toBe(400);
    expect((await call("/api/replays/rpl_missing")).status).toBe(404);
  });
});

describe("restart", () => {
  it("runs a queued retry after the app restarts on the same database", async () => {
    const ep = await endpoint({ provider: "generic" });
    const target = await receiver();
    // Long enough to stop the app before the retry is due; short enough for the test.
    target.respond = (_request, index) =>
      index === 0 ? { status: 503, headers: { "retry-after": "4" } } : { status: 200 };
    const dest = await destination(ep.id, { url: target.url(), forward: "all" });
    const accepted = await ingest(ep.key, JSON.stringify({ nonce: randomUUID() }));
    await expect.poll(async () => (await attempts(accepted.body.eventId)).length, POLL).toBe(1);

    await server.stop();
    expect(target.requests).toHaveLength(1);
    expect(
      await sql(`SELECT id FROM graphile_worker.jobs WHERE key = $1`, [
        `forward:${accepted.body.eventId}:${dest.id}`,
      ]),
    ).toHaveLength(1);
    server = await startAppServer(database.url, ENV);

    await expect
      .poll(async () => (await attempts(accepted.body.eventId)).map((a) => a.status), POLL)
      .toEqual(["succeeded", "failed"]);
    expect(target.requests).toHaveLength(2);
  }, 180_000);
});
