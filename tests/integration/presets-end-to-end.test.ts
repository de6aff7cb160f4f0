// Each provider preset end to end: the docs' example callbacks (../shared/provider-docs/),
// signed as the provider signs them for the preset's default scheme, sent over HTTP,
// and read back as the stored event and job.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createEndpoint, type CreatedEndpoint } from "@/tests/support/api";
import {
  eventsOf,
  getEvent,
  ingest,
  ingestOk,
  jobOf,
  type EventSummary,
  type JobView,
} from "@/tests/support/callbacks-inbox";
import {
  aspectProgressExample,
  clipzyCompletedExample,
  scriptixCompletedExample,
} from "@/tests/fixtures/provider-doc-examples";
import {
  aspectTaskEvent,
  clipzyJob,
  descriptJob,
  json2videoDone,
  json2videoError,
  listingClientData,
  scriptixEvent,
} from "@/tests/support/callbacks-payloads";
import {
  bearerHeaders,
  newStandardWebhooksSecret,
  scriptixHeaders,
  standardWebhooksHeaders,
  svixHeaders,
} from "@/tests/support/callbacks-signing";

const name = (label: string) => `${label} ${randomUUID().slice(0, 8)}`;

type StoredEvent = Pick<EventSummary, "type" | "state" | "externalJobId" | "verification">;
type StoredJob = Pick<JobView, "state" | "outputUrl" | "error">;

/** The event a callback made, and the job it belongs to, as the API shows them. */
async function expectStored(
  endpoint: CreatedEndpoint,
  eventId: string,
  event: StoredEvent,
  job: StoredJob,
): Promise<void> {
  const stored = await getEvent(eventId);
  expect(stored).toMatchObject({ endpointId: endpoint.id, ...event });
  const { externalJobId } = event;
  if (externalJobId === null) throw new Error("expectStored needs a job id");
  const storedJob = await jobOf(endpoint.id, externalJobId);
  expect(storedJob).toMatchObject(job);
  expect(stored.jobId).toBe(storedJob.id);
}

describe("aspect (Svix-signed task events)", () => {
  const taskId = "2e1c7e42-4f8d-4e10-8d7a-0a6c0d3b1234";

  it("task.progress -> processing, then task.completed -> completed", async () => {
    const secret = newStandardWebhooksSecret();
    const endpoint = await createEndpoint({
      name: name("aspect"),
      provider: "aspect",
      secrets: [secret],
    });

    const progress = await ingestOk(
      endpoint,
      aspectProgressExample,
      svixHeaders(secret, aspectProgressExample),
    );
    await expectStored(
      endpoint,
      progress.eventId,
      {
        type: "task.progress",
        state: "processing",
        externalJobId: taskId,
        verification: "verified",
      },
      { state: "processing", outputUrl: null, error: null },
    );
    expect((await getEvent(progress.eventId)).providerTimestamp).toBe("2025-01-01T12:00:00.000Z");

    const done = JSON.stringify(
      aspectTaskEvent({
        taskId,
        eventType: "task.completed",
        features: {
          transcription: "completed",
          visual: "completed",
          preview: "completed",
          proxy: "na",
        },
        updated: "2025-01-01T12:04:00Z",
      }),
    );
    const completed = await ingestOk(endpoint, done, svixHeaders(secret, done));
    await expectStored(
      endpoint,
      completed.eventId,
      {
        type: "task.completed",
        state: "completed",
        externalJobId: taskId,
        verification: "verified",
      },
      { state: "completed", outputUrl: null, error: null },
    );
  });

  it("task.failed -> failed, the error naming the failed feature", async () => {
    const secret = newStandardWebhooksSecret();
    const endpoint = await createEndpoint({
      name: name("aspect"),
      provider: "aspect",
      secrets: [secret],
    });
    const body = JSON.stringify(
      aspectTaskEvent({
        taskId: "9d0c1f3e-0000-4a5b-8c7d-000000000001",
        eventType: "task.failed",
        features: {
          transcription: "completed",
          visual: "failed",
          preview: "completed",
          proxy: "na",
        },
        updated: "2025-01-01T12:03:00Z",
      }),
    );
    const { eventId } = await ingestOk(endpoint, body, svixHeaders(secret, body));
    await expectStored(
      endpoint,
      eventId,
      {
        type: "task.failed",
        state: "failed",
        externalJobId: "9d0c1f3e-0000-4a5b-8c7d-000000000001",
        verification: "verified",
      },
      {
        state: "failed",
        outputUrl: null,
        error: expect.stringContaining("visual") as unknown as string,
      },
    );
  });
});

