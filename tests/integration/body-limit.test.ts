// The body cap: a body over the endpoint's limit is answered 413 and nothing is stored,
// whether the sender declared its size or streams it chunked; and refusing a huge body
// costs the server no memory proportional to what the sender tries to send.
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiJson,
  baseUrl,
  createEndpoint,
  queryAppDb,
  type CreatedEndpoint,
} from "@/tests/support/api";
import {
  residentMemory,
  startAppServer,
  TEST_API_TOKEN,
  type AppServer,
} from "@/tests/support/app-server";
import { createFreshDatabase } from "@/tests/support/fresh-database";
import {
  sendRaw,
  streamUpload,
  type RawResponse,
  type StreamOutcome,
} from "@/tests/support/ingest-http";

const KiB = 1024;
const MiB = 1024 * KiB;

type ErrorBody = { error: { code: string; message: string } };

/** A body of exactly `size` bytes that no other test sends (random, so it is unique). */
const bodyOfSize = (size: number) => randomBytes(size);

async function deliveryCount(endpointId: string): Promise<number> {
  const rows = await queryAppDb<{ n: number }>(
    `SELECT count(*)::int AS n FROM deliveries WHERE endpoint_id = $1`,
    [endpointId],
  );
  return rows[0]?.n ?? -1;
}

function expectTooLarge(response: RawResponse, limit: number): void {
  expect(response.status).toBe(413);
  const body = response.json<ErrorBody>();
  expect(body.error.code).toBe("payload_too_large");
  expect(body.error.message).toContain(`limit of ${limit} bytes`);
}

/**
 * The sender learnt that its upload was refused: a 413, or (when the server reset the
 * connection before the client read the answer) the connection failing under it.
 */
function expectUploadRefused(outcome: StreamOutcome): void {
  if (outcome.status === null) {
    expect(outcome.socketError).toMatch(/^(EPIPE|ECONNRESET)$/);
  } else {
    expect(outcome.status).toBe(413);
    expect(outcome.responseText).toContain('"code":"payload_too_large"');
  }
}

const post = (endpoint: CreatedEndpoint, body: Buffer, chunked = false) =>
  sendRaw(baseUrl(), `/in/${endpoint.key}`, {
    headers: [["Content-Type", "application/octet-stream"]],
    body,
    chunked,
  });

describe("an endpoint's own cap (1024 bytes)", () => {
  const limit = 1024;
  let endpoint: CreatedEndpoint;

  beforeAll(async () => {
    endpoint = await createEndpoint({
      name: `capped-${randomUUID()}`,
      provider: "generic",
      bodyLimitBytes: limit,
    });
  });

  it("refuses 1025 bytes with Content-Length and stores nothing", async () => {
    const before = await deliveryCount(endpoint.id);
    expectTooLarge(await post(endpoint, bodyOfSize(limit + 1)), limit);
    expect(await deliveryCount(endpoint.id)).toBe(before);
  });

  it("accepts exactly 1024 bytes and stores them all", async () => {
    const body = bodyOfSize(limit);
    const response = await post(endpoint, body);
    expect(response.status).toBe(200);
    const { deliveryId } = response.json<{ deliveryId: string }>();
    const rows = await queryAppDb<{ body: Buffer; size: number }>(
      `SELECT body, size FROM deliveries WHERE id = $1`,
      [deliveryId],
    );
    expect(rows[0]?.size).toBe(limit);
    expect(rows[0]?.body.equals(body)).toBe(true);
  });

  it("refuses a 5 KB chunked body (no Content-Length) and stores nothing", async () => {
    const before = await deliveryCount(endpoint.id);
    expectTooLarge(await post(endpoint, bodyOfSize(5 * KiB), true), limit);
    expect(await deliveryCount(endpoint.id)).toBe(before);
  });

  it("accepts a chunked body of exactly 1024 bytes", async () => {
    const response = await post(endpoint, bodyOfSize(limit), true);
    expect(response.status).toBe(200);
  });
});

describe("a cap lowered later with PATCH", () => {
  it("applies to the next callback, even when the endpoint was cached", async () => {
    const endpoint = await createEndpoint({ name: `patched-${randomUUID()}`, provider: "generic" });
    expect((await post(endpoint, bodyOfSize(4 * KiB))).status).toBe(200);

    const patched = await apiJson(`/api/endpoints/${endpoint.id}`, {
      method: "PATCH",
      body: JSON.stringify({ bodyLimitBytes: 1024 }),
    });
    expect(patched.status).toBe(200);
    expectTooLarge(await post(endpoint, bodyOfSize(1025)), 1024);
    expectTooLarge(await post(endpoint, bodyOfSize(4 * KiB), true), 1024);
    expect(await deliveryCount(endpoint.id)).toBe(1);
  });
});

