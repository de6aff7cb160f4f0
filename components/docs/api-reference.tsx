// The OpenAPI document as a page: tags, each operation with its role, parameters,
// request body and responses, then every named schema. Rendered on the server from the
// same document /api/openapi.json serves; no script, nothing fetched from elsewhere.
import type { OpenApiDocument } from "@/lib/openapi/document";
import { Badge, type Tone } from "@/components/ui/badge";
import { SchemaBody, SchemaTableHead } from "./property-table";
import { SchemaType, schemaAnchor, schemaRules, type JsonSchema } from "./schema-type";

type Parameter = {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema: JsonSchema;
};
type Media = Record<string, { schema?: JsonSchema }>;
type OperationView = {
  method: string;
  path: string;
  operationId: string;
  tags: string[];
  summary: string;
  description: string;
  "x-role": string;
  parameters?: Parameter[];
  requestBody?: { content: Media };
  responses: Record<string, { description: string; content?: Media }>;
};

const METHOD_TONES: Record<string, Tone> = {
  get: "blue",
  post: "green",
  put: "amber",
  patch: "violet",
  delete: "red",
};

const operationAnchor = (operationId: string) => `op-${operationId}`;

function operationsOf(document: OpenApiDocument): OperationView[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(
      ([method, operation]) => ({ ...operation, method, path }) as unknown as OperationView,
    ),
  );
}

function MediaSchema({ media }: { media: Media }) {
  return Object.entries(media).map(([type, { schema }]) => (
    <span key={type} className="font-mono text-xs">
      {schema ? <SchemaType schema={schema} /> : null}
      <span className="ml-2 text-zinc-500 dark:text-zinc-400">{type}</span>
    </span>
  ));
}

function ParameterTable({ parameters }: { parameters: Parameter[] }) {
  return (
    <table className="w-full table-fixed border-collapse text-left text-sm">
      <SchemaTableHead first="Parameter" />
      <tbody>
        {parameters.map((parameter) => (
          <tr
            key={`${parameter.in}-${parameter.name}`}
            className="border-b border-zinc-100 align-top last:border-0 dark:border-zinc-800/60"
          >
            <td className="py-1.5 pr-3 font-mono text-xs break-words">
              {parameter.name}
              <span className="ml-1 font-sans text-zinc-400 dark:text-zinc-500">
                {parameter.in}
                {!parameter.required && ", optional"}
              </span>
            </td>
            <td className="py-1.5 pr-3 font-mono text-xs break-words text-zinc-700 dark:text-zinc-300">
              <SchemaType schema={parameter.schema} />
            </td>
            <td className="py-1.5 text-xs break-words text-zinc-600 dark:text-zinc-400">
              {[parameter.description, ...schemaRules(parameter.schema)]
                .filter(Boolean)
                .join(" · ")}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function OperationCard({ operation }: { operation: OperationView }) {
  const role = operation["x-role"];
  return (
    <article
      id={operationAnchor(operation.operationId)}
      className="scroll-mt-16 rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900/40"
    >
      <header className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-4 py-2.5 dark:border-zinc-800">
        <Badge tone={METHOD_TONES[operation.method] ?? "neutral"}>
          {operation.method.toUpperCase()}
        </Badge>
        <code className="text-sm font-semibold break-all text-zinc-900 dark:text-zinc-50">
          {operation.path}
        </code>
        <span className="ml-auto">
          <Badge tone={role === "public" ? "neutral" : role === "admin" ? "red" : "amber"}>
            {role === "public" || role === "metrics" ? role : `${role}+`}
          </Badge>
        </span>
      </header>
      <div className="space-y-3 px-4 py-3">
        <p className="text-sm font-medium text-zinc-900 dark:text-zinc-100">{operation.summary}</p>
        {operation.description
          .split("\n\n")
          .slice(0, -1)
          .map((paragraph) => (
            <p key={paragraph} className="text-sm text-zinc-600 dark:text-zinc-400">
              {paragraph}
            </p>
          ))}
        {operation.parameters && <ParameterTable parameters={operation.parameters} />}
        {operation.requestBody && (
          <p className="text-sm">
            <span className="mr-2 text-xs font-medium text-zinc-500 dark:text-zinc-400">
              Request body
            </span>
            <MediaSchema media={operation.requestBody.content} />
          </p>
        )}
        <div>
          <h4 className="mb-1 text-xs font-medium text-zinc-500 dark:text-zinc-400">Responses</h4>
          <ul className="space-y-1 text-sm">
            {Object.entries(operation.responses).map(([status, response]) => (
              <li key={status} className="flex flex-wrap items-baseline gap-x-2">
                <Badge
                  tone={Number(status) < 300 ? "green" : Number(status) < 500 ? "amber" : "red"}
                >
                  {status}
                </Badge>
                <span className="text-zinc-700 dark:text-zinc-300">{response.description}</span>
                {response.content && <MediaSchema media={response.content} />}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </article>
  );
}

export function ApiReference({ document }: { document: OpenApiDocument }) {
  const operations = operationsOf(document);
  const tags = document.tags.map((tag) => tag.name);
  const schemas = Object.entries(document.components.schemas) as Array<[string, JsonSchema]>;
  return (
    <div className="grid gap-8 lg:grid-cols-[14rem_1fr]">
      <nav aria-label="API sections" className="text-sm lg:sticky lg:top-16 lg:self-start">
        <ul className="space-y-3">
          {tags.map((tag) => (
            <li key={tag}>
              <a
                href={`#tag-${tag}`}
                className="font-semibold text-zinc-900 hover:underline dark:text-zinc-100"
              >
                {tag}
              </a>
              <ul className="mt-1 space-y-0.5">
                {operations
                  .filter((operation) => operation.tags.includes(tag))
                  .map((operation) => (
                    <li key={operation.operationId} className="truncate">
                      <a
                        href={`#${operationAnchor(operation.operationId)}`}
                        title={`${operation.method.toUpperCase()} ${operation.path}`}
                        className="font-mono text-xs text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
                      >
                        {operation.method.toUpperCase()} {operation.path.replace(/^\/api/, "")}
                      </a>
                    </li>
                  ))}
              </ul>
            </li>
          ))}
          <li>
            <a
              href="#schemas"
              className="font-semibold text-zinc-900 hover:underline dark:text-zinc-100"
            >
              Schemas
            </a>
          </li>
        </ul>
      </nav>
      <div className="min-w-0 space-y-10">
        {tags.map((tag) => (
          <section key={tag} id={`tag-${tag}`} className="scroll-mt-16 space-y-4">
            <h2 className="text-lg font-semibold tracking-tight">{tag}</h2>
            {operations
              .filter((operation) => operation.tags.includes(tag))
              .map((operation) => (
                <OperationCard key={operation.operationId} operation={operation} />
              ))}
          </section>
        ))}
        <section id="schemas" className="scroll-mt-16 space-y-4">
          <h2 className="text-lg font-semibold tracking-tight">Schemas</h2>
          {schemas.map(([name, schema]) => (
            <article
              key={name}
              id={schemaAnchor(name)}
              className="scroll-mt-16 rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900/40"
            >
              <h3 className="border-b border-zinc-200 px-4 py-2 font-mono text-sm font-semibold dark:border-zinc-800">
                {name}
              </h3>
              <div className="px-4 py-3">
                <SchemaBody schema={schema} />
              </div>
            </article>
          ))}
        </section>
      </div>
    </div>
  );
}
