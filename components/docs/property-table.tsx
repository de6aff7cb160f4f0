// The fields of an object schema as a table: name, type, required or not, and what the
// validation asks. Nested objects (and the variants of a union of objects) nest a table.
import type { ReactNode } from "react";
import { SchemaType, schemaRules, type JsonSchema } from "./schema-type";

function objectVariants(schema: JsonSchema): JsonSchema[] {
  if (schema.properties) return [schema];
  const variants = schema.anyOf ?? schema.oneOf ?? [];
  return variants.filter((variant) => variant.properties);
}

export function SchemaBody({ schema }: { schema: JsonSchema }): ReactNode {
  const variants = objectVariants(schema);
  if (variants.length === 0)
    return (
      <p className="text-sm">
        <SchemaType schema={schema} />
        {schemaRules(schema).length > 0 && (
          <span className="text-zinc-500 dark:text-zinc-400">
            {" "}
            · {schemaRules(schema).join(", ")}
          </span>
        )}
      </p>
    );
  return variants.map((variant, index) => (
    <div key={index} className={index > 0 ? "mt-3" : undefined}>
      {variants.length > 1 && (
        <p className="mb-1 text-xs text-zinc-500 dark:text-zinc-400">One of: variant {index + 1}</p>
      )}
      <PropertyTable schema={variant} />
    </div>
  ));
}

export function PropertyTable({ schema }: { schema: JsonSchema }) {
  const required = new Set(schema.required ?? []);
  return (
    <table className="w-full table-fixed border-collapse text-left text-sm">
      <SchemaTableHead first="Field" />
      <tbody>
        {Object.entries(schema.properties ?? {}).map(([name, property]) => {
          const nested = objectVariants(property).length > 0 && !property.$ref;
          return (
            <tr
              key={name}
              className="border-b border-zinc-100 align-top last:border-0 dark:border-zinc-800/60"
            >
              <td className="py-1.5 pr-3 font-mono text-xs break-words text-zinc-900 dark:text-zinc-100">
                {name}
                {!required.has(name) && (
                  <span className="ml-1 font-sans text-zinc-400 dark:text-zinc-500">optional</span>
                )}
              </td>
              <td className="py-1.5 pr-3 font-mono text-xs break-words text-zinc-700 dark:text-zinc-300">
                {nested ? "object" : <SchemaType schema={property} />}
              </td>
              <td className="py-1.5 text-xs break-words text-zinc-600 dark:text-zinc-400">
                {[property.description, ...schemaRules(property)].filter(Boolean).join(" · ")}
                {nested && (
                  <div className="mt-1 rounded border border-zinc-200 p-2 dark:border-zinc-800">
                    <SchemaBody schema={property} />
                  </div>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The head of a table of named, typed things: a field's or a parameter's name, its type, notes. */
export function SchemaTableHead({ first }: { first: string }) {
  return (
    <thead className="text-xs text-zinc-500 dark:text-zinc-400">
      <tr className="border-b border-zinc-200 dark:border-zinc-800">
        <th className="w-1/4 py-1.5 pr-3 font-medium">{first}</th>
        <th className="w-1/3 py-1.5 pr-3 font-medium">Type</th>
        <th className="py-1.5 font-medium">Notes</th>
      </tr>
    </thead>
  );
}
