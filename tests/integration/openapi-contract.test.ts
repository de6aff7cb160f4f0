// The contract as served, and the check every integration test runs through the shared
// client (tests/support/contract.ts): a real answer passes it, and each way of breaking
// that answer (a missing field, an extra one, a wrong type, an undocumented status, a
// 2xx from no operation, an error code of another status) fails it. The broken answers
// come from a real HTTP server on 127.0.0.1 that replays what the app really answered.
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi/document";
import { api, apiClient, apiJson, baseUrl, createEndpoint } from "@/tests/support/api";
import { ContractViolation } from "@/tests/support/contract";
import { receiversClosedAfterAll } from "@/tests/support/receiver";

const startReceiver = receiversClosedAfterAll();

describe("GET /api/openapi.json", () => {
  it("serves the document lib/openapi builds, without a credential", async () => {
    const response = await fetch(`${baseUrl()}/api/openapi.json`);
    expect(response.status).toBe(200);
    const served = (await response.json()) as ReturnType<typeof openApiDocument>;
    expect(served).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
    expect(served.openapi).toBe("3.1.0");
    expect(served.paths["/api/endpoints"]?.post?.["x-role"]).toBe("admin");
  });
});

describe("the shared client's contract check", () => {
  async function replaying(body: string, status = 200) {
    const receiver = await startReceiver();
    receiver.respond = () => ({
      status,
      headers: { "content-type": "application/json" },
      body,
    });
    return apiClient(() => receiver.url(""));
  }

  it("passes a real answer and fails each way of breaking it", async () => {
    const endpoint = await createEndpoint({ name: "contract check", provider: "clipzy" });
    const path = `/api/endpoints/${endpoint.id}`;
    const real = await api(path);
    expect(real.status).toBe(200);
    const answer = (await real.json()) as Record<string, unknown>;

    const same = await replaying(JSON.stringify(answer));
    await expect(same(path)).resolves.toMatchObject({ status: 200 });

    const { ingestUrl: _dropped, ...missing } = answer;
    const broken: Array<[string, string, number, RegExp]> = [
      ["a missing field", JSON.stringify(missing), 200, /required property 'ingestUrl'/],
      ["an extra field", JSON.stringify({ ...answer, secret: "x" }), 200, /additional propert/],
      ["a wrong type", JSON.stringify({ ...answer, secretCount: "1" }), 200, /secretCount/],
      ["an undocumented status", JSON.stringify(answer), 202, /documents no 202/],
      [
        "an error code of another status",
        JSON.stringify({ error: { code: "conflict", message: "x" } }),
        404,
        /Error404/,
      ],
    ];
    for (const [what, body, status, message] of broken) {
      const call = await replaying(body, status);
      await expect(call(path), what).rejects.toThrow(message);
      await expect(call(path), what).rejects.toBeInstanceOf(ContractViolation);
    }

    const nowhere = await replaying(JSON.stringify({ ok: true }));
    await expect(nowhere("/api/no-such-route")).rejects.toThrow(/no operation documents it/);
  });

  it("lets the app's own 404 and 405 through: documented error bodies", async () => {
    await expect(apiJson("/api/no-such-route")).resolves.toMatchObject({ status: 404 });
    await expect(apiJson("/api/endpoints", { method: "PUT" })).resolves.toMatchObject({
      status: 405,
    });
  });
});

describe("/docs/api", () => {
  it("renders every operation, public and with nothing loaded from another origin", async () => {
    const response = await fetch(`${baseUrl()}/docs/api`);
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const [path, methods] of Object.entries(openApiDocument().paths)) {
      for (const operation of Object.values(methods))
        expect(html).toContain(`id="op-${(operation as { operationId: string }).operationId}"`);
      expect(html).toContain(path.replace(/&/g, "&amp;"));
    }
    expect(html).toContain('id="schema-Endpoint"');
    // Offline: every script, stylesheet and image is served by the app itself.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\/(?!127\.0\.0\.1)/);
  });
});
