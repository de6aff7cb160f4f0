// Re-polling providers and missed-callback detection, end to end: real signed
// callbacks in over HTTP, a fake provider status API on 127.0.0.1 answering in the
// shapes of ../shared/provider-docs (Descript's GET /v1/jobs/{id}, Clipzy's
// /api/v1/jobs/{id}/result, JSON2Video's /v2/movies?project=), a real receiver for
// forwarding. This file runs its own app server with a fast scan interval.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "@/tests/support/app-server";
import { bearerHeaders } from "@/tests/support/callbacks-signing";
import { clipzyJob, descriptJob } from "@/tests/support/callbacks-payloads";
import { createFreshDatabase, queryDatabase } from "@/tests/support/fresh-database";
import {
  startReceiver,
  type ReceivedRequest,
  type Receiver,
  type Reply,
} from "@/tests/support/receiver";
import { apiClient } from "@/tests/support/api";

type Poll = {
  id: string;
  trigger: string;
  url: string;
  outcome: string;
  responseStatus: number | null;
  error: string | null;
  state: string | null;
  outputUrl: string | null;
  requestHeaders: Array<[string, string]>;
  synthesizedEventId: string | null;
};
type Job = {
  id: string;
  state: string;
  outputUrl: string | null;
  missedCallbackAt: string | null;
  lastPolledAt: string | null;
  nextPollAt: string | null;
};

const PROVIDER_KEY = "descript-api-key-0123456789";
const CALLBACK_TOKEN = "descript-callback-token-0123456789";

let database: { url: string; drop(): Promise<void> };
let server: AppServer;
let provider: Receiver;
/** What the fake provider answers per job id (the last answer repeats). */
const answers = new Map<string, Reply[]>();

beforeAll(async () => {
  database = await createFreshDatabase("polling");
  server = await startAppServer(database.url, {
    INBOX_POLL_SCAN_SECONDS: "0.3",
    INBOX_OUTBOUND_ALLOW: "127.0.0.1",
  });
  provider = await startReceiver();
  provider.respond = (request) => {
    const id = jobIdOf(request);
    const queue = id === null ? undefined : answers.get(id);
    if (!queue?.length) return { status: 404, body: JSON.stringify({ error: "no such job" }) };
    return (queue.length > 1 ? queue.shift() : queue[0]) ?? { status: 500 };
  };
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await provider?.close();
  await database?.drop();
});

function jobIdOf(request: ReceivedRequest): string | null {
  const url = new URL(request.path, "http://provider");
  const match = /^\/(?:v1\/jobs|api\/v1\/jobs)\/([^/]+)/.exec(url.pathname);
  return match?.[1] ? decodeURIComponent(match[1]) : url.searchParams.get("project");
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});
const descriptRunning = (jobId: string) =>
  json({ job_id: jobId, job_type: "import/project_media", job_state: "running" });
const descriptQueued = (jobId: string) =>
  json({ job_id: jobId, job_type: "import/project_media", job_state: "queued" });
const descriptDone = (jobId: string) => json(descriptJob({ jobId, result: { status: "success" } }));

const call = apiClient(() => server.baseUrl);

const sql = <R extends pg.QueryResultRow>(text: string, params: unknown[] = []) =>
  queryDatabase<R>(database.url, text, params);

