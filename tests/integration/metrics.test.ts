// Prometheus metrics (README "Metrics"), on an app server of this file's own (its counters
// start at zero, so the counts below are exact): after a callback, the forward it causes
// (sent by the queue worker process, to a real receiver on 127.0.0.1) and a poll, one
// scrape of GET /api/metrics shows them under the documented names, types and labels.
// The exposition is parsed strictly: a line the format does not allow fails the test.
// And who may scrape: the metrics token and the operator token, nobody else.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "@/tests/support/api";
import {
  startAppServer,
  TEST_API_TOKEN,
  TEST_AUTH_SECRET,
  type AppServer,
} from "@/tests/support/app-server";
import { bearerHeaders } from "@/tests/support/callbacks-signing";
import { expectApiError } from "@/tests/support/callbacks-inbox";
import { createForwardingEndpoint } from "@/tests/support/forwarding";
import { createFreshDatabase } from "@/tests/support/fresh-database";
import { sessionCookieOf, signInCookie, submitPageForm } from "@/tests/support/page-forms";
import { startReceiver, type Receiver } from "@/tests/support/receiver";

const METRICS_TOKEN = "test-metrics-token-0123456789";
const CALLBACK_TOKEN = "descript-callback-token-0123456789";

type Sample = { name: string; labels: Record<string, string>; value: number };
type Family = { name: string; type: string; help: string; samples: Sample[] };

/**
 * The text exposition format, strictly: # HELP and # TYPE once per family, before its
 * samples; samples `name{label="value",...} number` of a declared family (histograms
 * as _bucket, _sum, _count); label values with \\, \" and \n escapes only.
 */
function parseExposition(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  const familyOf = (sample: string) => {
    const direct = families.get(sample);
    if (direct) return direct;
    const histogram = /^(.+)_(bucket|sum|count)$/.exec(sample);
    const parent = histogram ? families.get(histogram[1] ?? "") : undefined;
    return parent?.type === "histogram" ? parent : undefined;
  };
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const meta = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(line);
    if (meta) {
      const [, kind, name = "", rest = ""] = meta;
      const family = families.get(name) ?? { name, type: "", help: "", samples: [] };
      if (kind === "HELP") {
        if (family.help) throw new Error(`second HELP for ${name}`);
        family.help = rest;
      } else {
        if (family.type) throw new Error(`second TYPE for ${name}`);
        if (!["counter", "gauge", "histogram", "summary", "untyped"].includes(rest))
          throw new Error(`unknown type in: ${line}`);
        family.type = rest;
      }
      families.set(name, family);
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!sample) throw new Error(`not a valid exposition line: ${line}`);
    const [, name = "", labelText = "", valueText = ""] = sample;
    const labels: Record<string, string> = {};
    const labelPattern = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"(,|$)/y;
    while (labelPattern.lastIndex < labelText.length) {
      const match = labelPattern.exec(labelText);
      if (!match) throw new Error(`bad labels in: ${line}`);
      labels[match[1] ?? ""] = (match[2] ?? "").replace(/\\(.)/g, (_, c: string) =>
        c === "n" ? "\n" : c,
      );
    }
    // Go's ParseFloat, which Prometheus reads values with: any case of NaN and Inf.
    const value = /^[+-]?inf$/i.test(valueText)
      ? (valueText.startsWith("-") ? -1 : 1) * Infinity
      : /^nan$/i.test(valueText)
        ? NaN
        : Number(valueText);
    if (Number.isNaN(value) && !/^nan$/i.test(valueText)) throw new Error(`bad value in: ${line}`);
    const family = familyOf(name);
    if (!family?.type) throw new Error(`sample of an undeclared family: ${line}`);
    family.samples.push({ name, labels, value });
  }
  return families;
}

