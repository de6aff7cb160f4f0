// GET /api/health - liveness: the process answers. Touches no database.
import { otherMethods } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