describe("scriptix (X-Scriptix-Signature: sha256=<hex>)", () => {
  it("transcription.completed -> completed", async () => {
    const secret = `scriptix-${randomUUID()}`;
    const endpoint = await createEndpoint({
      name: name("scriptix"),
      provider: "scriptix",
      secrets: [secret],
    });
    const { eventId } = await ingestOk(
      endpoint,
      scriptixCompletedExample,
      scriptixHeaders(secret, scriptixCompletedExample),
    );
    await expectStored(
      endpoint,
      eventId,
      {
        type: "transcription.completed",
        state: "completed",
        externalJobId: "stt_abc123",
        verification: "verified",
      },
      { state: "completed", outputUrl: null, error: null },
    );
    expect((await getEvent(eventId)).providerTimestamp).toBe("2025-01-17T10:30:00.000Z");
  });

  it("transcription.failed -> failed with the error", async () => {
    const secret = `scriptix-${randomUUID()}`;
    const endpoint = await createEndpoint({
      name: name("scriptix"),
      provider: "scriptix",
      secrets: [secret],
    });
    const body = JSON.stringify(
      scriptixEvent({
        id: "stt_def456",
        event: "transcription.failed",
        error: "Audio could not be decoded",
      }),
    );
    const { eventId } = await ingestOk(endpoint, body, scriptixHeaders(secret, body));
    await expectStored(
      endpoint,
      eventId,
      {
        type: "transcription.failed",
        state: "failed",
        externalJobId: "stt_def456",
        verification: "verified",
      },
      { state: "failed", outputUrl: null, error: "Audio could not be decoded" },
    );
  });

  it("the docs' test curl (sha256=test123) is stored as failed, answered 401, and makes no job", async () => {
    const endpoint = await createEndpoint({
      name: name("scriptix"),
      provider: "scriptix",
      secrets: [`scriptix-${randomUUID()}`],
    });
    const body = JSON.stringify({
      event: "transcription.completed",
      timestamp: "2025-01-17T10:30:00Z",
      data: { id: "stt_test123", status: "completed", document_id: 999 },
    });
    const answer = await ingest(endpoint, body, { "X-Scriptix-Signature": "sha256=test123" });
    expect(answer.status).toBe(401);
    const events = await eventsOf(endpoint.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ verification: "failed", jobId: null });
  });
});

describe("json2video (token in a dashboard connection's Authorization header)", () => {
  it("status done -> completed with the video url; client-data kept on the job", async () => {
    const token = `j2v-${randomUUID()}`;
    const endpoint = await createEndpoint({
      name: name("json2video"),
      provider: "json2video",
      secrets: [token],
    });
    const payload = json2videoDone("abc123");
    const { eventId } = await ingestOk(endpoint, JSON.stringify(payload), bearerHeaders(token));
    await expectStored(
      endpoint,
      eventId,
      { type: "done", state: "completed", externalJobId: "abc123", verification: "verified" },
      { state: "completed", outputUrl: payload.url, error: null },
    );
    expect((await jobOf(endpoint.id, "abc123")).details).toEqual({ clientData: listingClientData });
  });

  it("status error -> failed with its message and no output", async () => {
    const token = `j2v-${randomUUID()}`;
    const endpoint = await createEndpoint({
      name: name("json2video"),
      provider: "json2video",
      secrets: [token],
    });
    const { eventId } = await ingestOk(
      endpoint,
      JSON.stringify(json2videoError("abc124", "Element 3: image could not be downloaded")),
      bearerHeaders(token),
    );
    await expectStored(
      endpoint,
      eventId,
      { type: "error", state: "failed", externalJobId: "abc124", verification: "verified" },
      { state: "failed", outputUrl: null, error: "Element 3: image could not be downloaded" },
    );
  });
});