/** The README's metrics table: name, type and label names of each documented metric. */
function documentedMetrics(): Array<{ name: string; type: string; labels: string[] }> {
  const readme = readFileSync("README.md", "utf8");
  const section = readme.slice(readme.indexOf("## Metrics"), readme.indexOf("## Logs"));
  return [...section.matchAll(/^\| `(webhook_inbox_[a-z_]+)` \| (\w+) \|([^|]*)\|/gm)].map(
    ([, name = "", type = "", labels = ""]) => ({
      name,
      type,
      labels: [...labels.matchAll(/`(\w+)`/g)].map((m) => m[1] ?? "").sort(),
    }),
  );
}

let database: { url: string; drop(): Promise<void> };
let server: AppServer;
let receiver: Receiver;

beforeAll(async () => {
  database = await createFreshDatabase("metrics");
  server = await startAppServer(database.url, { INBOX_METRICS_TOKEN: METRICS_TOKEN });
  receiver = await startReceiver();
  // The forward destination answers 200; as the provider's status API it says "running".
  receiver.respond = (request) => {
    const job = /^\/v1\/jobs\/([^/?]+)/.exec(request.path);
    if (!job) return { status: 200, body: "ok" };
    return {
      status: 200,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        job_id: job[1],
        job_type: "import/project_media",
        job_state: "running",
      }),
    };
  };
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await receiver?.close();
  await database?.drop();
});

const call = apiClient(() => server.baseUrl);

async function scrape(authorization = `Bearer ${METRICS_TOKEN}`): Promise<Map<string, Family>> {
  const response = await fetch(`${server.baseUrl}/api/metrics`, { headers: { authorization } });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseExposition(await response.text());
}

/** The value of the one sample of `name` whose labels include `labels`; undefined when none. */
function valueOf(
  families: Map<string, Family>,
  name: string,
  labels: Record<string, string>,
): number | undefined {
  const family = families.get(name.replace(/_(bucket|sum|count)$/, "")) ?? families.get(name);
  const matching = (family?.samples ?? []).filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
  if (matching.length > 1) throw new Error(`${matching.length} samples of ${name} match`);
  return matching[0]?.value;
}

