// GET /api/jobs filters the jobs page uses: provider, and the "failed" view (failed,
// cancelled, and unfinished jobs silent for longer than staleMinutes), with keyset
// pages that never repeat or skip a job.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { apiJson, createEndpoint, queryAppDb, type CreatedEndpoint } from "@/tests/support/api";
import { ingestOk, type JobView, type Page } from "@/tests/support/callbacks-inbox";
import { aspectTaskEvent, clipzyJob } from "@/tests/support/callbacks-payloads";
import { newStandardWebhooksSecret, svixHeaders } from "@/tests/support/callbacks-signing";

let clipzy: CreatedEndpoint;
let aspect: CreatedEndpoint;
const id = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;
const ids = {
  completed: id("completed"),
  failed: id("failed"),
  cancelled: id("cancelled"),
  silent: id("silent"),
  busy: id("busy"),
};

async function jobs(query: Record<string, string>): Promise<string[]> {
  const { status, body } = await apiJson<Page<JobView>>(
    `/api/jobs?${new URLSearchParams({ limit: "200", ...query })}`,
  );
  expect(status, JSON.stringify(body)).toBe(200);
  return body.items.map((job) => job.externalId).sort();
}

beforeAll(async () => {
  clipzy = await createEndpoint({ name: id("clipzy"), provider: "clipzy" });
  for (const state of ["completed", "failed", "cancelled"] as const)
    await ingestOk(clipzy, JSON.stringify(clipzyJob(ids[state], state)));

  const secret = newStandardWebhooksSecret();
  aspect = await createEndpoint({ name: id("aspect"), provider: "aspect", secrets: [secret] });
  for (const taskId of [ids.silent, ids.busy]) {
    const body = JSON.stringify(
      aspectTaskEvent({
        taskId,
        eventType: "task.progress",
        features: { transcription: "processing" },
        updated: new Date().toISOString(),
      }),
    );
    await ingestOk(aspect, body, svixHeaders(secret, body));
  }
  // No callback for two hours: the way to get there without waiting.
  await queryAppDb(
    "UPDATE jobs SET last_event_at = now() - interval '2 hours' WHERE endpoint_id = $1 AND external_id = $2",
    [aspect.id, ids.silent],
  );
});

describe("GET /api/jobs filters", () => {
  it("view=failed lists failed, cancelled and silent unfinished jobs", async () => {
    const endpoints = [clipzy.id, aspect.id];
    const found = (
      await Promise.all(endpoints.map((endpointId) => jobs({ view: "failed", endpointId })))
    )
      .flat()
      .sort();
    expect(found).toEqual([ids.cancelled, ids.failed, ids.silent].sort());
  });

  it("staleMinutes moves the silence threshold", async () => {
    expect(await jobs({ view: "failed", endpointId: aspect.id, staleMinutes: "180" })).toEqual([]);
    expect(await jobs({ view: "failed", endpointId: aspect.id, staleMinutes: "60" })).toEqual([
      ids.silent,
    ]);
  });

  it("combines the view with state and provider", async () => {
    expect(await jobs({ view: "failed", endpointId: clipzy.id, state: "cancelled" })).toEqual([
      ids.cancelled,
    ]);
    expect(await jobs({ endpointId: clipzy.id, provider: "aspect" })).toEqual([]);
    expect(await jobs({ endpointId: aspect.id, provider: "aspect" })).toEqual(
      [ids.busy, ids.silent].sort(),
    );
  });

  it("pages through the failed view one job at a time without repeats", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = {
        view: "failed",
        endpointId: clipzy.id,
        limit: "1",
        ...(cursor ? { cursor } : {}),
      };
      const { body } = await apiJson<Page<JobView>>(`/api/jobs?${new URLSearchParams(query)}`);
      seen.push(...body.items.map((job) => job.externalId));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([ids.cancelled, ids.failed].sort());
  });

  it("rejects an unknown view or provider", async () => {
    for (const query of ["view=stuck", "provider=acme", "staleMinutes=0"]) {
      const { status } = await apiJson(`/api/jobs?${query}`);
      expect(status, query).toBe(400);
    }
  });
});
