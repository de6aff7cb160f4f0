import { listEvents } from "@/lib/events/data";
import { listEventsSchema } from "@/lib/events/schema";
import { serializeEventSummary } from "@/lib/events/serialize";
import { apiRoute, parseSearchParams } from "@/lib/http/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

// GET /api/events?endpointId=&jobId=&verification=&type=&limit=&cursor= - newest first.
export const GET = apiRoute(async (request: Request) => {
  const page = await listEvents(parseSearchParams(request, listEventsSchema));
  return jsonResponse({ items: page.items.map(serializeEventSummary), nextCursor: page.nextCursor });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
