import { listEvents } from "@/lib/events/data";
import { listEventsSchema } from "@/lib/events/schema";
import { serializeListedEvent } from "@/lib/events/serialize";
import { apiRoute, parseSearchParams } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

// GET /api/events?endpointId=&jobId=&provider=&verification=&jobState=&type=&from=&to=&q=&limit=&cursor=
// - newest first by first receipt; the Inbox page uses the same filters.
export const GET = apiRoute("viewer", async (request: Request) => {
  const page = await listEvents(parseSearchParams(request, listEventsSchema));
  return jsonResponse({ items: page.items.map(serializeListedEvent), nextCursor: page.nextCursor });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
