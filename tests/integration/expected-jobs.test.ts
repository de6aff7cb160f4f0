// Expected jobs (issue 11): registering a job when it is submitted, so a job whose only
// callback is lost is still known, flagged overdue, alerted and polled. Real Postgres,
// the app over HTTP with a fast poll scan, a fake JSON2Video status API and an alert
// receiver on 127.0.0.1. The JSON2Video answers are the callback payload its doc prints
// (provider-docs/json2video-webhooks.txt, step 3); the doc does not print the status
// API's answer, which the preset reads like the callback (lib/polling/presets.ts).
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "@/tests/support/api";
import { startAppServer, TEST_API_TOKEN, type AppServer } from "@/tests/support/app-server";
import { expectApiError } from "@/tests/support/callbacks-inbox";
import { runCli } from "@/tests/support/cli";
import { createFreshDatabase, queryDatabase } from "@/tests/support/fresh-database";
import { startReceiver, type Receiver, type Reply } from "@/tests/support/receiver";

type Job = {
  id: string;
  externalId: string;
  state: string;
  label: string | null;
  metadata: unknown;
  expectTerminalMinutes: number | null;
  overdueAt: string | null;
  missedCallbackAt: string | null;
  outputUrl: string | null;
  registration: { at: string; by: string | null; via: string | null } | null;
};

let database: { url: string; drop(): Promise<void> };
let server: AppServer;
let provider: Receiver;
/** The fake JSON2Video status API's answer per project id. */
const answers = new Map<string, Reply>();

beforeAll(async () => {
  database = await createFreshDatabase("expected_jobs");
  server = await startAppServer(database.url, {
    INBOX_POLL_SCAN_SECONDS: "0.3",
    INBOX_OUTBOUND_ALLOW: "127.0.0.1",
  });
  provider = await startReceiver();
  provider.respond = (request) => {
    const project = new URL(request.path, "http://provider").searchParams.get("project");
    const answer = project === null ? undefined : answers.get(project);
    return answer ?? { status: 404, body: '{"success":false}' };
  };
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await provider?.close();
  await database?.drop();
});

const call = apiClient(() => server.baseUrl);
const sql = <R extends pg.QueryResultRow>(text: string, params: unknown[] = []) =>
  queryDatabase<R>(database.url, text, params);

