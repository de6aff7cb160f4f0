// Alerts end to end: real signed callbacks in over HTTP, a fake Slack receiver and a
// generic webhook receiver on 127.0.0.1 out. This file runs its own app server with a
// tiny alert retry schedule, so retries happen within the test.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, TEST_SECRET_KEY, type AppServer } from "@/tests/support/app-server";
import { scriptixEvent } from "@/tests/support/callbacks-payloads";
import { scriptixHeaders } from "@/tests/support/callbacks-signing";
import { createFreshDatabase, queryDatabase } from "@/tests/support/fresh-database";
import { signInCookie } from "@/tests/support/page-forms";
import { apiClient } from "@/tests/support/api";
import { receiversClosedAfterAll, type ReceivedRequest } from "@/tests/support/receiver";

type Channel = {
  id: string;
  kind: string;
  urlHint: string;
  enabled: boolean;
  disabledReason: string | null;
  triggers: string[];
  burstThreshold: number;
  burstMinutes: number;
  url?: unknown;
};
type Alert = {
  id: string;
  endpointId: string;
  channel: { id: string; kind: string; urlHint: string } | null;
  type: string;
  jobId: string | null;
  eventId: string | null;
  path: string;
  status: string;
  attempts: number;
  responseStatus: number | null;
  error: string | null;
  sentAt: string | null;
};
type Accepted = { deliveryId: string; eventId: string };
type SlackMessage = {
  text: string;
  blocks: Array<{
    type: string;
    text?: { type: string; text: string };
    elements?: Array<{ type: string; text: string }>;
  }>;
};

const SECRET = "scriptix-alerts-secret-0123";
const ENV = { INBOX_ALERT_RETRY_SCHEDULE: "0.3,0.3", INBOX_OUTBOUND_ALLOW: "127.0.0.1" };

let database: { url: string; drop(): Promise<void> };
let server: AppServer;
const receiver = receiversClosedAfterAll();