async function endpoint(
  provider_: string,
  body: Record<string, unknown> = {},
): Promise<{ id: string; key: string }> {
  const created = await call<{ id: string; key: string }>("/api/endpoints", {
    method: "POST",
    body: JSON.stringify({ name: `poll-${randomUUID()}`, provider: provider_, ...body }),
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

async function descriptEndpoint(
  polling: Record<string, unknown> = {},
): Promise<{ id: string; key: string }> {
  const created = await endpoint("descript", {
    verification: { scheme: "token", header: "authorization" },
    secrets: [CALLBACK_TOKEN],
  });
  const put = await call(`/api/endpoints/${created.id}/polling`, {
    method: "PUT",
    body: JSON.stringify({
      baseUrl: provider.url(""),
      pathTemplate: "/v1/jobs/{jobId}",
      credentialHeader: "Authorization",
      credentialPrefix: "Bearer ",
      credential: PROVIDER_KEY,
      ...polling,
    }),
  });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  return created;
}

/** A real callback over HTTP; returns the job id the inbox gave it. */
async function callback(
  key: string,
  body: unknown,
  headers: Record<string, string> = bearerHeaders(CALLBACK_TOKEN),
): Promise<string> {
  const response = await fetch(`${server.baseUrl}/in/${key}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  const stored = (await response.json()) as { eventId: string };
  const event = await call<{ jobId: string | null }>(`/api/events/${stored.eventId}`);
  if (!event.body.jobId) throw new Error("the callback made no job");
  return event.body.jobId;
}

const job = async (id: string) => (await call<Job>(`/api/jobs/${id}`)).body;
const poll = (jobId: string) =>
  call<{ poll: Poll; missedCallback: boolean } | { error: { code: string; message: string } }>(
    `/api/jobs/${jobId}/poll`,
    { method: "POST" },
  );

async function pollOk(jobId: string): Promise<{ poll: Poll; missedCallback: boolean }> {
  const answer = await poll(jobId);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as { poll: Poll; missedCallback: boolean };
}

async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
): Promise<T> {
  for (let i = 0; i < 150; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("re-polling a job", () => {
  it("asks the status API with the credential, records the poll with it masked, and moves the job forward", async () => {
    const ep = await descriptEndpoint();
    const externalId = `dsc-${randomUUID()}`;
    const jobId = await callback(ep.key, {
      job_id: externalId,
      job_type: "import/project_media",
      job_state: "queued",
    });
    answers.set(externalId, [descriptRunning(externalId)]);

    const first = await pollOk(jobId);
    expect(first.poll).toMatchObject({
      trigger: "manual",
      outcome: "succeeded",
      responseStatus: 200,
      state: "processing",
      error: null,
    });
    expect(first.poll.url).toBe(`${provider.url("")}/v1/jobs/${externalId}`);
    const sent = provider.requests.at(-1);
    expect(sent?.method).toBe("GET");
    expect(sent && provider.header(sent, "authorization")).toBe(`Bearer ${PROVIDER_KEY}`);
    expect(first.poll.requestHeaders).toContainEqual(["authorization", "Bearer <credential>"]);
    expect(JSON.stringify(first.poll)).not.toContain(PROVIDER_KEY);
    expect((await job(jobId)).state).toBe("processing");
    expect((await job(jobId)).lastPolledAt).not.toBeNull();

    const listed = await call<{ items: Poll[] }>(`/api/jobs/${jobId}/polls`);
    expect(listed.body.items.map((p) => p.id)).toEqual([first.poll.id]);
  });

  it("keeps the credential write-only and sealed at rest", async () => {
    const ep = await descriptEndpoint();
    const settings = await call<Record<string, unknown>>(`/api/endpoints/${ep.id}/polling`);
    expect(settings.body).toMatchObject({
      enabled: true,
      hasCredential: true,
      credentialHeader: "authorization",
      credentialPrefix: "Bearer ",
    });
    expect(JSON.stringify(settings.body)).not.toContain(PROVIDER_KEY);
    const [row] = await sql<{ poll_credential: string }>(
      "SELECT poll_credential FROM endpoints WHERE id = $1",
      [ep.id],
    );
    expect(row?.poll_credential).toMatch(/^sealed:v1:/);
    expect(row?.poll_credential).not.toContain(PROVIDER_KEY);
    // The preset says what Descript's docs give.
    expect(settings.body.preset).toMatchObject({
      baseUrl: "https://descriptapi.com",
      pathTemplate: "/v1/jobs/{jobId}",
      credentialHeader: "Authorization",
      credentialPrefix: "Bearer ",
    });
  });

  it("flags a missed callback when the provider says finished but no callback for it came, and lists it in the Failed view", async () => {
    const ep = await descriptEndpoint();
    const externalId = `dsc-${randomUUID()}`;
    const jobId = await callback(ep.key, {
      job_id: externalId,
      job_type: "import/project_media",
      job_state: "running",
    });
    answers.set(externalId, [descriptDone(externalId)]);

    const result = await pollOk(jobId);
    expect(result.missedCallback).toBe(true);
    expect(result.poll).toMatchObject({
      state: "completed",
      outputUrl: "https://web.descript.com/prj_7f3a9c",
      synthesizedEventId: null,
    });
    const flagged = await job(jobId);
    expect(flagged).toMatchObject({
      state: "completed",
      outputUrl: "https://web.descript.com/prj_7f3a9c",
    });
    expect(flagged.missedCallbackAt).not.toBeNull();
    const failedView = await call<{ items: Array<{ id: string }> }>(
      `/api/jobs?view=failed&endpointId=${ep.id}`,
    );
    expect(failedView.body.items.map((j) => j.id)).toContain(jobId);
  });

  it("sends one alert, not two, to a channel taking both triggers when a poll finds the job failed without its callback", async () => {
    const ep = await descriptEndpoint();
    const both = await call<{ id: string }>(`/api/endpoints/${ep.id}/alert-channels`, {
      method: "POST",
      body: JSON.stringify({
        kind: "webhook",
        url: provider.url("/alerts/both"),
        triggers: ["job.failed", "job.missed_callback"],
      }),
    });
    const missedOnly = await call<{ id: string }>(`/api/endpoints/${ep.id}/alert-channels`, {
      method: "POST",
      body: JSON.stringify({
        kind: "webhook",
        url: provider.url("/alerts/missed"),
        triggers: ["job.missed_callback"],
      }),
    });
    expect([both.status, missedOnly.status]).toEqual([201, 201]);
    const externalId = `dsc-${randomUUID()}`;
    const jobId = await callback(ep.key, {
      job_id: externalId,
      job_type: "import/project_media",
      job_state: "running",
    });
    answers.set(externalId, [
      json(
        descriptJob({
          jobId: externalId,
          result: { status: "error", error: "media could not be decoded" },
        }),
      ),
    ]);

    const result = await pollOk(jobId);
    expect(result.missedCallback).toBe(true);
    expect((await job(jobId)).state).toBe("failed");
    const alerts = await sql<{ channel_id: string; type: string }>(
      "SELECT channel_id, type FROM alerts WHERE job_id = $1 ORDER BY channel_id",
      [jobId],
    );
    expect(alerts.filter((a) => a.channel_id === both.body.id).map((a) => a.type)).toEqual([
      "job.failed",
    ]);
    expect(alerts.filter((a) => a.channel_id === missedOnly.body.id).map((a) => a.type)).toEqual([
      "job.missed_callback",
    ]);
  });

  it("does not flag a job whose terminal callback did arrive", async () => {
    const ep = await descriptEndpoint();
    const externalId = `dsc-${randomUUID()}`;
    const jobId = await callback(
      ep.key,
      descriptJob({ jobId: externalId, result: { status: "success" } }),
    );
    answers.set(externalId, [descriptDone(externalId)]);
    expect((await pollOk(jobId)).missedCallback).toBe(false);
    expect((await job(jobId)).missedCallbackAt).toBeNull();
  });

  it("never moves a job backwards: an older or flapping answer is recorded but not adopted", async () => {
    const ep = await descriptEndpoint();
    const externalId = `dsc-${randomUUID()}`;
    const jobId = await callback(ep.key, {
      job_id: externalId,
      job_type: "import/project_media",
      job_state: "running",
    });
    answers.set(externalId, [
      descriptQueued(externalId),
      descriptRunning(externalId),
      descriptQueued(externalId),
    ]);
    expect((await pollOk(jobId)).poll.state).toBe("queued");
    expect((await job(jobId)).state).toBe("processing");
    expect((await pollOk(jobId)).poll.state).toBe("processing");
    expect((await pollOk(jobId)).poll.state).toBe("queued");
    expect((await job(jobId)).state).toBe("processing");

    const finished = `dsc-${randomUUID()}`;
    const doneJob = await callback(
      ep.key,
      descriptJob({ jobId: finished, result: { status: "success" } }),
    );
    answers.set(finished, [descriptRunning(finished)]);
    expect((await pollOk(doneJob)).poll.state).toBe("processing");
    expect((await job(doneJob)).state).toBe("completed");
  });

  it("honours Retry-After on 429: the poll is recorded, the next manual poll waits, the schedule moves out", async () => {
    const ep = await descriptEndpoint();
    const externalId = `dsc-${randomUUID()}`;
    const jobId = await callback(ep.key, {
      job_id: externalId,
      job_type: "import/project_media",
      job_state: "running",
    });
    answers.set(externalId, [
      json({ error: "slow down" }, 429, { "retry-after": "120" }),
      descriptRunning(externalId),
    ]);
    const before = Date.now();
    const limited = await pollOk(jobId);
    expect(limited.poll).toMatchObject({
      outcome: "failed",
      responseStatus: 429,
      error: "the status API answered 429",
    });
    const nextPollAt = Date.parse((await job(jobId)).nextPollAt ?? "");
    expect(nextPollAt).toBeGreaterThanOrEqual(before + 119_000);

    const requestsBefore = provider.requests.length;
    const refused = await poll(jobId);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: { code: "rate_limited" } });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(100);
    expect(provider.requests.length).toBe(requestsBefore);
  });

  it("refuses an answer about another job, and records a hostile job id as blocked without a request", async () => {
    const ep = await descriptEndpoint();
    const externalId = `dsc-${randomUUID()}`;
    const jobId = await callback(ep.key, {
      job_id: externalId,
      job_type: "import/project_media",
      job_state: "running",
    });
    answers.set(externalId, [descriptDone("somebody-else")]);
    const wrong = await pollOk(jobId);
    expect(wrong.poll.outcome).toBe("failed");
    expect(wrong.poll.error).toContain('"somebody-else"');
    expect((await job(jobId)).state).toBe("processing");

    const dots = await callback(ep.key, {
      job_id: "..",
      job_type: "import/project_media",
      job_state: "running",
    });
    const requestsBefore = provider.requests.length;
    const blocked = await pollOk(dots);
    expect(blocked.poll).toMatchObject({ outcome: "blocked", responseStatus: null });
    expect(blocked.poll.error).toMatch(/cannot be put into a status URL/);
    expect(provider.requests.length).toBe(requestsBefore);
  });

  it("reads Clipzy's result route and JSON2Video's movie answer like their callbacks", async () => {
    const clipzy = await endpoint("clipzy");
    expect(
      (
        await call(`/api/endpoints/${clipzy.id}/polling`, {
          method: "PUT",
          body: JSON.stringify({
            baseUrl: provider.url(""),
            pathTemplate: "/api/v1/jobs/{jobId}/result",
          }),
        })
      ).status,
    ).toBe(200);
    const clipzyId = `job_${randomUUID()}`;
    const clipzyJobId = await callback(
      clipzy.key,
      { job_id: clipzyId, status: "processing", progress_percent: 40 },
      {},
    );
    answers.set(clipzyId, [json(clipzyJob(clipzyId, "completed"))]);
    expect((await pollOk(clipzyJobId)).poll).toMatchObject({
      state: "completed",
      outputUrl: `file:///storage/${clipzyId}/output.mp4`,
    });

    const j2v = await endpoint("json2video", { verification: { scheme: "none" } });
    const put = await call(`/api/endpoints/${j2v.id}/polling`, {
      method: "PUT",
      body: JSON.stringify({
        baseUrl: provider.url(""),
        pathTemplate: "/v2/movies?project={jobId}",
        credentialHeader: "x-api-key",
        credential: "j2v-key-123456",
      }),
    });
    expect(put.status).toBe(200);
    const project = `prj${randomUUID().slice(0, 8)}`;
    const j2vJobId = await callback(j2v.key, { project, status: "running" }, {});
    answers.set(project, [
      json({
        success: true,
        movie: {
          success: true,
          status: "done",
          project,
          url: `https://assets.json2video.com/${project}.mp4`,
        },
        remaining_quota: { time: 100 },
      }),
    ]);
    const read = await pollOk(j2vJobId);
    expect(read.poll).toMatchObject({
      state: "completed",
      outputUrl: `https://assets.json2video.com/${project}.mp4`,
    });
    expect(provider.requests.at(-1)?.path).toBe(`/v2/movies?project=${project}`);
    expect(
      provider.requests.at(-1) &&
        provider.header(provider.requests.at(-1) as ReceivedRequest, "x-api-key"),
    ).toBe("j2v-key-123456");
  });

  it("answers clear errors: not set up (409), unknown job (404), bad settings (400)", async () => {
    const plain = await endpoint("descript");
    const jobId = await callback(plain.key, {
      job_id: `dsc-${randomUUID()}`,
      job_type: "agent",
      job_state: "running",
    });
    expect((await poll(jobId)).status).toBe(409);
    expect((await poll("job_missing")).status).toBe(404);
    const put = (body: unknown) =>
      call(`/api/endpoints/${plain.id}/polling`, { method: "PUT", body: JSON.stringify(body) });
    expect((await put({ baseUrl: provider.url(""), pathTemplate: "/v1/jobs/" })).status).toBe(400);
    expect(
      (await put({ baseUrl: "ftp://example.com", pathTemplate: "/v1/jobs/{jobId}" })).status,
    ).toBe(400);
    expect(
      (
        await put({
          baseUrl: provider.url(""),
          pathTemplate: "/v1/jobs/{jobId}",
          credential: "key-without-header",
        })
      ).status,
    ).toBe(400);
    expect((await call(`/api/endpoints/${plain.id}/polling`)).body).toMatchObject({
      enabled: false,
      hasCredential: false,
    });
  });
});

