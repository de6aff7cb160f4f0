// Never 2xx for what is not committed: with the database unreachable the ingest URL and
// the API answer 503 with Retry-After (so providers retry), liveness stays up, and once
// the database is back callbacks are stored again. The app talks to its database through
// a TCP proxy that the test takes down and brings back on the same port.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, TEST_API_TOKEN, type AppServer } from "@/tests/support/app-server";
import { createFreshDatabase } from "@/tests/support/fresh-database";
import { proxyDatabase, type TcpProxy } from "@/tests/support/tcp-proxy";

const RETRY_AFTER_SECONDS = "7";

type ErrorBody = { error: { code: string; message: string } };

describe("when the database becomes unreachable and comes back", () => {
  let database: { url: string; drop(): Promise<void> };
  let proxy: TcpProxy;
  let server: AppServer;
  let key = "";
  let endpointId = "";
  /** Every callback sent, with the status it was answered. */
  const sent: Array<{ body: string; status: number; deliveryId: string | null }> = [];

  const api = (path: string) =>
    fetch(`${server.baseUrl}${path}`, { headers: { authorization: `Bearer ${TEST_API_TOKEN}` } });

  async function sendCallback(subPath = ""): Promise<Response> {
    const body = JSON.stringify({ nonce: randomUUID() });
    const response = await fetch(`${server.baseUrl}/in/${key}${subPath}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    const parsed = (await response.clone().json()) as { deliveryId?: string };
    sent.push({ body, status: response.status, deliveryId: parsed.deliveryId ?? null });
    return response;
  }

  async function expectUnavailable(response: Response): Promise<void> {
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe(RETRY_AFTER_SECONDS);
    expect(((await response.json()) as ErrorBody).error.code).toBe("database_unavailable");
  }

  /** Reads the real database directly, not through the proxy. */
  async function storedDeliveries(): Promise<Array<{ id: string; body: Buffer }>> {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (
        await client.query<{ id: string; body: Buffer }>(
          `SELECT id, body FROM deliveries WHERE endpoint_id = $1`,
          [endpointId],
        )
      ).rows;
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    database = await createFreshDatabase("database_down");
    const proxied = await proxyDatabase(database.url);
    proxy = proxied.proxy;
    // Start-up applies the migrations through the proxy too.
    server = await startAppServer(proxied.url, { INBOX_RETRY_AFTER_SECONDS: RETRY_AFTER_SECONDS });

    const created = await fetch(`${server.baseUrl}/api/endpoints`, {
      method: "POST",
      headers: { authorization: `Bearer ${TEST_API_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "db-down", provider: "generic" }),
    });
    expect(created.status).toBe(201);
    ({ key, id: endpointId } = (await created.json()) as { key: string; id: string });
  });

  afterAll(async () => {
    await server?.stop();
    await proxy?.close();
    await database?.drop();
  });

  it("stores callbacks while the database is reachable", async () => {
    const response = await sendCallback();
    expect(response.status).toBe(200);
    expect((await api("/api/ready")).status).toBe(200);
  });

  it("answers callbacks 503 with Retry-After once it is unreachable", async () => {
    await proxy.stop();
    await expectUnavailable(await sendCallback());
    await expectUnavailable(await sendCallback("/retry/path"));
    await expectUnavailable(await sendCallback());
  });

  it("reports not ready but still alive, and the API answers 503", async () => {
    const ready = await api("/api/ready");
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as ErrorBody).error.code).toBe("database_unavailable");

    const health = await fetch(`${server.baseUrl}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });

    await expectUnavailable(await api("/api/events"));
    await expectUnavailable(await api(`/api/endpoints/${endpointId}`));
  });

  it("stores callbacks again as soon as the database is back", async () => {
    await proxy.start();
    expect((await sendCallback()).status).toBe(200);
    expect((await sendCallback("/after")).status).toBe(200);
    expect((await api("/api/ready")).status).toBe(200);
    expect((await api("/api/events")).status).toBe(200);
  });

  it("holds exactly the deliveries that were answered 200", async () => {
    const answered200 = sent.filter((s) => s.status === 200);
    expect(sent.map((s) => s.status)).toEqual([200, 503, 503, 503, 200, 200]);
    const stored = await storedDeliveries();
    expect(stored.map((d) => d.id).sort()).toEqual(answered200.map((s) => s.deliveryId).sort());
    expect(stored.map((d) => d.body.toString("utf8")).sort()).toEqual(
      answered200.map((s) => s.body).sort(),
    );
  });
});
