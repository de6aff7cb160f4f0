// GET /api/ready - readiness: the database is reachable (for load balancers).
import { isDatabaseReady } from "@/lib/db/readiness";
import { databaseUnavailable, errorResponse, jsonResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  if (await isDatabaseReady()) return jsonResponse({ status: "ready" });
  return errorResponse(databaseUnavailable("the database is not reachable"));
}

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