describe("missed-callback detection", () => {
  it("polls unfinished jobs past the expectation on a schedule, flags the missed callback and forwards a synthesized event", async () => {
    const receiver = await startReceiver();
    const slack = await startReceiver();
    try {
      const ep = await descriptEndpoint({ expectTerminalMinutes: 5 });
      const dest = await call(`/api/endpoints/${ep.id}/destinations`, {
        method: "POST",
        body: JSON.stringify({ url: receiver.url("/hook") }),
      });
      expect(dest.status).toBe(201);
      const channel = await call(`/api/endpoints/${ep.id}/alert-channels`, {
        method: "POST",
        body: JSON.stringify({
          kind: "slack",
          url: slack.url("/services/T0/B0/x"),
          triggers: ["job.missed_callback"],
        }),
      });
      expect(channel.status, JSON.stringify(channel.body)).toBe(201);
      const externalId = `dsc-${randomUUID()}`;
      const young = `dsc-${randomUUID()}`;
      const jobId = await callback(ep.key, {
        job_id: externalId,
        job_type: "import/project_media",
        job_state: "running",
      });
      const youngJobId = await callback(ep.key, {
        job_id: young,
        job_type: "import/project_media",
        job_state: "running",
      });
      answers.set(externalId, [descriptDone(externalId)]);
      answers.set(young, [descriptDone(young)]);
      // The job "started" ten minutes ago: past the five-minute expectation. (Waiting
      // real minutes in a test is not an option; the scheduler reads first_seen_at.)
      await sql("UPDATE jobs SET first_seen_at = now() - interval '10 minutes' WHERE id = $1", [
        jobId,
      ]);

      const flagged = await eventually(
        () => job(jobId),
        (j) => j.missedCallbackAt !== null,
        "the scheduled poll to flag the job",
      );
      expect(flagged.state).toBe("completed");
      const polls = (await call<{ items: Poll[] }>(`/api/jobs/${jobId}/polls`)).body.items;
      expect(polls).toHaveLength(1);
      expect(polls[0]).toMatchObject({ trigger: "scheduled", state: "completed" });
      const synthesized = polls[0]?.synthesizedEventId;
      expect(synthesized).toBeTruthy();

      // The two "running" callbacks were forwarded as they came; the synthesized one follows.
      const isSynthesized = (r: ReceivedRequest) =>
        receiver.header(r, "x-inbox-synthesized-from") !== undefined;
      const forwarded = await eventually(
        async () => receiver.requests.filter(isSynthesized),
        (r) => r.length > 0,
        "the synthesized event to be forwarded",
      );
      expect(forwarded).toHaveLength(1);
      const request = forwarded[0] as ReceivedRequest;
      expect(JSON.parse(request.body.toString())).toEqual(
        descriptJob({ jobId: externalId, result: { status: "success" } }),
      );
      expect(receiver.header(request, "x-inbox-synthesized-from")).toBe("poll");
      expect(receiver.header(request, "x-inbox-poll-id")).toBe(polls[0]?.id);

      const event = await call<{
        jobId: string;
        verification: string;
        deliveries: Array<{ verificationReason: string | null }>;
      }>(`/api/events/${synthesized}`);
      expect(event.body.jobId).toBe(jobId);
      expect(event.body.deliveries[0]?.verificationReason).toMatch(/^synthesized from poll pol_/);

      // The young job is not due: no poll at all, however many scans ran.
      expect(
        (await call<{ items: Poll[] }>(`/api/jobs/${youngJobId}/polls`)).body.items,
      ).toHaveLength(0);
      expect(provider.requests.some((r) => r.path.includes(young))).toBe(false);

      // A late real callback joins the synthesized event instead of forwarding twice.
      const sentBefore = receiver.requests.length;
      await callback(ep.key, descriptJob({ jobId: externalId, result: { status: "success" } }));

      // The team hears about it once, with a link to the job.
      const messages = await eventually(
        async () => slack.requests,
        (r) => r.length > 0,
        "the missed-callback alert",
      );
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(receiver.requests).toHaveLength(sentBefore);
      expect(messages).toHaveLength(1);
      expect(messages[0]?.body.toString()).toContain(`/jobs/${jobId}`);
    } finally {
      await receiver.close();
      await slack.close();
    }
  });
});
