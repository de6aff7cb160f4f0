import { apiRoute } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { getReplayBatch } from "@/lib/replay/data";
import type { ReplayBatchResponse } from "@/lib/replay/schema";

export const dynamic = "force-dynamic";

// GET /api/replays/<id> - { id, total, succeeded, failed, blocked, pending, request, createdBy, createdAt } of a bulk replay.
export const GET = apiRoute(
  "viewer",
  async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const batch = await getReplayBatch((await params).id);
    return jsonResponse({
      ...batch,
      createdAt: batch.createdAt.toISOString(),
    } satisfies ReplayBatchResponse);
  },
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
