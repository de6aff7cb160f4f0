// Roles, driven by the one table of routes (tests/support/api-route-table.ts): every
// /api route and method, called with the personal token of a viewer, a member and an
// admin (the metrics route refuses all three: it is for the metrics token). Below the role a route needs: 403 forbidden naming that role, and nothing in
// the fixture changed. At or above it: 2xx on real ids. A route.ts under app/api that
// exports a method missing from the table fails the first test here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasRole, ROLES, type Role } from "@/lib/auth/roles";
import { baseUrl } from "@/tests/support/api";
import { operations } from "@/lib/openapi/operations";
import { CATCH_ALL_ROUTE, routeOfPath, servedRoutes } from "@/tests/support/api-route-files";
import {
  apiRouteTable,
  createReplayBatch,
  createRouteFixture,
  fixtureState,
  type RouteCase,
  type RouteFixture,
} from "@/tests/support/api-route-table";
import { expectApiError } from "@/tests/support/callbacks-inbox";
import { closeTestPeople, createTestPerson, type TestPerson } from "@/tests/support/people";
import { startReceiver, type Receiver } from "@/tests/support/receiver";

const keyOf = (route: { method: string; route: string }) => `${route.method} ${route.route}`;

describe("the route table", () => {
  it("names every method that every app/api route.ts exports, and nothing else", () => {
    const exported = servedRoutes().map(keyOf);
    // Guards the scan itself: it must find the routes it is meant to find.
    expect(exported).toContain("GET /api/endpoints");
    expect(exported).toContain("PATCH /api/endpoints/[id]");
    expect(exported).not.toContain("PUT /api/endpoints");
    expect([...new Set(apiRouteTable.map(keyOf))].sort()).toEqual([...exported].sort());
    expect(apiRouteTable.map(keyOf)).toHaveLength(new Set(apiRouteTable.map(keyOf)).size);
  });

  // The contract states each operation's role (x-role); the table's roles are the ones
  // the tests below prove the server enforces, so the two must agree.
  it("gives each route the role the OpenAPI contract states", () => {
    const documented = operations.map((operation) => ({
      key: keyOf({ method: operation.method.toUpperCase(), route: routeOfPath(operation.path) }),
      role: operation.role,
    }));
    const tabled = apiRouteTable
      .filter((route) => route.route !== CATCH_ALL_ROUTE)
      .map((route) => ({ key: keyOf(route), role: route.role }));
    const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
    expect(documented.sort(byKey)).toEqual(tabled.sort(byKey));
  });
});

let receiver: Receiver;
let replayId: string;
const people = {} as Record<Role, TestPerson>;

beforeAll(async () => {
  receiver = await startReceiver();
  replayId = await createReplayBatch(receiver.url());
  for (const role of ROLES) people[role] = await createTestPerson(role);
});

afterAll(async () => {
  await receiver?.close();
  await closeTestPeople();
});

/** One call with `token`; a stream's body is cancelled once its status is known. */
async function call(
  route: RouteCase,
  fixture: RouteFixture,
  token: string | null,
): Promise<{ status: number; body: unknown }> {
  const { path: requestPath, body } = route.request(fixture);
  const response = await fetch(`${baseUrl()}${requestPath}`, {
    method: route.method,
    headers: {
      "content-type": "application/json",
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (route.stream && response.ok) {
    await response.body?.cancel();
    return { status: response.status, body: null };
  }
  const text = await response.text();
  return { status: response.status, body: text === "" ? null : (JSON.parse(text) as unknown) };
}

const publicRoutes = apiRouteTable.filter((route) => route.role === "public");
const protectedRoutes = apiRouteTable.filter(
  (route): route is RouteCase & { role: Role } =>
    route.role !== "public" && route.role !== "metrics",
);
const metricsRoutes = apiRouteTable.filter((route) => route.role === "metrics");

describe.each(protectedRoutes)("$method $route needs $role", (route) => {
  let fixture: RouteFixture;
  beforeAll(async () => {
    fixture = await createRouteFixture(receiver.url(), replayId);
  });

  // In rising order: the refusals run on the untouched fixture, and a DELETE that succeeds runs last.
  it.each(ROLES)("as a %s", async (role) => {
    const before = await fixtureState(fixture);
    const { status, body } = await call(route, fixture, people[role].token);
    if (hasRole(role, route.role)) {
      expect(status, JSON.stringify(body)).toBeGreaterThanOrEqual(200);
      expect(status, JSON.stringify(body)).toBeLessThan(300);
      return;
    }
    expect(status, JSON.stringify(body)).toBe(403);
    expectApiError(body, "forbidden");
    expect(body).toMatchObject({
      error: { message: `this needs the ${route.role} role; you are a ${role}` },
    });
    expect(await fixtureState(fixture)).toEqual(before);
  });
});

describe.each(metricsRoutes)("$method $route is for the metrics token only", (route) => {
  it.each(ROLES)("refuses a %s's personal token with 403", async (role) => {
    const { status, body } = await call(
      route,
      await createRouteFixture(receiver.url(), replayId),
      people[role].token,
    );
    expect(status, JSON.stringify(body)).toBe(403);
    expectApiError(body, "forbidden");
    expect(body).toMatchObject({
      error: { message: expect.stringContaining("INBOX_METRICS_TOKEN") },
    });
  });
});

describe.each(publicRoutes)("$method $route is public", (route) => {
  it("answers without a token, and neither 401 nor 403", async () => {
    const { status } = await call(route, await createRouteFixture(receiver.url(), replayId), null);
    expect(status).not.toBe(401);
    expect(status).not.toBe(403);
    expect(status).toBeLessThan(500);
  });
});
