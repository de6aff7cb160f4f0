import { auditActorOf } from "@/lib/audit/actor";
import { listAlertChannels } from "@/lib/alerts/data";
import { createAlertChannel } from "@/lib/alerts/mutations";
import { createAlertChannelSchema } from "@/lib/alerts/schema";
import { serializeAlertChannel } from "@/lib/alerts/serialize";
import { apiRoute, parseJsonBody } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// GET /api/endpoints/<id>/alert-channels - where this endpoint's alerts go (oldest first); URLs masked.
export const GET = apiRoute("viewer", async (_request: Request, { params }: Context) => {
  const rows = await listAlertChannels((await params).id);
  return jsonResponse({ items: rows.map(serializeAlertChannel) });
});

// POST /api/endpoints/<id>/alert-channels - { kind, url, enabled?, triggers?, burstThreshold?, burstMinutes? } -> 201
export const POST = apiRoute("admin", async (request: Request, { params }: Context, principal) => {
  const input = await parseJsonBody(request, createAlertChannelSchema);
  const row = await createAlertChannel((await params).id, input, auditActorOf(principal));
  return jsonResponse(serializeAlertChannel(row), { status: 201 });
});

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
