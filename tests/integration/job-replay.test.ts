// A job's whole story: exported as a fixture (GET /api/jobs/<id>/export), replayed by the
// inbox to a real receiver in provider order and spacing (POST /api/jobs/<id>/replay), and
// replayed from a laptop without the inbox (`webhook-inbox replay-fixture`).
import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobFixtureSchema, type JobFixture } from "@/lib/fixtures/schema";
import {
  api,
  apiJson,
  createEndpoint,
  queryAppDb,
  type CreatedEndpoint,
} from "@/tests/support/api";
import { expectApiError, ingest, ingestOk, jobOf } from "@/tests/support/callbacks-inbox";
import { aspectTaskEvent } from "@/tests/support/callbacks-payloads";
import { newStandardWebhooksSecret, svixHeaders } from "@/tests/support/callbacks-signing";
import { runCli } from "@/tests/support/cli";
import { startReceiver, type ReceivedRequest, type Receiver } from "@/tests/support/receiver";

const name = (label: string) => `${label} ${randomUUID().slice(0, 8)}`;
const POLL = { timeout: 30_000, interval: 100 };
/** A credential a callback carried in a header: it must never leave the inbox in a fixture. */
const CALLER_TOKEN = "caller-token-0123456789abcdefXYZW";

let receiver: Receiver;
let dir: string;
/** When each request reached the receiver (its body read), by request. */
const receiverTimes = new WeakMap<ReceivedRequest, number>();

beforeAll(async () => {
  receiver = await startReceiver();
  receiver.respond = (request) => {
    receiverTimes.set(request, Date.now());
    return { status: 200, body: "ok" };
  };
  dir = await mkdtemp(path.join(os.tmpdir(), "job-fixture-"));
});

afterAll(async () => {
  await receiver?.close();
  await rm(dir, { recursive: true, force: true });
});

type Story = {
  endpoint: CreatedEndpoint;
  jobId: string;
  externalId: string;
  /** The bodies as sent, in provider order (a retry of the second right after it). */
  sent: string[];
};

/**
 * An Aspect task's life, signed as Svix signs it: queued, processing (sent twice: a
 * retry), completed, with the provider's own times 10 s apart. The completed one
 * arrives first (out of order), so provider order is not arrival order. Bodies carry
 * non-ASCII text and odd spacing, to check bytes, not JSON.
 */
