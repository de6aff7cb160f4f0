import { listAlerts } from "@/lib/alerts/data";
import { listAlertsQuerySchema } from "@/lib/alerts/schema";
import { serializeAlert } from "@/lib/alerts/serialize";
import { apiRoute, parseSearchParams } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

// GET /api/alerts?endpointId=&limit=&cursor= - alerts newest first, with how sending went.
export const GET = apiRoute("viewer", async (request: Request) => {
  const page = await listAlerts(parseSearchParams(request, listAlertsQuerySchema));
  return jsonResponse({ items: page.items.map(serializeAlert), nextCursor: page.nextCursor });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
