// Retention, usage and export (issue 12), on an app server of its own (its own database
// and INBOX_RETENTION_DAYS=30 / INBOX_FAILED_RETENTION_DAYS=7), so a run here deletes
// nothing of other tests and theirs nothing of ours. Callbacks arrive over HTTP; their
// ages are then moved back in the database (what weeks of waiting would do). The run
// deletes 2 deliveries a statement and rests between statements (the pace settings), so
// every case below crosses batch edges: an event's deliveries split over two batches.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient, apiJson } from "@/tests/support/api";
import { startAppServer, TEST_API_TOKEN, type AppServer } from "@/tests/support/app-server";
import { expectApiError } from "@/tests/support/callbacks-inbox";
import { runCli } from "@/tests/support/cli";
import { clipzyJob, json2videoDone } from "@/tests/support/callbacks-payloads";
import { createFreshDatabase, queryDatabase } from "@/tests/support/fresh-database";
import { closeTestPeople, createTestPerson } from "@/tests/support/people";

let app: AppServer;
let db: { url: string; drop(): Promise<void> };
const call = apiClient(() => app.baseUrl);
const sql = <R extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
  queryDatabase<R>(db.url, text, params);

beforeAll(async () => {
  db = await createFreshDatabase("retention");
  app = await startAppServer(db.url, {
    INBOX_RETENTION_DAYS: "30",
    INBOX_FAILED_RETENTION_DAYS: "7",
    INBOX_RETENTION_BATCH_SIZE: "2",
    INBOX_RETENTION_BUSY_PERCENT: "50",
  });
});

afterAll(async () => {
  await app?.stop();
  await db?.drop();
  await closeTestPeople();
});

type Endpoint = { id: string; key: string; retentionDays: number | null | "default" };
type Stored = { deliveryId: string; eventId: string; body: Buffer };

async function newEndpoint(body: Record<string, unknown>): Promise<Endpoint> {
  const { status, body: created } = await call<Endpoint>("/api/endpoints", {
    method: "POST",
    body: JSON.stringify({ name: `retention ${randomUUID()}`, rateLimitPerSecond: null, ...body }),
  });
  expect(status, JSON.stringify(created)).toBe(201);
  return created;
}