describe("the default cap (10 MiB)", () => {
  const limit = 10 * MiB;

  it("refuses 10 MiB + 1 with Content-Length before reading the body, and stores nothing", async () => {
    const endpoint = await createEndpoint({ name: `default-${randomUUID()}`, provider: "generic" });
    // Only the first 64 KiB are sent: the declared size alone must be enough to refuse,
    // and a client that is not still writing reliably reads the answer.
    const outcome = await streamUpload(baseUrl(), `/in/${endpoint.key}`, {
      totalBytes: 64 * KiB,
      contentLength: limit + 1,
    });
    expect(outcome.status).toBe(413);
    expect(outcome.responseText).toContain('"code":"payload_too_large"');
    expect(outcome.responseText).toContain(`limit of ${limit} bytes`);
    expect(await deliveryCount(endpoint.id)).toBe(0);
  });

  it("refuses a chunked body of 10 MiB + 1 and stores nothing", async () => {
    const endpoint = await createEndpoint({ name: `default-${randomUUID()}`, provider: "generic" });
    expectTooLarge(await post(endpoint, bodyOfSize(limit + 1), true), limit);
    expect(await deliveryCount(endpoint.id)).toBe(0);
  });

  it("accepts exactly 10 MiB", async () => {
    const endpoint = await createEndpoint({ name: `default-${randomUUID()}`, provider: "generic" });
    const response = await post(endpoint, bodyOfSize(limit));
    expect(response.status).toBe(200);
    const rows = await queryAppDb<{ size: number }>(
      `SELECT size FROM deliveries WHERE endpoint_id = $1`,
      [endpoint.id],
    );
    expect(rows).toEqual([{ size: limit }]);
  });
});

// Needs its own server: the shared one's pid is not known to tests, and other test
// files' traffic would blur its memory readings.
describe("memory while refusing a 300 MB upload", () => {
  const limit = 1 * MiB;
  const attempted = 300 * 1000 * 1000;
  let server: AppServer;
  let database: { url: string; drop(): Promise<void> };
  let key = "";
  let endpointId = "";

  const pid = () => server.process.pid ?? 0;

  async function countDeliveries(): Promise<number> {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM deliveries WHERE endpoint_id = $1`,
        [endpointId],
      );
      return rows[0]?.n ?? -1;
    } finally {
      await client.end();
    }
  }

  /** Runs `upload` while sampling the server's RSS; returns its outcome and the peak RSS growth. */
  async function measure<T>(upload: () => Promise<T>): Promise<{ outcome: T; growth: number }> {
    const baseline = residentMemory(pid());
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, residentMemory(pid()))), 20);
    try {
      const outcome = await upload();
      // Memory taken while the last bytes were buffered shows up a moment later.
      await new Promise((resolve) => setTimeout(resolve, 300));
      peak = Math.max(peak, residentMemory(pid()));
      return { outcome, growth: peak - baseline };
    } finally {
      clearInterval(sampler);
    }
  }

  beforeAll(async () => {
    database = await createFreshDatabase("body_limit_memory");
    server = await startAppServer(database.url);
    const response = await fetch(`${server.baseUrl}/api/endpoints`, {
      method: "POST",
      headers: { authorization: `Bearer ${TEST_API_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "memory", provider: "generic", bodyLimitBytes: limit }),
    });
    expect(response.status).toBe(201);
    ({ key, id: endpointId } = (await response.json()) as CreatedEndpoint);

    // Warm up every code path first, so loading modules is not counted as growth.
    expect((await sendRaw(server.baseUrl, `/in/${key}`, { body: "{}" })).status).toBe(200);
    expectUploadRefused(await streamUpload(server.baseUrl, `/in/${key}`, { totalBytes: 4 * MiB }));
    expectUploadRefused(
      await streamUpload(server.baseUrl, `/in/${key}`, {
        totalBytes: 4 * MiB,
        contentLength: 4 * MiB,
      }),
    );
  });

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it("cuts off a chunked upload without reading it all, and RSS stays flat", async () => {
    const { outcome, growth } = await measure(() =>
      streamUpload(server.baseUrl, `/in/${key}`, { totalBytes: attempted }),
    );
    expectUploadRefused(outcome);
    expect(outcome.bodyBytesWritten).toBeLessThan(attempted);
    expect(growth, `RSS grew by ${Math.round(growth / MiB)} MiB`).toBeLessThan(64 * MiB);
    expect(await countDeliveries()).toBe(1);
  });

  it("refuses a declared 300 MB body before reading it, and RSS stays flat", async () => {
    const { outcome, growth } = await measure(() =>
      streamUpload(server.baseUrl, `/in/${key}`, {
        totalBytes: attempted,
        contentLength: attempted,
      }),
    );
    expectUploadRefused(outcome);
    expect(outcome.bodyBytesWritten).toBeLessThan(attempted);
    expect(growth, `RSS grew by ${Math.round(growth / MiB)} MiB`).toBeLessThan(64 * MiB);
    expect(await countDeliveries()).toBe(1);
  });
});
