// Bulk replay with an Idempotency-Key against the real app: identical requests at the
// same moment start one batch and every event reaches the receiver once; a repeat
// answers that batch; the key reused for another request is refused. And the job's
// attempts API lists every forward and replay of a job's events.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  api,
  apiJson,
  createEndpoint,
  queryAppDb,
  sendCallback,
  type CreatedEndpoint,
} from "@/tests/support/api";
import { startReceiver, type Receiver } from "@/tests/support/receiver";

type Progress = {
  id: string;
  total: number;
  succeeded: number;
  failed: number;
  blocked: number;
  pending: number;
  request: Record<string, unknown> | null;
  createdBy: string;
};
type Attempt = {
  id: string;
  eventId: string;
  batchId: string | null;
  status: string;
  trigger: string;
  createdAt: string;
};

const POLL = { timeout: 20_000, interval: 100 };
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
});

afterAll(async () => {
  await receiver?.close();
});

/** A Clipzy endpoint (unsigned callbacks) with one event per job id. */
async function endpointWithEvents(
  count: number,
): Promise<{ endpoint: CreatedEndpoint; eventIds: string[] }> {
  const endpoint = await createEndpoint({
    name: `Bulk ${randomUUID().slice(0, 8)}`,
    provider: "clipzy",
  });
  const eventIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const response = await sendCallback(
      endpoint,
      JSON.stringify({
        job_id: `job-${randomUUID()}`,
        status: "completed",
        output_video_url: `https://cdn.example/${i}.mp4`,
      }),
    );
    expect(response.status).toBe(200);
    eventIds.push(((await response.json()) as { eventId: string }).eventId);
  }
  return { endpoint, eventIds };
}

async function startReplay(body: Record<string, unknown>, key?: string) {
  const response = await api("/api/replays", {
    method: "POST",
    body: JSON.stringify(body),
    headers: key === undefined ? {} : { "idempotency-key": key },
  });
  return {
    status: response.status,
    replayed: response.headers.get("idempotent-replayed"),
    body: (await response.json()) as {
      id: string;
      total: number;
      error?: { code: string; message: string };
    },
  };
}

const eventIdsReceivedAt = (path: string) =>
  receiver.requests
    .filter((r) => r.path === path)
    .map((r) => receiver.header(r, "x-inbox-event-id"));

describe("POST /api/replays with an Idempotency-Key", () => {
  it("starts one batch for identical requests sent at once, and the receiver gets each event once", async () => {
    const { endpoint, eventIds } = await endpointWithEvents(4);
    const key = randomUUID();
    const body = { filter: { endpointId: endpoint.id }, url: receiver.url("/at-once") };

    const answers = await Promise.all(Array.from({ length: 6 }, () => startReplay(body, key)));
    for (const answer of answers) expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    const ids = new Set(answers.map((a) => a.body.id));
    expect(ids.size).toBe(1);
    const [batchId] = [...ids];
    expect(answers.every((a) => a.body.total === 4)).toBe(true);
    // The one request that started it says nothing; every other says it was a repeat.
    expect(answers.filter((a) => a.replayed === "true")).toHaveLength(5);
    expect(
      await queryAppDb("SELECT id FROM replay_batches WHERE idempotency_key = $1", [key]),
    ).toHaveLength(1);

    const progress = async () => (await apiJson<Progress>(`/api/replays/${batchId}`)).body;
    await expect
      .poll(progress, POLL)
      .toMatchObject({ total: 4, succeeded: 4, failed: 0, blocked: 0, pending: 0 });
    expect(eventIdsReceivedAt("/at-once").sort()).toEqual([...eventIds].sort());
    expect(await progress()).toMatchObject({
      request: { filter: { endpointId: endpoint.id }, url: receiver.url("/at-once") },
      createdBy: "operator",
    });

    // Later, the same request again: the same batch, nothing queued (graphile-worker keeps
    // payloads in its private table), nothing sent.
    const again = await startReplay(body, key);
    expect(again).toMatchObject({ status: 202, replayed: "true", body: { id: batchId, total: 4 } });
    expect(
      await queryAppDb(
        "SELECT id FROM graphile_worker._private_jobs WHERE payload->>'batchId' = $1",
        [batchId],
      ),
    ).toEqual([]);
    expect(await queryAppDb("SELECT id FROM attempts WHERE batch_id = $1", [batchId])).toHaveLength(
      4,
    );
    expect(eventIdsReceivedAt("/at-once")).toHaveLength(4);
  });

  it("treats the same filter written differently as the same request (times compare as instants)", async () => {
    const { endpoint } = await endpointWithEvents(1);
    const key = randomUUID();
    const first = await startReplay(
      {
        url: receiver.url("/same"),
        filter: { from: "2026-01-01T00:00:00Z", endpointId: endpoint.id },
      },
      key,
    );
    const second = await startReplay(
      {
        filter: { endpointId: endpoint.id, from: "2026-01-01T01:00:00+01:00" },
        url: receiver.url("/same"),
      },
      key,
    );
    expect(first.status).toBe(202);
    expect(second).toMatchObject({ status: 202, replayed: "true", body: { id: first.body.id } });
  });

  it("refuses the key reused for another request with 409, and sends nothing for it", async () => {
    const { endpoint } = await endpointWithEvents(2);
    const key = randomUUID();
    const first = await startReplay(
      { filter: { endpointId: endpoint.id }, url: receiver.url("/first") },
      key,
    );
    expect(first.status).toBe(202);
    const other = await startReplay(
      { filter: { endpointId: endpoint.id }, url: receiver.url("/other") },
      key,
    );
    expect(other.status).toBe(409);
    expect(other.body.error).toMatchObject({ code: "conflict" });
    expect(other.body.error?.message).toContain(first.body.id);
    await expect.poll(() => eventIdsReceivedAt("/first").length, POLL).toBe(2);
    expect(eventIdsReceivedAt("/other")).toEqual([]);
  });

  it("starts a new batch for each request without a key, and refuses a malformed key", async () => {
    const { endpoint } = await endpointWithEvents(1);
    const body = { filter: { endpointId: endpoint.id }, url: receiver.url("/no-key") };
    const [a, b] = [await startReplay(body), await startReplay(body)];
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(a.body.id).not.toBe(b.body.id);
    expect(a.replayed).toBeNull();
    const bad = await startReplay(body, "has spaces in it");
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toContain("Idempotency-Key");
  });

  it("queues the matching events oldest first", async () => {
    const { endpoint, eventIds } = await endpointWithEvents(3);
    // Held answers keep every job of the batch in the queue table while it is read.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    receiver.respond = (request) =>
      request.path === "/order" ? held.then(() => ({ status: 200 })) : { status: 200 };
    try {
      const started = await startReplay({
        filter: { endpointId: endpoint.id },
        url: receiver.url("/order"),
      });
      const queued = await queryAppDb<{ event_id: string }>(
        "SELECT payload->>'eventId' AS event_id FROM graphile_worker._private_jobs WHERE payload->>'batchId' = $1 ORDER BY id",
        [started.body.id],
      );
      expect(queued.map((row) => row.event_id)).toEqual(eventIds);
    } finally {
      release();
      receiver.respond = () => ({ status: 200, body: "ok" });
    }
    await expect.poll(() => eventIdsReceivedAt("/order").length, POLL).toBe(3);
  });
});