async function send(
  endpoint: Endpoint,
  body: Buffer | string,
  headers: Record<string, string> = {},
): Promise<Stored> {
  const bytes = Buffer.from(body);
  const response = await fetch(`${app.baseUrl}/in/${endpoint.key}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: bytes,
  });
  const answer = (await response.json()) as { deliveryId: string };
  expect(answer.deliveryId, JSON.stringify(answer)).toMatch(/^dlv_/);
  // From the database: a refused (failed) callback's answer names no event.
  const [row] = await sql<{ event_id: string }>("SELECT event_id FROM deliveries WHERE id = $1", [
    answer.deliveryId,
  ]);
  return { deliveryId: answer.deliveryId, eventId: row?.event_id ?? "", body: bytes };
}

/** Moves a delivery `days` back, and its event's and job's times with it. */
async function age(stored: Stored, days: number): Promise<void> {
  await sql(`UPDATE deliveries SET received_at = now() - make_interval(days => $2) WHERE id = $1`, [
    stored.deliveryId,
    days,
  ]);
  await sql(
    `UPDATE events e SET first_received_at = t.first, last_touched_at = t.last
     FROM (SELECT min(received_at) AS first, max(received_at) AS last FROM deliveries WHERE event_id = $1) t
     WHERE e.id = $1`,
    [stored.eventId],
  );
  await sql(
    `UPDATE jobs j SET first_seen_at = t.first, last_event_at = t.last
     FROM (SELECT job_id, min(first_received_at) AS first, max(last_touched_at) AS last FROM events
           WHERE job_id = (SELECT job_id FROM events WHERE id = $1) GROUP BY job_id) t
     WHERE j.id = t.job_id`,
    [stored.eventId],
  );
}

const exists = async (table: string, id: string) =>
  (await sql(`SELECT 1 FROM ${table} WHERE id = $1`, [id])).length === 1;

async function runRetention() {
  const answer = await call<{
    removed: Record<"deliveries" | "events" | "jobs" | "attempts" | "polls" | "alerts", number>;
  }>("/api/retention/run", { method: "POST" });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.removed;
}

const TOKEN = "j2v-token-0123456789abcdefXYZW";

describe("retention", () => {
  let byDefault: Endpoint;
  let forever: Endpoint;
  let signed: Endpoint;
  const s = {} as Record<
    "old" | "fresh" | "retryOld" | "retryNew" | "ancient" | "forged" | "genuine",
    Stored
  >;
  let jobOfOld: string;
  let jobOfNew: string;
  let run: string;

  beforeAll(async () => {
    byDefault = await newEndpoint({ provider: "clipzy" });
    forever = await newEndpoint({ provider: "clipzy", retentionDays: null });
    signed = await newEndpoint({ provider: "json2video", secrets: [TOKEN] });
    run = randomUUID().slice(0, 8);

    // A job whose every callback is 40 days old, and one from yesterday.
    s.old = await send(byDefault, JSON.stringify(clipzyJob(`old-${run}`, "completed")));
    s.fresh = await send(byDefault, JSON.stringify(clipzyJob(`new-${run}`, "completed")));
    // One event with an old delivery and a retry from today.
    const retried = JSON.stringify(clipzyJob(`retried-${run}`, "failed"));
    s.retryOld = await send(byDefault, retried);
    s.retryNew = await send(byDefault, retried);
    // Kept forever: even a year old.
    s.ancient = await send(forever, JSON.stringify(clipzyJob(`ancient-${run}`, "completed")));
    // Failed verification 10 days ago goes (7 days); a verified one as old stays (30 days).
    s.forged = await send(signed, JSON.stringify(json2videoDone(`forged-${run}`)), {
      authorization: "Bearer wrong-token-000000000000",
    });
    s.genuine = await send(signed, JSON.stringify(json2videoDone(`genuine-${run}`)), {
      authorization: `Bearer ${TOKEN}`,
    });
    await age(s.old, 40);
    await age(s.fresh, 1);
    await age(s.retryOld, 40);
    await age(s.ancient, 400);
    await age(s.forged, 10);
    await age(s.genuine, 10);

    const jobs = await sql<{ id: string; external_id: string }>(
      "SELECT id, external_id FROM jobs WHERE endpoint_id = $1",
      [byDefault.id],
    );
    jobOfOld = jobs.find((j) => j.external_id === `old-${run}`)?.id ?? "";
    jobOfNew = jobs.find((j) => j.external_id === `new-${run}`)?.id ?? "";
    expect(jobOfOld).toMatch(/^job_/);
    expect(jobOfNew).toMatch(/^job_/);

    // Records of the same age around the job that stays: an attempt, a poll, an alert.
    await sql(
      `INSERT INTO attempts (id, event_id, delivery_id, url, method, request_headers, body_sha256, status, attempt_number, trigger, created_at)
       VALUES ('att_old_' || $3, $1, $2, 'http://127.0.0.1:9/', 'POST', '[]', 'x', 'failed', 1, 'manual', now() - interval '40 days'),
              ('att_new_' || $3, $1, $2, 'http://127.0.0.1:9/', 'POST', '[]', 'x', 'failed', 1, 'manual', now() - interval '1 day')`,
      [s.fresh.eventId, s.fresh.deliveryId, run],
    );
    await sql(
      `INSERT INTO polls (id, job_id, endpoint_id, trigger, url, request_headers, outcome, created_at)
       VALUES ('pol_old_' || $3, $1, $2, 'manual', 'http://127.0.0.1:9/', '[]', 'failed', now() - interval '40 days'),
              ('pol_new_' || $3, $1, $2, 'manual', 'http://127.0.0.1:9/', '[]', 'failed', now() - interval '1 day'),
              ('pol_gone_' || $3, $4, $2, 'manual', 'http://127.0.0.1:9/', '[]', 'failed', now() - interval '1 day')`,
      [jobOfNew, byDefault.id, run, jobOfOld],
    );
    await sql(
      `INSERT INTO alerts (id, endpoint_id, type, dedupe_key, job_id, path, status, created_at)
       VALUES ('alr_old_' || $3, $1, 'job.failed', 'old:' || $3, $2, '/jobs/x', 'sent', now() - interval '40 days'),
              ('alr_new_' || $3, $1, 'job.failed', 'new:' || $3, $2, '/jobs/x', 'sent', now() - interval '1 day')`,
      [byDefault.id, jobOfNew, run],
    );
  });

  it("shows per endpoint what is stored and what the next run removes", async () => {
    const { status, body } = await call<{
      deliveries: number;
      events: number;
      jobs: number;
      bytes: number;
      oldestDeliveryAt: string;
      retention: { setting: unknown; days: number | null; failedDays: number | null };
      nextRun: { deliveries: number; failedDeliveries: number };
    }>(`/api/endpoints/${byDefault.id}/usage`);
    expect(status).toBe(200);
    const sent = [s.old, s.fresh, s.retryOld, s.retryNew];
    expect(body.deliveries).toBe(4);
    expect(body.events).toBe(3);
    expect(body.jobs).toBe(3);
    expect(body.bytes).toBe(sent.reduce((n, x) => n + x.body.length, 0));
    expect(Date.now() - Date.parse(body.oldestDeliveryAt)).toBeGreaterThan(39 * 86_400_000);
    expect(body.retention).toEqual({ setting: "default", days: 30, failedDays: 7 });
    expect(body.nextRun).toMatchObject({ deliveries: 2, failedDeliveries: 0 });

    const signedUsage = await call<{ nextRun: { deliveries: number; failedDeliveries: number } }>(
      `/api/endpoints/${signed.id}/usage`,
    );
    expect(signedUsage.body.nextRun).toMatchObject({ deliveries: 1, failedDeliveries: 1 });
    const foreverUsage = await call<{ retention: unknown; nextRun: { deliveries: number } }>(
      `/api/endpoints/${forever.id}/usage`,
    );
    expect(foreverUsage.body.retention).toEqual({ setting: null, days: null, failedDays: null });
    expect(foreverUsage.body.nextRun.deliveries).toBe(0);
  });

  it("removes what is past the window, keeps the rest, and says how much of each kind went", async () => {
    const removed = await runRetention();
    expect(removed).toEqual({
      // old, retryOld (its event stays), forged
      deliveries: 3,
      // old's event, forged's event
      events: 2,
      jobs: 1,
      attempts: 1,
      // the old poll of the job that stays, and the new one of the job that went
      polls: 2,
      alerts: 1,
    });

    // Older than the window: gone, with the event and job nothing else holds.
    expect(await exists("deliveries", s.old.deliveryId)).toBe(false);
    expect(await exists("events", s.old.eventId)).toBe(false);
    expect(await exists("jobs", jobOfOld)).toBe(false);
    // Newer: still there.
    expect(await exists("deliveries", s.fresh.deliveryId)).toBe(true);
    expect(await exists("jobs", jobOfNew)).toBe(true);
    // The retried event stays with its newer delivery, which now carries it.
    expect(await exists("deliveries", s.retryOld.deliveryId)).toBe(false);
    const [retried] = await sql<{ delivery_count: number; payload_delivery_id: string }>(
      `SELECT (SELECT count(*)::int FROM deliveries d WHERE d.event_id = e.id) AS delivery_count, payload_delivery_id
       FROM events e WHERE id = $1`,
      [s.retryNew.eventId],
    );
    expect(retried).toEqual({ delivery_count: 1, payload_delivery_id: s.retryNew.deliveryId });
    // A year old on an endpoint kept forever: still there.
    expect(await exists("deliveries", s.ancient.deliveryId)).toBe(true);
    expect(await exists("events", s.ancient.eventId)).toBe(true);
    // Failed verification goes after 7 days; a verified callback as old stays.
    expect(await exists("deliveries", s.forged.deliveryId)).toBe(false);
    expect(await exists("events", s.forged.eventId)).toBe(false);
    expect(await exists("deliveries", s.genuine.deliveryId)).toBe(true);
    // Attempts, polls and alerts: the old ones went, the new ones stay.
    expect(await exists("attempts", `att_old_${run}`)).toBe(false);
    expect(await exists("attempts", `att_new_${run}`)).toBe(true);
    expect(await exists("polls", `pol_old_${run}`)).toBe(false);
    expect(await exists("polls", `pol_new_${run}`)).toBe(true);
    expect(await exists("polls", `pol_gone_${run}`)).toBe(false);
    expect(await exists("alerts", `alr_old_${run}`)).toBe(false);
    expect(await exists("alerts", `alr_new_${run}`)).toBe(true);

    // Recorded in the audit log with the counts.
    const [entry] = await sql<{ action: string; details: Record<string, number> }>(
      "SELECT action, details FROM audit_log WHERE action = 'retention.run' ORDER BY at DESC LIMIT 1",
    );
    expect(entry?.details).toMatchObject({ deliveries: 3, events: 2, jobs: 1 });

    // Usage now counts what is left; a second run finds nothing.
    const usage = await call<{ deliveries: number; events: number; jobs: number }>(
      `/api/endpoints/${byDefault.id}/usage`,
    );
    expect(usage.body).toMatchObject({ deliveries: 2, events: 2, jobs: 2 });
    // The run queued a recount: the Endpoints page's stored counts (big endpoints) follow.
    await expect
      .poll(
        async () => {
          const [row] = await sql<{ deliveries: string; events: string; jobs: string }>(
            "SELECT deliveries, events, jobs FROM endpoint_usage_counts WHERE endpoint_id = $1",
            [byDefault.id],
          );
          return row;
        },
        { timeout: 15_000 },
      )
      .toEqual({ deliveries: "2", events: "2", jobs: "2" });
    expect(await runRetention()).toEqual({
      deliveries: 0,
      events: 0,
      jobs: 0,
      attempts: 0,
      polls: 0,
      alerts: 0,
    });
  });

  it("takes retentionDays as days, null (forever) or 'default', and refuses nonsense", async () => {
    const path = `/api/endpoints/${byDefault.id}`;
    const patch = (retentionDays: unknown) =>
      call<Endpoint>(path, { method: "PATCH", body: JSON.stringify({ retentionDays }) });
    expect((await patch(14)).body.retentionDays).toBe(14);
    expect((await patch(null)).body.retentionDays).toBe(null);
    expect((await patch("default")).body.retentionDays).toBe("default");
    for (const bad of [0, -1, 1.5, "forever", 36_501]) {
      const { status, body } = await patch(bad);
      expect(status, String(bad)).toBe(400);
      expectApiError(body, "validation_failed");
    }
    expect((await call<Endpoint>(path)).body.retentionDays).toBe("default");
  });
});

describe("a paced run, 2 deliveries a statement", () => {
  it("still removes everything past the window, across batch edges, with counts that add up", async () => {
    const endpoint = await newEndpoint({ provider: "clipzy" });
    const run = randomUUID().slice(0, 8);
    const sent: Stored[] = [];
    // 4 jobs of 3 callbacks each (three statuses: three events), every callback sent
    // twice (a provider's retry): 24 deliveries, 12 events, 4 jobs; plus one kept.
    for (let j = 0; j < 4; j++)
      for (const state of ["failed", "cancelled", "completed"] as const)
        for (let copy = 0; copy < 2; copy++)
          sent.push(await send(endpoint, JSON.stringify(clipzyJob(`paced-${run}-${j}`, state))));
    const kept = await send(endpoint, JSON.stringify(clipzyJob(`paced-${run}-kept`, "completed")));
    // Ages (whole days) interleave the events' deliveries: every event's first delivery is
    // newer than any second one, so the batches of 2 (oldest first) take the second
    // delivery of two events each, and only later batches their first ones.
    for (const [n, stored] of sent.entries()) await age(stored, 40 + (n % 2) * 30 + n);

    expect(await runRetention()).toEqual({
      deliveries: 24,
      events: 12,
      jobs: 4,
      attempts: 0,
      polls: 0,
      alerts: 0,
    });
    const left = await sql<{ deliveries: number; events: number; jobs: number }>(
      `SELECT (SELECT count(*) FROM deliveries WHERE endpoint_id = $1)::int AS deliveries,
              (SELECT count(*) FROM events WHERE endpoint_id = $1)::int AS events,
              (SELECT count(*) FROM jobs WHERE endpoint_id = $1)::int AS jobs`,
      [endpoint.id],
    );
    expect(left).toEqual([{ deliveries: 1, events: 1, jobs: 1 }]);
    expect(await exists("deliveries", kept.deliveryId)).toBe(true);
  });
});

describe("a run across endpoints, oldest first, 2 deliveries a statement", () => {
  it("merges the endpoints' windows without skipping a delivery at a batch edge or a tie", async () => {
    // Three endpoints whose deliveries interleave in time: a 10-day window, the default
    // (30) and forever. One pass takes them oldest first across endpoints, each against
    // its own cutoff; equal arrival times (a tie on received_at, split by id) sit across
    // a batch edge.
    const short = await newEndpoint({ provider: "clipzy", retentionDays: 10 });
    const usual = await newEndpoint({ provider: "clipzy" });
    const forever = await newEndpoint({ provider: "clipzy", retentionDays: null });
    const run = randomUUID().slice(0, 8);
    const sendAged = async (endpoint: Endpoint, n: number, days: number) => {
      const stored = await send(
        endpoint,
        JSON.stringify(clipzyJob(`merge-${run}-${n}`, "completed")),
      );
      await age(stored, days);
      return stored;
    };
    const gone: Stored[] = [];
    const kept: Stored[] = [];
    for (let n = 0; n < 6; n++) {
      // short: 12-22 days (all past 10); usual: 24-49 (past 30 from 34 on); forever: 11-61.
      gone.push(await sendAged(short, n, 12 + 2 * n));
      (24 + 5 * n > 30 ? gone : kept).push(await sendAged(usual, 10 + n, 24 + 5 * n));
      kept.push(await sendAged(forever, 20 + n, 11 + 10 * n));
    }
    // The tie: three deliveries at the very same instant, one per endpoint.
    const tie = [
      await sendAged(short, 30, 40),
      await sendAged(usual, 31, 40),
      await sendAged(forever, 32, 40),
    ];
    await sql(
      `UPDATE deliveries SET received_at = date_trunc('second', now()) - interval '40 days' WHERE id = ANY($1)`,
      [tie.map((stored) => stored.deliveryId)],
    );
    gone.push(tie[0]!, tie[1]!);
    kept.push(tie[2]!);

    const removed = await runRetention();
    expect(removed.deliveries).toBe(gone.length);
    for (const stored of gone) expect(await exists("deliveries", stored.deliveryId)).toBe(false);
    for (const stored of kept) expect(await exists("deliveries", stored.deliveryId)).toBe(true);
  });
});

describe("a run that takes one of an event's deliveries", () => {
  it("leaves the event's row untouched when its payload comes from a delivery that stays", async () => {
    const endpoint = await newEndpoint({ provider: "clipzy" });
    const body = JSON.stringify(clipzyJob(`untouched-${randomUUID().slice(0, 8)}`, "completed"));
    // The first delivery carries the event's payload; the provider's retry is the one
    // that goes (moved back in time: only the retry is past the window).
    const first = await send(endpoint, body);
    const retry = await send(endpoint, body);
    expect(retry.eventId).toBe(first.eventId);
    await age(retry, 40);
    const version = async () =>
      (
        await sql<{ xmin: string; payload_delivery_id: string }>(
          "SELECT xmin::text, payload_delivery_id FROM events WHERE id = $1",
          [first.eventId],
        )
      )[0];
    const before = await version();
    expect(before?.payload_delivery_id).toBe(first.deliveryId);

    expect((await runRetention()).deliveries).toBe(1);
    expect(await exists("deliveries", retry.deliveryId)).toBe(false);
    // Same row version: the run wrote nothing to it (a rewrite costs WAL in every index).
    expect(await version()).toEqual(before);
  });
});

describe("POST /api/retention/run", () => {
  it("is an admin's: a member or viewer is refused", async () => {
    for (const role of ["viewer", "member"] as const) {
      const person = await createTestPerson(role);
      const { status, body } = await apiJson("/api/retention/run", {
        method: "POST",
        headers: { authorization: `Bearer ${person.token}` },
      });
      expect(status).toBe(403);
      expectApiError(body, "forbidden");
    }
  });
});

type ExportLine = {
  id: string;
  verification: string;
  deliveries: Array<{
    id: string;
    bodyBase64: string;
    bodySha256: string;
    headers: Array<[string, string]>;
    maskedHeaders: string[];
  }>;
};

describe("GET /api/events/export", () => {
  it("streams the filter's events as NDJSON: bodies byte for byte, credentials masked", async () => {
    const endpoint = await newEndpoint({ provider: "json2video", secrets: [TOKEN] });
    const sent = new Map<string, Buffer>();
    // More events than one export batch (100), so the keyset carries across batches;
    // one body that is not UTF-8, and a few that fail verification.
    for (let i = 0; i < 130; i++) {
      const body =
        i === 7
          ? Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x80]), randomBytes(32)])
          : Buffer.from(JSON.stringify(json2videoDone(`export-${i}-${randomUUID()}`)));
      const stored = await send(endpoint, body, {
        authorization: i % 10 === 3 ? "Bearer wrong-token-000000000000" : `Bearer ${TOKEN}`,
      });
      sent.set(stored.deliveryId, body);
    }
    const response = await fetch(`${app.baseUrl}/api/events/export?endpointId=${endpoint.id}`, {
      headers: { authorization: `Bearer ${TEST_API_TOKEN}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/x-ndjson");
    expect(response.headers.get("content-disposition")).toMatch(
      /attachment; filename=".*\.ndjson"/,
    );
    const text = await response.text();
    expect(text).not.toContain(TOKEN);
    const lines = text
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as ExportLine);
    expect(lines).toHaveLength(130);
    expect(new Set(lines.map((l) => l.id)).size).toBe(130);
    const deliveries = lines.flatMap((l) => l.deliveries);
    expect(deliveries).toHaveLength(130);
    for (const delivery of deliveries) {
      const original = sent.get(delivery.id);
      expect(original, delivery.id).toBeDefined();
      expect(Buffer.from(delivery.bodyBase64, "base64").equals(original ?? Buffer.alloc(0))).toBe(
        true,
      );
      expect(delivery.maskedHeaders).toContain("authorization");
      const auth = delivery.headers.find(([name]) => name.toLowerCase() === "authorization");
      expect(auth?.[1]).toMatch(/^Bearer ••••/);
    }
    // The same order and events as the list API's pages.
    const listed: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ id: string }>; nextCursor: string | null } } =
        await call(
          `/api/events?endpointId=${endpoint.id}&limit=50${cursor ? `&cursor=${cursor}` : ""}`,
        );
      listed.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(lines.map((l) => l.id)).toEqual(listed);

    // A filter narrows it the same way as the list.
    const failed = await fetch(
      `${app.baseUrl}/api/events/export?endpointId=${endpoint.id}&verification=failed`,
      { headers: { authorization: `Bearer ${TEST_API_TOKEN}` } },
    );
    const failedLines = (await failed.text())
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as ExportLine);
    expect(failedLines).toHaveLength(13);
    expect(failedLines.every((l) => l.verification === "failed")).toBe(true);

    // The CLI writes the same lines to stdout.
    const cli = await runCli([
      "export",
      "--filter",
      `endpointId=${endpoint.id}`,
      "--filter",
      "verification=failed",
      "--inbox",
      app.baseUrl,
      "--token",
      TEST_API_TOKEN,
    ]);
    expect(cli.stderr).toContain("Exported 13 events.");
    expect(cli.code).toBe(0);
    expect(
      cli.stdout
        .trimEnd()
        .split("\n")
        .map((line) => (JSON.parse(line) as ExportLine).id),
    ).toEqual(failedLines.map((l) => l.id));
    const refused = await runCli(["export", "--filter", "nope=1", "--token", TEST_API_TOKEN]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('unknown filter "nope"');
  });

  it("answers 400 for a 1-2 character search, like the list", async () => {
    const { status, body } = await call(`/api/events/export?q=ab`);
    expect(status).toBe(400);
    expectApiError(body, "validation_failed");
  });
});
