// The endpoints API: creation with preset defaults, validation, listing, updates,
// archiving, secrets that never leave the server, and changes that reach the ingest
// path at once (the per-process endpoint cache is invalidated through Postgres NOTIFY).
import { createHmac, randomUUID } from "node:crypto";
import http from "node:http";
import { describe, expect, it } from "vitest";
import { api, apiJson, baseUrl, createEndpoint, queryAppDb } from "@/tests/support/api";
import { expectApiError, ingest } from "@/tests/support/callbacks-inbox";
import { aspectTaskEvent, clipzyJob, json2videoDone } from "@/tests/support/callbacks-payloads";
import {
  bearerHeaders,
  newStandardWebhooksSecret,
  svixHeaders,
} from "@/tests/support/callbacks-signing";
import { TEST_API_TOKEN } from "@/tests/support/app-server";

type EndpointView = {
  id: string;
  key: string;
  ingestUrl: string;
  name: string;
  provider: string;
  verification: Record<string, unknown>;
  extraction: unknown;
  secretCount: number;
  bodyLimitBytes: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
};

const unique = (label: string) => `${label} ${randomUUID().slice(0, 8)}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function postEndpoint(
  body: unknown,
): Promise<{ status: number; body: EndpointView; text: string }> {
  const response = await api("/api/endpoints", { method: "POST", body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as EndpointView, text };
}

async function getEndpointText(
  id: string,
): Promise<{ status: number; body: EndpointView; text: string }> {
  const response = await api(`/api/endpoints/${id}`);
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as EndpointView, text };
}

async function patchEndpoint(
  id: string,
  body: unknown,
): Promise<{ status: number; body: EndpointView; text: string }> {
  const response = await api(`/api/endpoints/${id}`, {
    method: "PATCH",
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as EndpointView, text };
}

async function listEndpointIds(query = ""): Promise<string[]> {
  const { status, body } = await apiJson<{ items: EndpointView[]; nextCursor: string | null }>(
    `/api/endpoints${query}`,
  );
  expect(status).toBe(200);
  return body.items.map((item) => item.id);
}

/** POST /api/endpoints through node:http, which (unlike fetch) lets the test pick the Host header. */
function postWithHost(
  host: string,
  body: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<{ status: number; body: EndpointView }> {
  const url = new URL(`${baseUrl()}/api/endpoints`);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        hostname: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: {
          host,
          authorization: `Bearer ${TEST_API_TOKEN}`,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(payload),
          ...extraHeaders,
        },
      },
      (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as EndpointView }),
        );
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
}

const hmacBase64 = (secret: string, body: string) =>
  createHmac("sha256", secret).update(body).digest("base64");

describe("POST /api/endpoints", () => {
  it("creates an endpoint: 201 with an ep_ id, a key and an ingest URL on the host the caller used", async () => {
    const name = unique("renders");
    const { status, body } = await postEndpoint({ name, provider: "clipzy" });
    expect(status).toBe(201);
    expect(body.id).toMatch(/^ep_[A-Za-z0-9_-]+$/);
    expect(body.key).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(body.ingestUrl).toBe(`${baseUrl()}/in/${body.key}`);
    expect(body).toMatchObject({ name, provider: "clipzy", secretCount: 0, archivedAt: null });
    const rows = await queryAppDb<{ key: string }>("SELECT key FROM endpoints WHERE id = $1", [
      body.id,
    ]);
    expect(rows).toEqual([{ key: body.key }]);
  });

  it("builds the ingest URL from the Host header (and X-Forwarded-Proto behind a TLS proxy)", async () => {
    const plain = await postWithHost("inbox.example.test:8443", {
      name: unique("host"),
      provider: "generic",
    });
    expect(plain.status).toBe(201);
    expect(plain.body.ingestUrl).toBe(`http://inbox.example.test:8443/in/${plain.body.key}`);

    const proxied = await postWithHost(
      "hooks.example.test",
      { name: unique("proxied"), provider: "generic" },
      { "x-forwarded-proto": "https" },
    );
    expect(proxied.status).toBe(201);
    expect(proxied.body.ingestUrl).toBe(`https://hooks.example.test/in/${proxied.body.key}`);
  });

  it("gives every endpoint its own id and key", async () => {
    const [a, b] = await Promise.all([
      createEndpoint({ name: unique("twin"), provider: "generic" }),
      createEndpoint({ name: unique("twin"), provider: "generic" }),
    ]);
    expect(a.id).not.toBe(b.id);
    expect(a.key).not.toBe(b.key);
  });

  it.each([
    ["aspect", { scheme: "standard-webhooks", toleranceSeconds: 300 }],
    ["standard-webhooks", { scheme: "standard-webhooks", toleranceSeconds: 300 }],
    [
      "scriptix",
      {
        scheme: "hmac",
        header: "x-scriptix-signature",
        algorithm: "sha256",
        encoding: "hex",
        prefix: "sha256=",
      },
    ],
    ["json2video", { scheme: "token", header: "authorization" }],
    // Descript takes only a callback_url: no header to check, the URL is the secret.
    ["descript", { scheme: "none" }],
    ["clipzy", { scheme: "none" }],
    ["generic", { scheme: "none" }],
  ])("defaults verification from the %s preset", async (provider, verification) => {
    const { status, body } = await postEndpoint({ name: unique(provider), provider });
    expect(status).toBe(201);
    expect(body.provider).toBe(provider);
    expect(body.verification).toEqual(verification);
  });

  it("takes an explicit verification instead of the preset's and fills its defaults", async () => {
    const { status, body } = await postEndpoint({
      name: unique("custom hmac"),
      provider: "generic",
      verification: { scheme: "hmac", header: "X-Hub-Signature-256", prefix: "sha256=" },
      secrets: ["It's a Secret to Everybody"],
    });
    expect(status).toBe(201);
    expect(body.verification).toEqual({
      scheme: "hmac",
      header: "x-hub-signature-256",
      algorithm: "sha256",
      encoding: "hex",
      prefix: "sha256=",
    });
    expect(body.secretCount).toBe(1);
  });

  it("stores extraction settings for configurable presets and a body cap", async () => {
    const extraction = { jobIdPath: "data.job.id", statePath: "data.job.status" };
    const { status, body } = await postEndpoint({
      name: unique("sw"),
      provider: "standard-webhooks",
      extraction,
      bodyLimitBytes: 4096,
    });
    expect(status).toBe(201);
    expect(body.extraction).toEqual(extraction);
    expect(body.bodyLimitBytes).toBe(4096);
  });

  it("defaults the body cap to 10 MiB", async () => {
    const { body } = await postEndpoint({ name: unique("cap"), provider: "clipzy" });
    expect(body.bodyLimitBytes).toBe(10 * 1024 * 1024);
  });
});

