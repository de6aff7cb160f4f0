import { serializeAlert } from "@/lib/alerts/serialize";
import { sendTestAlert } from "@/lib/alerts/send-alert";
import { apiRoute } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; channelId: string }> };

// POST /api/endpoints/<id>/alert-channels/<channelId>/test - sends a test message now; 200 with the alert and its outcome.
export const POST = apiRoute("admin", async (_request: Request, { params }: Context) => {
  const { id, channelId } = await params;
  return jsonResponse(serializeAlert(await sendTestAlert(id, channelId)));
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
