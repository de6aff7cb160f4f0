import { auditActorOf } from "@/lib/audit/actor";
import { apiRoute } from "@/lib/auth/api-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { revokeInvitation } from "@/lib/team/mutations";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// DELETE /api/team/invitations/<id> - revokes a pending invitation: its link stops working; 404 if accepted or revoked already.
export const DELETE = apiRoute(
  "admin",
  async (_request: Request, { params }: Context, principal) => {
    await revokeInvitation((await params).id, auditActorOf(principal));
    return new Response(null, { status: 204 });
  },
);

export const { GET, POST, PUT, PATCH } = otherMethods("DELETE");
