// The Endpoints page's usage (lib/usage/data.ts getEndpointsUsage): big endpoints show the
// queue's last counts (endpoint_usage_counts, kept by recountEndpointsUsage), small ones,
// ones never counted and ones whose retention window changed are counted live. Run in the
// test worker's process against the shared app's database, like ingest-commit-groups: the
// page's choice is not visible over the JSON API, which always counts live. The shared
// app's worker recounts too (at start and every five minutes), so each case reads the
// stored row it compares with, or marks it, right before asking.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { apiJson, createEndpoint, queryAppDb, sendCallback } from "@/tests/support/api";
import { TEST_RETENTION_ENV, TEST_SECRET_KEY } from "@/tests/support/app-server";
import { clipzyJob } from "@/tests/support/callbacks-payloads";

let usageData: typeof import("@/lib/usage/data");
let usageMutations: typeof import("@/lib/usage/mutations");
beforeAll(async () => {
  // lib/env reads the environment once, on first use: set it before loading lib code.
  process.env.DATABASE_URL = inject("appDatabaseUrl");
  process.env.INBOX_SECRET_KEY = TEST_SECRET_KEY;
  // The windows the shared app counts with: stored counts taken under others are not used.
  Object.assign(process.env, TEST_RETENTION_ENV);
  usageData = await import("@/lib/usage/data");
  usageMutations = await import("@/lib/usage/mutations");
});
afterAll(async () => {
  const { getPool } = await import("@/lib/db/client");
  await getPool().end();
});

async function endpointWith(deliveries: number) {
  const endpoint = await createEndpoint({
    name: `usage ${randomUUID().slice(0, 8)}`,
    provider: "clipzy",
    rateLimitPerSecond: null,
  });
  for (let i = 0; i < deliveries; i++) await send(endpoint);
  return endpoint;
}

async function send(endpoint: { key: string }) {
  const response = await sendCallback(
    endpoint,
    JSON.stringify(clipzyJob(randomUUID(), "completed")),
  );
  expect(response.status).toBe(200);
}

/** Marks an endpoint's stored count, so an answer that used it cannot be a live count. */
async function markStored(endpointId: string, deliveries: number) {
  await queryAppDb(
    "UPDATE endpoint_usage_counts SET deliveries = $2, counted_at = now() - interval '3 minutes' WHERE endpoint_id = $1",
    [endpointId, deliveries],
  );
}

describe("usage on the Endpoints page", () => {
  it("a recount stores each endpoint's numbers, equal to a live count", async () => {
    const endpoint = await endpointWith(3);
    const now = new Date();
    await usageMutations.recountEndpointsUsage(now);
    const [row] = await queryAppDb<{
      deliveries: string;
      events: string;
      jobs: string;
      bytes: string;
      counted_at: Date;
    }>(
      "SELECT deliveries, events, jobs, bytes, counted_at FROM endpoint_usage_counts WHERE endpoint_id = $1",
      [endpoint.id],
    );
    const live = await usageData.getEndpointUsage(endpoint.id);
    expect(row).toMatchObject({
      deliveries: String(live.deliveries),
      events: String(live.events),
      jobs: String(live.jobs),
      bytes: String(live.bytes),
    });
    expect(live.deliveries).toBe(3);
    expect(row?.counted_at.getTime()).toBeGreaterThanOrEqual(now.getTime() - 1);
  });

  it("shows a big endpoint's stored count with its age, and a small one's live", async () => {
    const small = await endpointWith(1);
    const big = await endpointWith(3);
    await usageMutations.recountEndpointsUsage();
    await send(small);
    await send(big);
    await markStored(big.id, 1_000);
    // Room for the small endpoint's 1 delivery (now 2) but not the big one's 1,000.
    const usage = await usageData.getEndpointsUsage([small.id, big.id], { liveCountLimit: 500 });
    expect(usage.get(small.id)).toMatchObject({ deliveries: 2, countedAt: null });
    expect(usage.get(big.id)?.deliveries).toBe(1_000);
    const age = Date.now() - (usage.get(big.id)?.countedAt?.getTime() ?? 0);
    expect(age).toBeGreaterThan(170_000);
    expect(age).toBeLessThan(240_000);
    // With room for both, both are live.
    const roomy = await usageData.getEndpointsUsage([small.id, big.id], { liveCountLimit: 2_000 });
    expect(roomy.get(big.id)).toMatchObject({ deliveries: 4, countedAt: null });
  });

  it("the usage API answers a big endpoint's stored count with countedAt, a small one's live", async () => {
    const endpoint = await endpointWith(2);
    const usage = () =>
      apiJson<{ deliveries: number; countedAt: string | null }>(
        `/api/endpoints/${endpoint.id}/usage`,
      );
    expect((await usage()).body).toMatchObject({ deliveries: 2, countedAt: null });
    await usageMutations.recountEndpointsUsage();
    // More than the shared app's INBOX_USAGE_LIVE_COUNT_LIMIT (200,000) at the last count.
    await markStored(endpoint.id, 1_000_000);
    const { body } = await usage();
    expect(body.deliveries).toBe(1_000_000);
    const age = Date.now() - Date.parse(body.countedAt ?? "");
    expect(age).toBeGreaterThan(170_000);
    expect(age).toBeLessThan(240_000);
  });

  it("counts live an endpoint never counted, and one whose retention window changed", async () => {
    const fresh = await endpointWith(2);
    await queryAppDb("DELETE FROM endpoint_usage_counts WHERE endpoint_id = $1", [fresh.id]);
    const never = await usageData.getEndpointsUsage([fresh.id], { liveCountLimit: 0 });
    expect(never.get(fresh.id)).toMatchObject({ deliveries: 2, countedAt: null });

    await usageMutations.recountEndpointsUsage();
    await markStored(fresh.id, 1_000);
    const stored = await usageData.getEndpointsUsage([fresh.id], { liveCountLimit: 0 });
    expect(stored.get(fresh.id)?.deliveries).toBe(1_000);

    const { status } = await apiJson(`/api/endpoints/${fresh.id}`, {
      method: "PATCH",
      body: JSON.stringify({ retentionDays: 14 }),
    });
    expect(status).toBe(200);
    const changed = await usageData.getEndpointsUsage([fresh.id], { liveCountLimit: 0 });
    expect(changed.get(fresh.id)).toMatchObject({
      deliveries: 2,
      countedAt: null,
      retention: { setting: 14, days: 14 },
    });
  });

  it("drops the counts of an endpoint that is deleted", async () => {
    const endpoint = await endpointWith(1);
    await usageMutations.recountEndpointsUsage();
    await queryAppDb("DELETE FROM endpoints WHERE id = $1", [endpoint.id]);
    await usageMutations.recountEndpointsUsage();
    const rows = await queryAppDb("SELECT 1 FROM endpoint_usage_counts WHERE endpoint_id = $1", [
      endpoint.id,
    ]);
    expect(rows).toEqual([]);
  });
});
