import { apiRoute, parseSearchParams } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { pageParamsSchema } from "@/lib/pagination/cursor";
import { listPolls } from "@/lib/polling/data";
import { serializePoll } from "@/lib/polling/serialize";

export const dynamic = "force-dynamic";

// GET /api/jobs/<id>/polls?limit=&cursor= - the job's polls, newest first.
export const GET = apiRoute(
  "viewer",
  async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const page = await listPolls((await params).id, parseSearchParams(request, pageParamsSchema));
    return jsonResponse({ items: page.items.map(serializePoll), nextCursor: page.nextCursor });
  },
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