describe("endpoint validation", () => {
  const whsec = newStandardWebhooksSecret();

  it.each<[string, Record<string, unknown>, string]>([
    ["an unknown provider", { name: "x", provider: "zapier" }, "provider"],
    ["a missing name", { provider: "clipzy" }, "name"],
    ["a blank name", { name: "   ", provider: "clipzy" }, "name"],
    [
      "a non-whsec secret for aspect",
      { name: "x", provider: "aspect", secrets: ["not-a-whsec-secret"] },
      "secrets",
    ],
    [
      "a whsec secret that is not base64",
      { name: "x", provider: "aspect", secrets: ["whsec_***not base64***"] },
      "secrets",
    ],
    [
      "secrets with the none scheme",
      { name: "x", provider: "clipzy", secrets: ["token-123"] },
      "secrets",
    ],
    [
      "extraction on a preset that reads payloads itself",
      { name: "x", provider: "aspect", secrets: [whsec], extraction: { jobIdPath: "id" } },
      "extraction",
    ],
    ["an unknown top-level field", { name: "x", provider: "clipzy", colour: "red" }, "colour"],
    [
      "bodyLimitBytes below the minimum",
      { name: "x", provider: "clipzy", bodyLimitBytes: 10 },
      "bodyLimitBytes",
    ],
    [
      "bodyLimitBytes above the maximum",
      { name: "x", provider: "clipzy", bodyLimitBytes: 1024 ** 3 },
      "bodyLimitBytes",
    ],
    [
      "bodyLimitBytes that is not a whole number",
      { name: "x", provider: "clipzy", bodyLimitBytes: 4096.5 },
      "bodyLimitBytes",
    ],
    [
      "an unknown verification scheme",
      { name: "x", provider: "generic", verification: { scheme: "rot13" } },
      "verification",
    ],
  ])(
    "rejects %s with 400 validation_failed naming the field, and stores nothing",
    async (_label, input, field) => {
      const name = unique("invalid");
      const body = "name" in input && input.name === "x" ? { ...input, name } : input;
      const response = await postEndpoint(body);
      expect(response.status).toBe(400);
      expectApiError(response.body, "validation_failed");
      expect((response.body as unknown as { error: { message: string } }).error.message).toContain(
        field,
      );
      expect(await queryAppDb("SELECT id FROM endpoints WHERE name = $1", [name])).toEqual([]);
    },
  );

  it("rejects a body that is not JSON with 400 invalid_json", async () => {
    const response = await api("/api/endpoints", {
      method: "POST",
      body: '{"name": "x", "provider": ',
    });
    expect(response.status).toBe(400);
    expectApiError(await response.json(), "invalid_json");
  });
});

