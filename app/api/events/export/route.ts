import { exportEventsStream } from "@/lib/events/export-stream";
import { eventFiltersSchema } from "@/lib/events/schema";
import { apiRoute, parseSearchParams } from "@/lib/auth/api-route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

// GET /api/events/export?<the filters of GET /api/events> - every matching event as
// NDJSON (one event with its deliveries per line, bodies base64, credentials masked),
// newest first, streamed.
export const GET = apiRoute("viewer", async (request: Request) => {
  const filters = parseSearchParams(request, eventFiltersSchema);
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return new Response(exportEventsStream(filters), {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="webhook-inbox-events-${stamp}.ndjson"`,
      "cache-control": "no-store",
    },
  });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
