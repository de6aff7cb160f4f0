import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth-card";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/auth";
import { findOpenInvitation } from "@/lib/team/data";
import { INVITATION_LIFETIME_MS } from "@/lib/team/invitations";
import { AcceptInvitationForm } from "./accept-form";

export const metadata: Metadata = { title: "Join the team", referrer: "no-referrer" };

// Public on purpose: the link's token is the credential. Nothing about the
// invitation is shown unless the token is valid.
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = token.length <= 200 ? await findOpenInvitation(token) : null;
  if (!invitation) {
    return (
      <AuthCard
        title="This invitation link is not valid"
        description={`It was used already, revoked, or it expired (links last ${INVITATION_LIFETIME_MS / 86_400_000} days).`}
      >
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Ask an admin of your Webhook Inbox for a new link, or{" "}
          <Link
            href="/login"
            className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
          >
            sign in
          </Link>{" "}
          if you already have an account.
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Join Webhook Inbox"
      description={`You were invited as ${invitation.role === "admin" ? "an admin" : "a member"}. Choose your name and a password.`}
    >
      <AcceptInvitationForm
        token={token}
        email={invitation.email}
        minLength={MIN_PASSWORD_LENGTH}
      />
    </AuthCard>
  );
}
