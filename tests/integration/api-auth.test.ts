// Every /api route except the probes demands the bearer token, and every API error has
// the one documented shape. The routes come from the one table (tests/support/api-route-table.ts),
// on real ids, so a route that skipped the check would answer 200 (or change data)
// rather than a lucky 404.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiJson,
  baseUrl,
  createEndpoint,
  queryAppDb,
  type CreatedEndpoint,
} from "@/tests/support/api";
import { closeTestPeople } from "@/tests/support/people";
import {
  apiRouteTable,
  createReplayBatch,
  createRouteFixture,
  type RouteFixture,
} from "@/tests/support/api-route-table";
import { TEST_API_TOKEN } from "@/tests/support/app-server";
import { expectApiError } from "@/tests/support/callbacks-inbox";
import { startReceiver, type Receiver } from "@/tests/support/receiver";

function call(
  method: string,
  path: string,
  authorization: string | null,
  body?: unknown,
): Promise<Response> {
  return fetch(`${baseUrl()}${path}`, {
    method,
    headers: {
      "content-type": "application/json",
      ...(authorization === null ? {} : { authorization }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const lastCharChanged = TEST_API_TOKEN.slice(0, -1) + (TEST_API_TOKEN.endsWith("x") ? "y" : "x");

const badCredentials: Array<[label: string, authorization: string | null]> = [
  ["no Authorization header", null],
  ["a wrong token of the same length", `Bearer ${lastCharChanged}`],
  ["a longer token that starts with the real one", `Bearer ${TEST_API_TOKEN}0`],
  ["a shorter token (a prefix of the real one)", `Bearer ${TEST_API_TOKEN.slice(0, 8)}`],
  [
    "Basic credentials carrying the token",
    `Basic ${Buffer.from(`inbox:${TEST_API_TOKEN}`).toString("base64")}`,
  ],
  ["the token without the Bearer scheme", TEST_API_TOKEN],
  ["an empty Bearer", "Bearer "],
];

let endpoint: CreatedEndpoint;
let receiver: Receiver;
let replayId: string;

beforeAll(async () => {
  endpoint = await createEndpoint({ name: "auth target", provider: "clipzy" });
  receiver = await startReceiver();
  replayId = await createReplayBatch(receiver.url());
});

afterAll(async () => {
  await receiver?.close();
  await closeTestPeople();
});

// The one table of routes (also the role tests'): every route that needs a credential.
const protectedRoutes = apiRouteTable.filter((route) => route.role !== "public");

describe.each(protectedRoutes)("$method $route", (route) => {
  let fixture: RouteFixture;
  beforeAll(async () => {
    fixture = await createRouteFixture(receiver.url(), replayId);
  });

  const send = (authorization: string | null) => {
    const { path, body } = route.request(fixture);
    return call(route.method, path, authorization, body);
  };

  it.each(badCredentials)("answers 401 unauthorized with %s", async (_label, authorization) => {
    const response = await send(authorization);
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const body: unknown = await response.json();
    expectApiError(body, "unauthorized");
  });

  it("answers 2xx with the right token (so the 401s above are about the token)", async () => {
    const response = await send(`Bearer ${TEST_API_TOKEN}`);
    // An event stream never ends: its status is the answer.
    await response.body?.cancel();
    expect(response.status).toBeGreaterThanOrEqual(200);
    expect(response.status).toBeLessThan(300);
  });
});

describe("rejected requests change nothing", () => {
  it("a POST, PATCH and DELETE with a wrong token create, rename and archive nothing", async () => {
    const name = `never created ${Date.now()}`;
    for (const [, authorization] of badCredentials) {
      expect(
        (await call("POST", "/api/endpoints", authorization, { name, provider: "clipzy" })).status,
      ).toBe(401);
      expect(
        (await call("PATCH", `/api/endpoints/${endpoint.id}`, authorization, { name: "hijacked" }))
          .status,
      ).toBe(401);
      expect((await call("DELETE", `/api/endpoints/${endpoint.id}`, authorization)).status).toBe(
        401,
      );
    }
    expect(await queryAppDb("SELECT id FROM endpoints WHERE name = $1", [name])).toEqual([]);
    expect(
      await queryAppDb("SELECT name, archived_at FROM endpoints WHERE id = $1", [endpoint.id]),
    ).toEqual([{ name: "auth target", archived_at: null }]);
  });
});

describe("probes need no token", () => {
  it("GET /api/health answers 200 without a token", async () => {
    const response = await call("GET", "/api/health", null);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("GET /api/ready answers 200 without a token while the database is up", async () => {
    const response = await call("GET", "/api/ready", null);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready" });
  });
});

describe("API errors have one shape", () => {
  it.each(["GET", "POST", "PATCH", "DELETE"])(
    "an unknown /api path answers %s with a JSON 404",
    async (method) => {
      const response = await call(
        method,
        "/api/whatever/deeper",
        `Bearer ${TEST_API_TOKEN}`,
        method === "GET" ? undefined : {},
      );
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expectApiError(await response.json(), "not_found");
    },
  );

  it("an unknown id answers a JSON 404", async () => {
    const { status, body } = await apiJson("/api/endpoints/ep_doesnotexist");
    expect(status).toBe(404);
    expectApiError(body, "not_found");
  });

  it("a validation failure is a 400 with the same shape (details allowed)", async () => {
    const { status, body } = await apiJson("/api/endpoints", {
      method: "POST",
      body: JSON.stringify({ provider: "clipzy" }),
    });
    expect(status).toBe(400);
    expectApiError(body, "validation_failed");
  });

  it("a method a route does not support answers a JSON 405, not an empty body", async () => {
    const response = await call("PUT", "/api/endpoints", `Bearer ${TEST_API_TOKEN}`, {
      name: "x",
      provider: "clipzy",
    });
    expect(response.status).toBe(405);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expectApiError(await response.json(), "method_not_allowed");
  });
});
