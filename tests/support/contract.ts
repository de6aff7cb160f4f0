// Holds every answer the shared test client (tests/support/api.ts) receives from an /api
// route against the OpenAPI contract: the operation must document the status, and a JSON
// body must match that status's schema (JSON Schema 2020-12, validated with Ajv). So each
// integration test that goes through apiJson/apiClient also checks the contract. Validators
// are compiled once per process, on first use of each schema.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { openApiDocument } from "@/lib/openapi/document";

const DOCUMENT_ID = "openapi.json";

type ResponseObject = { content?: Record<string, { schema?: { $ref: string } }> };
type OperationObject = { responses: Record<string, ResponseObject> };

const document = openApiDocument();

const ajv = new Ajv2020({
  allErrors: true,
  // Formats (date-time, email) come with zod's own pattern for the same rule.
  validateFormats: false,
});
// The document's top-level OpenAPI keys are not JSON Schema: Ajv is told to skip them, and
// resolves #/components/schemas/... refs inside the document as plain JSON pointers.
ajv.addVocabulary(["openapi", "info", "tags", "security", "paths", "components"]);
ajv.addSchema(document, DOCUMENT_ID);

const validators = new Map<string, ValidateFunction>();

function validatorFor(ref: string): ValidateFunction {
  let validate = validators.get(ref);
  if (!validate) {
    validate = ajv.compile({ $ref: `${DOCUMENT_ID}${ref}` });
    validators.set(ref, validate);
  }
  return validate;
}

/** Templates with fewer parameters first: /api/events/export wins over /api/events/{id}. */
const templates = Object.entries(document.paths)
  .map(([template, methods]) => ({
    pattern: new RegExp(`^${template.replace(/\{\w+\}/g, "[^/]+").replace(/\./g, "\\.")}$`),
    params: (template.match(/\{/g) ?? []).length,
    methods: methods as Record<string, OperationObject>,
    template,
  }))
  .sort((a, b) => a.params - b.params);

function operationOf(method: string, pathname: string) {
  for (const entry of templates) {
    if (!entry.pattern.test(pathname)) continue;
    const operation = entry.methods[method.toLowerCase()];
    if (operation) return { operation, name: `${method.toUpperCase()} ${entry.template}` };
  }
  return null;
}

export class ContractViolation extends Error {}

/**
 * Throws a ContractViolation when the answer breaks the contract. Paths outside /api
 * (ingest) are not part of it. A method or path no operation names may only answer an
 * error body (the 404 of unknown paths, the 405 of other methods).
 */
export function checkAgainstContract(
  request: { method: string; url: string },
  response: { status: number; contentType: string | null; text: string },
): void {
  const { pathname } = new URL(request.url);
  if (!pathname.startsWith("/api/")) return;
  const found = operationOf(request.method, pathname);
  const where = `${request.method.toUpperCase()} ${pathname} answered ${response.status}`;
  const isJson = response.contentType?.includes("json") ?? false;
  const body = isJson && response.text ? JSON.parse(response.text) : undefined;
  let ref: string | undefined;
  if (!found) {
    if (response.status < 400) throw new ContractViolation(`${where}: no operation documents it`);
    ref = `#/components/schemas/Error${response.status}`;
    if (!document.components.schemas[`Error${response.status}`])
      throw new ContractViolation(`${where}: no error body is documented for that status`);
  } else {
    const spec = found.operation.responses[String(response.status)];
    if (!spec)
      throw new ContractViolation(`${where}: ${found.name} documents no ${response.status}`);
    const media = Object.entries(spec.content ?? {});
    if (media.length === 0) {
      if (response.text !== "")
        throw new ContractViolation(`${where}: documented without a body, but one came`);
      return;
    }
    const [mediaType, { schema }] = media[0]!;
    if (!response.contentType?.startsWith(mediaType))
      throw new ContractViolation(
        `${where}: content-type ${response.contentType}, documented ${mediaType}`,
      );
    if (!schema || !isJson) return;
    ref = schema.$ref;
  }
  const validate = validatorFor(ref);
  if (!validate(body))
    throw new ContractViolation(
      `${where}: the body breaks ${ref}: ${ajv.errorsText(validate.errors, { separator: "; " })}`,
    );
}
