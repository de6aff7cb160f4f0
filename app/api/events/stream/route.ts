import { isStillAuthenticated } from "@/lib/auth/authenticate";
import { apiRoute } from "@/lib/auth/api-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { inboxEventStream } from "@/lib/live/event-stream";

export const dynamic = "force-dynamic";

// GET /api/events/stream - Server-Sent Events: `events` messages ({ events: [{ endpointId, eventId }] })
// when callbacks are stored, `reset` when some may have been missed, heartbeat comments;
// it ends once the caller's token or session is revoked.
export const GET = apiRoute("viewer", async (request: Request, _context: unknown, principal) =>
  inboxEventStream(request.signal, {
    isStillAllowed: () => isStillAuthenticated(request, principal),
  }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
