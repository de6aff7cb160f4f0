// GET /api/events filters of the Inbox (provider, jobState, from/to, q) and the new
// row fields. Other test files share the server, so every query is scoped to this
// file's endpoints or to a marker only this run's payloads contain.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { apiJson, createEndpoint, queryAppDb, type CreatedEndpoint } from "@/tests/support/api";
import {
  allPages,
  expectApiError,
  ingest,
  ingestOk,
  listEvents,
} from "@/tests/support/callbacks-inbox";
import { aspectTaskEvent, clipzyJob } from "@/tests/support/callbacks-payloads";
import { newStandardWebhooksSecret, svixHeaders } from "@/tests/support/callbacks-signing";

type ListedEvent = {
  id: string;
  endpointId: string;
  jobId: string | null;
  externalJobId: string | null;
  verification: string;
  deliveryCount: number;
  firstReceivedAt: string;
  endpointName: string;
  provider: string;
  jobState: string | null;
};

const run = randomUUID().slice(0, 8);
let clipzy: CreatedEndpoint;
let aspect: CreatedEndpoint & { secret: string };
const ids: Record<string, string> = {};
let before: string;
let after: string;

const list = async (query: Record<string, string | number>) =>
  (await listEvents(query)).items as unknown as ListedEvent[];
const idsOf = (items: Array<{ id: string }>) => items.map((item) => item.id).sort();

beforeAll(async () => {
  before = new Date(Date.now() - 1_000).toISOString();
  clipzy = await createEndpoint({ name: `search clipzy ${run}`, provider: "clipzy" });
  const secret = newStandardWebhooksSecret();
  aspect = {
    ...(await createEndpoint({
      name: `search aspect ${run}`,
      provider: "aspect",
      secrets: [secret],
    })),
    secret,
  };

  ids.done = (
    await ingestOk(clipzy, JSON.stringify(clipzyJob(`done-Marker-${run}`, "completed")))
  ).eventId;
  ids.failed = (
    await ingestOk(clipzy, JSON.stringify(clipzyJob(`broken-${run}`, "failed")))
  ).eventId;
  ids.percent = (
    await ingestOk(clipzy, JSON.stringify(clipzyJob(`pct-100%-${run}`, "completed")))
  ).eventId;
  ids.underscore = (
    await ingestOk(clipzy, JSON.stringify(clipzyJob(`und-1_0-${run}`, "completed")))
  ).eventId;
  // A duplicate delivery of the first callback: same event, count 2.
  await ingestOk(clipzy, JSON.stringify(clipzyJob(`done-Marker-${run}`, "completed")));

  const body = JSON.stringify(
    aspectTaskEvent({
      taskId: `task-${run}`,
      eventType: "task.completed",
      features: { transcription: "completed", visual: "completed" },
      updated: new Date().toISOString(),
    }),
  );
  ids.verified = (await ingestOk(aspect, body, svixHeaders(aspect.secret, body))).eventId;
  const forged = JSON.stringify(
    aspectTaskEvent({
      taskId: `forged-${run}`,
      eventType: "task.completed",
      features: { transcription: "completed", visual: "completed" },
      updated: new Date().toISOString(),
    }),
  );
  const rejected = await ingest(aspect, forged, svixHeaders(newStandardWebhooksSecret(), forged));
  expect(rejected.status).toBe(401);
  const [forgedRow] = await queryAppDb<{ event_id: string }>(
    "SELECT event_id FROM deliveries WHERE id = $1",
    [rejected.body.deliveryId],
  );
  ids.forged = String(forgedRow?.event_id);
  after = new Date(Date.now() + 1_000).toISOString();
});

describe("GET /api/events rows", () => {
  it("carry endpoint name, provider and job state next to the fields they always had", async () => {
    const [row] = await list({ endpointId: clipzy.id, q: `done-Marker-${run}` });
    expect(row).toEqual({
      id: ids.done,
      endpointId: clipzy.id,
      jobId: expect.stringMatching(/^job_/),
      externalJobId: `done-Marker-${run}`,
      type: "completed",
      state: "completed",
      verification: "unsigned",
      deliveryCount: 2,
      firstReceivedAt: expect.any(String),
      lastReceivedAt: expect.any(String),
      providerTimestamp: null,
      endpointName: `search clipzy ${run}`,
      provider: "clipzy",
      jobState: "completed",
    });
  });
});

