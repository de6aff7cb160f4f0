// Roles, driven by the one table of routes (tests/support/api-route-table.ts): every
// /api route and method, called with the personal token of a viewer, a member and an
// admin (the metrics route refuses all three: it is for the metrics token). Below the role a route needs: 403 forbidden naming that role, and nothing in
// the fixture changed. At or above it: 2xx on real ids. A route.ts under app/api that
// exports a method missing from the table fails the first test here.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasRole, ROLES, type Role } from "@/lib/auth/roles";
import { baseUrl } from "@/tests/support/api";
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

const HTTP_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);
const API_DIR = path.resolve("app/api");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

const isExported = (node: ts.Node) =>
  ts.canHaveModifiers(node) &&
  (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/**
 * The HTTP methods a route.ts exports as handlers: `export const GET = ...` and
 * `export function GET`. Destructured exports (`export const { POST } = otherMethods("GET")`)
 * are the JSON 405s of methods a route does not serve, so they are not routes.
 */
function exportedHandlers(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
    true,
  );
  const names: string[] = [];
  for (const statement of source.statements) {
    if (!isExported(statement)) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name) names.push(statement.name.text);
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations)
        if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
    }
    if (
      ts.isExportDeclaration(statement) &&
      statement.exportClause &&
      ts.isNamedExports(statement.exportClause)
    ) {
      for (const element of statement.exportClause.elements) names.push(element.name.text);
    }
  }
  return names.filter((name) => HTTP_METHODS.has(name));
}

const routeOf = (file: string) =>
  `/api/${path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/")}`.replace(/\/$/, "");
const keyOf = (route: { method: string; route: string }) => `${route.method} ${route.route}`;

describe("the route table", () => {
  it("names every method that every app/api route.ts exports, and nothing else", () => {
    const exported = routeFiles(API_DIR).flatMap((file) =>
      exportedHandlers(file).map((method) => keyOf({ method, route: routeOf(file) })),
    );
    // Guards the scan itself: it must find the routes it is meant to find.
    expect(exported).toContain("GET /api/endpoints");
    expect(exported).toContain("PATCH /api/endpoints/[id]");
    expect(exported).not.toContain("PUT /api/endpoints");
    expect([...new Set(apiRouteTable.map(keyOf))].sort()).toEqual([...exported].sort());
    expect(apiRouteTable.map(keyOf)).toHaveLength(new Set(apiRouteTable.map(keyOf)).size);
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