describe("descript (job status body, token in Authorization when configured)", () => {
  it("an import with result.status success -> completed with project_url", async () => {
    const token = `descript-${randomUUID()}`;
    const endpoint = await createEndpoint({
      name: name("descript"),
      provider: "descript",
      // Not the default (Descript cannot add a header): a proxy in front that adds one.
      verification: { scheme: "token", header: "authorization" },
      secrets: [token],
    });
    const body = JSON.stringify(
      descriptJob({ jobId: "job-import-1", result: { status: "success" } }),
    );
    const { eventId } = await ingestOk(endpoint, body, bearerHeaders(token));
    await expectStored(
      endpoint,
      eventId,
      {
        type: "import/project_media",
        state: "completed",
        externalJobId: "job-import-1",
        verification: "verified",
      },
      { state: "completed", outputUrl: "https://web.descript.com/prj_7f3a9c", error: null },
    );
  });

  it("an agent edit whose result is not success -> failed with the result's error", async () => {
    const token = `descript-${randomUUID()}`;
    const endpoint = await createEndpoint({
      name: name("descript"),
      provider: "descript",
      // Not the default (Descript cannot add a header): a proxy in front that adds one.
      verification: { scheme: "token", header: "authorization" },
      secrets: [token],
    });
    const body = JSON.stringify(
      descriptJob({
        jobId: "job-agent-1",
        jobType: "agent",
        result: { status: "error", error: "Not enough AI credits" },
      }),
    );
    const { eventId } = await ingestOk(endpoint, body, bearerHeaders(token));
    await expectStored(
      endpoint,
      eventId,
      { type: "agent", state: "failed", externalJobId: "job-agent-1", verification: "verified" },
      { state: "failed", outputUrl: null, error: "Not enough AI credits" },
    );
  });
});

describe("clipzy (unsigned)", () => {
  it("completed -> completed with output_video_url", async () => {
    const endpoint = await createEndpoint({ name: name("clipzy"), provider: "clipzy" });
    const { eventId } = await ingestOk(endpoint, clipzyCompletedExample);
    await expectStored(
      endpoint,
      eventId,
      {
        type: "completed",
        state: "completed",
        externalJobId: "job_xyz789abc123",
        verification: "unsigned",
      },
      { state: "completed", outputUrl: "file:///storage/job_xyz789abc123/output.mp4", error: null },
    );
  });

  it.each([
    ["failed", "failed"],
    ["cancelled", "cancelled"],
  ] as const)("%s -> %s without an output", async (status, state) => {
    const endpoint = await createEndpoint({ name: name("clipzy"), provider: "clipzy" });
    const { eventId } = await ingestOk(
      endpoint,
      JSON.stringify(clipzyJob("job_abc000111222", status)),
    );
    await expectStored(
      endpoint,
      eventId,
      { type: status, state, externalJobId: "job_abc000111222", verification: "unsigned" },
      { state, outputUrl: null, error: null },
    );
  });
});

