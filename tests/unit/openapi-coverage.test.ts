// The contract covers exactly what app/api serves: every method every route.ts exports
// as a handler is an operation of /api/openapi.json, and every operation there is served.
// (roles.test.ts holds each operation's x-role against the roles the server enforces.)
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi/document";
import { CATCH_ALL_ROUTE, routeOfPath, servedRoutes } from "@/tests/support/api-route-files";

const served = servedRoutes()
  .filter((route) => route.route !== CATCH_ALL_ROUTE)
  .map((route) => `${route.method} ${route.route}`)
  .sort();

const documented = Object.entries(openApiDocument().paths)
  .flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => `${method.toUpperCase()} ${routeOfPath(path)}`),
  )
  .sort();

describe("the OpenAPI document", () => {
  it("finds the routes it is meant to find (the scan works)", () => {
    expect(served).toContain("GET /api/endpoints");
    expect(served).toContain("DELETE /api/endpoints/[id]/destinations/[destinationId]");
    expect(served).not.toContain("PUT /api/endpoints");
  });

  it("documents every method of every app/api route", () => {
    expect(served.filter((route) => !documented.includes(route))).toEqual([]);
  });

  it("documents no operation that no route serves", () => {
    expect(documented.filter((route) => !served.includes(route))).toEqual([]);
  });

  it("gives every operation an id, a role and the error body of each error status", () => {
    const document = openApiDocument();
    const ids = new Set<string>();
    for (const methods of Object.values(document.paths)) {
      for (const operation of Object.values(methods) as Array<Record<string, unknown>>) {
        ids.add(operation.operationId as string);
        expect(["public", "metrics", "viewer", "member", "admin"]).toContain(operation["x-role"]);
        const responses = operation.responses as Record<string, { content?: unknown }>;
        for (const [status, response] of Object.entries(responses)) {
          if (Number(status) >= 400)
            expect(response.content).toEqual({
              "application/json": { schema: { $ref: `#/components/schemas/Error${status}` } },
            });
        }
      }
    }
    expect(ids.size).toBe(documented.length);
  });
});
