import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/auth";
import { countPeople } from "@/lib/auth/data";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up" };

// Only while nobody has an account: afterwards this page sends everyone to sign in.
export default async function SetupPage() {
  if ((await countPeople()) > 0) redirect("/login");
  return (
    <AuthCard
      title="Set up Webhook Inbox"
      description="Create the first admin with the one-time code the server printed when it started. Admins invite teammates later; everyone sees the same endpoints and events."
    >
      <SetupForm minLength={MIN_PASSWORD_LENGTH} />
    </AuthCard>
  );
}
