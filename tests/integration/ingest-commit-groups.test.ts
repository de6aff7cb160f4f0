// Group commit (lib/ingest/mutations.ts, commit-groups.ts): callbacks stored together
// share one transaction, a broken one fails alone, and a group takes its rate tokens
// without letting more through than the bucket holds. Run in the test worker's process
// against the shared app's database, like test-callback.test.ts: over HTTP nothing tells
// which callbacks shared a commit, and nothing a sender can send makes the statement fail.
import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createEndpoint, queryAppDb } from "@/tests/support/api";
import { TEST_SECRET_KEY } from "@/tests/support/app-server";
import type { NewDelivery } from "@/lib/ingest/mutations";

let ingest: typeof import("@/lib/ingest/mutations");
let ids: typeof import("@/lib/ids/new-id");

beforeAll(async () => {
  // lib/env reads the environment once, on first use: set it before loading lib code.
  process.env.DATABASE_URL = inject("appDatabaseUrl");
  process.env.INBOX_SECRET_KEY = TEST_SECRET_KEY;
  ingest = await import("@/lib/ingest/mutations");
  ids = await import("@/lib/ids/new-id");
});

afterAll(async () => {
  const { getPool } = await import("@/lib/db/client");
  await getPool().end();
});

const genericEndpoint = (extra: Record<string, unknown> = {}) =>
  createEndpoint({ name: `group ${randomUUID().slice(0, 8)}`, provider: "generic", ...extra });

/** An unsigned JSON callback of its own (its own event), as verifyAndStore would hand it over. */
function callback(endpointId: string, overrides: Partial<NewDelivery> = {}): NewDelivery {
  const body = Buffer.from(JSON.stringify({ id: randomUUID() }));
  const bodySha256 = createHash("sha256").update(body).digest("hex");
  return {
    deliveryId: ids.newId("dlv"),
    eventId: ids.newId("evt"),
    jobId: ids.newId("job"),
    endpointId,
    provider: "generic",
    receivedAt: new Date(),
    method: "POST",
    path: "",
    query: "",
    headers: [["content-type", "application/json"]],
    tokenHeader: null,
    body,
    bodySha256,
    sourceIp: "127.0.0.1",
    verification: "unsigned",
    verificationReason: null,
    responseStatus: 200,
    dedupeKey: `sha256:${bodySha256}`,
    payloadJson: body.toString(),
    facts: {
      jobId: null,
      eventType: null,
      state: null,
      outputUrl: null,
      error: null,
      providerTimestamp: null,
      dedupeKey: null,
      details: null,
    },
    rateLimitPerSecond: null,
    ...overrides,
  };
}

/** The stored deliveries among these ids, with the transaction that wrote each. */
const storedRows = (deliveryIds: string[]) =>
  queryAppDb<{ id: string; xmin: string }>(
    "SELECT id, xmin::text AS xmin FROM deliveries WHERE id = ANY($1)",
    [deliveryIds],
  );

describe("group commit", () => {
  it("commits callbacks stored together in one transaction, each answered with its own delivery", async () => {
    const endpoint = await genericEndpoint();
    const together = [1, 2, 3].map(() => callback(endpoint.id));
    const stored = await Promise.all(together.map((d) => ingest.storeDelivery(d)));

    expect(stored.map((s) => s.deliveryId)).toEqual(together.map((d) => d.deliveryId));
    const rows = await storedRows(together.map((d) => d.deliveryId));
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((row) => row.xmin)).size).toBe(1);
  });

  it("fails only the callback whose statement fails; the rest of its group is stored", async () => {
    const endpoint = await genericEndpoint();
    // PostgreSQL refuses a NUL in text: this one statement fails, and with it the
    // group's transaction.
    const broken = callback(endpoint.id, { method: "PO\u0000ST" });
    const group = [callback(endpoint.id), broken, callback(endpoint.id)];
    const outcomes = await Promise.allSettled(group.map((d) => ingest.storeDelivery(d)));

    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      "fulfilled",
      "rejected",
      "fulfilled",
    ]);
    const rows = await storedRows(group.map((d) => d.deliveryId));
    expect(rows.map((row) => row.id).sort()).toEqual(
      group
        .filter((d) => d !== broken)
        .map((d) => d.deliveryId)
        .sort(),
    );
  });

  it("takes a group's rate tokens from the bucket, refusing (429) those it does not hold", async () => {
    const rate = 1;
    const endpoint = await genericEndpoint({ rateLimitPerSecond: rate });
    const group = Array.from({ length: 6 }, () =>
      callback(endpoint.id, { rateLimitPerSecond: rate }),
    );
    const started = Date.now();
    const outcomes = await Promise.allSettled(group.map((d) => ingest.storeDelivery(d)));
    const elapsedSeconds = (Date.now() - started) / 1000;

    const accepted = outcomes.filter((outcome) => outcome.status === "fulfilled").length;
    const refusals = outcomes.flatMap((outcome) =>
      outcome.status === "rejected" ? [(outcome.reason as { code?: string }).code] : [],
    );
    // The full burst (twice the rate), plus what refilled while the group was written.
    expect(accepted).toBeGreaterThanOrEqual(2 * rate);
    expect(accepted).toBeLessThanOrEqual(2 * rate + Math.ceil(rate * elapsedSeconds));
    expect(refusals).toEqual(Array.from({ length: group.length - accepted }, () => "rate_limited"));
    expect(await storedRows(group.map((d) => d.deliveryId))).toHaveLength(accepted);
  });
});