async function aspectStory(): Promise<Story> {
  const secret = newStandardWebhooksSecret();
  const endpoint = await createEndpoint({
    name: name("aspect story"),
    provider: "aspect",
    secrets: [secret],
  });
  const externalId = randomUUID();
  const base = Date.parse("2025-01-01T12:00:00Z");
  const body = (eventType: string, states: Record<string, string>, seconds: number) => {
    const event = aspectTaskEvent({
      taskId: externalId,
      eventType: eventType as "task.progress",
      features: states as Record<"transcription", "queued">,
      updated: new Date(base + seconds * 1000).toISOString(),
    });
    // Not re-serialised: a note with non-ASCII text and a tab, as a sender might write it.
    return JSON.stringify(event).replace(/^\{/, '{\t"note": "Bühne – fertig ✓", ');
  };
  const queued = body("task.progress", { transcription: "queued" }, 0);
  const processing = body("task.progress", { transcription: "processing" }, 10);
  const completed = body("task.completed", { transcription: "completed" }, 20);
  const send = (text: string, id: string) =>
    ingestOk(endpoint, text, {
      ...svixHeaders(secret, text, { id }),
      authorization: `Bearer ${CALLER_TOKEN}`,
    });
  await send(completed, "msg_c");
  await send(queued, "msg_q");
  await send(processing, "msg_p");
  await send(processing, "msg_p");
  const job = await jobOf(endpoint.id, externalId);
  return { endpoint, jobId: job.id, externalId, sent: [queued, processing, processing, completed] };
}

async function exportOf(jobId: string): Promise<{ response: Response; fixture: JobFixture }> {
  const response = await api(`/api/jobs/${jobId}/export`);
  expect(response.status).toBe(200);
  const fixture = jobFixtureSchema.parse(await response.clone().json());
  return { response, fixture };
}

describe("GET /api/jobs/<id>/export", () => {
  it("is a download of every delivery in provider order, bodies byte for byte, credentials masked", async () => {
    const story = await aspectStory();
    const { response, fixture } = await exportOf(story.jobId);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="job-${story.externalId}.json"`,
    );
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");

    expect(fixture.job).toMatchObject({
      id: story.jobId,
      provider: "aspect",
      externalId: story.externalId,
      state: "completed",
    });
    expect(
      fixture.deliveries.map((d) => Buffer.from(d.bodyBase64, "base64").toString("utf8")),
    ).toEqual(story.sent);
    expect(fixture.deliveries.map((d) => d.providerTime)).toEqual([
      "2025-01-01T12:00:00.000Z",
      "2025-01-01T12:00:10.000Z",
      "2025-01-01T12:00:10.000Z",
      "2025-01-01T12:00:20.000Z",
    ]);
    for (const delivery of fixture.deliveries) {
      expect(delivery).toMatchObject({
        method: "POST",
        path: "",
        query: "",
        verification: "verified",
      });
      const auth = delivery.headers.find(([n]) => n.toLowerCase() === "authorization");
      expect(auth?.[1]).toBe("Bearer ••••XYZW");
      expect(delivery.maskedHeaders).toContain("authorization");
      expect(delivery.headers.some(([n]) => n.toLowerCase() === "svix-signature")).toBe(true);
    }
    const text = await response.text();
    expect(text).not.toContain(CALLER_TOKEN);
    expect(text).not.toContain(story.endpoint.key);
  });

  it("answers 404 for an unknown job", async () => {
    const missing = await apiJson("/api/jobs/job_missing/export");
    expect(missing.status).toBe(404);
    expectApiError(missing.body, "not_found");
  });
});

type Batch = { id: string; total: number; succeeded: number; failed: number; pending: number };

async function replay(jobId: string, body: unknown) {
  return apiJson<Batch & { error?: unknown }>(`/api/jobs/${jobId}/replay`, {
    method: "POST",
    body: JSON.stringify(body),
  });
}

async function finished(batchId: string): Promise<Batch> {
  let batch: Batch | undefined;
  await expect
    .poll(async () => {
      batch = (await apiJson<Batch>(`/api/replays/${batchId}`)).body;
      return batch.pending;
    }, POLL)
    .toBe(0);
  if (!batch) throw new Error("no batch");
  return batch;
}

const bodiesAt = (requests: ReceivedRequest[]) => requests.map((r) => r.body.toString("utf8"));

describe("POST /api/jobs/<id>/replay", () => {
  it("timing original at speed 10: the events arrive in provider order, no earlier than the provider's gaps / 10", async () => {
    const story = await aspectStory();
    const pathName = `/story-${randomUUID()}`;
    const startedAt = Date.now();
    const started = await replay(story.jobId, {
      url: receiver.url(pathName),
      timing: "original",
      speed: 10,
    });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    // Events, not deliveries: the retry of "processing" is the same event.
    expect(started.body.total).toBe(3);
    const batch = await finished(started.body.id);
    expect(batch).toMatchObject({ total: 3, succeeded: 3, failed: 0 });

    const arrived = receiver.requests.filter((r) => r.path === pathName);
    const times = arrived.map((r) => receiverTimes.get(r) ?? 0);
    expect(bodiesAt(arrived)).toEqual([story.sent[0], story.sent[1], story.sent[3]]);
    // The provider's times are 0, 10 and 20 s apart: at speed 10, 1 and 2 s after the first
    // send at the earliest (the queue never runs a send before its time; later is allowed).
    const first = times[0] ?? 0;
    expect(first).toBeGreaterThanOrEqual(startedAt - 50);
    expect((times[1] ?? 0) - startedAt).toBeGreaterThanOrEqual(1_000 - 50);
    expect((times[2] ?? 0) - startedAt).toBeGreaterThanOrEqual(2_000 - 50);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const request of arrived)
      expect(receiver.header(request, "authorization")).toBeUndefined();
  });

  it("timing none sends back to back, still in provider order; progress is a replay batch", async () => {
    const story = await aspectStory();
    const pathName = `/burst-${randomUUID()}`;
    const started = await replay(story.jobId, { url: receiver.url(pathName), timing: "none" });
    expect(started.status).toBe(202);
    await finished(started.body.id);
    expect(bodiesAt(receiver.requests.filter((r) => r.path === pathName))).toEqual([
      story.sent[0],
      story.sent[1],
      story.sent[3],
    ]);
    const audit = await apiJson<{
      items: Array<{ action: string; target: { id: string } | null }>;
    }>("/api/audit?limit=50");
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({
        action: "replay.job_started",
        target: expect.objectContaining({ id: started.body.id }),
      }),
    );
  });

  it("refuses re-signing a job with a failed callback (409 not_verified), as a bulk replay does", async () => {
    const secret = newStandardWebhooksSecret();
    const endpoint = await createEndpoint({
      name: name("aspect"),
      provider: "aspect",
      secrets: [secret],
    });
    const externalId = randomUUID();
    const event = (eventType: "task.progress" | "task.completed") =>
      JSON.stringify(
        aspectTaskEvent({
          taskId: externalId,
          eventType,
          features: { transcription: eventType === "task.progress" ? "processing" : "completed" },
          updated: new Date().toISOString(),
        }),
      );
    const good = event("task.progress");
    await ingestOk(endpoint, good, svixHeaders(secret, good));
    const forged = event("task.completed");
    expect(
      (await ingest(endpoint, forged, svixHeaders(newStandardWebhooksSecret(), forged))).status,
    ).toBe(401);
    const job = await jobOf(endpoint.id, externalId);
    const refused = await replay(job.id, { url: receiver.url("/x"), timing: "none", resign: true });
    expect(refused.status).toBe(409);
    expectApiError(refused.body, "not_verified");
    // Refused whole: no batch was made. Without re-signing it goes, the failed one as received.
    expect(
      await queryAppDb("SELECT 1 FROM replay_batches WHERE request->>'jobId' = $1", [job.id]),
    ).toHaveLength(0);
    const asReceived = await replay(job.id, { url: receiver.url("/x"), timing: "none" });
    expect(asReceived.status).toBe(202);
    expect(asReceived.body.total).toBe(2);
  });

  it("answers 400 for a bad request, 404 for an unknown job or destination", async () => {
    const story = await aspectStory();
    for (const body of [
      { timing: "original" },
      { url: receiver.url(), destinationId: "dst_x", timing: "none" },
      { url: receiver.url(), timing: "sometimes" },
      { url: receiver.url(), timing: "original", speed: 0 },
      { url: "ftp://example.com/x", timing: "none" },
    ]) {
      const answer = await replay(story.jobId, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expectApiError(answer.body, "validation_failed");
    }
    // At speed 0.0001 the 20 s story would take 55 hours: refused, naming a speed that works.
    const tooSlow = await replay(story.jobId, { url: receiver.url(), speed: 0.0001 });
    expect(tooSlow.status).toBe(400);
    expect(JSON.stringify(tooSlow.body)).toMatch(/at most 24 hours/);
    expect((await replay("job_missing", { url: receiver.url(), timing: "none" })).status).toBe(404);
    expect(
      (await replay(story.jobId, { destinationId: "dst_missing", timing: "none" })).status,
    ).toBe(404);
  });
});

describe("webhook-inbox replay-fixture", () => {
  it("sends an exported fixture to a local receiver in order, one line per send", async () => {
    const story = await aspectStory();
    const { fixture } = await exportOf(story.jobId);
    const file = path.join(dir, "story.json");
    await writeFile(file, JSON.stringify(fixture));
    const pathName = `/laptop-${randomUUID()}`;

    const result = await runCli([
      "replay-fixture",
      file,
      "--to",
      `${receiver.url(pathName)}?local=1`,
      "--speed",
      "100",
    ]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const arrived = receiver.requests.filter((r) => r.path.startsWith(pathName));
    expect(bodiesAt(arrived)).toEqual(story.sent);
    for (const [index, request] of arrived.entries()) {
      expect(request.path).toBe(`${pathName}?local=1`);
      // The masked credential is left out, the signature headers go as they came.
      expect(receiver.header(request, "authorization")).toBeUndefined();
      expect(receiver.header(request, "svix-signature")).toBe(
        fixture.deliveries[index]?.headers.find(([n]) => n === "svix-signature")?.[1],
      );
      expect(receiver.header(request, "x-inbox-delivery-id")).toBe(fixture.deliveries[index]?.id);
    }
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/aspect job \S+: 4 deliveries to .* at 100x/);
    expect(lines.slice(1)).toHaveLength(4);
    for (const line of lines.slice(1)) expect(line).toMatch(/^\d\/4 {2}POST .* -> 200 {2}\d+ ms$/);
  });

  it("refuses a file that is not a fixture in one line, sending nothing", async () => {
    const bad = path.join(dir, "bad.json");
    await writeFile(bad, JSON.stringify({ job: {}, deliveries: [{}] }));
    const before = receiver.requests.length;
    const result = await runCli(["replay-fixture", bad, "--to", receiver.url("/never")]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^webhook-inbox: .*bad\.json: not a job fixture \(version: /);
    const missing = await runCli([
      "replay-fixture",
      path.join(dir, "nope.json"),
      "--to",
      receiver.url(),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.json: no such file/);
    const notJson = path.join(dir, "text.json");
    await writeFile(notJson, "hello");
    const text = await runCli(["replay-fixture", notJson, "--to", receiver.url()]);
    expect(text.stderr).toMatch(/text\.json: not JSON/);
    expect(receiver.requests.length).toBe(before);
  });
});
