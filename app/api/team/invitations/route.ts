import { auditActorOf } from "@/lib/audit/actor";
import { apiRoute, parseJsonBody } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { publicOrigin } from "@/lib/http/public-origin";
import { invitationUrl } from "@/lib/team/invitations";
import { createInvitation } from "@/lib/team/mutations";
import { inviteSchema, type CreatedInvitationResponse } from "@/lib/team/schema";

export const dynamic = "force-dynamic";

// POST /api/team/invitations - { email, role } -> 201 { id, url, expiresAt }; the url is the one-time link, shown only here.
export const POST = apiRoute("admin", async (request: Request, _context: unknown, principal) => {
  const input = await parseJsonBody(request, inviteSchema);
  const { token, invitation } = await createInvitation(auditActorOf(principal), input);
  return jsonResponse(
    {
      id: invitation.id,
      url: invitationUrl(publicOrigin(request), token),
      expiresAt: invitation.expiresAt.toISOString(),
    } satisfies CreatedInvitationResponse,
    { status: 201 },
  );
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
