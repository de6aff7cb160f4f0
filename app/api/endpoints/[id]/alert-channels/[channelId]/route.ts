import { auditActorOf } from "@/lib/audit/actor";
import { deleteAlertChannel, updateAlertChannel } from "@/lib/alerts/mutations";
import { updateAlertChannelSchema } from "@/lib/alerts/schema";
import { serializeAlertChannel } from "@/lib/alerts/serialize";
import { apiRoute, parseJsonBody } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; channelId: string }> };

// PATCH /api/endpoints/<id>/alert-channels/<channelId> - any of url, enabled, triggers, burstThreshold, burstMinutes.
export const PATCH = apiRoute("admin", async (request: Request, { params }: Context, principal) => {
  const input = await parseJsonBody(request, updateAlertChannelSchema);
  const { id, channelId } = await params;
  return jsonResponse(
    serializeAlertChannel(await updateAlertChannel(id, channelId, input, auditActorOf(principal))),
  );
});

// DELETE /api/endpoints/<id>/alert-channels/<channelId> - 204; its alerts stay listed (channel null).
export const DELETE = apiRoute(
  "admin",
  async (_request: Request, { params }: Context, principal) => {
    const { id, channelId } = await params;
    await deleteAlertChannel(id, channelId, auditActorOf(principal));
    return new Response(null, { status: 204 });
  },
);

export const { GET, POST, PUT } = otherMethods("PATCH", "DELETE");
