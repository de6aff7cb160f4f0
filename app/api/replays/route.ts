import { apiRoute, parseJsonBody } from "@/lib/http/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { startBulkReplay } from "@/lib/replay/bulk-replay";
import { bulkReplaySchema } from "@/lib/replay/schema";

export const dynamic = "force-dynamic";

// POST /api/replays - { filter: <GET /api/events filters>, url | destinationId, resign? } -> 202 { id, total }
export const POST = apiRoute(async (request: Request, _context: unknown, principal) => {
  const input = await parseJsonBody(request, bulkReplaySchema);
  return jsonResponse(await startBulkReplay(input, principal), { status: 202 });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
