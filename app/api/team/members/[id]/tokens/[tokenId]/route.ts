import { auditActorOf } from "@/lib/audit/actor";
import { revokeApiToken } from "@/lib/auth/mutations";
import { apiRoute } from "@/lib/auth/api-route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; tokenId: string }> };

// DELETE /api/team/members/<id>/tokens/<tokenId> - revokes a member's personal token at once; 404 if not theirs or already revoked.
export const DELETE = apiRoute(
  "admin",
  async (_request: Request, { params }: Context, principal) => {
    const { id, tokenId } = await params;
    await revokeApiToken(id, tokenId, auditActorOf(principal));
    return new Response(null, { status: 204 });
  },
);

export const { GET, POST, PUT, PATCH } = otherMethods("DELETE");
