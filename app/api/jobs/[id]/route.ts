import { apiRoute } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { getJob } from "@/lib/jobs/data";
import { serializeJobDetail } from "@/lib/jobs/serialize";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

// GET /api/jobs/<id> - the job with its events in provider order.
export const GET = apiRoute(
  "viewer",
  async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
    return jsonResponse(serializeJobDetail(await getJob((await params).id)));
  },
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
