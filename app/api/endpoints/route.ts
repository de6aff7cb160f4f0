import { auditActorOf } from "@/lib/audit/actor";
import { listEndpoints } from "@/lib/endpoints/data";
import { createEndpoint } from "@/lib/endpoints/mutations";
import { createEndpointSchema, listEndpointsSchema } from "@/lib/endpoints/schema";
import { serializeEndpoint } from "@/lib/endpoints/serialize";
import { apiRoute, parseJsonBody, parseSearchParams } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { publicOrigin } from "@/lib/http/public-origin";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

// GET /api/endpoints?archived=&limit=&cursor= - active endpoints (or archived ones), newest first.
export const GET = apiRoute("viewer", async (request: Request) => {
  const query = parseSearchParams(request, listEndpointsSchema);
  const origin = publicOrigin(request);
  const page = await listEndpoints(query);
  return jsonResponse({
    items: page.items.map((row) => serializeEndpoint(row, origin)),
    nextCursor: page.nextCursor,
  });
});

// POST /api/endpoints - create an endpoint with a provider preset; 201 with its ingest URL.
export const POST = apiRoute("admin", async (request: Request, _context: unknown, principal) => {
  const input = await parseJsonBody(request, createEndpointSchema);
  const row = await createEndpoint(input, auditActorOf(principal));
  return jsonResponse(serializeEndpoint(row, publicOrigin(request)), { status: 201 });
});

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
