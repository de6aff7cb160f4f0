import { getEvent } from "@/lib/events/data";
import { serializeEventDetail } from "@/lib/events/serialize";
import { apiRoute } from "@/lib/http/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

// GET /api/events/<id> - the event, its payload and every delivery with headers.
export const GET = apiRoute("viewer", async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  return jsonResponse(serializeEventDetail(await getEvent((await params).id)));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