beforeAll(async () => {
  database = await createFreshDatabase("alerts");
  server = await startAppServer(database.url, ENV);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

const call = apiClient(() => server.baseUrl);

const sql = <R extends pg.QueryResultRow>(text: string, params: unknown[] = []) =>
  queryDatabase<R>(database.url, text, params);

async function scriptixEndpoint(): Promise<{ id: string; key: string }> {
  const created = await call<{ id: string; key: string }>("/api/endpoints", {
    method: "POST",
    body: JSON.stringify({
      name: `alerts-${randomUUID()}`,
      provider: "scriptix",
      secrets: [SECRET],
    }),
  });
  expect(created.status, created.text).toBe(201);
  return created.body;
}

async function channel(endpointId: string, body: Record<string, unknown>): Promise<Channel> {
  const created = await call<Channel>(`/api/endpoints/${endpointId}/alert-channels`, {
    method: "POST",
    body: JSON.stringify(body),
  });
  expect(created.status, created.text).toBe(201);
  return created.body;
}

/** A Scriptix callback over HTTP, signed (or signed wrongly with `forged`). */
async function callback(
  key: string,
  payload: unknown,
  options: { forged?: boolean } = {},
): Promise<{ status: number; body: Accepted }> {
  const body = JSON.stringify(payload);
  const headers = options.forged
    ? { "X-Scriptix-Signature": `sha256=${"0".repeat(64)}` }
    : scriptixHeaders(SECRET, body);
  const response = await fetch(`${server.baseUrl}/in/${key}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  return { status: response.status, body: (await response.json()) as Accepted };
}

const failure = (jobId: string, error = "out of credits", timestamp = "2025-01-17T10:30:00Z") =>
  scriptixEvent({ id: jobId, event: "transcription.failed", error, timestamp });

async function jobIdOf(eventId: string): Promise<string> {
  const event = await call<{ jobId: string | null }>(`/api/events/${eventId}`);
  if (!event.body.jobId) throw new Error(`event ${eventId} has no job`);
  return event.body.jobId;
}

async function alertsOf(endpointId: string): Promise<Alert[]> {
  const listed = await call<{ items: Alert[] }>(`/api/alerts?endpointId=${endpointId}&limit=200`);
  expect(listed.status, listed.text).toBe(200);
  return listed.body.items;
}

const POLL = { timeout: 20_000, interval: 100 };

/** Waits until every alert of the endpoint is done with (sent, failed, blocked, skipped). */
async function settledAlerts(endpointId: string): Promise<Alert[]> {
  let alerts: Alert[] = [];
  await expect
    .poll(async () => {
      alerts = await alertsOf(endpointId);
      return alerts.every((a) => a.status !== "pending");
    }, POLL)
    .toBe(true);
  return alerts;
}

const slackOf = (request: ReceivedRequest) =>
  JSON.parse(request.body.toString("utf8")) as SlackMessage;
const slackText = (message: SlackMessage) =>
  [
    message.text,
    ...message.blocks.flatMap((b) => [
      b.text?.text ?? "",
      ...(b.elements ?? []).map((e) => e.text),
    ]),
  ].join("\n");

describe("alert channels API", () => {
  it("creates, lists, changes and deletes channels; the URL is write-only, masked and sealed at rest", async () => {
    const ep = await scriptixEndpoint();
    const url = `https://hooks.slack.com/services/T0001/B0002/${randomUUID()}`;
    const created = await channel(ep.id, { kind: "slack", url });
    expect(created).toMatchObject({
      kind: "slack",
      urlHint: "hooks.slack.com/services/T…/…",
      enabled: true,
      burstThreshold: 10,
      burstMinutes: 5,
    });
    expect(created.triggers).toEqual([
      "job.failed",
      "job.missed_callback",
      "endpoint.verification_failures",
    ]);
    expect(created.url).toBeUndefined();

    const [stored] = await sql<{ url: string }>("SELECT url FROM alert_channels WHERE id = $1", [
      created.id,
    ]);
    expect(stored?.url).toMatch(/^sealed:v1:/);
    expect(stored?.url).not.toContain("hooks.slack.com");

    const patched = await call<Channel>(`/api/endpoints/${ep.id}/alert-channels/${created.id}`, {
      method: "PATCH",
      body: JSON.stringify({
        enabled: false,
        triggers: ["job.failed"],
        burstThreshold: 3,
        burstMinutes: 1,
        url: "https://chat.example.com/hooks/abc",
      }),
    });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body).toMatchObject({
      enabled: false,
      triggers: ["job.failed"],
      burstThreshold: 3,
      burstMinutes: 1,
      urlHint: "chat.example.com/hooks/a…",
    });

    const listed = await call<{ items: Channel[] }>(`/api/endpoints/${ep.id}/alert-channels`);
    expect(listed.body.items.map((c) => c.id)).toEqual([created.id]);
    expect(listed.text).not.toContain("chat.example.com/hooks/abc");

    expect(
      (await call(`/api/endpoints/${ep.id}/alert-channels/${created.id}`, { method: "DELETE" }))
        .status,
    ).toBe(204);
    expect(
      (await call(`/api/endpoints/${ep.id}/alert-channels/${created.id}`, { method: "DELETE" }))
        .status,
    ).toBe(404);
  });

  it("refuses a bad kind, a URL that is not http(s), no triggers, burst numbers out of range and an unknown endpoint; a channel of another endpoint is not found", async () => {
    const ep = await scriptixEndpoint();
    for (const body of [
      { kind: "email", url: "https://example.com/x" },
      { kind: "slack", url: "ftp://example.com/x" },
      { kind: "webhook", url: "https://example.com/x", triggers: [] },
      { kind: "webhook", url: "https://example.com/x", burstMinutes: 0 },
      { kind: "webhook", url: "https://example.com/x", burstThreshold: 10_001 },
    ]) {
      const answer = await call<{ error: { code: string } }>(
        `/api/endpoints/${ep.id}/alert-channels`,
        { method: "POST", body: JSON.stringify(body) },
      );
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.code).toBe("validation_failed");
    }
    expect(
      (
        await call(`/api/endpoints/ep_missing/alert-channels`, {
          method: "POST",
          body: JSON.stringify({ kind: "slack", url: "https://example.com" }),
        })
      ).status,
    ).toBe(404);
    const other = await scriptixEndpoint();
    const theirs = await channel(other.id, { kind: "webhook", url: "https://example.com/x" });
    expect(
      (
        await call(`/api/endpoints/${ep.id}/alert-channels/${theirs.id}`, {
          method: "PATCH",
          body: JSON.stringify({ enabled: false }),
        })
      ).status,
    ).toBe(404);
    expect(
      (await call(`/api/endpoints/${ep.id}/alert-channels/${theirs.id}/test`, { method: "POST" }))
        .status,
    ).toBe(404);
  });
});

