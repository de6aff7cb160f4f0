import { apiRoute, parseSearchParams } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { listJobs } from "@/lib/jobs/data";
import { listJobsSchema } from "@/lib/jobs/schema";
import { serializeJob } from "@/lib/jobs/serialize";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

// GET /api/jobs?endpointId=&state=&limit=&cursor= - newest first.
export const GET = apiRoute("viewer", async (request: Request) => {
  const page = await listJobs(parseSearchParams(request, listJobsSchema));
  return jsonResponse({ items: page.items.map(serializeJob), nextCursor: page.nextCursor });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
