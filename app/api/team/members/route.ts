import { listLiveApiTokensByOwner } from "@/lib/auth/data";
import { apiRoute } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { listMembers, listPendingInvitations } from "@/lib/team/data";
import { serializeInvitation, serializeMember } from "@/lib/team/serialize";

export const dynamic = "force-dynamic";

// GET /api/team/members - everyone with an account (oldest first, with their live tokens) and the pending invitations.
// Not paged: a team is a handful of people, and the Settings page shows them all too.
export const GET = apiRoute("admin", async () => {
  const [members, tokens, invitations] = await Promise.all([
    listMembers(),
    listLiveApiTokensByOwner(),
    listPendingInvitations(),
  ]);
  return jsonResponse({
    items: members.map((member) => serializeMember(member, tokens.get(member.id))),
    invitations: invitations.map(serializeInvitation),
  });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
