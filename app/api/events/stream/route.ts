import { apiRoute } from "@/lib/http/api-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { inboxEventStream } from "@/lib/live/event-stream";

export const dynamic = "force-dynamic";

// GET /api/events/stream - Server-Sent Events: `events` messages ({ events: [{ endpointId, eventId }] })
// when callbacks are stored, `reset` when some may have been missed, heartbeat comments.
export const GET = apiRoute("viewer", async (request: Request) => inboxEventStream(request.signal));

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
