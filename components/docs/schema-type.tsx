// A JSON Schema (as the OpenAPI document holds it) in a few words: its type, with a link
// for a named schema, and the rules a caller must meet (enum values, limits, patterns).
import type { ReactNode } from "react";

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
};

export const schemaAnchor = (name: string) => `schema-${name}`;
const refName = (ref: string) => ref.split("/").pop() ?? ref;

/** The widest integers zod writes for .int(): saying them adds nothing. */
const SAFE_LIMIT = Number.MAX_SAFE_INTEGER;

export function SchemaType({ schema }: { schema: JsonSchema }): ReactNode {
  if (schema.$ref) {
    const name = refName(schema.$ref);
    return (
      <a
        href={`#${schemaAnchor(name)}`}
        className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
      >
        {name}
      </a>
    );
  }
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants)
    return variants.map((variant, index) => (
      <span key={index}>
        {index > 0 && <span className="text-zinc-400"> | </span>}
        <SchemaType schema={variant} />
      </span>
    ));
  if (schema.const !== undefined) return <code>{JSON.stringify(schema.const)}</code>;
  if (schema.enum) return <code>{schema.enum.map((v) => JSON.stringify(v)).join(" | ")}</code>;
  if (schema.prefixItems)
    return (
      <>
        [
        {schema.prefixItems.map((item, index) => (
          <span key={index}>
            {index > 0 && ", "}
            <SchemaType schema={item} />
          </span>
        ))}
        ]
      </>
    );
  if (schema.items)
    return (
      <>
        <SchemaType schema={schema.items} />
        []
      </>
    );
  if (
    schema.type === "object" &&
    !schema.properties &&
    typeof schema.additionalProperties === "object"
  )
    return (
      <>
        {"{ [key]: "}
        <SchemaType schema={schema.additionalProperties} />
        {" }"}
      </>
    );
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : schema.type;
  return <span>{type ?? "any JSON"}</span>;
}

/** "1 to 200 characters", "at most 10 items", "default 50": what the validation asks. */
export function schemaRules(schema: JsonSchema): string[] {
  const rules: string[] = [];
  const range = (min: number | undefined, max: number | undefined, unit: string) => {
    const lo = min !== undefined && Math.abs(min) < SAFE_LIMIT ? min : undefined;
    const hi = max !== undefined && Math.abs(max) < SAFE_LIMIT ? max : undefined;
    if (lo !== undefined && hi !== undefined) rules.push(`${lo} to ${hi}${unit}`);
    else if (lo !== undefined) rules.push(`at least ${lo}${unit}`);
    else if (hi !== undefined) rules.push(`at most ${hi}${unit}`);
  };
  range(schema.minimum, schema.maximum, "");
  range(schema.minLength, schema.maxLength, " characters");
  range(schema.minItems, schema.maxItems, " items");
  if (schema.pattern && schema.pattern.length <= 60) rules.push(`matches ${schema.pattern}`);
  if (schema.default !== undefined) rules.push(`default ${JSON.stringify(schema.default)}`);
  return rules;
}
