// Writes lib/cli/api-types.ts: TypeScript types of every operation of the OpenAPI
// contract (openapi-typescript), which the CLI's calls are typed with. Run it after
// changing a route or a schema: `npx tsx scripts/generate-api-types.ts`.
// tests/unit/api-types-drift.test.ts fails while the committed file differs.
import { writeFileSync } from "node:fs";
import path from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import prettier from "prettier";
import { openApiDocument } from "@/lib/openapi/document";

export const API_TYPES_FILE = path.resolve(import.meta.dirname, "../lib/cli/api-types.ts");

const HEADER = `// Generated from the OpenAPI contract (lib/openapi) by scripts/generate-api-types.ts.
// Do not edit: change the route or schema, then run \`npx tsx scripts/generate-api-types.ts\`.
`;

/** The file's text for today's contract, formatted as the repository formats TypeScript. */
export async function generateApiTypes(): Promise<string> {
  // openapi-typescript's own document type is looser about extensions (x-role) than ours.
  const ast = await openapiTS(openApiDocument() as unknown as Parameters<typeof openapiTS>[0]);
  const options = await prettier.resolveConfig(API_TYPES_FILE);
  return prettier.format(HEADER + astToString(ast), { ...options, parser: "typescript" });
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  writeFileSync(API_TYPES_FILE, await generateApiTypes());
  console.log(`wrote ${path.relative(process.cwd(), API_TYPES_FILE)}`);
}