describe("job failed", () => {
  it("sends exactly one Slack message linking to the job page, though the failure callback arrives three times and again later", async () => {
    const ep = await scriptixEndpoint();
    const slack = await receiver();
    await channel(ep.id, { kind: "slack", url: slack.url("/services/T1/B1/x") });
    const externalId = `stt_${randomUUID()}`;

    // The provider retries the same callback (one event), then sends a newer failure.
    const first = await callback(ep.key, failure(externalId));
    expect(first.status).toBe(200);
    for (let i = 0; i < 2; i += 1)
      expect((await callback(ep.key, failure(externalId))).body.eventId).toBe(first.body.eventId);
    expect(
      (await callback(ep.key, failure(externalId, "out of credits, again", "2025-01-17T11:00:00Z")))
        .status,
    ).toBe(200);
    const jobId = await jobIdOf(first.body.eventId);

    const alerts = await settledAlerts(ep.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      type: "job.failed",
      jobId,
      path: `/jobs/${jobId}`,
      status: "sent",
      attempts: 1,
      responseStatus: 200,
    });
    expect(slack.requests).toHaveLength(1);

    const sent = slack.requests[0];
    if (!sent) throw new Error("no Slack message");
    expect(slack.header(sent, "content-type")).toBe("application/json");
    const message = slackOf(sent);
    expect(message.text).toContain("Job failed");
    expect(message.blocks.map((b) => b.type)).toEqual(["section", "context"]);
    const text = slackText(message);
    expect(text).toContain(`<${server.baseUrl}/jobs/${jobId}|Open the job>`);
    expect(text).toContain(externalId);
    expect(text).toContain("out of credits");
  });

  it("sends one message when two failed callbacks for the same job race", async () => {
    const ep = await scriptixEndpoint();
    const slack = await receiver();
    await channel(ep.id, { kind: "slack", url: slack.url() });
    const jobs = Array.from({ length: 4 }, () => `stt_${randomUUID()}`);
    // Each pair is sent at once: both may insert the job, or one updates the other's.
    await Promise.all(
      jobs.flatMap((id) => [
        callback(ep.key, failure(id, "first", "2025-01-17T10:30:00Z")),
        callback(ep.key, failure(id, "second", "2025-01-17T10:30:01Z")),
      ]),
    );
    const alerts = await settledAlerts(ep.id);
    expect(alerts).toHaveLength(jobs.length);
    expect(new Set(alerts.map((a) => a.jobId)).size).toBe(jobs.length);
    expect(alerts.every((a) => a.status === "sent")).toBe(true);
    expect(slack.requests).toHaveLength(jobs.length);
  });

  it("escapes hostile provider text so it cannot add mentions or links to the Slack message", async () => {
    const ep = await scriptixEndpoint();
    const slack = await receiver();
    await channel(ep.id, { kind: "slack", url: slack.url() });
    const hostile = "<!channel> see <https://evil.example/login|your invoice> & pay";
    await callback(ep.key, failure(`stt_<@U123>_${randomUUID()}`, hostile));
    await settledAlerts(ep.id);
    const text = slackText(
      slackOf(slack.requests[0] ?? { method: "", path: "", headers: [], body: Buffer.from("{}") }),
    );
    expect(text).toContain(
      "&lt;!channel&gt; see &lt;https://evil.example/login|your invoice&gt; &amp; pay",
    );
    expect(text).toContain("stt_&lt;@U123&gt;_");
    expect(text).not.toContain("<!channel>");
    expect(text).not.toContain("<https://evil.example");
    expect(text).not.toContain("<@U123>");
  });

  it("sends the documented JSON to a generic webhook", async () => {
    const ep = await scriptixEndpoint();
    const hook = await receiver();
    const created = await channel(ep.id, {
      kind: "webhook",
      url: hook.url("/alerts"),
      triggers: ["job.failed"],
    });
    const externalId = `stt_${randomUUID()}`;
    const accepted = await callback(ep.key, failure(externalId, "model crashed"));
    const jobId = await jobIdOf(accepted.body.eventId);
    const [alert] = await settledAlerts(ep.id);
    expect(alert?.channel).toEqual({ id: created.id, kind: "webhook", urlHint: created.urlHint });

    const request = hook.requests[0];
    if (!request || !alert) throw new Error("no webhook request");
    expect(request.path).toBe("/alerts");
    expect(hook.header(request, "x-inbox-alert-id")).toBe(alert.id);
    const payload = JSON.parse(request.body.toString("utf8")) as Record<string, unknown>;
    expect(payload).toEqual({
      id: alert.id,
      type: "job.failed",
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      url: `${server.baseUrl}/jobs/${jobId}`,
      endpoint: { id: ep.id, name: expect.stringMatching(/^alerts-/), provider: "scriptix" },
      job: {
        id: jobId,
        externalId,
        state: "failed",
        error: "model crashed",
        outputUrl: null,
        missedCallbackAt: null,
      },
    });
  });

  it("creates nothing for a turned-off channel or one that does not take job failures", async () => {
    const ep = await scriptixEndpoint();
    const off = await receiver();
    await channel(ep.id, { kind: "slack", url: off.url(), enabled: false });
    await channel(ep.id, { kind: "slack", url: off.url(), triggers: ["job.missed_callback"] });
    expect((await callback(ep.key, failure(`stt_${randomUUID()}`))).status).toBe(200);
    // Alerts are created in the ingest's own transaction: none now means none ever.
    expect(await alertsOf(ep.id)).toEqual([]);
  });
});