async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("GET /api/metrics after an ingest, a forward and a poll", () => {
  it("shows each under the documented names, types and labels, from both processes", async () => {
    // An ingest that is forwarded (by the queue worker process) to the receiver.
    const forwarding = await createForwardingEndpoint(server.baseUrl, receiver.url());
    const ingested = await fetch(`${server.baseUrl}/in/${forwarding.key}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ hello: randomUUID() }),
    });
    expect(ingested.status).toBe(200);

    // A provider callback that makes a job, and a poll of it (answered in the web process).
    const polled = await call<{ id: string; key: string }>("/api/endpoints", {
      method: "POST",
      body: JSON.stringify({
        name: `polled-${randomUUID()}`,
        provider: "descript",
        verification: { scheme: "token", header: "authorization" },
        secrets: [CALLBACK_TOKEN],
      }),
    });
    expect(polled.status).toBe(201);
    const polling = await call(`/api/endpoints/${polled.body.id}/polling`, {
      method: "PUT",
      body: JSON.stringify({
        baseUrl: receiver.url(""),
        pathTemplate: "/v1/jobs/{jobId}",
        credentialHeader: "Authorization",
        credentialPrefix: "Bearer ",
        credential: "descript-api-key-0123456789",
      }),
    });
    expect(polling.status, JSON.stringify(polling.body)).toBe(200);
    const callback = await fetch(`${server.baseUrl}/in/${polled.body.key}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...bearerHeaders(CALLBACK_TOKEN) },
      body: JSON.stringify({
        job_id: `dsc-${randomUUID()}`,
        job_type: "import/project_media",
        job_state: "queued",
      }),
    });
    expect(callback.status).toBe(200);
    const { eventId } = (await callback.json()) as { eventId: string };
    const event = await call<{ jobId: string }>(`/api/events/${eventId}`);
    const poll = await call<{ poll: { outcome: string } }>(`/api/jobs/${event.body.jobId}/poll`, {
      method: "POST",
    });
    expect(poll.status, JSON.stringify(poll.body)).toBe(200);
    expect(poll.body.poll.outcome).toBe("succeeded");

    // The forward happens in the worker process; its counter reaches the scrape over IPC.
    const worker = { process: "worker", trigger: "auto", outcome: "succeeded" };
    await eventually(
      async () => valueOf(await scrape(), "webhook_inbox_attempts_total", worker) === 1,
      "the forward to show in the metrics",
    );
    expect(receiver.requests.filter((r) => !r.path.startsWith("/v1/jobs/"))).toHaveLength(1);
    const metrics = await scrape();

    const web = { process: "web" };
    expect(
      valueOf(metrics, "webhook_inbox_callbacks_received_total", {
        ...web,
        endpoint_id: forwarding.id,
        provider: "generic",
        verification: "unsigned",
        status: "200",
      }),
    ).toBe(1);
    expect(
      valueOf(metrics, "webhook_inbox_callbacks_received_total", {
        ...web,
        endpoint_id: polled.body.id,
        provider: "descript",
        verification: "verified",
        status: "200",
      }),
    ).toBe(1);
    expect(
      valueOf(metrics, "webhook_inbox_ingest_duration_seconds_count", { ...web, result: "stored" }),
    ).toBe(2);
    expect(
      valueOf(metrics, "webhook_inbox_ingest_duration_seconds_bucket", {
        ...web,
        result: "stored",
        le: "+Inf",
      }),
    ).toBe(2);
    expect(
      valueOf(metrics, "webhook_inbox_events_created_total", {
        ...web,
        endpoint_id: forwarding.id,
      }),
    ).toBe(1);
    expect(
      valueOf(metrics, "webhook_inbox_events_created_total", {
        ...web,
        endpoint_id: polled.body.id,
      }),
    ).toBe(1);
    expect(
      valueOf(metrics, "webhook_inbox_jobs_created_total", { ...web, endpoint_id: polled.body.id }),
    ).toBe(1);
    expect(valueOf(metrics, "webhook_inbox_attempt_duration_seconds_count", worker)).toBe(1);
    expect(
      valueOf(metrics, "webhook_inbox_polls_total", {
        ...web,
        endpoint_id: polled.body.id,
        trigger: "manual",
        outcome: "succeeded",
      }),
    ).toBe(1);
    expect(
      valueOf(metrics, "webhook_inbox_poll_duration_seconds_count", { ...web, trigger: "manual" }),
    ).toBe(1);
    // Read at scrape time: the forward is done, nothing waits.
    expect(valueOf(metrics, "webhook_inbox_queue_read_ok", {})).toBe(1);
    expect(
      valueOf(metrics, "webhook_inbox_queue_jobs", { task: "forward_event", state: "due" }),
    ).toBe(0);
    expect(
      valueOf(metrics, "webhook_inbox_queue_oldest_due_age_seconds", { task: "forward_event" }),
    ).toBe(0);
    // Every process opened its pool and reports it, and its Node process metrics.
    for (const process of ["launcher", "web", "worker"]) {
      expect(
        valueOf(metrics, "webhook_inbox_db_pool_connections", { process, state: "idle" }),
      ).toBeGreaterThan(0);
      expect(valueOf(metrics, "webhook_inbox_db_pool_waiting_requests", { process })).toBe(0);
      expect(valueOf(metrics, "process_cpu_user_seconds_total", { process })).toBeGreaterThan(0);
    }

    // Every documented metric is there with its type and exactly its labels (and process);
    // every webhook_inbox_ metric there is documented.
    const documented = documentedMetrics();
    expect(documented.length).toBeGreaterThanOrEqual(17);
    const scrapedOwn = [...metrics.keys()].filter((name) => name.startsWith("webhook_inbox_"));
    expect(scrapedOwn.sort()).toEqual(documented.map((m) => m.name).sort());
    // (Those nothing has counted yet, alerts and retention here, have no samples to check.)
    for (const { name, type, labels } of documented) {
      const family = metrics.get(name);
      expect(family?.type, name).toBe(type);
      const scrapeOnly = name.startsWith("webhook_inbox_queue_");
      for (const sample of family?.samples ?? []) {
        const names = Object.keys(sample.labels).filter((label) => label !== "le");
        expect(names.sort(), name).toEqual((scrapeOnly ? labels : [...labels, "process"]).sort());
      }
    }
  });
});

