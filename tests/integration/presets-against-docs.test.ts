// Presets checked against their providers' docs (../shared/provider-docs/), end to end
// over HTTP with the payloads as the docs print them: Descript's token-less default,
// Aspect's task status answer read for its state (a real HTTP server answering like the
// docs' TaskGetResponse), Scriptix's document_id kept, and destinations of providers that
// cannot sign forwarding with their defaults (the `accepted` mode) to a real receiver.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiJson, createEndpoint, type CreatedEndpoint } from "@/tests/support/api";
import { getEvent, ingest, ingestOk, jobOf } from "@/tests/support/callbacks-inbox";
import {
  aspectProgressExample,
  aspectTaskAnswerExample,
  clipzyCompletedExample,
  scriptixCompletedExample,
} from "@/tests/fixtures/provider-doc-examples";
import {
  newStandardWebhooksSecret,
  scriptixHeaders,
  svixHeaders,
} from "@/tests/support/callbacks-signing";
import { startReceiver, type Receiver, type Reply } from "@/tests/support/receiver";

const name = (label: string) => `${label} ${randomUUID().slice(0, 8)}`;
const POLL = { timeout: 20_000, interval: 100 };

let provider: Receiver;
let target: Receiver;
/** What the fake Aspect task API answers next, per task id. */
const taskAnswers = new Map<string, Reply>();

beforeAll(async () => {
  provider = await startReceiver();
  provider.respond = (request) => {
    const id = /^\/v1\/tasks\/([^/?]+)/.exec(request.path)?.[1];
    return (id && taskAnswers.get(decodeURIComponent(id))) || { status: 404, body: "{}" };
  };
  target = await startReceiver();
});

afterAll(async () => {
  await provider?.close();
  await target?.close();
});

/**
 * descript-job-callbacks.txt prints no whole body: its receivers read job_id, job_state,
 * job_type, project_id, project_url and result.status (+ agent_response, ai_credits_used).
 * This is that body, with the values its examples use.
 */
const descriptFinished = (jobId: string) =>
  JSON.stringify({
    job_id: jobId,
    job_type: "agent",
    job_state: "stopped",
    project_id: "prj_123",
    project_url: "https://web.descript.com/prj_123",
    result: {
      status: "success",
      agent_response: "Remove filler words, apply Studio Sound, and add captions",
      ai_credits_used: 12,
    },
  });

describe("Descript: a bare callback_url, no header", () => {
  it("defaults to no verification, and a callback without any token is accepted", async () => {
    const endpoint = await createEndpoint({ name: name("descript"), provider: "descript" });
    const { body: created } = await apiJson<{ verification: unknown }>(
      `/api/endpoints/${endpoint.id}`,
    );
    expect(created.verification).toEqual({ scheme: "none" });

    const jobId = `dsc-${randomUUID()}`;
    const answer = await ingest(endpoint, descriptFinished(jobId));
    expect(answer.status).toBe(200);
    expect(answer.body.verification).toBe("unsigned");
    expect(await jobOf(endpoint.id, jobId)).toMatchObject({
      state: "completed",
      outputUrl: "https://web.descript.com/prj_123",
    });
  });

  it("reads job_state when the finished job carries no result", async () => {
    const endpoint = await createEndpoint({ name: name("descript"), provider: "descript" });
    const failed = `dsc-${randomUUID()}`;
    await ingestOk(
      endpoint,
      JSON.stringify({ job_id: failed, job_type: "import/project_media", job_state: "failed" }),
    );
    expect((await jobOf(endpoint.id, failed)).state).toBe("failed");
    const cancelled = `dsc-${randomUUID()}`;
    await ingestOk(
      endpoint,
      JSON.stringify({ job_id: cancelled, job_type: "agent", job_state: "cancelled" }),
    );
    expect((await jobOf(endpoint.id, cancelled)).state).toBe("cancelled");
  });
});

