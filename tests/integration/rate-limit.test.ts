// The per-endpoint rate limit: `rateLimitPerSecond` in the endpoints API, and a flood
// of callbacks answered 429 + Retry-After past it with nothing stored, the bucket
// being shared by every app process on the database (it lives in Postgres).
import { randomUUID } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { apiJson, baseUrl, createEndpoint, queryAppDb } from "@/tests/support/api";
import { startAppServer } from "@/tests/support/app-server";
import { sendRaw } from "@/tests/support/ingest-http";

type EndpointView = { id: string; key: string; rateLimitPerSecond: number | null };

async function storedCount(endpointId: string): Promise<number> {
  const rows = await queryAppDb<{ n: number }>(
    "SELECT count(*)::int AS n FROM deliveries WHERE endpoint_id = $1",
    [endpointId],
  );
  return rows[0]?.n ?? -1;
}

type Tally = { accepted: number; limited: number; other: number[] };

/**
 * Sends callbacks (each a distinct body) to `server` one after another for `ms`, with
 * `parallel` senders; checks the shape of every 429 on the way.
 */
async function flood(server: string, key: string, ms: number, parallel: number): Promise<Tally> {
  const tally: Tally = { accepted: 0, limited: 0, other: [] };
  const until = Date.now() + ms;
  const sender = async () => {
    while (Date.now() < until) {
      const response = await sendRaw(server, `/in/${key}`, {
        headers: [["Content-Type", "application/json"]],
        body: JSON.stringify({ n: randomUUID() }),
      });
      if (response.status === 200) {
        tally.accepted++;
      } else if (response.status === 429) {
        tally.limited++;
        expect(response.headers["retry-after"]).toBe("1");
        expect(response.json<{ error: { code: string } }>().error.code).toBe("rate_limited");
      } else {
        tally.other.push(response.status);
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, sender));
  return tally;
}

describe("rateLimitPerSecond in the endpoints API", () => {
  it("defaults to 50, can be changed and turned off (null), and refuses nonsense", async () => {
    const created = await createEndpoint({ name: `rate ${randomUUID()}`, provider: "generic" });
    const read = await apiJson<EndpointView>(`/api/endpoints/${created.id}`);
    expect(read.body.rateLimitPerSecond).toBe(50);

    const patched = await apiJson<EndpointView>(`/api/endpoints/${created.id}`, {
      method: "PATCH",
      body: JSON.stringify({ rateLimitPerSecond: 7 }),
    });
    expect(patched.status).toBe(200);
    expect(patched.body.rateLimitPerSecond).toBe(7);
    const off = await apiJson<EndpointView>(`/api/endpoints/${created.id}`, {
      method: "PATCH",
      body: JSON.stringify({ rateLimitPerSecond: null }),
    });
    expect(off.body.rateLimitPerSecond).toBeNull();

    for (const bad of [0, -1, 2.5, "10", 100_001]) {
      const refused = await apiJson(`/api/endpoints/${created.id}`, {
        method: "PATCH",
        body: JSON.stringify({ rateLimitPerSecond: bad }),
      });
      expect(refused.status, `rateLimitPerSecond ${JSON.stringify(bad)}`).toBe(400);
    }
    const withLimit = await apiJson<EndpointView>("/api/endpoints", {
      method: "POST",
      body: JSON.stringify({
        name: `rate ${randomUUID()}`,
        provider: "generic",
        rateLimitPerSecond: null,
      }),
    });
    expect(withLimit.status).toBe(201);
    expect(withLimit.body.rateLimitPerSecond).toBeNull();
  });
});

describe("a burst over an endpoint's rate", () => {
  it("is answered 429 + Retry-After past the bucket, and exactly the accepted callbacks are stored", async () => {
    const rate = 1;
    const endpoint = await createEndpoint({
      name: `rate ${randomUUID()}`,
      provider: "generic",
      rateLimitPerSecond: rate,
    });
    const started = Date.now();
    const tally = await flood(baseUrl(), endpoint.key, 3_000, 4);
    const elapsedSeconds = (Date.now() - started) / 1000;

    expect(tally.other).toEqual([]);
    expect(tally.limited).toBeGreaterThan(0);
    // The full burst (twice the rate) first, then the refill over the time it took.
    expect(tally.accepted).toBeGreaterThanOrEqual(2 * rate);
    expect(tally.accepted).toBeLessThanOrEqual(2 * rate + Math.ceil(rate * elapsedSeconds));
    expect(await storedCount(endpoint.id)).toBe(tally.accepted);
  });

  it("takes every callback of an unlimited endpoint", async () => {
    const endpoint = await createEndpoint({
      name: `rate ${randomUUID()}`,
      provider: "generic",
      rateLimitPerSecond: null,
    });
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        sendRaw(baseUrl(), `/in/${endpoint.key}`, { body: JSON.stringify({ n }) }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 30 }, () => 200));
    expect(await storedCount(endpoint.id)).toBe(30);
  });

  it("is one limit for all app processes on the database, not one per process", async () => {
    const rate = 1;
    const endpoint = await createEndpoint({
      name: `rate ${randomUUID()}`,
      provider: "generic",
      rateLimitPerSecond: rate,
    });
    const other = await startAppServer(inject("appDatabaseUrl"));
    try {
      const started = Date.now();
      // Both processes flooded at once: with a bucket per process, each would take its
      // own burst and refill, twice the endpoint's rate in all.
      const [here, there] = await Promise.all([
        flood(baseUrl(), endpoint.key, 3_000, 2),
        flood(other.baseUrl, endpoint.key, 3_000, 2),
      ]);
      const elapsedSeconds = (Date.now() - started) / 1000;
      expect([...here.other, ...there.other]).toEqual([]);
      expect(here.limited + there.limited).toBeGreaterThan(0);
      const accepted = here.accepted + there.accepted;
      expect(accepted).toBeLessThanOrEqual(2 * rate + Math.ceil(rate * elapsedSeconds));
      expect(await storedCount(endpoint.id)).toBe(accepted);
    } finally {
      await other.stop();
    }
  });
});