describe("alerts and retention", () => {
  it("count a test alert by channel kind and outcome, and a manual retention run", async () => {
    const endpoint = await call<{ id: string }>("/api/endpoints", {
      method: "POST",
      body: JSON.stringify({ name: `alerted-${randomUUID()}`, provider: "generic" }),
    });
    const channel = await call<{ id: string }>(
      `/api/endpoints/${endpoint.body.id}/alert-channels`,
      {
        method: "POST",
        body: JSON.stringify({ kind: "webhook", url: receiver.url("/alerts") }),
      },
    );
    expect(channel.status, JSON.stringify(channel.body)).toBe(201);
    const before = await scrape();
    const sent = { process: "web", kind: "webhook", outcome: "sent" };
    const completed = { process: "web", trigger: "manual", outcome: "completed" };

    const test = await call(
      `/api/endpoints/${endpoint.body.id}/alert-channels/${channel.body.id}/test`,
      {
        method: "POST",
      },
    );
    expect(test.status, JSON.stringify(test.body)).toBeLessThan(300);
    const run = await call("/api/retention/run", { method: "POST" });
    expect(run.status, JSON.stringify(run.body)).toBeLessThan(300);

    const after = await scrape();
    const delta = (name: string, labels: Record<string, string>) =>
      (valueOf(after, name, labels) ?? 0) - (valueOf(before, name, labels) ?? 0);
    expect(delta("webhook_inbox_alert_attempts_total", sent)).toBe(1);
    expect(delta("webhook_inbox_retention_runs_total", completed)).toBe(1);
  });
});

describe("rejected callbacks", () => {
  it("are counted by the code answered: 413 over the body limit, 429 over the rate, 404 for an unknown key", async () => {
    const limited = await call<{ id: string; key: string }>("/api/endpoints", {
      method: "POST",
      body: JSON.stringify({
        name: `limited-${randomUUID()}`,
        provider: "generic",
        bodyLimitBytes: 1024,
        rateLimitPerSecond: 1,
      }),
    });
    expect(limited.status).toBe(201);
    const before = await scrape();
    const rejected = (reason: string, families: Map<string, Family>) =>
      valueOf(families, "webhook_inbox_callbacks_rejected_total", { process: "web", reason }) ?? 0;

    const tooLarge = await fetch(`${server.baseUrl}/in/${limited.body.key}`, {
      method: "POST",
      body: "x".repeat(2048),
    });
    expect(tooLarge.status).toBe(413);
    const statuses: number[] = [];
    // The bucket holds two (burst); the third within the second is refused.
    for (let i = 0; i < 4; i++)
      statuses.push(
        (await fetch(`${server.baseUrl}/in/${limited.body.key}`, { method: "POST", body: "{}" }))
          .status,
      );
    const refused = statuses.filter((status) => status === 429).length;
    expect(refused).toBeGreaterThan(0);
    const unknown = await fetch(`${server.baseUrl}/in/ep_no_such_key_${randomUUID().slice(0, 8)}`, {
      method: "POST",
      body: "{}",
    });
    expect(unknown.status).toBe(404);

    const after = await scrape();
    expect(rejected("payload_too_large", after) - rejected("payload_too_large", before)).toBe(1);
    expect(rejected("rate_limited", after) - rejected("rate_limited", before)).toBe(refused);
    expect(rejected("not_found", after) - rejected("not_found", before)).toBe(1);
    expect(
      (valueOf(after, "webhook_inbox_ingest_duration_seconds_count", {
        process: "web",
        result: "rejected",
      }) ?? 0) -
        (valueOf(before, "webhook_inbox_ingest_duration_seconds_count", {
          process: "web",
          result: "rejected",
        }) ?? 0),
    ).toBe(2 + refused);
  });
});