describe("Aspect: re-polling reads the task answer (TaskGetResponse) for its state", () => {
  const taskId = "2e1c7e42-4f8d-4e10-8d7a-0a6c0d3b1234";

  async function aspectEndpoint(): Promise<{ endpoint: CreatedEndpoint; secret: string }> {
    const secret = newStandardWebhooksSecret();
    const endpoint = await createEndpoint({
      name: name("aspect"),
      provider: "aspect",
      secrets: [secret],
    });
    const polling = await apiJson(`/api/endpoints/${endpoint.id}/polling`, {
      method: "PUT",
      body: JSON.stringify({
        baseUrl: new URL(provider.url("")).origin,
        pathTemplate: "/v1/tasks/{jobId}",
        credentialHeader: "Authorization",
        credentialPrefix: "Bearer ",
        credential: "aspect-api-key-0123456789",
      }),
    });
    expect(polling.status, JSON.stringify(polling.body)).toBe(200);
    return { endpoint, secret };
  }

  /** The doc's Task with other feature states. */
  const task = (states: Record<string, string>) => {
    const answer = JSON.parse(aspectTaskAnswerExample) as Record<string, unknown>;
    answer["features"] = Object.fromEntries(
      Object.entries(states).map(([feature, state]) => [feature, { state }]),
    );
    return JSON.stringify(answer);
  };

  type PollAnswer = { poll: { outcome: string; state: string | null; error: string | null } };

  it("the doc's Task as answered moves nothing back, and a finished one completes the job", async () => {
    const { endpoint, secret } = await aspectEndpoint();
    await ingestOk(endpoint, aspectProgressExample, svixHeaders(secret, aspectProgressExample));
    const job = await jobOf(endpoint.id, taskId);
    expect(job.state).toBe("processing");

    // The Task exactly as the docs print it (data.task of the example, alone).
    taskAnswers.set(taskId, { status: 200, body: aspectTaskAnswerExample });
    const first = await apiJson<PollAnswer>(`/api/jobs/${job.id}/poll`, { method: "POST" });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.poll).toMatchObject({ outcome: "succeeded", state: "processing" });

    taskAnswers.set(taskId, {
      status: 200,
      body: task({
        transcription: "completed",
        visual: "completed",
        preview: "completed",
        proxy: "na",
      }),
    });
    const second = await apiJson<PollAnswer>(`/api/jobs/${job.id}/poll`, { method: "POST" });
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body.poll).toMatchObject({ outcome: "succeeded", state: "completed" });
    expect((await jobOf(endpoint.id, taskId)).state).toBe("completed");
    const sent = provider.requests.at(-1);
    expect(sent?.path).toBe(`/v1/tasks/${taskId}`);
    expect(sent && provider.header(sent, "authorization")).toBe("Bearer aspect-api-key-0123456789");
  });

  it("a failed feature in the answer fails the job, naming it", async () => {
    const { endpoint, secret } = await aspectEndpoint();
    await ingestOk(endpoint, aspectProgressExample, svixHeaders(secret, aspectProgressExample));
    const job = await jobOf(endpoint.id, taskId);
    taskAnswers.set(taskId, {
      status: 200,
      body: task({ transcription: "failed", visual: "completed", preview: "completed" }),
    });
    const polled = await apiJson<PollAnswer>(`/api/jobs/${job.id}/poll`, { method: "POST" });
    expect(polled.body.poll).toMatchObject({ outcome: "succeeded", state: "failed" });
    expect(await jobOf(endpoint.id, taskId)).toMatchObject({
      state: "failed",
      error: "failed features: transcription",
    });
  });
});

describe("Scriptix: document_id is kept with the job", () => {
  it("the docs' payload, signed as Scriptix signs it, keeps document_id in the job's details", async () => {
    const secret = `scriptix-${randomUUID()}`;
    const endpoint = await createEndpoint({
      name: name("scriptix"),
      provider: "scriptix",
      secrets: [secret],
    });
    await ingestOk(
      endpoint,
      scriptixCompletedExample,
      scriptixHeaders(secret, scriptixCompletedExample),
    );
    const job = await jobOf(endpoint.id, "stt_abc123");
    expect(job.state).toBe("completed");
    const { body } = await apiJson<{ details: unknown }>(`/api/jobs/${job.id}`);
    expect(body.details).toEqual({ documentId: 456 });
  });
});

