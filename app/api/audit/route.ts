import { listAuditEntries } from "@/lib/audit/data";
import { listAuditSchema } from "@/lib/audit/schema";
import { serializeAuditEntry } from "@/lib/audit/serialize";
import { apiRoute, parseSearchParams } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

// GET /api/audit?action=&actorId=&targetId=&limit=&cursor= - who did what, newest first.
export const GET = apiRoute("admin", async (request: Request) => {
  const page = await listAuditEntries(parseSearchParams(request, listAuditSchema));
  return jsonResponse({ items: page.items.map(serializeAuditEntry), nextCursor: page.nextCursor });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