describe("secrets are write-only", () => {
  it("no response (create, read, list, update, archive) contains a secret", async () => {
    const first = newStandardWebhooksSecret();
    const second = newStandardWebhooksSecret();
    const third = newStandardWebhooksSecret();
    const leaks = (text: string, secrets: string[]) =>
      secrets.filter(
        (s) =>
          text.includes(s) ||
          text.includes(s.slice("whsec_".length)) ||
          text.includes(JSON.stringify(s).slice(1, -1)),
      );

    const created = await postEndpoint({
      name: unique("secret keeper"),
      provider: "aspect",
      secrets: [first, second],
    });
    expect(created.status).toBe(201);
    expect(created.body.secretCount).toBe(2);
    expect(leaks(created.text, [first, second])).toEqual([]);
    expect(Object.keys(created.body)).not.toContain("secrets");

    const read = await getEndpointText(created.body.id);
    expect(read.body.secretCount).toBe(2);
    expect(leaks(read.text, [first, second])).toEqual([]);

    const listResponse = await api("/api/endpoints");
    const listText = await listResponse.text();
    expect(listText).toContain(created.body.id);
    expect(leaks(listText, [first, second])).toEqual([]);

    const patched = await patchEndpoint(created.body.id, { secrets: [third] });
    expect(patched.status).toBe(200);
    expect(patched.body.secretCount).toBe(1);
    expect(leaks(patched.text, [first, second, third])).toEqual([]);

    const archived = await api(`/api/endpoints/${created.body.id}`, { method: "DELETE" });
    expect(leaks(await archived.text(), [first, second, third])).toEqual([]);
    const archivedList = await api("/api/endpoints?archived=true");
    const archivedText = await archivedList.text();
    expect(archivedText).toContain(created.body.id);
    expect(leaks(archivedText, [first, second, third])).toEqual([]);
  });

  it("a token secret is not echoed either", async () => {
    const token = `tok_${randomUUID()}`;
    const created = await postEndpoint({
      name: unique("token keeper"),
      provider: "json2video",
      secrets: [token],
    });
    expect(created.status).toBe(201);
    expect(created.text).not.toContain(token);
    expect((await getEndpointText(created.body.id)).text).not.toContain(token);
  });
});

