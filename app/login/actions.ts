"use server";

// Sign in, sign out and the one-time set-up, as server actions: Next checks that a
// server action comes from our own origin, and the nextCookies plugin sets the session
// cookie on the response.
import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { recordFailedSignIn } from "@/lib/audit/mutations";
import { getAuth, MIN_PASSWORD_LENGTH } from "@/lib/auth/auth";
import { safeReturnPath } from "@/lib/auth/session";
import { clearSignInFailures, recordSignInFailure, signInBlockedFor } from "@/lib/auth/sign-in-throttle";
import { createFirstAdmin } from "@/lib/auth/users";
import { currentRawRequest } from "@/lib/http/request-context";

export type FormState = { error: string | null; email?: string };

const signInSchema = z.object({ email: z.string().trim().toLowerCase().min(1), password: z.string().min(1) });

export async function signInAction(_previous: FormState, form: FormData): Promise<FormState> {
  const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
  if (!parsed.success) return { error: "Enter your email and password." };
  const { email, password } = parsed.data;
  const address = currentRawRequest()?.remoteAddress ?? null;
  const wait = signInBlockedFor(address, email);
  if (wait > 0) return { error: `Too many failed attempts. Try again in ${Math.ceil(wait / 60)} min.`, email };
  try {
    await getAuth().api.signInEmail({ body: { email, password }, headers: await headers() });
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    recordSignInFailure(address, email);
    await recordFailedSignIn(email, address);
    return { error: "That email and password do not match an account.", email };
  }
  clearSignInFailures(address, email);
  redirect(safeReturnPath(String(form.get("next") ?? "/")));
}

export async function signOutAction(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() });
  redirect("/login");
}

const setupSchema = z
  .object({
    name: z.string().trim().min(1, "Enter your name.").max(100),
    email: z.email("Enter a valid email address."),
    password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`).max(256),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { message: "The two passwords differ.", path: ["confirm"] });

export async function setupAction(_previous: FormState, form: FormData): Promise<FormState> {
  const parsed = setupSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Check the form.", email: String(form.get("email") ?? "") };
  const { name, email, password } = parsed.data;
  const created = await createFirstAdmin({ name, email, password });
  if (!created) redirect("/login");
  await getAuth().api.signInEmail({ body: { email, password }, headers: await headers() });
  redirect("/");
}