describe("missed callback", () => {
  it("sends one message when missed_callback_at goes from NULL to a time (set here with SQL, as a poll would)", async () => {
    const ep = await scriptixEndpoint();
    const slack = await receiver();
    await channel(ep.id, { kind: "slack", url: slack.url() });
    const accepted = await callback(ep.key, {
      event: "transcription.progress",
      timestamp: "2025-01-17T10:00:00Z",
      data: { id: `stt_${randomUUID()}`, status: "processing" },
    });
    const jobId = await jobIdOf(accepted.body.eventId);
    expect(await alertsOf(ep.id)).toEqual([]);

    await sql("UPDATE jobs SET missed_callback_at = now(), state = 'completed' WHERE id = $1", [
      jobId,
    ]);
    // Set again, cleared and set once more: the same job, the same message.
    await sql("UPDATE jobs SET missed_callback_at = now() WHERE id = $1", [jobId]);
    await sql("UPDATE jobs SET missed_callback_at = NULL WHERE id = $1", [jobId]);
    await sql("UPDATE jobs SET missed_callback_at = now() WHERE id = $1", [jobId]);

    const alerts = await settledAlerts(ep.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ type: "job.missed_callback", jobId, status: "sent" });
    expect(slack.requests).toHaveLength(1);
    const text = slackText(
      slackOf(slack.requests[0] ?? { method: "", path: "", headers: [], body: Buffer.from("{}") }),
    );
    expect(text).toContain("Callback missed");
    expect(text).toContain("is completed according to the provider's status API");
    expect(text).toContain(`<${server.baseUrl}/jobs/${jobId}|Open the job>`);
  });
});