describe("standard-webhooks (webhook-* signed, fields from configured paths)", () => {
  const extraction = { jobIdPath: "data.job.id", statePath: "data.job.status" };
  const envelope = (type: string, status: string, timestamp: string) =>
    JSON.stringify({ type, timestamp, data: { job: { id: "render_42", status } } });

  it("reads job id and state through the paths; the envelope's type is the event type", async () => {
    const secret = newStandardWebhooksSecret();
    const endpoint = await createEndpoint({
      name: name("sw"),
      provider: "standard-webhooks",
      secrets: [secret],
      extraction,
    });

    const started = envelope("job.started", "processing", "2025-03-01T09:00:00Z");
    const first = await ingestOk(endpoint, started, standardWebhooksHeaders(secret, started));
    await expectStored(
      endpoint,
      first.eventId,
      {
        type: "job.started",
        state: "processing",
        externalJobId: "render_42",
        verification: "verified",
      },
      { state: "processing", outputUrl: null, error: null },
    );

    const finished = envelope("job.completed", "completed", "2025-03-01T09:02:00Z");
    const second = await ingestOk(endpoint, finished, standardWebhooksHeaders(secret, finished));
    await expectStored(
      endpoint,
      second.eventId,
      {
        type: "job.completed",
        state: "completed",
        externalJobId: "render_42",
        verification: "verified",
      },
      { state: "completed", outputUrl: null, error: null },
    );
  });

  it("accepts the svix-* header names too, and a resend with the same webhook-id is one event", async () => {
    const secret = newStandardWebhooksSecret();
    const endpoint = await createEndpoint({
      name: name("sw"),
      provider: "standard-webhooks",
      secrets: [secret],
      extraction,
    });
    const body = envelope("job.failed", "failed", "2025-03-01T09:05:00Z");
    const headers = svixHeaders(secret, body);
    const first = await ingestOk(endpoint, body, headers);
    const resent = await ingestOk(endpoint, body, headers);
    expect(resent.eventId).toBe(first.eventId);
    await expectStored(
      endpoint,
      first.eventId,
      { type: "job.failed", state: "failed", externalJobId: "render_42", verification: "verified" },
      { state: "failed", outputUrl: null, error: null },
    );
    expect((await getEvent(first.eventId)).deliveryCount).toBe(2);
  });
});

describe("generic (unsigned, configured paths and dedupe header)", () => {
  const extraction = {
    jobIdPath: "render.id",
    eventTypePath: "event",
    statePath: "render.state",
    stateMap: { rendered: "completed" },
    outputUrlPath: "render.output.url",
    errorPath: "render.error",
    dedupeHeader: "X-Delivery-Id",
  };

  it("reads every field through the paths, maps the state word, and groups by the dedupe header", async () => {
    const endpoint = await createEndpoint({
      name: name("generic"),
      provider: "generic",
      extraction,
    });
    const payload = {
      event: "render.finished",
      render: {
        id: "rnd_9",
        state: "rendered",
        output: { url: "https://cdn.example.test/rnd_9.mp4" },
      },
    };

    const first = await ingestOk(endpoint, JSON.stringify(payload), {
      "X-Delivery-Id": "dlv-0001",
    });
    // The sender's retry: same delivery id, bytes formatted differently.
    const retry = await ingestOk(endpoint, JSON.stringify(payload, null, 2), {
      "X-Delivery-Id": "dlv-0001",
    });
    expect(retry.eventId).toBe(first.eventId);

    await expectStored(
      endpoint,
      first.eventId,
      {
        type: "render.finished",
        state: "completed",
        externalJobId: "rnd_9",
        verification: "unsigned",
      },
      { state: "completed", outputUrl: "https://cdn.example.test/rnd_9.mp4", error: null },
    );
    expect((await getEvent(first.eventId)).deliveryCount).toBe(2);
  });

  it("a failure reads the configured error path; a new dedupe header value is a new event", async () => {
    const endpoint = await createEndpoint({
      name: name("generic"),
      provider: "generic",
      extraction,
    });
    const failure = {
      event: "render.failed",
      render: { id: "rnd_10", state: "error", error: "codec not supported" },
    };
    const first = await ingestOk(endpoint, JSON.stringify(failure), {
      "X-Delivery-Id": "dlv-0002",
    });
    const other = await ingestOk(endpoint, JSON.stringify(failure), {
      "X-Delivery-Id": "dlv-0003",
    });
    expect(other.eventId).not.toBe(first.eventId);
    await expectStored(
      endpoint,
      first.eventId,
      { type: "render.failed", state: "failed", externalJobId: "rnd_10", verification: "unsigned" },
      { state: "failed", outputUrl: null, error: "codec not supported" },
    );
  });
});