describe("GET /api/jobs/<id>/attempts", () => {
  it("lists every attempt of the job's events newest first in keyset pages, and no other job's", async () => {
    const endpoint = await createEndpoint({
      name: `Job attempts ${randomUUID().slice(0, 8)}`,
      provider: "clipzy",
    });
    const created = await apiJson(`/api/endpoints/${endpoint.id}/destinations`, {
      method: "POST",
      body: JSON.stringify({ url: receiver.url("/job-forward"), forward: "all" }),
    });
    expect(created.status).toBe(201);
    const jobId = `job-${randomUUID()}`;
    const send = async (body: Record<string, unknown>) =>
      ((await (await sendCallback(endpoint, JSON.stringify(body))).json()) as { eventId: string })
        .eventId;
    const processing = await send({ job_id: jobId, status: "processing" });
    const completed = await send({
      job_id: jobId,
      status: "completed",
      output_video_url: "https://cdn.example/x.mp4",
    });
    const otherJobEvent = await send({ job_id: `job-${randomUUID()}`, status: "completed" });
    await expect.poll(() => eventIdsReceivedAt("/job-forward").length, POLL).toBe(3);
    const replayed = await apiJson<Attempt>(`/api/events/${processing}/replay`, {
      method: "POST",
      body: JSON.stringify({ url: receiver.url("/job-manual") }),
    });
    expect(replayed.status).toBe(200);

    const job = (
      await apiJson<{ items: Array<{ id: string; externalId: string }> }>(
        `/api/jobs?endpointId=${endpoint.id}&limit=10`,
      )
    ).body.items.find((j) => j.externalId === jobId);
    if (!job) throw new Error("job not listed");
    const first = await apiJson<{ items: Attempt[]; nextCursor: string | null }>(
      `/api/jobs/${job.id}/attempts?limit=2`,
    );
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await apiJson<{ items: Attempt[]; nextCursor: string | null }>(
      `/api/jobs/${job.id}/attempts?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();

    const all = [...first.body.items, ...second.body.items];
    expect(all[0]).toMatchObject({ id: replayed.body.id, eventId: processing, trigger: "manual" });
    expect(all.map((a) => a.eventId).sort()).toEqual([processing, processing, completed].sort());
    expect(all.map((a) => a.eventId)).not.toContain(otherJobEvent);
    const times = all.map((a) => Date.parse(a.createdAt));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    // The same shape as an event's attempts.
    const ofEvent = (await apiJson<{ items: Attempt[] }>(`/api/events/${processing}/attempts`)).body
      .items;
    expect(Object.keys(all[0] ?? {}).sort()).toEqual(Object.keys(ofEvent[0] ?? {}).sort());

    expect((await apiJson(`/api/jobs/job_missing/attempts`)).status).toBe(404);
    expect((await apiJson(`/api/jobs/${job.id}/attempts?cursor=not-a-cursor`)).status).toBe(400);
  });
});
