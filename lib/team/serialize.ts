// The API shapes of the team: members (with the live tokens an admin can revoke) and
// pending invitations. Token hashes and invitation tokens never appear.
import type { ApiTokenSummary } from "@/lib/auth/api-tokens";
import type { PendingInvitation } from "./invitations";
import type { Member } from "./members";
import type { InvitationResponse, MemberResponse } from "./schema";

export function serializeMember(member: Member, tokens: ApiTokenSummary[] = []): MemberResponse {
  return {
    id: member.id,
    email: member.email,
    name: member.name,
    role: member.role,
    createdAt: member.createdAt.toISOString(),
    tokens: tokens.map((token) => ({
      id: token.id,
      name: token.name,
      tokenPrefix: token.tokenPrefix,
      createdAt: token.createdAt.toISOString(),
      lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    })),
  };
}

export function serializeInvitation(invitation: PendingInvitation): InvitationResponse {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    invitedBy: invitation.invitedBy,
    createdAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
  };
}