describe("GET /api/events filters", () => {
  it("filters by provider (the endpoints of that provider)", async () => {
    expect(idsOf(await list({ provider: "aspect", q: run }))).toEqual(
      [ids.verified, ids.forged].sort(),
    );
    const clipzyRows = await list({ provider: "clipzy", q: run });
    expect(idsOf(clipzyRows)).toEqual([ids.done, ids.failed, ids.percent, ids.underscore].sort());
    expect(new Set(clipzyRows.map((row) => row.provider))).toEqual(new Set(["clipzy"]));
  });

  it("filters by the current state of the event's job", async () => {
    expect(idsOf(await list({ endpointId: clipzy.id, jobState: "failed" }))).toEqual([ids.failed]);
    expect(idsOf(await list({ endpointId: clipzy.id, jobState: "completed" }))).toEqual(
      [ids.done, ids.percent, ids.underscore].sort(),
    );
    expect(await list({ endpointId: clipzy.id, jobState: "processing" })).toEqual([]);
  });

  it("filters by verification outcome", async () => {
    expect(idsOf(await list({ endpointId: aspect.id, verification: "failed" }))).toEqual([
      ids.forged,
    ]);
    expect(idsOf(await list({ endpointId: aspect.id, verification: "verified" }))).toEqual([
      ids.verified,
    ]);
  });

  it("filters by time of first receipt: from inclusive, to exclusive", async () => {
    expect(await list({ endpointId: clipzy.id, from: after })).toEqual([]);
    expect(await list({ endpointId: clipzy.id, to: before })).toEqual([]);
    expect(await list({ endpointId: clipzy.id, from: before, to: after })).toHaveLength(4);
    const [newest] = await list({ endpointId: clipzy.id, limit: 1 });
    if (!newest) throw new Error("no events");
    expect(idsOf(await list({ endpointId: clipzy.id, from: newest.firstReceivedAt }))).toContain(
      newest.id,
    );
    expect(idsOf(await list({ endpointId: clipzy.id, to: newest.firstReceivedAt }))).not.toContain(
      newest.id,
    );
  });

  it("combines filters", async () => {
    expect(
      idsOf(
        await list({
          provider: "clipzy",
          jobState: "completed",
          q: `und-1_0-${run}`,
          from: before,
        }),
      ),
    ).toEqual([ids.underscore]);
    expect(await list({ provider: "aspect", q: `und-1_0-${run}` })).toEqual([]);
  });
});

describe("GET /api/events?q= payload search", () => {
  it("finds a substring of the payload, ignoring case", async () => {
    expect(idsOf(await list({ q: `done-marker-${run}` }))).toEqual([ids.done]);
    expect(idsOf(await list({ q: `DONE-MARKER-${run}`.toUpperCase() }))).toEqual([ids.done]);
  });

  it("treats % as a percent sign, not as 'anything'", async () => {
    // Unescaped, "0%-" would also match "1_0-" in the underscore job's id (terms are 3+ characters).
    expect(idsOf(await list({ endpointId: clipzy.id, q: "0%-" }))).toEqual([ids.percent]);
    expect(idsOf(await list({ q: `100%-${run}` }))).toEqual([ids.percent]);
  });

  it("treats _ as an underscore, not as 'any one character'", async () => {
    // Unescaped, "1_0" would also match "100" in the percent job's id.
    expect(idsOf(await list({ endpointId: clipzy.id, q: "1_0" }))).toEqual([ids.underscore]);
  });

  it("treats a backslash literally", async () => {
    expect(await list({ endpointId: clipzy.id, q: "\\\\\\" })).toEqual([]);
  });

  it("pages through search results with the cursor, newest first, without gaps or repeats", async () => {
    const unpaged = await list({ endpointId: clipzy.id, q: run });
    expect(unpaged).toHaveLength(4);
    const pages = await allPages<ListedEvent>(`/api/events?endpointId=${clipzy.id}&q=${run}`, 1);
    expect(pages.flat().map((row) => row.id)).toEqual(unpaged.map((row) => row.id));
    const times = unpaged.map((row) => row.firstReceivedAt);
    expect([...times].sort().reverse()).toEqual(times);
  });
});

describe("GET /api/events rejects bad filters", () => {
  it.each([
    ["an unknown provider", "provider=nope"],
    ["an unknown job state", "jobState=exploded"],
    ["an unknown verification", "verification=maybe"],
    ["a from that is not an ISO time", "from=yesterday"],
    ["a to that is not an ISO time", "to=2026-13-45"],
    ["an empty search", "q="],
    ["a blank search", "q=%20%20"],
    ["an overlong search", `q=${"x".repeat(201)}`],
  ])("400 validation_failed for %s", async (_label, query) => {
    const { status, body } = await apiJson(`/api/events?${query}`);
    expect(status).toBe(400);
    expectApiError(body, "validation_failed");
  });

  it.each(["a", "ab", "%20ab%20"])(
    "400 for a search of 1-2 characters (%s), saying to type at least 3",
    async (term) => {
      const { status, body } = await apiJson(`/api/events?q=${term}`);
      expect(status).toBe(400);
      expectApiError(body, "validation_failed");
      expect(JSON.stringify(body)).toContain("type at least 3 characters");
    },
  );
});
