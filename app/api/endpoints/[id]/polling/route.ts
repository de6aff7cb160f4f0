import { auditActorOf } from "@/lib/audit/actor";
import { apiRoute, parseJsonBody } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { getPollingSettings } from "@/lib/polling/data";
import { clearPollingSettings, savePollingSettings } from "@/lib/polling/mutations";
import { putPollingSchema } from "@/lib/polling/schema";
import { serializePollingSettings } from "@/lib/polling/serialize";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// GET /api/endpoints/<id>/polling - the status API settings (never the credential) and what the preset's docs give.
export const GET = apiRoute("viewer", async (_request: Request, { params }: Context) => {
  return jsonResponse(serializePollingSettings(await getPollingSettings((await params).id)));
});

// PUT /api/endpoints/<id>/polling - { baseUrl, pathTemplate, credentialHeader?, credentialPrefix?, credential?, expectTerminalMinutes? }
export const PUT = apiRoute("admin", async (request: Request, { params }: Context, principal) => {
  const input = await parseJsonBody(request, putPollingSchema);
  const { id } = await params;
  await savePollingSettings(id, input, auditActorOf(principal));
  return jsonResponse(serializePollingSettings(await getPollingSettings(id)));
});

// DELETE /api/endpoints/<id>/polling - polling and missed-callback detection off; recorded polls stay.
export const DELETE = apiRoute(
  "admin",
  async (_request: Request, { params }: Context, principal) => {
    await clearPollingSettings((await params).id, auditActorOf(principal));
    return new Response(null, { status: 204 });
  },
);

export const { POST, PATCH } = otherMethods("GET", "PUT", "DELETE");
