import { listJobAttempts } from "@/lib/attempts/data";
import { serializeAttempt } from "@/lib/attempts/serialize";
import { apiRoute, parseSearchParams } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { pageParamsSchema } from "@/lib/pagination/cursor";

export const dynamic = "force-dynamic";

// GET /api/jobs/<id>/attempts?limit=&cursor= - every forward and replay of the job's events, newest first.
export const GET = apiRoute(
  "viewer",
  async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const page = await listJobAttempts(
      (await params).id,
      parseSearchParams(request, pageParamsSchema),
    );
    return jsonResponse({ items: page.items.map(serializeAttempt), nextCursor: page.nextCursor });
  },
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
