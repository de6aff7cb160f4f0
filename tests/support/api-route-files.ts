// What app/api really serves, read from the route files: each route.ts and the HTTP
// methods it exports as handlers. The route table (roles.test.ts) and the OpenAPI
// contract (openapi-coverage.test.ts) are both held against this scan.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const HTTP_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);
export const API_DIR = path.resolve("app/api");

export function routeFiles(dir: string = API_DIR): string[] {
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
export function exportedHandlers(file: string): string[] {
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

/** The route's folder under app/, e.g. "/api/endpoints/[id]". */
export const routeOf = (file: string) =>
  `/api/${path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/")}`.replace(/\/$/, "");

/** Every "METHOD /api/route" that app/api serves. */
export function servedRoutes(): Array<{ method: string; route: string }> {
  return routeFiles().flatMap((file) =>
    exportedHandlers(file).map((method) => ({ method, route: routeOf(file) })),
  );
}

/** app/api/[...path]: the JSON 404 of every path that is not a route, so not an operation. */
export const CATCH_ALL_ROUTE = "/api/[...path]";

/** "/api/endpoints/{id}" (OpenAPI) -> "/api/endpoints/[id]" (the route's folder). */
export const routeOfPath = (openApiPath: string) => openApiPath.replace(/\{(\w+)\}/g, "[$1]");
