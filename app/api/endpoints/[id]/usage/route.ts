import { apiRoute } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { getEndpointUsage } from "@/lib/usage/data";
import { serializeUsage } from "@/lib/usage/serialize";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// GET /api/endpoints/<id>/usage - what the endpoint stores (deliveries, events, jobs,
// body bytes, oldest delivery), its retention window and what the next run removes.
export const GET = apiRoute("viewer", async (_request: Request, { params }: Context) => {
  return jsonResponse(serializeUsage(await getEndpointUsage((await params).id)));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