async function eventually<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string) {
  for (let i = 0; i < 200; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function endpoint(provider_: string, body: Record<string, unknown> = {}) {
  const created = await call<{ id: string; key: string }>("/api/endpoints", {
    method: "POST",
    body: JSON.stringify({ name: `expected-${randomUUID()}`, provider: provider_, ...body }),
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

const json2videoEndpoint = () => endpoint("json2video", { verification: { scheme: "none" } });

const register = (endpointId: string, body: unknown) =>
  call<Job>(`/api/endpoints/${endpointId}/jobs`, { method: "POST", body: JSON.stringify(body) });

const job = async (id: string) => (await call<Job>(`/api/jobs/${id}`)).body;

/** JSON2Video's callback as its doc prints it (step 3), for project `project`. */
const json2videoDone = (project: string) => ({
  project,
  status: "done",
  url: `https://assets.json2video.com/clients/acme/${project}.mp4`,
  duration: 24,
  size: 5421988,
  "client-data": { listing_id: "L-4821", property_address: "123 Oak Street", agent_id: "AG-42" },
});

async function callback(key: string, body: unknown): Promise<void> {
  const response = await fetch(`${server.baseUrl}/in/${key}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

/** The job "was registered" `minutes` ago: the scans read these columns (waiting real minutes is no test). */
const age = (jobId: string, minutes: number) =>
  sql(
    `UPDATE jobs SET registered_at = registered_at - make_interval(mins => $2), first_seen_at = first_seen_at - make_interval(mins => $2),
            last_event_at = last_event_at - make_interval(mins => $2) WHERE id = $1`,
    [jobId, minutes],
  );

const jobCount = async (endpointId: string) =>
  Number(
    (
      await sql<{ n: string }>("SELECT count(*) AS n FROM jobs WHERE endpoint_id = $1", [
        endpointId,
      ])
    )[0]?.n,
  );

describe("registering a job", () => {
  it("answers 201 with the expected job, then 200 with the same job; records who and when, audited once", async () => {
    const ep = await json2videoEndpoint();
    const project = `prj-${randomUUID()}`;
    const first = await register(ep.id, {
      externalId: project,
      expectTerminalMinutes: 30,
      label: "listing L-4821",
      metadata: { listing: "L-4821" },
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      externalId: project,
      state: "expected",
      label: "listing L-4821",
      metadata: { listing: "L-4821" },
      expectTerminalMinutes: 30,
      overdueAt: null,
      registration: { by: "operator token", via: "operator" },
    });
    expect(first.body.id).toMatch(/^job_/);

    const again = await register(ep.id, { externalId: project, label: "another label" });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, label: "listing L-4821" });
    expect(await jobCount(ep.id)).toBe(1);

    const audit = await sql<{ action: string; actor_label: string; target_id: string }>(
      "SELECT action, actor_label, target_id FROM audit_log WHERE action = 'job.registered' AND target_id = $1",
      [first.body.id],
    );
    expect(audit).toEqual([
      { action: "job.registered", actor_label: "operator token", target_id: first.body.id },
    ]);
  });

  it("makes one job of concurrent registrations of the same id: one 201, the rest 200, one id", async () => {
    const ep = await json2videoEndpoint();
    const project = `prj-${randomUUID()}`;
    const answers_ = await Promise.all(
      Array.from({ length: 12 }, () => register(ep.id, { externalId: project })),
    );
    const statuses = answers_.map((a) => a.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 200)).toHaveLength(11);
    expect(new Set(answers_.map((a) => a.body.id)).size).toBe(1);
    expect(await jobCount(ep.id)).toBe(1);
  });

  it("registers a batch in one call, saying which were created and which existed", async () => {
    const ep = await json2videoEndpoint();
    const known = `prj-${randomUUID()}`;
    expect((await register(ep.id, { externalId: known })).status).toBe(201);
    const fresh = Array.from({ length: 3 }, () => `prj-${randomUUID()}`);
    const batch = await call<{
      jobs: Array<Job & { created: boolean }>;
      created: number;
      existing: number;
    }>(`/api/endpoints/${ep.id}/jobs/batch`, {
      method: "POST",
      body: JSON.stringify({
        jobs: [
          { externalId: fresh[0], label: "one" },
          { externalId: known },
          { externalId: fresh[1], expectTerminalMinutes: 5 },
          { externalId: fresh[0] },
          { externalId: fresh[2] },
        ],
      }),
    });
    expect(batch.status, JSON.stringify(batch.body)).toBe(200);
    expect(batch.body).toMatchObject({ created: 3, existing: 1 });
    expect(batch.body.jobs.map((j) => [j.externalId, j.created, j.state])).toEqual([
      [fresh[0], true, "expected"],
      [known, false, "expected"],
      [fresh[1], true, "expected"],
      [fresh[0], true, "expected"],
      [fresh[2], true, "expected"],
    ]);
    expect(batch.body.jobs[0]?.id).toBe(batch.body.jobs[3]?.id);
    expect(batch.body.jobs[2]?.expectTerminalMinutes).toBe(5);
    expect(await jobCount(ep.id)).toBe(4);

    // 1,000 at once is the limit, in one statement.
    const thousand = Array.from({ length: 1000 }, (_, i) => ({ externalId: `bulk-${i}` }));
    const big = await call<{ created: number; existing: number }>(
      `/api/endpoints/${ep.id}/jobs/batch`,
      { method: "POST", body: JSON.stringify({ jobs: thousand }) },
    );
    expect(big.status).toBe(200);
    expect(big.body).toMatchObject({ created: 1000, existing: 0 });
    expect(await jobCount(ep.id)).toBe(1004);
  });

  it("refuses bad input with a 4xx error body and stores nothing", async () => {
    const ep = await json2videoEndpoint();
    const bad: Array<[unknown, number, string]> = [
      [{}, 400, "validation_failed"],
      [{ externalId: "" }, 400, "validation_failed"],
      [{ externalId: "   " }, 400, "validation_failed"],
      [{ externalId: "x".repeat(201) }, 400, "validation_failed"],
      [{ externalId: "a", expectTerminalMinutes: 0 }, 400, "validation_failed"],
      [{ externalId: "a", expectTerminalMinutes: 1.5 }, 400, "validation_failed"],
      [{ externalId: "a", surprise: true }, 400, "validation_failed"],
      [{ externalId: "a", metadata: { big: "x".repeat(17_000) } }, 400, "validation_failed"],
      [{ externalId: "a", metadata: ["not", "an", "object"] }, 400, "validation_failed"],
    ];
    for (const [body, status, code] of bad) {
      const answer = await register(ep.id, body);
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expectApiError(answer.body, code);
    }
    const notJson = await call(`/api/endpoints/${ep.id}/jobs`, { method: "POST", body: "{nope" });
    expect(notJson.status).toBe(400);
    expectApiError(notJson.body, "invalid_json");
    const tooMany = await call(`/api/endpoints/${ep.id}/jobs/batch`, {
      method: "POST",
      body: JSON.stringify({
        jobs: Array.from({ length: 1001 }, (_, i) => ({ externalId: `j${i}` })),
      }),
    });
    expect(tooMany.status).toBe(400);
    expectApiError(tooMany.body, "validation_failed");
    const oneBad = await call(`/api/endpoints/${ep.id}/jobs/batch`, {
      method: "POST",
      body: JSON.stringify({ jobs: [{ externalId: "fine" }, { externalId: "" }] }),
    });
    expect(oneBad.status).toBe(400);
    expect(await jobCount(ep.id)).toBe(0);

    const unknown = await register("ep_missing", { externalId: "a" });
    expect(unknown.status).toBe(404);
    expectApiError(unknown.body, "not_found");
    expect(
      (
        await sql(
          "SELECT 1 FROM audit_log WHERE action = 'job.registered' AND details->>'endpointId' = $1",
          [ep.id],
        )
      ).length,
    ).toBe(0);
  });
});

describe("an expected job's first callback", () => {
  it("moves it out of expected: JSON2Video's done callback completes it, with no missed callback", async () => {
    const ep = await json2videoEndpoint();
    const project = `prj-${randomUUID()}`;
    const registered = await register(ep.id, { externalId: project });
    expect(registered.status).toBe(201);
    await callback(ep.key, json2videoDone(project));
    const after = await job(registered.body.id);
    expect(after).toMatchObject({
      state: "completed",
      outputUrl: `https://assets.json2video.com/clients/acme/${project}.mp4`,
      missedCallbackAt: null,
    });
    expect(after.registration).not.toBeNull();
    expect(await jobCount(ep.id)).toBe(1);
  });

  it("moves it out of expected even when the preset cannot read the state (unknown), and clears an overdue flag", async () => {
    const ep = await json2videoEndpoint();
    const project = `prj-${randomUUID()}`;
    const registered = await register(ep.id, { externalId: project });
    await sql("UPDATE jobs SET overdue_at = now() WHERE id = $1", [registered.body.id]);
    await callback(ep.key, { project, status: "rendering-in-a-new-way" });
    expect(await job(registered.body.id)).toMatchObject({ state: "unknown", overdueAt: null });
  });
});

describe("an expected job whose callback never comes", () => {
  it("is flagged overdue, alerted (job.overdue), polled, and flagged as a missed callback", async () => {
    const alerts = await startReceiver();
    try {
      const ep = await json2videoEndpoint();
      const put = await call(`/api/endpoints/${ep.id}/polling`, {
        method: "PUT",
        body: JSON.stringify({
          baseUrl: provider.url(""),
          pathTemplate: "/v2/movies?project={jobId}",
          credentialHeader: "x-api-key",
          credential: "j2v-key-123456",
        }),
      });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      const channel = await call(`/api/endpoints/${ep.id}/alert-channels`, {
        method: "POST",
        body: JSON.stringify({
          kind: "webhook",
          url: alerts.url("/alerts"),
          triggers: ["job.overdue"],
        }),
      });
      expect(channel.status, JSON.stringify(channel.body)).toBe(201);

      const project = `prj-${randomUUID()}`;
      const young = `prj-${randomUUID()}`;
      const registered = await register(ep.id, { externalId: project, expectTerminalMinutes: 5 });
      const youngJob = await register(ep.id, { externalId: young, expectTerminalMinutes: 5 });
      answers.set(project, {
        status: 200,
        headers: { "content-type": "application/json" },
        body: JSON.stringify(json2videoDone(project)),
      });
      answers.set(young, answers.get(project) as Reply);
      await age(registered.body.id, 10);

      const flagged = await eventually(
        () => job(registered.body.id),
        (j) => j.missedCallbackAt !== null,
        "the overdue job to be polled and flagged",
      );
      expect(flagged.state).toBe("completed");
      expect(flagged.overdueAt).not.toBeNull();
      expect(flagged.outputUrl).toBe(`https://assets.json2video.com/clients/acme/${project}.mp4`);
      const polls = (
        await call<{ items: Array<{ trigger: string; state: string }> }>(
          `/api/jobs/${registered.body.id}/polls`,
        )
      ).body.items;
      expect(polls).toEqual([
        expect.objectContaining({ trigger: "scheduled", state: "completed" }),
      ]);
      expect(provider.requests.some((r) => r.path === `/v2/movies?project=${project}`)).toBe(true);

      const sent = await eventually(
        async () => alerts.requests,
        (r) => r.length > 0,
        "the job.overdue alert",
      );
      const message = JSON.parse(sent[0]?.body.toString() ?? "{}") as {
        type: string;
        url: string;
        job: { id: string; externalId: string; state: string; overdueAt: string | null };
      };
      expect(message.type).toBe("job.overdue");
      expect(message.job).toMatchObject({ id: registered.body.id, externalId: project });
      expect(message.job.overdueAt).not.toBeNull();
      expect(message.url).toContain(`/jobs/${registered.body.id}`);

      // The young job is not due: neither overdue nor polled, however many scans ran.
      const youngNow = await job(youngJob.body.id);
      expect(youngNow).toMatchObject({ state: "expected", overdueAt: null });
      expect(provider.requests.some((r) => r.path.includes(young))).toBe(false);
      expect(alerts.requests).toHaveLength(1);
    } finally {
      await alerts.close();
    }
  });

  it("lists an overdue job in the Failed view; the endpoint's own overdue setting covers jobs known from a callback", async () => {
    const ep = await endpoint("clipzy", { overdueAfterMinutes: 15 });
    expect(
      (await call<{ overdueAfterMinutes: number }>(`/api/endpoints/${ep.id}`)).body
        .overdueAfterMinutes,
    ).toBe(15);
    const registered = await register(ep.id, { externalId: `clz-${randomUUID()}` });
    const running = `clz-${randomUUID()}`;
    await callback(ep.key, { job_id: running, status: "processing", progress_percent: 40 });
    const runningJob = (
      await sql<{ id: string }>("SELECT id FROM jobs WHERE endpoint_id = $1 AND external_id = $2", [
        ep.id,
        running,
      ])
    )[0]?.id as string;
    await age(registered.body.id, 20);
    await sql("UPDATE jobs SET last_event_at = now() - interval '20 minutes' WHERE id = $1", [
      runningJob,
    ]);
    await eventually(
      async () => Promise.all([job(registered.body.id), job(runningJob)]),
      (jobs) => jobs.every((j) => j.overdueAt !== null),
      "both jobs to be flagged overdue",
    );
    const failed = await call<{ items: Array<{ id: string }> }>(
      `/api/jobs?view=failed&endpointId=${ep.id}&staleMinutes=43200`,
    );
    expect(failed.body.items.map((j) => j.id).sort()).toEqual(
      [registered.body.id, runningJob].sort(),
    );
    // A later callback clears the flag: the job is no longer "no callback since ...".
    await callback(ep.key, { job_id: running, status: "processing", progress_percent: 80 });
    expect((await job(runningJob)).overdueAt).toBeNull();
  });
});

describe("webhook-inbox expect", () => {
  const env = () => ({ INBOX_URL: server.baseUrl, INBOX_TOKEN: TEST_API_TOKEN });

  it("registers a job with --within and --label, and says so when it was known already", async () => {
    const ep = await json2videoEndpoint();
    const project = `prj-${randomUUID()}`;
    const first = await runCli(
      ["expect", "--endpoint", ep.id, "--job", project, "--within", "90s", "--label", "L-4821"],
      env(),
    );
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      new RegExp(`^registered ${project} as job_\\S+ \\(expected to finish within 2 min\\)\\n$`),
    );
    const again = await runCli(["expect", "--endpoint", ep.id, "--job", project], env());
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("is already known as job_");
    const stored = await sql<{ label: string; expect_terminal_minutes: number; state: string }>(
      "SELECT label, expect_terminal_minutes, state FROM jobs WHERE endpoint_id = $1",
      [ep.id],
    );
    expect(stored).toEqual([{ label: "L-4821", expect_terminal_minutes: 2, state: "expected" }]);
  });

  it("explains a bad duration, an unknown endpoint and a refused token in one line each", async () => {
    const bad = await runCli(
      ["expect", "--endpoint", "ep_x", "--job", "j", "--within", "30 minutes"],
      env(),
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain(
      '"30 minutes" is not a duration: use a number and a unit, such as 90s, 30m, 2h or 1d',
    );
    const missing = await runCli(["expect", "--endpoint", "ep_missing", "--job", "j"], env());
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.stderr).toMatch(/^webhook-inbox: endpoint ep_missing not found on the inbox/);
    const refused = await runCli(["expect", "--endpoint", "ep_x", "--job", "j"], {
      ...env(),
      INBOX_TOKEN: "wrong-token-0123456789",
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^webhook-inbox: the inbox at .* refused the API token/);
  });
});