describe("who may scrape", () => {
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${server.baseUrl}${path}`, { headers });

  it("the metrics token and the operator token", async () => {
    await scrape(`Bearer ${METRICS_TOKEN}`);
    await scrape(`Bearer ${TEST_API_TOKEN}`);
  });

  it.each([
    ["no token", {}],
    ["a wrong token", { authorization: `Bearer ${METRICS_TOKEN.slice(0, -1)}x` }],
    ["the metrics token with a character more", { authorization: `Bearer ${METRICS_TOKEN}0` }],
  ])("answers 401 to %s", async (_label, headers) => {
    const response = await get("/api/metrics", headers);
    expect(response.status).toBe(401);
    expectApiError(await response.json(), "unauthorized");
  });

  it("refuses people with 403, whatever their role: an admin's session, a viewer's session and personal token", async () => {
    const viewer = await createViewer();
    const viewerSession = sessionCookieOf(
      await submitPageForm(server.baseUrl, "/login", 'name="password"', {
        email: viewer.email,
        password: viewer.password,
      }),
    );
    for (const headers of <Array<Record<string, string>>>[
      { cookie: await signInCookie(server.baseUrl) },
      { cookie: viewerSession },
      { authorization: `Bearer ${viewer.token}` },
    ]) {
      const response = await get("/api/metrics", headers);
      expect(response.status).toBe(403);
      const body: unknown = await response.json();
      expectApiError(body, "forbidden");
      expect(JSON.stringify(body)).toContain("INBOX_METRICS_TOKEN");
    }
    // The viewer's credentials work elsewhere: the refusal is about the metrics.
    expect((await get("/api/endpoints", { cookie: viewerSession })).status).toBe(200);
  });

  it("the metrics token reads nothing else and changes nothing", async () => {
    const authorization = `Bearer ${METRICS_TOKEN}`;
    const list = await get("/api/endpoints", { authorization });
    expect(list.status).toBe(403);
    expectApiError(await list.json(), "forbidden");
    const name = `never created ${randomUUID()}`;
    const create = await fetch(`${server.baseUrl}/api/endpoints`, {
      method: "POST",
      headers: { authorization, "content-type": "application/json" },
      body: JSON.stringify({ name, provider: "generic" }),
    });
    expect(create.status).toBe(403);
    const endpoints = await call<{ items: Array<{ name: string }> }>("/api/endpoints");
    expect(endpoints.body.items.map((e) => e.name)).not.toContain(name);
  });
});

/** A viewer with a password and a personal token, made as an accepted invitation makes one. */
async function createViewer(): Promise<{ email: string; password: string; token: string }> {
  // lib/env reads the environment once, on first use: point it at this file's database first.
  process.env.DATABASE_URL = database.url;
  process.env.INBOX_AUTH_SECRET = TEST_AUTH_SECRET;
  const { createPerson } = await import("@/lib/auth/users");
  const { createApiToken } = await import("@/lib/auth/mutations");
  const { getPool } = await import("@/lib/db/client");
  const email = `viewer-${randomUUID().slice(0, 8)}@people.test`;
  const password = `viewer-password-${randomUUID().slice(0, 8)}`;
  const { id } = await createPerson({ email, name: "Test viewer", password, role: "viewer" });
  const { token } = await createApiToken(id, "viewer test token");
  await getPool().end();
  return { email, password, token };
}
