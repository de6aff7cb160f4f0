import { getReplayBatchProgress } from "@/lib/attempts/data";
import { apiRoute } from "@/lib/http/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

// GET /api/replays/<id> - { id, total, succeeded, failed, blocked, pending, createdAt } of a bulk replay.
export const GET = apiRoute(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const progress = await getReplayBatchProgress((await params).id);
  return jsonResponse({ ...progress, createdAt: progress.createdAt.toISOString() });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
