// Structured logs (README "Logs"): one JSON line per callback with its ids, outcome,
// status and duration, and never the body or a credential; X-Request-Id on every
// answer, the caller's own when it is a sane token, and the same id on the log line.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient, type CreatedEndpoint } from "@/tests/support/api";
import { startAppServer, type AppServer } from "@/tests/support/app-server";
import { createForwardingEndpoint, sendCallback } from "@/tests/support/forwarding";
import { createFreshDatabase } from "@/tests/support/fresh-database";
import { startReceiver, type Receiver } from "@/tests/support/receiver";

type LogLine = Record<string, unknown> & { msg?: string; level?: number };

/** The app's output lines that are JSON objects (every log line must be). */
function logLines(output: string): LogLine[] {
  return output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as LogLine);
}

async function waitForLine(app: AppServer, match: (line: LogLine) => boolean): Promise<LogLine> {
  for (;;) {
    const found = logLines(app.output()).find(match);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("structured logs", () => {
  let database: Awaited<ReturnType<typeof createFreshDatabase>>;
  let app: AppServer;
  let receiver: Receiver;
  const call = apiClient(() => app.baseUrl);

  beforeAll(async () => {
    database = await createFreshDatabase("logs");
    receiver = await startReceiver();
    app = await startAppServer(database.url, { INBOX_LOG_LEVEL: "info" });
  });

  afterAll(async () => {
    await app?.stop();
    await receiver?.close();
    await database?.drop();
  });

  it("writes one JSON line per callback with the ids, never its body or credential", async () => {
    const created = await call<CreatedEndpoint>("/api/endpoints", {
      method: "POST",
      body: JSON.stringify({ name: "logged", provider: "generic" }),
    });
    expect(created.status).toBe(201);
    const endpoint = created.body;
    const bodyMarker = `body-marker-${randomUUID()}`;
    const credential = `cred-${randomUUID()}`;
    const requestId = `trace-${randomUUID().slice(0, 8)}`;

    const answer = await fetch(`${app.baseUrl}/in/${endpoint.key}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${credential}`,
        "x-api-key": credential,
        "x-request-id": requestId,
      },
      body: JSON.stringify({ id: "job-1", status: "completed", note: bodyMarker }),
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("x-request-id")).toBe(requestId);
    const { deliveryId, eventId } = (await answer.json()) as {
      deliveryId: string;
      eventId: string;
    };

    const line = await waitForLine(app, (l) => l.msg === "ingest" && l.deliveryId === deliveryId);
    expect(line).toMatchObject({
      level: 30,
      requestId,
      endpointId: endpoint.id,
      deliveryId,
      eventId,
      verification: "unsigned",
      status: 200,
    });
    expect(typeof line.durationMs).toBe("number");
    expect(typeof line.time).toBe("string");

    // An unknown key: a line with the status answered, no ids to give.
    const unknown = await fetch(`${app.baseUrl}/in/ep_unknown_key_0000000000`, {
      method: "POST",
      body: bodyMarker,
    });
    expect(unknown.status).toBe(404);
    const unknownId = unknown.headers.get("x-request-id");
    await waitForLine(
      app,
      (l) => l.msg === "ingest" && l.requestId === unknownId && l.status === 404,
    );

    const output = app.output();
    expect(output).not.toContain(bodyMarker);
    expect(output).not.toContain(credential);
  });

  it("answers every API call with an X-Request-Id, replacing one that is not a sane token", async () => {
    const plain = await call("/api/endpoints");
    expect(plain.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const refused = await fetch(`${app.baseUrl}/api/endpoints`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await call("/api/endpoints", { headers: { "x-request-id": "abc.123" } });
    expect(kept.headers.get("x-request-id")).toBe("abc.123");
    const forged = await call("/api/endpoints", {
      headers: { "x-request-id": `${"x".repeat(80)}` },
    });
    expect(forged.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("writes one line per forward attempt with its ids, outcome and status, never the target URL", async () => {
    const secretPath = `/hook-${randomUUID()}`;
    const endpoint = await createForwardingEndpoint(app.baseUrl, receiver.url(secretPath));
    const answer = await sendCallback(app.baseUrl, endpoint.key, '{"id":"job-2"}');
    expect(answer.status).toBe(200);
    const { eventId } = (await answer.json()) as { eventId: string };
    const line = await waitForLine(app, (l) => l.msg === "attempt" && l.eventId === eventId);
    expect(line).toMatchObject({
      destinationId: endpoint.destinationId,
      trigger: "auto",
      outcome: "succeeded",
      responseStatus: 200,
      attemptNumber: 1,
    });
    expect(typeof line.attemptId).toBe("string");
    expect(typeof line.durationMs).toBe("number");
    expect(app.output()).not.toContain(secretPath);
  });
});
