import { getEvent } from "@/lib/events/data";
import { eventDeliveriesSchema } from "@/lib/events/schema";
import { serializeEventDetail } from "@/lib/events/serialize";
import { apiRoute, parseSearchParams } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

// GET /api/events/<id>[?deliveriesLimit=&deliveriesCursor=] - the event, its payload and a
// page of its deliveries with headers (oldest first; deliveriesNextCursor for the next).
export const GET = apiRoute(
  "viewer",
  async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const page = parseSearchParams(request, eventDeliveriesSchema);
    return jsonResponse(serializeEventDetail(await getEvent((await params).id, page)));
  },
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