describe("destinations with defaults forward what a provider that cannot sign sends", () => {
  type Destination = { id: string; forward: string };

  async function defaultDestination(endpoint: CreatedEndpoint, path: string) {
    const created = await apiJson<Destination>(`/api/endpoints/${endpoint.id}/destinations`, {
      method: "POST",
      body: JSON.stringify({ url: target.url(path) }),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.forward).toBe("accepted");
    return created.body;
  }

  it("a Clipzy endpoint's destination, created with defaults, forwards the docs' callback byte for byte", async () => {
    const endpoint = await createEndpoint({ name: name("clipzy"), provider: "clipzy" });
    await defaultDestination(endpoint, "/clipzy");
    const { eventId } = await ingestOk(endpoint, clipzyCompletedExample);
    expect((await getEvent(eventId)).verification).toBe("unsigned");
    await expect
      .poll(() => target.requests.filter((r) => r.path === "/clipzy").length, POLL)
      .toBe(1);
    const sent = target.requests.find((r) => r.path === "/clipzy");
    expect(sent?.body.toString("utf8")).toBe(clipzyCompletedExample);
    expect(sent && target.header(sent, "x-inbox-verification")).toBe("unsigned");
    expect(sent && target.header(sent, "x-inbox-event-id")).toBe(eventId);
  });

  it("a Descript endpoint's destination with defaults forwards its callback", async () => {
    const endpoint = await createEndpoint({ name: name("descript"), provider: "descript" });
    await defaultDestination(endpoint, "/descript");
    const body = descriptFinished(`dsc-${randomUUID()}`);
    await ingestOk(endpoint, body);
    await expect
      .poll(() => target.requests.filter((r) => r.path === "/descript").length, POLL)
      .toBe(1);
    expect(target.requests.find((r) => r.path === "/descript")?.body.toString("utf8")).toBe(body);
  });

  it("`accepted` never forwards a callback whose signature failed; `verified` skips unsigned ones", async () => {
    const secret = `scriptix-${randomUUID()}`;
    const signed = await createEndpoint({
      name: name("scriptix"),
      provider: "scriptix",
      secrets: [secret],
    });
    await defaultDestination(signed, "/signed");
    const forged = JSON.stringify({
      event: "transcription.completed",
      timestamp: "2025-01-17T10:30:00Z",
      data: { id: `stt_${randomUUID()}`, status: "completed", document_id: 1 },
    });
    const refused = await ingest(signed, forged, {
      "X-Scriptix-Signature": `sha256=${"0".repeat(64)}`,
    });
    expect(refused.status).toBe(401);
    const genuine = scriptixCompletedExample;
    await ingestOk(signed, genuine, scriptixHeaders(secret, genuine));

    const unsigned = await createEndpoint({ name: name("clipzy"), provider: "clipzy" });
    const strict = await apiJson<Destination>(`/api/endpoints/${unsigned.id}/destinations`, {
      method: "POST",
      body: JSON.stringify({ url: target.url("/strict"), forward: "verified" }),
    });
    expect(strict.status).toBe(201);
    await defaultDestination(unsigned, "/unsigned-accepted");
    await ingestOk(unsigned, clipzyCompletedExample);

    // The accepted destination of the unsigned endpoint got its callback: by then the
    // queue has had every chance to send the others.
    await expect
      .poll(() => target.requests.filter((r) => r.path === "/unsigned-accepted").length, POLL)
      .toBe(1);
    await expect
      .poll(() => target.requests.filter((r) => r.path === "/signed").length, POLL)
      .toBe(1);
    const toSigned = target.requests.filter((r) => r.path === "/signed");
    expect(toSigned.map((r) => r.body.toString("utf8"))).toEqual([genuine]);
    expect(target.requests.filter((r) => r.path === "/strict")).toHaveLength(0);
  });
});
