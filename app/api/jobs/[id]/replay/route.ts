import { auditActorOf } from "@/lib/audit/actor";
import { principalRole } from "@/lib/auth/authenticate";
import { apiRoute, parseJsonBody } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { principalScope } from "@/lib/replay/bulk-replay";
import { startJobReplay } from "@/lib/replay/job-replay";
import { jobReplaySchema, type StartedReplayResponse } from "@/lib/replay/schema";

export const dynamic = "force-dynamic";

// POST /api/jobs/<id>/replay - { url | destinationId, timing: "original" | "none", speed?, resign? }
// -> 202 { id, total }: the job's events in provider order, spaced as the provider spaced them
// (divided by speed) or back to back; progress at GET /api/replays/<id>. Re-signing follows the
// bulk replay's rule: 409 not_verified when an event failed verification, 403 for a non-admin
// when one is unsigned.
export const POST = apiRoute(
  "member",
  async (request: Request, { params }: { params: Promise<{ id: string }> }, principal) => {
    const input = await parseJsonBody(request, jobReplaySchema);
    const { id, total } = await startJobReplay(
      (await params).id,
      input,
      principalScope(principal),
      principalRole(principal),
      auditActorOf(principal),
    );
    return jsonResponse({ id, total } satisfies StartedReplayResponse, { status: 202 });
  },
);

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
