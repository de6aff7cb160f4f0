import { auditActorOf } from "@/lib/audit/actor";
import { deleteDestination, updateDestination } from "@/lib/destinations/mutations";
import { updateDestinationSchema } from "@/lib/destinations/schema";
import { serializeDestination } from "@/lib/destinations/serialize";
import { apiRoute, parseJsonBody } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; destinationId: string }> };

// PATCH /api/endpoints/<id>/destinations/<destinationId> - change any field; signingSecret: null removes it.
export const PATCH = apiRoute("admin", async (request: Request, { params }: Context, principal) => {
  const input = await parseJsonBody(request, updateDestinationSchema);
  const { id, destinationId } = await params;
  return jsonResponse(
    serializeDestination(
      await updateDestination(id, destinationId, input, auditActorOf(principal)),
    ),
  );
});

// DELETE /api/endpoints/<id>/destinations/<destinationId> - 204; its attempts stay (destinationId null).
export const DELETE = apiRoute(
  "admin",
  async (_request: Request, { params }: Context, principal) => {
    const { id, destinationId } = await params;
    await deleteDestination(id, destinationId, auditActorOf(principal));
    return new Response(null, { status: 204 });
  },
);

export const { GET, POST, PUT } = otherMethods("PATCH", "DELETE");
