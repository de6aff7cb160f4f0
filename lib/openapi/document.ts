// The OpenAPI 3.1 document, built from the operation table and the zod schemas with
// zod's own JSON Schema output (draft 2020-12, the dialect OpenAPI 3.1 uses), so the
// contract and the validation the routes run cannot drift apart. Built once per process.
import { z } from "zod";
import { errorStatus } from "@/lib/http/app-error";
import { requestSchemas, responseSchemas } from "./components";
import { operations, type Operation } from "./operations";

type JsonSchema = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Named schemas as components/schemas, each nested named one as a $ref. */
function componentSchemas(
  schemas: Record<string, z.ZodType>,
  io: "input" | "output",
): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const converted = z.toJSONSchema(registry, {
    io,
    target: "draft-2020-12",
    uri: (id) => `#/components/schemas/${id}`,
    // A transform's result has no JSON Schema; requests are read as input, so only a
    // response built through a transform would meet this, and then it is "any".
    unrepresentable: "any",
  }).schemas;
  if ("__shared" in converted)
    throw new Error("a schema is shared outside the named components: name it in components.ts");
  // Each component is part of one document: no $schema or $id of its own.
  return Object.fromEntries(
    Object.entries(converted).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema]),
  );
}

function queryParameters(query: z.ZodObject): JsonSchema[] {
  const schema = z.toJSONSchema(query, { io: "input", target: "draft-2020-12" }) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: schema.required?.includes(name) ?? false,
    schema: property,
  }));
}

function pathParameters(path: string): JsonSchema[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string", minLength: 1, maxLength: 100 },
  }));
}

/** The error statuses an operation can answer, from what it reads and who may call it. */
function errorStatusesOf(operation: Operation): number[] {
  const statuses = new Set(operation.errors);
  if (operation.query || operation.body) statuses.add(400);
  if (operation.role !== "public") {
    for (const status of [401, 403, 500, 503]) statuses.add(status);
  }
  if (operation.path.includes("{")) statuses.add(404);
  return [...statuses].sort((a, b) => a - b);
}

function errorDescription(status: number): string {
  const codes = Object.entries(errorStatus)
    .filter(([, s]) => s === status)
    .map(([code]) => code);
  return `Error: ${codes.join(", ")}`;
}

function operationObject(operation: Operation): JsonSchema {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, spec] of Object.entries(operation.responses)) {
    responses[status] = {
      description: spec.description,
      ...(spec.contentType || spec.schema
        ? {
            content: {
              [spec.contentType ?? "application/json"]: spec.schema
                ? { schema: ref(spec.schema) }
                : {},
            },
          }
        : {}),
    };
  }
  for (const status of errorStatusesOf(operation)) {
    responses[String(status)] = {
      description: errorDescription(status),
      content: { "application/json": { schema: ref(`Error${status}`) } },
    };
  }
  const parameters = [
    ...pathParameters(operation.path),
    ...(operation.query ? queryParameters(operation.query) : []),
    ...(operation.headers ?? []).map((header) => ({
      name: header.name,
      in: "header",
      required: false,
      description: header.description,
      schema: { type: "string" },
    })),
  ];
  const roleText =
    operation.role === "public"
      ? "Public: no credential."
      : operation.role === "metrics"
        ? "The metrics token or the operator token."
        : `Role: ${operation.role} or above.`;
  return {
    operationId: operationId(operation),
    tags: [operation.tag],
    summary: operation.summary,
    description: [operation.description, roleText].filter(Boolean).join("\n\n"),
    "x-role": operation.role,
    ...(operation.role === "public" ? { security: [] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: ref(operation.body) } },
          },
        }
      : {}),
    responses,
  };
}

/** getEndpointsIdDestinations-like ids: what generated clients name their functions. */
export function operationId(operation: Pick<Operation, "method" | "path">): string {
  const words = operation.path
    .replace(/^\/api\//, "")
    .split(/[/.-]/)
    .filter(Boolean)
    .map((word) => word.replace(/[{}]/g, ""))
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  return operation.method + words.join("");
}

function buildDocument() {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const operation of operations) {
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method] = operationObject(operation);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Webhook Inbox API",
      version: "1",
      description:
        'Every error is `{ "error": { "code", "message" } }` with a code from a closed set. A method a route does not serve answers 405 method_not_allowed with an Allow header; any other /api path answers 404 not_found. The prose guide is docs/api.md.',
    },
    tags: [...new Set(operations.map((operation) => operation.tag))].map((name) => ({ name })),
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          description:
            "A personal API token (Settings > API tokens) or the operator token (INBOX_API_TOKEN).",
        },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "better-auth.session_token",
          description: "The session cookie of a signed-in browser (__Secure- prefixed over HTTPS).",
        },
      },
      schemas: {
        ...componentSchemas(requestSchemas, "input"),
        ...componentSchemas(responseSchemas, "output"),
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildDocument>;

let built: OpenApiDocument | undefined;

/** The contract, built on first use (a few milliseconds) and kept. */
export function openApiDocument(): OpenApiDocument {
  built ??= buildDocument();
  return built;
}
