import { auditActorOf } from "@/lib/audit/actor";
import { principalRole } from "@/lib/auth/authenticate";
import { apiRoute, parseJsonBody } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { principalScope, startBulkReplay } from "@/lib/replay/bulk-replay";
import {
  bulkReplaySchema,
  parseIdempotencyKey,
  type StartedReplayResponse,
} from "@/lib/replay/schema";

export const dynamic = "force-dynamic";

// POST /api/replays - { filter: <GET /api/events filters>, url | destinationId, resign? } + optional
// Idempotency-Key header -> 202 { id, total }; a repeat of the key answers the same batch
// (Idempotent-Replayed: true), a key reused for another request 409. Re-signing is refused for the
// whole batch when an event in it failed verification (409 not_verified) or, for a non-admin, is unsigned (403).
export const POST = apiRoute("member", async (request: Request, _context: unknown, principal) => {
  const input = await parseJsonBody(request, bulkReplaySchema);
  const key = parseIdempotencyKey(request.headers.get("idempotency-key"));
  const { isRepeat, ...batch } = await startBulkReplay(
    input,
    principalScope(principal),
    key,
    principalRole(principal),
    auditActorOf(principal),
  );
  return jsonResponse(batch satisfies StartedReplayResponse, {
    status: 202,
    headers: isRepeat ? { "idempotent-replayed": "true" } : {},
  });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