describe("verification failure burst", () => {
  it("sends one message when more than N deliveries fail within M minutes, and none for the rest of the window", async () => {
    const ep = await scriptixEndpoint();
    const slack = await receiver();
    await channel(ep.id, { kind: "slack", url: slack.url(), burstThreshold: 3, burstMinutes: 5 });
    const forged = () => callback(ep.key, failure(`stt_${randomUUID()}`), { forged: true });
    for (let i = 0; i < 3; i += 1) expect((await forged()).status).toBe(401);
    expect(await alertsOf(ep.id)).toEqual([]);

    const fourth = await forged();
    expect(fourth.status).toBe(401);
    const [fourthEvent] = await sql<{ event_id: string }>(
      "SELECT event_id FROM deliveries WHERE id = $1",
      [fourth.body.deliveryId],
    );
    // The flood goes on, concurrently: still the one message.
    await Promise.all(Array.from({ length: 12 }, forged));

    const alerts = await settledAlerts(ep.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      type: "endpoint.verification_failures",
      eventId: fourthEvent?.event_id,
      path: `/events/${fourthEvent?.event_id}`,
      status: "sent",
    });
    expect(slack.requests).toHaveLength(1);
    const text = slackText(
      slackOf(slack.requests[0] ?? { method: "", path: "", headers: [], body: Buffer.from("{}") }),
    );
    expect(text).toContain("More than 3 deliveries failed signature verification within 5 minutes");
    expect(text).toContain(
      `<${server.baseUrl}/events/${fourthEvent?.event_id}|Open the latest one>`,
    );
    expect(text).toContain(
      `<${server.baseUrl}/?endpointId=${ep.id}&amp;verification=failed|All failed deliveries>`,
    );
  });

  it("sends nothing for N failures (not more than N), nor for a channel that does not take bursts", async () => {
    const ep = await scriptixEndpoint();
    const slack = await receiver();
    await channel(ep.id, { kind: "slack", url: slack.url(), burstThreshold: 3, burstMinutes: 5 });
    await channel(ep.id, {
      kind: "slack",
      url: slack.url(),
      burstThreshold: 1,
      triggers: ["job.failed"],
    });
    for (let i = 0; i < 3; i += 1)
      expect(
        (await callback(ep.key, failure(`stt_${randomUUID()}`), { forged: true })).status,
      ).toBe(401);
    expect(await alertsOf(ep.id)).toEqual([]);
  });
});

