import { auditActorOf } from "@/lib/audit/actor";
import { listDestinations } from "@/lib/destinations/data";
import { createDestination } from "@/lib/destinations/mutations";
import { createDestinationSchema } from "@/lib/destinations/schema";
import { serializeDestination } from "@/lib/destinations/serialize";
import { apiRoute, parseJsonBody } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// GET /api/endpoints/<id>/destinations - where this endpoint's events are forwarded (oldest first).
export const GET = apiRoute("viewer", async (_request: Request, { params }: Context) => {
  const rows = await listDestinations((await params).id);
  return jsonResponse({ items: rows.map(serializeDestination) });
});

// POST /api/endpoints/<id>/destinations - { url, enabled?, signingSecret?, resign?, forward? } -> 201
export const POST = apiRoute("admin", async (request: Request, { params }: Context, principal) => {
  const input = await parseJsonBody(request, createDestinationSchema);
  const row = await createDestination((await params).id, input, auditActorOf(principal));
  return jsonResponse(serializeDestination(row), { status: 201 });
});

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
