import { serializeAttempt } from "@/lib/attempts/serialize";
import { principalRole } from "@/lib/auth/authenticate";
import { apiRoute, parseJsonBody } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { principalScope } from "@/lib/replay/bulk-replay";
import { replayEvent } from "@/lib/replay/replay-event";
import { parseIdempotencyKey, replayEventSchema } from "@/lib/replay/schema";

export const dynamic = "force-dynamic";

// POST /api/events/<id>/replay - { url | destinationId, deliveryId?, resign? } + optional Idempotency-Key
// header -> 200 with the attempt, whatever the target answered (status succeeded | failed | blocked);
// 409 not_verified when re-signing a delivery that failed verification, 403 when a non-admin re-signs an unsigned one.
export const POST = apiRoute(
  "member",
  async (request: Request, { params }: { params: Promise<{ id: string }> }, principal) => {
    const input = await parseJsonBody(request, replayEventSchema);
    const key = parseIdempotencyKey(request.headers.get("idempotency-key"));
    const attempt = await replayEvent(
      (await params).id,
      input,
      key === null ? null : { scope: principalScope(principal), key },
      principalRole(principal),
    );
    return jsonResponse(serializeAttempt(attempt));
  },
);

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