describe("sending", () => {
  it("retries a receiver that answers 500, then records the message as sent", async () => {
    const ep = await scriptixEndpoint();
    const flaky = await receiver();
    flaky.respond = (_request, index) =>
      index === 0 ? { status: 500, body: "try later" } : { status: 200, body: "ok" };
    await channel(ep.id, { kind: "slack", url: flaky.url() });
    await callback(ep.key, failure(`stt_${randomUUID()}`));
    const [alert] = await settledAlerts(ep.id);
    expect(alert).toMatchObject({ status: "sent", attempts: 2, responseStatus: 200 });
    expect(flaky.requests).toHaveLength(2);
    expect(flaky.requests[1]?.body.equals(flaky.requests[0]?.body ?? Buffer.alloc(0))).toBe(true);
  });

  it("waits as long as a 429's Retry-After asks, and gives up after the schedule with the receiver's reason", async () => {
    const ep = await scriptixEndpoint();
    const limited = await receiver();
    const arrivals: number[] = [];
    limited.respond = (_request, index) => {
      arrivals.push(Date.now());
      return index === 0
        ? { status: 429, headers: { "retry-after": "1" }, body: "rate_limited" }
        : { status: 503, body: "no_service" };
    };
    await channel(ep.id, { kind: "slack", url: limited.url() });
    await callback(ep.key, failure(`stt_${randomUUID()}`));
    const [alert] = await settledAlerts(ep.id);
    // The schedule "0.3,0.3": the first attempt and two retries.
    expect(alert).toMatchObject({
      status: "failed",
      attempts: 3,
      responseStatus: 503,
      error: "the receiver answered 503: no_service",
    });
    expect(limited.requests).toHaveLength(3);
    expect((arrivals[1] ?? 0) - (arrivals[0] ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it("does not retry a revoked Slack webhook, turns the channel off saying why, and on again clears it", async () => {
    const ep = await scriptixEndpoint();
    const revoked = await receiver();
    revoked.respond = () => ({ status: 404, body: "no_service" });
    const slack = await channel(ep.id, { kind: "slack", url: revoked.url() });
    await callback(ep.key, failure(`stt_${randomUUID()}`));
    const [alert] = await settledAlerts(ep.id);
    expect(alert).toMatchObject({
      status: "failed",
      attempts: 1,
      responseStatus: 404,
      error: "the receiver answered 404: no_service",
    });
    expect(revoked.requests).toHaveLength(1);
    const listed = async () =>
      (await call<{ items: Channel[] }>(`/api/endpoints/${ep.id}/alert-channels`)).body.items.find(
        (c) => c.id === slack.id,
      );
    expect(await listed()).toMatchObject({
      enabled: false,
      disabledReason: "the receiver answered 404: no_service",
    });

    // The next failure makes no alert for the turned-off channel.
    await callback(ep.key, failure(`stt_${randomUUID()}`));
    expect(await settledAlerts(ep.id)).toHaveLength(1);
    expect(
      (
        await call(`/api/endpoints/${ep.id}/alert-channels/${slack.id}`, {
          method: "PATCH",
          body: JSON.stringify({ enabled: true }),
        })
      ).status,
    ).toBe(200);
    expect(await listed()).toMatchObject({ enabled: true, disabledReason: null });
  });

  it("keeps a generic webhook channel on after a 404 (only 410 says gone), and turns it off on 410", async () => {
    const ep = await scriptixEndpoint();
    const hook = await receiver();
    hook.respond = (_request, index) => ({ status: index === 0 ? 404 : 410, body: "nope" });
    const created = await channel(ep.id, { kind: "webhook", url: hook.url() });
    const enabledNow = async () =>
      (await call<{ items: Channel[] }>(`/api/endpoints/${ep.id}/alert-channels`)).body.items.find(
        (c) => c.id === created.id,
      )?.enabled;
    await callback(ep.key, failure(`stt_${randomUUID()}`));
    await settledAlerts(ep.id);
    expect(await enabledNow()).toBe(true);
    await callback(ep.key, failure(`stt_${randomUUID()}`));
    await expect.poll(enabledNow, { timeout: 20_000 }).toBe(false);
  });

  it("records a channel on a private address that the allow-list does not open as blocked, without connecting", async () => {
    const ep = await scriptixEndpoint();
    const created = await channel(ep.id, { kind: "webhook", url: "http://10.255.255.1:9/hook" });
    const tested = await call<Alert>(`/api/endpoints/${ep.id}/alert-channels/${created.id}/test`, {
      method: "POST",
    });
    expect(tested.status, tested.text).toBe(200);
    expect(tested.body).toMatchObject({
      type: "test",
      status: "blocked",
      attempts: 1,
      responseStatus: null,
    });
    expect(tested.body.error).toMatch(/private/);

    await callback(ep.key, failure(`stt_${randomUUID()}`));
    const alerts = await settledAlerts(ep.id);
    expect(alerts.map((a) => [a.type, a.status])).toEqual([
      ["job.failed", "blocked"],
      ["test", "blocked"],
    ]);
  });

  it("sends a test message at once, also to a turned-off channel, and answers its outcome", async () => {
    const ep = await scriptixEndpoint();
    const slack = await receiver();
    const created = await channel(ep.id, { kind: "slack", url: slack.url(), enabled: false });
    const tested = await call<Alert>(`/api/endpoints/${ep.id}/alert-channels/${created.id}/test`, {
      method: "POST",
    });
    expect(tested.status, tested.text).toBe(200);
    expect(tested.body).toMatchObject({
      type: "test",
      status: "sent",
      attempts: 1,
      responseStatus: 200,
      path: `/endpoints/${ep.id}`,
    });
    expect(slack.requests).toHaveLength(1);
    const text = slackText(
      slackOf(slack.requests[0] ?? { method: "", path: "", headers: [], body: Buffer.from("{}") }),
    );
    expect(text).toContain("Test alert");
    expect(text).toContain(`<${server.baseUrl}/endpoints/${ep.id}|Open the endpoint>`);
  });
});

describe("alerts list and the endpoint page", () => {
  it("pages through alerts newest first without repeats, and never shows a channel URL", async () => {
    const ep = await scriptixEndpoint();
    const slack = await receiver();
    const secretPath = `/services/T9/B9/${randomUUID()}`;
    const created = await channel(ep.id, { kind: "slack", url: slack.url(secretPath) });
    for (let i = 0; i < 3; i += 1) await callback(ep.key, failure(`stt_${randomUUID()}`));
    for (let i = 0; i < 2; i += 1)
      await call(`/api/endpoints/${ep.id}/alert-channels/${created.id}/test`, { method: "POST" });
    await settledAlerts(ep.id);

    const seen: string[] = [];
    const texts: string[] = [];
    let cursor: string | null = null;
    do {
      const page: {
        status: number;
        text: string;
        body: { items: Alert[]; nextCursor: string | null };
      } = await call(`/api/alerts?endpointId=${ep.id}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.status).toBe(200);
      texts.push(page.text);
      seen.push(...page.body.items.map((a) => a.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect((await call(`/api/alerts?cursor=nonsense`)).status).toBe(400);

    const cookie = await signInCookie(server.baseUrl);
    const html = await (
      await fetch(`${server.baseUrl}/endpoints/${ep.id}`, { headers: { cookie } })
    ).text();
    expect(html).toContain("Alerts");
    expect(html).toContain(created.urlHint);
    const channels = await call(`/api/endpoints/${ep.id}/alert-channels`);
    for (const text of [...texts, channels.text, html]) {
      expect(text).not.toContain(secretPath);
      expect(text).not.toContain(secretPath.slice(1).replaceAll("/", "\\/"));
    }
  });
});

describe("key rotation", () => {
  // Last in this file: it restarts the server.
  it("reseals channel URLs with a new INBOX_SECRET_KEY at start, and the channel still works", async () => {
    const ep = await scriptixEndpoint();
    const slack = await receiver();
    const created = await channel(ep.id, { kind: "slack", url: slack.url() });
    const keyIdOf = async () =>
      (
        await sql<{ url: string }>("SELECT url FROM alert_channels WHERE id = $1", [created.id])
      )[0]?.url.split(":")[2];
    const before = await keyIdOf();

    await server.stop();
    server = await startAppServer(database.url, {
      ...ENV,
      INBOX_SECRET_KEY: "alerts-rotated-key-0123456789abcdefghijkl",
      INBOX_SECRET_KEY_PREVIOUS: TEST_SECRET_KEY,
    });
    expect(await keyIdOf()).not.toBe(before);
    const tested = await call<Alert>(`/api/endpoints/${ep.id}/alert-channels/${created.id}/test`, {
      method: "POST",
    });
    expect(tested.body).toMatchObject({ status: "sent", responseStatus: 200 });
    expect(slack.requests).toHaveLength(1);
  });
});
