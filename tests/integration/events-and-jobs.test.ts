// Events (deliveries grouped by dedupe key) and jobs (one per provider job id, state
// moving only forward) as the JSON API shows them. Every test creates its own
// endpoints and filters by their ids: other test files share the server.
import { createHash, randomUUID } from "node:crypto";
import http from "node:http";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import {
  api,
  apiJson,
  baseUrl,
  createEndpoint,
  queryAppDb,
  type CreatedEndpoint,
} from "@/tests/support/api";
import {
  allPages,
  eventsOf,
  expectApiError,
  getEvent,
  getJob,
  ingest,
  ingestOk,
  jobOf,
  jobsOf,
  listEvents,
  listJobs,
  type EventSummary,
  type JobView,
} from "@/tests/support/callbacks-inbox";
import {
  aspectTaskEvent,
  clipzyJob,
  descriptJob,
  json2videoDone,
  json2videoError,
} from "@/tests/support/callbacks-payloads";
import {
  bearerHeaders,
  newMessageId,
  newStandardWebhooksSecret,
  svixHeaders,
} from "@/tests/support/callbacks-signing";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sha256Hex = (bytes: string | Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const name = (label: string) => `${label} ${randomUUID().slice(0, 8)}`;

type AspectEndpoint = CreatedEndpoint & { secret: string };

async function aspectEndpoint(): Promise<AspectEndpoint> {
  const secret = newStandardWebhooksSecret();
  return {
    ...(await createEndpoint({ name: name("aspect"), provider: "aspect", secrets: [secret] })),
    secret,
  };
}

type AspectCallback = Parameters<typeof aspectTaskEvent>[0];

/** A correctly signed Aspect callback with its own svix-id; must be accepted. */
async function sendAspect(endpoint: AspectEndpoint, callback: AspectCallback) {
  const body = JSON.stringify(aspectTaskEvent(callback));
  return ingestOk(endpoint, body, svixHeaders(endpoint.secret, body));
}

const progress = (
  taskId: string,
  updated: string,
  features: AspectCallback["features"] = { transcription: "processing", visual: "queued" },
) => ({ taskId, eventType: "task.progress", features, updated }) as const;
const completed = (taskId: string, updated: string) =>
  ({
    taskId,
    eventType: "task.completed",
    features: { transcription: "completed", visual: "completed" },
    updated,
  }) as const;
const failed = (taskId: string, updated: string) =>
  ({
    taskId,
    eventType: "task.failed",
    features: { transcription: "failed", visual: "completed" },
    updated,
  }) as const;

const sendClipzy = (
  endpoint: CreatedEndpoint,
  jobId: string,
  status: "completed" | "failed" | "cancelled",
) => ingestOk(endpoint, JSON.stringify(clipzyJob(jobId, status)));

async function deliveryCount(endpointId: string): Promise<number> {
  const rows = await queryAppDb<{ n: number }>(
    "SELECT count(*)::int AS n FROM deliveries WHERE endpoint_id = $1",
    [endpointId],
  );
  return rows[0]?.n ?? -1;
}

/** Sends through node:http so header names keep their case and repeated headers stay separate lines. */
function sendRawHeaders(options: {
  path: string;
  method: string;
  headers: string[];
  body: Buffer;
}): Promise<{ status: number; body: { deliveryId: string; eventId?: string } }> {
  const url = new URL(baseUrl());
  return new Promise((resolve, reject) => {
    // With headers given as a list, node:http adds neither Host nor Content-Length.
    const headers = [
      "Host",
      url.host,
      ...options.headers,
      "Content-Length",
      String(options.body.byteLength),
    ];
    const request = http.request(
      {
        hostname: url.hostname,
        port: url.port,
        path: options.path,
        method: options.method,
        headers,
      },
      (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () => {
          try {
            resolve({
              status: response.statusCode ?? 0,
              body: JSON.parse(text) as { deliveryId: string; eventId?: string },
            });
          } catch {
            reject(new Error(`${response.statusCode}: ${text}`));
          }
        });
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

describe("duplicates become one event, also under concurrency", () => {
  it("10 identical signed Aspect callbacks at once (same svix-id): 1 event, deliveryCount 10, 10 deliveries", async () => {
    const endpoint = await aspectEndpoint();
    const body = JSON.stringify(
      aspectTaskEvent(completed("task-concurrent", "2025-01-01T12:00:00Z")),
    );
    const headers = svixHeaders(endpoint.secret, body);

    const answers = await Promise.all(
      Array.from({ length: 10 }, () => ingest(endpoint, body, headers)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(new Set(answers.map((a) => a.body.eventId)).size).toBe(1);
    expect(new Set(answers.map((a) => a.body.deliveryId)).size).toBe(10);

    const events = await eventsOf(endpoint.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      id: answers[0]?.body.eventId,
      deliveryCount: 10,
      verification: "verified",
    });
    const event = await getEvent(events[0]?.id ?? "");
    expect(event.deliveries.map((d) => d.id).sort()).toEqual(
      answers.map((a) => a.body.deliveryId).sort(),
    );
    // First and last receipt span every delivery, whichever request committed first.
    const receivedAt = event.deliveries.map((d) => d.receivedAt).sort();
    expect([event.firstReceivedAt, event.lastReceivedAt]).toEqual([receivedAt[0], receivedAt[9]]);
    expect(await deliveryCount(endpoint.id)).toBe(10);
    const jobs = await jobsOf(endpoint.id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      externalId: "task-concurrent",
      state: "completed",
      eventCount: 1,
    });
  });

  it("10 identical Clipzy callbacks at once (job_id + status): 1 event, 10 deliveries, 1 job", async () => {
    const endpoint = await createEndpoint({ name: name("clipzy"), provider: "clipzy" });
    const body = JSON.stringify(clipzyJob("job_concurrent", "completed"));

    const answers = await Promise.all(Array.from({ length: 10 }, () => ingest(endpoint, body)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));

    const events = await eventsOf(endpoint.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      deliveryCount: 10,
      verification: "unsigned",
      externalJobId: "job_concurrent",
    });
    expect(await deliveryCount(endpoint.id)).toBe(10);
    expect(await jobsOf(endpoint.id)).toHaveLength(1);
  });

  it("a repeat of a known event waits for no other delivery: stored while another transaction holds its event and job rows", async () => {
    const endpoint = await aspectEndpoint();
    const body = JSON.stringify(aspectTaskEvent(completed("task-hot", "2025-01-01T12:00:00Z")));
    const headers = svixHeaders(endpoint.secret, body);
    const first = await ingestOk(endpoint, body, headers);
    // The locks an uncommitted delivery held on both rows while each delivery updated
    // them (a retry storm's deliveries then committed one WAL flush after another).
    const holder = new pg.Client({ connectionString: inject("appDatabaseUrl") });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      const [lock] = (
        await holder.query<{ pid: number }>(
          `SELECT pg_backend_pid() AS pid FROM events e JOIN jobs j ON j.id = e.job_id
           WHERE e.id = $1 FOR NO KEY UPDATE`,
          [first.eventId],
        )
      ).rows;
      expect(lock).toBeDefined();
      let answered = false;
      const repeat = ingest(endpoint, body, headers).finally(() => (answered = true));
      // Either the repeat is answered, or some statement waits behind our locks (the failure).
      let blocked = false;
      while (!answered && !blocked) {
        const waiting = await queryAppDb<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))",
          [lock!.pid],
        );
        blocked = (waiting[0]?.n ?? 0) > 0;
        if (!blocked) await sleep(20);
      }
      expect(blocked).toBe(false);
      const answer = await repeat;
      expect(answer.status).toBe(200);
      expect(answer.body.eventId).toBe(first.eventId);
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
    }
    expect((await eventsOf(endpoint.id)).map((e) => e.deliveryCount)).toEqual([2]);
  });

  it("Clipzy retries with different bytes but the same job_id and status are one event", async () => {
    const endpoint = await createEndpoint({ name: name("clipzy"), provider: "clipzy" });
    const first = await ingestOk(
      endpoint,
      JSON.stringify({ ...clipzyJob("job_retry", "completed"), processing_time_seconds: 900 }),
    );
    const retry = await ingestOk(
      endpoint,
      JSON.stringify({ ...clipzyJob("job_retry", "completed"), processing_time_seconds: 901 }),
    );
    expect(retry.eventId).toBe(first.eventId);
    const other = await sendClipzy(endpoint, "job_retry", "failed");
    expect(other.eventId).not.toBe(first.eventId);
    expect((await eventsOf(endpoint.id)).map((e) => e.deliveryCount).sort()).toEqual([1, 2]);
  });

  it("an event first seen through a forged delivery becomes verified, with the genuine payload and a job, when the real one arrives", async () => {
    const endpoint = await aspectEndpoint();
    const svixId = newMessageId();
    const forged = JSON.stringify(aspectTaskEvent(failed("t-upgrade", "2025-01-01T10:00:00Z")));
    const forgedAnswer = await ingest(
      endpoint,
      forged,
      svixHeaders(newStandardWebhooksSecret(), forged, { id: svixId }),
    );
    expect(forgedAnswer.status).toBe(401);

    const genuinePayload = aspectTaskEvent(completed("t-upgrade", "2025-01-01T10:00:00Z"));
    const genuine = JSON.stringify(genuinePayload);
    const { eventId } = await ingestOk(
      endpoint,
      genuine,
      svixHeaders(endpoint.secret, genuine, { id: svixId }),
    );

    const event = await getEvent(eventId);
    expect(event).toMatchObject({
      verification: "verified",
      type: "task.completed",
      state: "completed",
      deliveryCount: 2,
      payload: genuinePayload,
    });
    expect(event.deliveries.map((d) => d.verification)).toEqual(["failed", "verified"]);
    const job = await jobOf(endpoint.id, "t-upgrade");
    expect(job.state).toBe("completed");
    expect(event.jobId).toBe(job.id);
  });

  it("a forged delivery with a verified event's svix-id changes neither the event nor the job", async () => {
    const endpoint = await aspectEndpoint();
    const svixId = newMessageId();
    const genuinePayload = aspectTaskEvent(completed("t-kept", "2025-01-01T10:00:00Z"));
    const genuine = JSON.stringify(genuinePayload);
    const { eventId } = await ingestOk(
      endpoint,
      genuine,
      svixHeaders(endpoint.secret, genuine, { id: svixId }),
    );

    const forged = JSON.stringify(aspectTaskEvent(failed("t-kept", "2025-01-01T11:00:00Z")));
    expect(
      (
        await ingest(
          endpoint,
          forged,
          svixHeaders(newStandardWebhooksSecret(), forged, { id: svixId }),
        )
      ).status,
    ).toBe(401);

    expect(await getEvent(eventId)).toMatchObject({
      verification: "verified",
      type: "task.completed",
      state: "completed",
      deliveryCount: 2,
      payload: genuinePayload,
    });
    expect(await jobOf(endpoint.id, "t-kept")).toMatchObject({ state: "completed", error: null });
  });

  it("10 different callbacks per new job at once (3 jobs): one job each, 10 events, the terminal state wins", async () => {
    const endpoint = await aspectEndpoint();
    const taskIds = ["t-burst-1", "t-burst-2", "t-burst-3"];
    const callbacks = taskIds.flatMap((taskId) => [
      ...Array.from({ length: 9 }, (_, i) => progress(taskId, `2025-01-01T10:0${i}:00Z`)),
      completed(taskId, "2025-01-01T10:05:30Z"),
    ]);
    const answers = await Promise.all(
      callbacks.map((callback) => {
        const body = JSON.stringify(aspectTaskEvent(callback));
        return ingest(endpoint, body, svixHeaders(endpoint.secret, body));
      }),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(30).fill(200));
    const events = await eventsOf(endpoint.id);
    expect(events).toHaveLength(30);
    for (const taskId of taskIds) {
      const job = await jobOf(endpoint.id, taskId);
      expect(job).toMatchObject({ state: "completed", eventCount: 10 });
      const own = events.filter((e) => e.externalJobId === taskId);
      expect(own.every((e) => e.jobId === job.id)).toBe(true);
      // The job was first seen with the earliest of its requests, whichever committed first.
      const receipts = own.map((e) => e.firstReceivedAt).sort();
      expect([job.firstSeenAt, job.lastEventAt], taskId).toEqual([receipts[0], receipts[9]]);
    }
  });

  it("without a preset key (generic, no config) the body's sha256 is the key", async () => {
    const endpoint = await createEndpoint({ name: name("generic"), provider: "generic" });
    const same = JSON.stringify({ render: "r-1", state: "done" });
    const a = await ingestOk(endpoint, same);
    const b = await ingestOk(endpoint, same);
    expect(b.eventId).toBe(a.eventId);
    const c = await ingestOk(
      endpoint,
      JSON.stringify({ render: "r-1", state: "done", attempt: 2 }),
    );
    expect(c.eventId).not.toBe(a.eventId);

    const events = await eventsOf(endpoint.id);
    expect(events).toHaveLength(2);
    expect(events.find((e) => e.id === a.eventId)?.deliveryCount).toBe(2);
    expect(events.find((e) => e.id === c.eventId)?.deliveryCount).toBe(1);
  });

  it("10 identical generic bodies at once are one event too", async () => {
    const endpoint = await createEndpoint({ name: name("generic"), provider: "generic" });
    const body = JSON.stringify({ anything: randomUUID() });
    const answers = await Promise.all(Array.from({ length: 10 }, () => ingest(endpoint, body)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    const events = await eventsOf(endpoint.id);
    expect(events.map((e) => e.deliveryCount)).toEqual([10]);
  });
});

describe("job state moves only forward", () => {
  it("Aspect task.progress -> processing", async () => {
    const endpoint = await aspectEndpoint();
    await sendAspect(
      endpoint,
      progress("t-proc", "2025-01-01T12:00:00Z", {
        transcription: "processing",
        visual: "queued",
        preview: "completed",
        proxy: "na",
      }),
    );
    expect(await jobOf(endpoint.id, "t-proc")).toMatchObject({
      state: "processing",
      outputUrl: null,
      error: null,
    });
  });

  it("Aspect task.progress with every feature queued -> queued, then forward to processing, never back", async () => {
    const endpoint = await aspectEndpoint();
    const allQueued = {
      transcription: "queued",
      visual: "queued",
      preview: "queued",
      proxy: "queued",
    } as const;
    await sendAspect(endpoint, progress("t-queue", "2025-01-01T12:00:00Z", allQueued));
    expect((await jobOf(endpoint.id, "t-queue")).state).toBe("queued");

    await sendAspect(endpoint, progress("t-queue", "2025-01-01T12:01:00Z"));
    expect((await jobOf(endpoint.id, "t-queue")).state).toBe("processing");

    await sendAspect(endpoint, progress("t-queue", "2025-01-01T12:02:00Z", allQueued));
    expect((await jobOf(endpoint.id, "t-queue")).state).toBe("processing");
  });

  it("completed, then a late progress stamped earlier -> stays completed", async () => {
    const endpoint = await aspectEndpoint();
    await sendAspect(endpoint, completed("t-late", "2025-01-01T10:00:00Z"));
    await sendAspect(endpoint, progress("t-late", "2025-01-01T09:58:00Z"));
    const job = await jobOf(endpoint.id, "t-late");
    expect(job).toMatchObject({ state: "completed", eventCount: 2 });
  });

  it("completed, then a progress stamped later -> stays completed (progress never undoes a terminal state)", async () => {
    const endpoint = await aspectEndpoint();
    await sendAspect(endpoint, completed("t-after", "2025-01-01T10:00:00Z"));
    await sendAspect(endpoint, progress("t-after", "2025-01-01T10:05:00Z"));
    expect((await jobOf(endpoint.id, "t-after")).state).toBe("completed");
  });

  it("completed (10:00), then failed (10:05) -> failed: a newer terminal state wins", async () => {
    const endpoint = await aspectEndpoint();
    await sendAspect(endpoint, completed("t-newer", "2025-01-01T10:00:00Z"));
    await sendAspect(endpoint, failed("t-newer", "2025-01-01T10:05:00Z"));
    const job = await jobOf(endpoint.id, "t-newer");
    expect(job.state).toBe("failed");
    expect(job.error).toContain("transcription");
  });

  it("failed (10:05), then completed (10:00) arriving later -> stays failed", async () => {
    const endpoint = await aspectEndpoint();
    await sendAspect(endpoint, failed("t-older", "2025-01-01T10:05:00Z"));
    await sendAspect(endpoint, completed("t-older", "2025-01-01T10:00:00Z"));
    const job = await jobOf(endpoint.id, "t-older");
    expect(job.state).toBe("failed");
    expect(job.error).toContain("transcription");
    expect(job.eventCount).toBe(2);
  });

  it("without provider timestamps (Clipzy) the first terminal state wins: completed then failed -> completed", async () => {
    const endpoint = await createEndpoint({ name: name("clipzy"), provider: "clipzy" });
    await sendClipzy(endpoint, "job_first", "completed");
    await sendClipzy(endpoint, "job_first", "failed");
    expect(await jobOf(endpoint.id, "job_first")).toMatchObject({
      state: "completed",
      outputUrl: "file:///storage/job_first/output.mp4",
      error: null,
      eventCount: 2,
    });
  });

  it("a delivery that fails verification never moves the job", async () => {
    const endpoint = await aspectEndpoint();
    await sendAspect(endpoint, completed("t-forged", "2025-01-01T10:00:00Z"));
    const forged = JSON.stringify(aspectTaskEvent(failed("t-forged", "2025-01-01T11:00:00Z")));
    const answer = await ingest(endpoint, forged, svixHeaders(newStandardWebhooksSecret(), forged));
    expect(answer.status).toBe(401);
    expect(await jobOf(endpoint.id, "t-forged")).toMatchObject({ state: "completed", error: null });
  });

  it("a delivery that fails verification creates no job", async () => {
    const endpoint = await aspectEndpoint();
    const forged = JSON.stringify(aspectTaskEvent(completed("t-never", "2025-01-01T10:00:00Z")));
    expect(
      (await ingest(endpoint, forged, svixHeaders(newStandardWebhooksSecret(), forged))).status,
    ).toBe(401);
    expect(await jobsOf(endpoint.id)).toEqual([]);
    const events = await eventsOf(endpoint.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ jobId: null, verification: "failed" });
  });

  it("Descript result.status success -> completed with project_url as the output", async () => {
    const endpoint = await createEndpoint({ name: name("descript"), provider: "descript" });
    await ingestOk(
      endpoint,
      JSON.stringify(descriptJob({ jobId: "dj-ok", result: { status: "success" } })),
    );
    expect(await jobOf(endpoint.id, "dj-ok")).toMatchObject({
      state: "completed",
      outputUrl: "https://web.descript.com/prj_7f3a9c",
      error: null,
    });
  });

  it("JSON2Video status error -> failed with its message as the error", async () => {
    const endpoint = await createEndpoint({ name: name("json2video"), provider: "json2video" });
    await ingestOk(
      endpoint,
      JSON.stringify(json2videoError("p-err", "Source image could not be downloaded")),
    );
    expect(await jobOf(endpoint.id, "p-err")).toMatchObject({
      state: "failed",
      outputUrl: null,
      error: "Source image could not be downloaded",
    });
  });
});

describe("a job's events come in provider order", () => {
  it("GET /api/jobs/<id> lists events by provider timestamp, not by arrival", async () => {
    const endpoint = await aspectEndpoint();
    const done = await sendAspect(endpoint, completed("t-order", "2025-01-01T12:10:00Z"));
    const early = await sendAspect(endpoint, progress("t-order", "2025-01-01T12:00:00Z"));
    const middle = await sendAspect(
      endpoint,
      progress("t-order", "2025-01-01T12:05:00Z", {
        transcription: "completed",
        visual: "processing",
      }),
    );

    const job = await getJob((await jobOf(endpoint.id, "t-order")).id);
    expect(job.events.map((e) => e.id)).toEqual([early.eventId, middle.eventId, done.eventId]);
    expect(job.events.map((e) => e.type)).toEqual([
      "task.progress",
      "task.progress",
      "task.completed",
    ]);
    expect(job.state).toBe("completed");
    expect(job.eventCount).toBe(3);
  });
});

describe("callbacks without a job", () => {
  it("a body that is not JSON is an event with jobId null, payload null, and no job", async () => {
    const endpoint = await createEndpoint({ name: name("clipzy"), provider: "clipzy" });
    const { eventId } = await ingestOk(endpoint, "job_id=job_form&status=completed", {
      "content-type": "application/x-www-form-urlencoded",
    });
    const event = await getEvent(eventId);
    expect(event).toMatchObject({
      jobId: null,
      externalJobId: null,
      payload: null,
      deliveryCount: 1,
    });
    expect(await jobsOf(endpoint.id)).toEqual([]);
  });

  it("JSON without a job id is an event with jobId null, its payload kept, and no job", async () => {
    const endpoint = await createEndpoint({ name: name("clipzy"), provider: "clipzy" });
    const payload = { status: "completed", progress_percent: 100 };
    const { eventId } = await ingestOk(endpoint, JSON.stringify(payload));
    expect(await getEvent(eventId)).toMatchObject({ jobId: null, externalJobId: null, payload });
    expect(await jobsOf(endpoint.id)).toEqual([]);
  });
});

describe("GET /api/events pagination", () => {
  async function endpointWithEvents(
    count: number,
  ): Promise<{ endpoint: CreatedEndpoint; sentIds: string[] }> {
    const endpoint = await createEndpoint({ name: name("paged"), provider: "generic" });
    const sentIds: string[] = [];
    for (let i = 0; i < count; i++) {
      sentIds.push((await ingestOk(endpoint, JSON.stringify({ n: i }))).eventId);
      await sleep(3); // distinct firstReceivedAt, so "newest first" is checkable by send order
    }
    return { endpoint, sentIds };
  }

  it("7 events with limit=3: pages of 3, 3, 1, newest first, no duplicates, nextCursor null at the end", async () => {
    const { endpoint, sentIds } = await endpointWithEvents(7);
    const pages = await allPages<EventSummary>(`/api/events?endpointId=${endpoint.id}`, 3);
    expect(Object.keys(pages[0]?.[0] ?? {})).toEqual(
      expect.arrayContaining([
        "id",
        "endpointId",
        "jobId",
        "type",
        "verification",
        "deliveryCount",
        "firstReceivedAt",
        "lastReceivedAt",
      ]),
    );
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    const ids = pages.flat().map((e) => e.id);
    expect(new Set(ids).size).toBe(7);
    expect(ids).toEqual([...sentIds].reverse());
    const times = pages.flat().map((e) => Date.parse(e.firstReceivedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const whole = await listEvents({ endpointId: endpoint.id, limit: 7 });
    expect(whole.items).toHaveLength(7);
    expect(whole.nextCursor).toBeNull();
  });

  it("a cursor keeps its place while newer events arrive", async () => {
    const { endpoint, sentIds } = await endpointWithEvents(4);
    const first = await listEvents({ endpointId: endpoint.id, limit: 2 });
    expect(first.nextCursor).not.toBeNull();
    await ingestOk(endpoint, JSON.stringify({ n: "newer" }));
    const second = await listEvents({
      endpointId: endpoint.id,
      limit: 2,
      cursor: first.nextCursor ?? "",
    });
    expect(second.items.map((e) => e.id)).toEqual([sentIds[1], sentIds[0]]);
    expect(second.nextCursor).toBeNull();
  });

  it.each([
    ["garbage", "not-a-cursor"],
    [
      "base64 of JSON in the wrong shape",
      Buffer.from(JSON.stringify({ at: "x" })).toString("base64url"),
    ],
    [
      "base64 of a tuple with a bad date",
      Buffer.from(JSON.stringify(["yesterday", "evt_x"])).toString("base64url"),
    ],
  ])("an invalid cursor (%s) -> 400 invalid_cursor", async (_label, cursor) => {
    for (const list of ["events", "jobs"]) {
      const { status, body } = await apiJson(`/api/${list}?cursor=${encodeURIComponent(cursor)}`);
      expect(status, list).toBe(400);
      expectApiError(body, "invalid_cursor");
    }
  });

  it.each(["0", "1000", "-1", "abc", "2.5"])("limit=%s -> 400 validation_failed", async (limit) => {
    for (const list of ["events", "jobs"]) {
      const { status, body } = await apiJson(`/api/${list}?limit=${limit}`);
      expect(status, list).toBe(400);
      expectApiError(body, "validation_failed");
      expect((body as { error: { message: string } }).error.message).toContain("limit");
    }
  });
});

describe("GET /api/events/<id> pages its deliveries", () => {
  type DeliveryPage = {
    deliveryCount: number;
    deliveries: Array<{ id: string; receivedAt: string }>;
    deliveriesNextCursor: string | null;
  };

  it("an event with 60 deliveries: pages of 50 and 10, oldest first, no duplicates, then nextCursor null", async () => {
    // A sender that retries one callback without end must not make one answer unbounded.
    const endpoint = await createEndpoint({ name: name("clipzy"), provider: "clipzy" });
    const body = JSON.stringify(clipzyJob("job_many_deliveries", "completed"));
    const sent: string[] = [];
    for (let i = 0; i < 6; i++) {
      const answers = await Promise.all(Array.from({ length: 10 }, () => ingestOk(endpoint, body)));
      sent.push(...answers.map((a) => a.deliveryId));
    }
    const eventId = (await eventsOf(endpoint.id))[0]?.id ?? "";

    const first = await apiJson<DeliveryPage>(`/api/events/${eventId}`);
    expect(first.status).toBe(200);
    expect(first.body.deliveryCount).toBe(60);
    expect(first.body.deliveries).toHaveLength(50);
    expect(first.body.deliveriesNextCursor).toEqual(expect.any(String));
    const second = await apiJson<DeliveryPage>(
      `/api/events/${eventId}?deliveriesCursor=${encodeURIComponent(first.body.deliveriesNextCursor ?? "")}`,
    );
    expect(second.status).toBe(200);
    expect(second.body.deliveries).toHaveLength(10);
    expect(second.body.deliveriesNextCursor).toBeNull();

    const all = [...first.body.deliveries, ...second.body.deliveries];
    expect(all.map((d) => d.id).sort()).toEqual([...sent].sort());
    const order = all.map((d) => `${d.receivedAt} ${d.id}`);
    expect(order).toEqual([...order].sort());

    const small = await apiJson<DeliveryPage>(`/api/events/${eventId}?deliveriesLimit=7`);
    expect(small.body.deliveries.map((d) => d.id)).toEqual(
      first.body.deliveries.slice(0, 7).map((d) => d.id),
    );
    const bad = await apiJson(`/api/events/${eventId}?deliveriesCursor=not-a-cursor`);
    expect(bad.status).toBe(400);
    expectApiError(bad.body, "invalid_cursor");
  });
});

describe("GET /api/events filters", () => {
  it("endpointId: only that endpoint's events", async () => {
    const a = await createEndpoint({ name: name("a"), provider: "generic" });
    const b = await createEndpoint({ name: name("b"), provider: "generic" });
    const fromA = await ingestOk(a, JSON.stringify({ from: "a" }));
    const fromB = await ingestOk(b, JSON.stringify({ from: "b" }));
    expect((await eventsOf(a.id)).map((e) => e.id)).toEqual([fromA.eventId]);
    expect((await eventsOf(b.id)).map((e) => e.id)).toEqual([fromB.eventId]);
  });

  it("jobId and type", async () => {
    const endpoint = await createEndpoint({ name: name("clipzy"), provider: "clipzy" });
    const aDone = await sendClipzy(endpoint, "job_a", "completed");
    const aFailed = await sendClipzy(endpoint, "job_a", "failed");
    const bDone = await sendClipzy(endpoint, "job_b", "completed");
    const jobA = await jobOf(endpoint.id, "job_a");

    const ofJobA = await listEvents({ jobId: jobA.id });
    expect(ofJobA.items.map((e) => e.id).sort()).toEqual([aDone.eventId, aFailed.eventId].sort());
    expect(ofJobA.items.every((e) => e.jobId === jobA.id && e.externalJobId === "job_a")).toBe(
      true,
    );

    const completedType = await listEvents({ endpointId: endpoint.id, type: "completed" });
    expect(completedType.items.map((e) => e.id).sort()).toEqual(
      [aDone.eventId, bDone.eventId].sort(),
    );
    const failedType = await listEvents({ endpointId: endpoint.id, type: "failed" });
    expect(failedType.items.map((e) => e.id)).toEqual([aFailed.eventId]);
    expect((await listEvents({ endpointId: endpoint.id, type: "no-such-type" })).items).toEqual([]);
  });

  it("verification: verified, failed and unsigned", async () => {
    const token = `tok_${randomUUID()}`;
    const guarded = await createEndpoint({
      name: name("json2video token"),
      provider: "json2video",
      secrets: [token],
    });
    const open = await createEndpoint({ name: name("json2video open"), provider: "json2video" });
    const good = await ingestOk(
      guarded,
      JSON.stringify(json2videoDone("p-good")),
      bearerHeaders(token),
    );
    const bad = await ingest(
      guarded,
      JSON.stringify(json2videoDone("p-bad")),
      bearerHeaders("wrong-token"),
    );
    expect(bad.status).toBe(401);
    const unsigned = await ingestOk(open, JSON.stringify(json2videoDone("p-open")));

    const ids = async (endpointId: string, verification: string) =>
      (await listEvents({ endpointId, verification })).items.map((e) => e.id);
    expect(await ids(guarded.id, "verified")).toEqual([good.eventId]);
    const [badDelivery] = await queryAppDb<{ event_id: string }>(
      "SELECT event_id FROM deliveries WHERE id = $1",
      [bad.body.deliveryId],
    );
    expect(await ids(guarded.id, "failed")).toEqual([badDelivery?.event_id]);
    expect(await ids(guarded.id, "unsigned")).toEqual([]);
    expect(await ids(open.id, "unsigned")).toEqual([unsigned.eventId]);
    expect(await ids(open.id, "verified")).toEqual([]);

    const invalid = await apiJson("/api/events?verification=maybe");
    expect(invalid.status).toBe(400);
    expectApiError(invalid.body, "validation_failed");
  });
});

describe("GET /api/jobs", () => {
  it("filters by endpointId and state, pages newest first", async () => {
    const endpoint = await createEndpoint({ name: name("clipzy jobs"), provider: "clipzy" });
    const outcomes = ["completed", "failed", "completed", "failed", "completed"] as const;
    for (const [i, status] of outcomes.entries()) {
      await sendClipzy(endpoint, `job_${i + 1}`, status);
      await sleep(3); // distinct firstSeenAt
    }
    const external = (jobs: JobView[]) => jobs.map((j) => j.externalId);

    const failedJobs = await listJobs({ endpointId: endpoint.id, state: "failed" });
    expect(external(failedJobs.items)).toEqual(["job_4", "job_2"]);
    const completedJobs = await listJobs({ endpointId: endpoint.id, state: "completed" });
    expect(external(completedJobs.items)).toEqual(["job_5", "job_3", "job_1"]);
    expect((await listJobs({ endpointId: endpoint.id, state: "queued" })).items).toEqual([]);

    const pages = await allPages<JobView>(`/api/jobs?endpointId=${endpoint.id}`, 2);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(external(pages.flat())).toEqual(["job_5", "job_4", "job_3", "job_2", "job_1"]);

    const statePages = await allPages<JobView>(
      `/api/jobs?endpointId=${endpoint.id}&state=completed`,
      2,
    );
    expect(statePages.map(external)).toEqual([["job_5", "job_3"], ["job_1"]]);

    const invalid = await apiJson("/api/jobs?state=exploded");
    expect(invalid.status).toBe(400);
    expectApiError(invalid.body, "validation_failed");
  });

  it("a job has id, endpointId, provider, externalId, state, outputUrl, error, eventCount, firstSeenAt, lastEventAt", async () => {
    const endpoint = await createEndpoint({ name: name("clipzy fields"), provider: "clipzy" });
    const first = await sendClipzy(endpoint, "job_fields", "completed");
    await sleep(3);
    const second = await sendClipzy(endpoint, "job_fields", "cancelled");
    const [firstEvent, secondEvent] = [
      await getEvent(first.eventId),
      await getEvent(second.eventId),
    ];

    const [job] = await jobsOf(endpoint.id);
    expect(job).toMatchObject({
      endpointId: endpoint.id,
      provider: "clipzy",
      externalId: "job_fields",
      state: "completed",
      outputUrl: "file:///storage/job_fields/output.mp4",
      error: null,
      eventCount: 2,
      firstSeenAt: firstEvent.firstReceivedAt,
      lastEventAt: secondEvent.lastReceivedAt,
    });
    expect(job?.id).toMatch(/^job_/);
    expect(firstEvent.jobId).toBe(job?.id);
    expect(secondEvent.jobId).toBe(job?.id);

    const detail = await getJob(job?.id ?? "");
    const { events, ...summary } = detail;
    expect(summary).toEqual(job);
    expect(events.map((e) => e.id)).toEqual([first.eventId, second.eventId]);
    // The same event fields as the events list (which adds what an Inbox row shows of endpoint and job).
    const listed = (await listEvents({ jobId: job?.id ?? "" })).items as Array<
      EventSummary & { endpointName: string; provider: string; jobState: string | null }
    >;
    expect(events).toEqual(
      [...listed]
        .reverse()
        .map(({ endpointName: _name, provider: _provider, jobState: _state, ...fields }) => fields),
    );
    expect(listed.map((e) => [e.endpointName, e.provider, e.jobState])).toEqual(
      listed.map(() => [endpoint.name, "clipzy", "completed"]),
    );
  });
});

describe("GET /api/events/<id>", () => {
  it("returns the event, its payload and every delivery with the request as it arrived", async () => {
    const token = `tok_${randomUUID()}`;
    const endpoint = await createEndpoint({
      name: name("detail"),
      provider: "json2video",
      secrets: [token],
    });
    const payload = json2videoDone("p-detail");
    const body = Buffer.from(JSON.stringify(payload));
    const sentHeaders = [
      "Content-Type",
      "application/json",
      "Authorization",
      `Bearer ${token}`,
      "X-Trace",
      "one",
      "x-trace",
      "two",
      "X-Mixed-Case",
      "Yes",
    ];

    const accepted = await sendRawHeaders({
      path: `/in/${endpoint.key}/render/hooks?listing=L-4821&retry=0`,
      method: "PUT",
      headers: sentHeaders,
      body,
    });
    expect(accepted.status).toBe(200);
    await sleep(3);
    // Same project and status: a retry of the same event, this time with a wrong token.
    const refused = await ingest(endpoint, body, bearerHeaders("wrong"));
    expect(refused.status).toBe(401);

    const event = await getEvent(accepted.body.eventId ?? "");
    expect(event).toMatchObject({
      id: accepted.body.eventId,
      endpointId: endpoint.id,
      type: "done",
      verification: "verified",
      deliveryCount: 2,
      payload,
    });
    expect(event.jobId).toMatch(/^job_/);
    expect(Date.parse(event.lastReceivedAt)).toBeGreaterThan(Date.parse(event.firstReceivedAt));

    const [good, bad] = event.deliveries;
    expect(Object.keys(good ?? {})).toEqual(
      expect.arrayContaining([
        "id",
        "receivedAt",
        "method",
        "path",
        "query",
        "headers",
        "size",
        "bodySha256",
        "verification",
        "verificationReason",
        "responseStatus",
      ]),
    );
    expect(good).toMatchObject({
      id: accepted.body.deliveryId,
      receivedAt: event.firstReceivedAt,
      method: "PUT",
      path: "/render/hooks",
      query: "listing=L-4821&retry=0",
      size: body.byteLength,
      bodySha256: sha256Hex(body),
      verification: "verified",
      responseStatus: 200,
    });
    expect(good?.verificationReason).toEqual(expect.any(String));
    // Headers in arrival order with their case, the repeated X-Trace kept as two entries.
    // (Authorization is left out: whether the API shows a token verbatim is not settled.)
    const ours = new Set(["content-type", "x-trace", "x-mixed-case"]);
    expect(good?.headers.filter(([n]) => ours.has(n.toLowerCase()))).toEqual([
      ["Content-Type", "application/json"],
      ["X-Trace", "one"],
      ["x-trace", "two"],
      ["X-Mixed-Case", "Yes"],
    ]);

    expect(bad).toMatchObject({
      id: refused.body.deliveryId,
      receivedAt: event.lastReceivedAt,
      method: "POST",
      path: "",
      query: "",
      size: body.byteLength,
      bodySha256: sha256Hex(body),
      verification: "failed",
      responseStatus: 401,
    });
    expect(bad?.verificationReason).toMatch(/authorization/i);
  });

  it("answers 404 not_found for unknown event, job and delivery ids", async () => {
    for (const path of [
      "/api/events/evt_unknown000000000000",
      "/api/jobs/job_unknown000000000000",
      "/api/deliveries/dlv_unknown000000000000/raw",
    ]) {
      const response = await api(path);
      expect(response.status, path).toBe(404);
      expectApiError(await response.json(), "not_found");
    }
  });
});

describe("GET /api/deliveries/<id>/raw", () => {
  async function expectRawDownload(deliveryId: string, bytes: Buffer) {
    const response = await api(`/api/deliveries/${deliveryId}/raw`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment(;|$)/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
  }

  it("returns a JSON body's exact bytes (whitespace and key order as sent)", async () => {
    const endpoint = await createEndpoint({ name: name("raw json"), provider: "clipzy" });
    const bytes = Buffer.from(
      '{ "status":"completed",\n  "job_id" : "job_raw",  "note": "caf\\u00e9 \u00e9" }\r\n',
    );
    const { deliveryId } = await ingestOk(endpoint, bytes);
    await expectRawDownload(deliveryId, bytes);
  });

  it("returns non-UTF-8 bytes exactly; such a signed body still verifies and makes an event without a job", async () => {
    const endpoint = await aspectEndpoint();
    const bytes = Buffer.from([
      0xff, 0xfe, 0x00, 0x80, 0xc3, 0x28, 0x7b, 0x22, 0x0a, 0xf0, 0x9f, 0x98,
    ]);
    const answer = await ingest(endpoint, bytes, {
      ...svixHeaders(endpoint.secret, bytes),
      "content-type": "application/octet-stream",
    });
    expect(answer.status).toBe(200);
    expect(answer.body.verification).toBe("verified");
    await expectRawDownload(answer.body.deliveryId, bytes);

    const event = await getEvent(answer.body.eventId ?? "");
    expect(event).toMatchObject({ jobId: null, payload: null, verification: "verified" });
    expect(event.deliveries[0]).toMatchObject({
      size: bytes.byteLength,
      bodySha256: sha256Hex(bytes),
    });
    expect(await jobsOf(endpoint.id)).toEqual([]);
  });

  it("keeps a failed delivery's bytes too", async () => {
    const endpoint = await aspectEndpoint();
    const bytes = Buffer.from(
      JSON.stringify(aspectTaskEvent(completed("t-raw-failed", "2025-01-01T10:00:00Z"))),
    );
    const answer = await ingest(endpoint, bytes, {
      "svix-id": newMessageId(),
      "svix-timestamp": "1",
      "svix-signature": "v1,bad",
    });
    expect(answer.status).toBe(401);
    await expectRawDownload(answer.body.deliveryId, bytes);
  });
});
