import { auditActorOf } from "@/lib/audit/actor";
import { getEndpoint } from "@/lib/endpoints/data";
import { archiveEndpoint, updateEndpoint } from "@/lib/endpoints/mutations";
import { updateEndpointSchema } from "@/lib/endpoints/schema";
import { serializeEndpoint } from "@/lib/endpoints/serialize";
import { apiRoute, parseJsonBody } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { publicOrigin } from "@/lib/http/public-origin";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// GET /api/endpoints/<id> - one endpoint (secrets never included).
export const GET = apiRoute("viewer", async (request: Request, { params }: Context) => {
  const row = await getEndpoint((await params).id);
  return jsonResponse(serializeEndpoint(row, publicOrigin(request)));
});

// PATCH /api/endpoints/<id> - change name, verification, secrets (replaced as a set), extraction, body cap.
export const PATCH = apiRoute("admin", async (request: Request, { params }: Context, principal) => {
  const input = await parseJsonBody(request, updateEndpointSchema);
  const row = await updateEndpoint((await params).id, input, auditActorOf(principal));
  return jsonResponse(serializeEndpoint(row, publicOrigin(request)));
});

// DELETE /api/endpoints/<id> - archive: stored data stays, the ingest URL answers 410.
export const DELETE = apiRoute(
  "admin",
  async (request: Request, { params }: Context, principal) => {
    const row = await archiveEndpoint((await params).id, auditActorOf(principal));
    return jsonResponse(serializeEndpoint(row, publicOrigin(request)));
  },
);

export const { POST, PUT } = otherMethods("GET", "PATCH", "DELETE");
