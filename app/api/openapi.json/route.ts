// GET /api/openapi.json - the API contract (OpenAPI 3.1), generated from the zod schemas
// the routes validate with (lib/openapi). Public like docs/api.md: it holds no data, and
// a client is generated from it before anyone has a token.
import { jsonResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { openApiDocument } from "@/lib/openapi/document";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return jsonResponse(openApiDocument());
}

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
