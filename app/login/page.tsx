import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { currentUser, safeReturnPath } from "@/lib/auth/session";
import { countPeople } from "@/lib/auth/data";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const next = safeReturnPath((await searchParams).next);
  if (await currentUser()) redirect(next);
  if ((await countPeople()) === 0) redirect("/setup");
  return (
    <AuthCard
      title="Sign in"
      description="Your team's inbox for render and transcription callbacks."
    >
      <LoginForm next={next} />
      <p className="mt-4 text-xs text-zinc-500 dark:text-zinc-400">
        Lost your password? An admin can reset it by starting the server with{" "}
        <code>INBOX_ADMIN_EMAIL</code> and <code>INBOX_ADMIN_PASSWORD</code>.
      </p>
    </AuthCard>
  );
}