describe("GET /api/endpoints", () => {
  it("lists active endpoints newest first; archived ones only with ?archived=true", async () => {
    const created: string[] = [];
    for (const label of ["oldest", "middle", "newest"]) {
      created.push((await createEndpoint({ name: unique(label), provider: "generic" })).id);
      await sleep(5); // distinct createdAt, so "newest first" is about time, not the id tie-break
    }
    const [oldest, middle, newest] = created as [string, string, string];

    const active = await listEndpointIds();
    expect(active.filter((id) => created.includes(id))).toEqual([newest, middle, oldest]);

    expect((await api(`/api/endpoints/${middle}`, { method: "DELETE" })).status).toBe(200);
    const afterArchive = await listEndpointIds();
    expect(afterArchive.filter((id) => created.includes(id))).toEqual([newest, oldest]);
    const archived = await listEndpointIds("?archived=true");
    expect(archived.filter((id) => created.includes(id))).toEqual([middle]);
    expect((await listEndpointIds("?archived=false")).filter((id) => created.includes(id))).toEqual(
      [newest, oldest],
    );
  });

  it("pages with limit and cursor like every other list", async () => {
    await createEndpoint({ name: unique("page a"), provider: "generic" });
    await sleep(5);
    await createEndpoint({ name: unique("page b"), provider: "generic" });
    const first = await apiJson<{ items: EndpointView[]; nextCursor: string | null }>(
      "/api/endpoints?limit=1",
    );
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await apiJson<{ items: EndpointView[]; nextCursor: string | null }>(
      `/api/endpoints?limit=1&cursor=${encodeURIComponent(first.body.nextCursor ?? "")}`,
    );
    expect(second.status).toBe(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0]?.id).not.toBe(first.body.items[0]?.id);
    expect(Date.parse(second.body.items[0]?.createdAt ?? "")).toBeLessThanOrEqual(
      Date.parse(first.body.items[0]?.createdAt ?? ""),
    );
  });

  it("rejects an archived filter that is not true or false", async () => {
    const { status, body } = await apiJson("/api/endpoints?archived=maybe");
    expect(status).toBe(400);
    expectApiError(body, "validation_failed");
  });
});

describe("GET /api/endpoints/<id>", () => {
  it("returns what POST returned", async () => {
    const created = await postEndpoint({
      name: unique("one"),
      provider: "scriptix",
      secrets: ["scriptix-secret"],
    });
    const read = await getEndpointText(created.body.id);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it("answers 404 not_found for an unknown id", async () => {
    const { status, body } = await apiJson("/api/endpoints/ep_unknown0000000000000");
    expect(status).toBe(404);
    expectApiError(body, "not_found");
  });
});

describe("PATCH /api/endpoints/<id>", () => {
  it("changes name, verification, secrets and body cap, and GET shows the change", async () => {
    const created = await postEndpoint({ name: unique("before"), provider: "generic" });
    const name = unique("after");
    const patched = await patchEndpoint(created.body.id, {
      name,
      verification: { scheme: "token", header: "X-Inbox-Token" },
      secrets: ["first-token", "second-token"],
      bodyLimitBytes: 2048,
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      id: created.body.id,
      key: created.body.key,
      name,
      provider: "generic",
      verification: { scheme: "token", header: "x-inbox-token" },
      secretCount: 2,
      bodyLimitBytes: 2048,
    });
    expect((await getEndpointText(created.body.id)).body).toEqual(patched.body);
  });

  it("leaves fields that are not sent as they were", async () => {
    const created = await postEndpoint({
      name: unique("keep"),
      provider: "json2video",
      secrets: ["keep-me"],
      bodyLimitBytes: 8192,
    });
    const patched = await patchEndpoint(created.body.id, { name: unique("renamed") });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      verification: created.body.verification,
      secretCount: 1,
      bodyLimitBytes: 8192,
    });
  });

  it("refuses a switch to standard-webhooks while the stored secrets are not whsec_, and changes nothing", async () => {
    const token = `tok_${randomUUID()}`;
    const created = await postEndpoint({
      name: unique("token"),
      provider: "json2video",
      secrets: [token],
    });
    const endpoint = created.body;
    const before = await queryAppDb(
      "SELECT name, verification, secrets, updated_at FROM endpoints WHERE id = $1",
      [endpoint.id],
    );

    const refused = await patchEndpoint(endpoint.id, {
      name: unique("should not stick"),
      verification: { scheme: "standard-webhooks" },
    });
    expect(refused.status).toBe(400);
    expectApiError(refused.body, "validation_failed");
    expect((refused.body as unknown as { error: { message: string } }).error.message).toContain(
      "secrets",
    );

    expect(
      await queryAppDb(
        "SELECT name, verification, secrets, updated_at FROM endpoints WHERE id = $1",
        [endpoint.id],
      ),
    ).toEqual(before);
    expect((await getEndpointText(endpoint.id)).body).toEqual(endpoint);
    // The old scheme still verifies with the old token.
    const answer = await ingest(
      endpoint,
      JSON.stringify(json2videoDone("p-still-token")),
      bearerHeaders(token),
    );
    expect(answer.status).toBe(200);
    expect(answer.body.verification).toBe("verified");
  });

  it("refuses a non-whsec secret for a standard-webhooks endpoint and keeps the old secrets", async () => {
    const secret = newStandardWebhooksSecret();
    const created = await postEndpoint({
      name: unique("aspect"),
      provider: "aspect",
      secrets: [secret],
    });
    const refused = await patchEndpoint(created.body.id, {
      secrets: [secret, "plain-text-secret"],
    });
    expect(refused.status).toBe(400);
    expectApiError(refused.body, "validation_failed");
    expect((refused.body as unknown as { error: { message: string } }).error.message).toContain(
      "secrets",
    );
    expect((await getEndpointText(created.body.id)).body).toEqual(created.body);
    const body = JSON.stringify(
      aspectTaskEvent({
        taskId: "t-kept-secret",
        eventType: "task.progress",
        features: { transcription: "processing" },
        updated: "2025-01-01T12:00:00Z",
      }),
    );
    expect((await ingest(created.body, body, svixHeaders(secret, body))).status).toBe(200);
  });

  it("refuses secrets on the none scheme and an extraction on a fixed preset", async () => {
    const clipzy = await postEndpoint({ name: unique("clipzy"), provider: "clipzy" });
    const secrets = await patchEndpoint(clipzy.body.id, { secrets: ["abc"] });
    expect(secrets.status).toBe(400);
    expectApiError(secrets.body, "validation_failed");
    const extraction = await patchEndpoint(clipzy.body.id, { extraction: { jobIdPath: "job_id" } });
    expect(extraction.status).toBe(400);
    expectApiError(extraction.body, "validation_failed");
    expect((await getEndpointText(clipzy.body.id)).body).toEqual(clipzy.body);
  });

  it("rejects unknown fields, bad JSON and out-of-range caps; 404 for an unknown id", async () => {
    const created = await postEndpoint({ name: unique("strict"), provider: "generic" });
    const unknownField = await patchEndpoint(created.body.id, { provider: "aspect" });
    expect(unknownField.status).toBe(400);
    expectApiError(unknownField.body, "validation_failed");
    expect(
      (unknownField.body as unknown as { error: { message: string } }).error.message,
    ).toContain("provider");

    const cap = await patchEndpoint(created.body.id, { bodyLimitBytes: 0 });
    expect(cap.status).toBe(400);
    expect((cap.body as unknown as { error: { message: string } }).error.message).toContain(
      "bodyLimitBytes",
    );

    const badJson = await api(`/api/endpoints/${created.body.id}`, {
      method: "PATCH",
      body: "{nope",
    });
    expect(badJson.status).toBe(400);
    expectApiError(await badJson.json(), "invalid_json");

    const missing = await patchEndpoint("ep_unknown0000000000000", { name: "x" });
    expect(missing.status).toBe(404);
    expectApiError(missing.body, "not_found");
    expect((await getEndpointText(created.body.id)).body).toEqual(created.body);
  });
});

