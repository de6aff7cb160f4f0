import { isStillAuthenticated } from "@/lib/auth/authenticate";
import { startOfFeed } from "@/lib/deliveries/data";
import { decodeFeedPosition } from "@/lib/deliveries/feed-position";
import { deliveryStreamQuerySchema } from "@/lib/deliveries/schema";
import { getEndpoint } from "@/lib/endpoints/data";
import { apiRoute, parseSearchParams } from "@/lib/auth/api-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { deliveryStream } from "@/lib/live/delivery-stream";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// GET /api/endpoints/<id>/deliveries/stream - Server-Sent Events: the endpoint's deliveries
// (method, path, query, headers, body) in a resumable order; Last-Event-ID or ?after= resumes,
// ?since= starts with older ones. Ends once the caller's token or session is revoked.
export const GET = apiRoute("viewer", async (request: Request, { params }: Context, principal) => {
  const query = parseSearchParams(request, deliveryStreamQuerySchema);
  const { id } = await getEndpoint((await params).id);
  const resumeFrom = request.headers.get("last-event-id") ?? query.after;
  const start = resumeFrom
    ? decodeFeedPosition(resumeFrom)
    : await startOfFeed(id, query.since ?? null);
  return deliveryStream({ endpointId: id, start, since: query.since ?? null }, request.signal, {
    isStillAllowed: () => isStillAuthenticated(request, principal),
  });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
