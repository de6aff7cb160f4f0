import { auditActorOf } from "@/lib/audit/actor";
import { apiRoute, parseJsonBody } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { changeMemberRole, removeMember } from "@/lib/team/mutations";
import { patchMemberSchema } from "@/lib/team/schema";
import { serializeMember } from "@/lib/team/serialize";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// PATCH /api/team/members/<id> - { role }; not your own, and never the last admin's (409).
export const PATCH = apiRoute("admin", async (request: Request, { params }: Context, principal) => {
  const { role } = await parseJsonBody(request, patchMemberSchema);
  return jsonResponse(
    serializeMember(await changeMemberRole(auditActorOf(principal), (await params).id, role)),
  );
});

// DELETE /api/team/members/<id> - removes the account with its sessions and tokens; not yourself, never the last admin.
export const DELETE = apiRoute(
  "admin",
  async (_request: Request, { params }: Context, principal) => {
    await removeMember(auditActorOf(principal), (await params).id);
    return new Response(null, { status: 204 });
  },
);

export const { GET, POST, PUT } = otherMethods("PATCH", "DELETE");