describe("DELETE /api/endpoints/<id>", () => {
  it("archives: archivedAt set, idempotent, still readable, and the ingest URL answers 410", async () => {
    const endpoint = await createEndpoint({ name: unique("to archive"), provider: "clipzy" });
    // A first callback puts the endpoint in the app's cache; archiving must still reach ingest.
    expect(
      (await ingest(endpoint, JSON.stringify(clipzyJob("job_pre_archive", "completed")))).status,
    ).toBe(200);

    const first = await apiJson<EndpointView>(`/api/endpoints/${endpoint.id}`, {
      method: "DELETE",
    });
    expect(first.status).toBe(200);
    expect(first.body.archivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(first.body.id).toBe(endpoint.id);

    const gone = await ingest(endpoint, JSON.stringify(clipzyJob("job_post_archive", "completed")));
    expect(gone.status).toBe(410);
    expectApiError(gone.body, "endpoint_archived");

    const second = await apiJson<EndpointView>(`/api/endpoints/${endpoint.id}`, {
      method: "DELETE",
    });
    expect(second.status).toBe(200);
    expect(second.body.archivedAt).toBe(first.body.archivedAt);

    const read = await getEndpointText(endpoint.id);
    expect(read.status).toBe(200);
    expect(read.body.archivedAt).toBe(first.body.archivedAt);

    // Stored data stays (and stays listed); the refused callback stored nothing.
    const events = await apiJson<{ items: Array<{ deliveryCount: number }> }>(
      `/api/events?endpointId=${endpoint.id}`,
    );
    expect(events.body.items.map((e) => e.deliveryCount)).toEqual([1]);
    const deliveries = await queryAppDb<{ n: number }>(
      "SELECT count(*)::int AS n FROM deliveries WHERE endpoint_id = $1",
      [endpoint.id],
    );
    expect(deliveries).toEqual([{ n: 1 }]);
  });

  it("answers 404 for an unknown id", async () => {
    const { status, body } = await apiJson("/api/endpoints/ep_unknown0000000000000", {
      method: "DELETE",
    });
    expect(status).toBe(404);
    expectApiError(body, "not_found");
  });
});

describe("changes reach the ingest path immediately", () => {
  // Each check is sent right after the PATCH answers, with no retry: a stale cache
  // entry would accept the old secret once, and that once is the bug.
  it("a secret rotation: the old signature is refused and the new one accepted on the next request", async () => {
    let current = newStandardWebhooksSecret();
    const endpoint = await createEndpoint({
      name: unique("rotating"),
      provider: "aspect",
      secrets: [current],
    });
    const callback = (taskId: string) =>
      JSON.stringify(
        aspectTaskEvent({
          taskId,
          eventType: "task.progress",
          features: { transcription: "processing" },
          updated: "2025-01-01T12:00:00Z",
        }),
      );

    const warmBody = callback("task-warm");
    const warm = await ingest(endpoint, warmBody, svixHeaders(current, warmBody));
    expect(warm.status).toBe(200);
    expect(warm.body.verification).toBe("verified");

    // Several rounds: the stale window is short, one round alone often slips through it.
    for (let round = 1; round <= 10; round++) {
      const next = newStandardWebhooksSecret();
      const patched = await patchEndpoint(endpoint.id, { secrets: [next] });
      expect(patched.status).toBe(200);

      const oldBody = callback(`task-old-${round}`);
      const withOld = await ingest(endpoint, oldBody, svixHeaders(current, oldBody));
      expect(withOld.status, `round ${round}: old secret after the PATCH`).toBe(401);
      expect(withOld.body.error?.code).toBe("verification_failed");

      const newBody = callback(`task-new-${round}`);
      const withNew = await ingest(endpoint, newBody, svixHeaders(next, newBody));
      expect(withNew.status, `round ${round}: new secret after the PATCH`).toBe(200);
      expect(withNew.body.verification).toBe("verified");
      current = next;
    }
  });

  it("a verification change (token -> hmac base64) applies to the next callback", async () => {
    const secret = `shared-${randomUUID()}`;
    const endpoint = await createEndpoint({
      name: unique("scheme change"),
      provider: "generic",
      verification: { scheme: "token", header: "x-token" },
      secrets: [secret],
    });
    const body = JSON.stringify({ id: "a" });
    expect((await ingest(endpoint, body, { "x-token": secret })).status).toBe(200);

    const patched = await patchEndpoint(endpoint.id, {
      verification: { scheme: "hmac", header: "X-Signature", encoding: "base64" },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.verification).toEqual({
      scheme: "hmac",
      header: "x-signature",
      algorithm: "sha256",
      encoding: "base64",
      prefix: "",
    });

    const tokenOnly = await ingest(endpoint, JSON.stringify({ id: "b" }), { "x-token": secret });
    expect(tokenOnly.status).toBe(401);
    const signedBody = JSON.stringify({ id: "c" });
    const signed = await ingest(endpoint, signedBody, {
      "x-signature": hmacBase64(secret, signedBody),
    });
    expect(signed.status).toBe(200);
    expect(signed.body.verification).toBe("verified");
  });

  it("a lower body cap applies to the next callback", async () => {
    const endpoint = await createEndpoint({ name: unique("cap change"), provider: "generic" });
    const big = JSON.stringify({ padding: "x".repeat(3000) });
    expect((await ingest(endpoint, big)).status).toBe(200);
    expect((await patchEndpoint(endpoint.id, { bodyLimitBytes: 2048 })).status).toBe(200);
    const refused = await ingest(endpoint, JSON.stringify({ padding: "y".repeat(3000) }));
    expect(refused.status).toBe(413);
    expect((await ingest(endpoint, JSON.stringify({ small: true }))).status).toBe(200);
  });
});
