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
import { claimSignInAttempt, settleSignInAttempt } from "@/lib/auth/sign-in-throttle";
import { createFirstAdmin } from "@/lib/auth/users";
import { firstIssue, type FormState } from "@/lib/forms/form-state";
import { clientAddress } from "@/lib/http/client-address";
import { currentRawRequest } from "@/lib/http/request-context";

/** The sign-in and set-up forms keep the e-mail address typed when they answer an error. */
export type SignInState = FormState<{ email?: string }>;

const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1),
  password: z.string().min(1),
});

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse({
    email: form.get("email"),
    password: form.get("password"),
  });
  if (!parsed.success) return { error: "Enter your email and password." };
  const { email, password } = parsed.data;
  const client = clientAddress(currentRawRequest());
  const claim = await claimSignInAttempt(client, email);
  if (!claim.allowed)
    return {
      error: `Too many failed attempts. Try again in ${Math.ceil(claim.retryAfterSeconds / 60)} min.`,
      email,
    };
  try {
    await getAuth().api.signInEmail({ body: { email, password }, headers: await headers() });
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    await settleSignInAttempt(client, email, false);
    await recordFailedSignIn(email, client);
    return { error: "That email and password do not match an account.", email };
  }
  await settleSignInAttempt(client, email, true);
  // A `next` sent twice is refused as a whole (safeReturnPath takes no arrays).
  const next = form.getAll("next");
  redirect(safeReturnPath(next.length === 1 ? next[0] : next));
}

export async function signOutAction(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() });
  redirect("/login");
}

const SETUP_CODE_MISSING =
  "Enter the set-up code that the server printed at start (also in .data/setup-code).";

const setupSchema = z
  .object({
    setupCode: z.string({ error: SETUP_CODE_MISSING }).trim().min(1, SETUP_CODE_MISSING),
    name: z.string().trim().min(1, "Enter your name.").max(100),
    email: z.email("Enter a valid email address."),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
      .max(256),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, {
    message: "The two passwords differ.",
    path: ["confirm"],
  });

export async function setupAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const parsed = setupSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success)
    return {
      error: firstIssue(parsed.error),
      email: String(form.get("email") ?? ""),
    };
  const { name, email, password, setupCode } = parsed.data;
  const created = await createFirstAdmin({ name, email, password }, setupCode);
  if (created.outcome === "someone-exists") redirect("/login");
  if (created.outcome === "wrong-code") {
    return {
      error:
        "That is not the set-up code. Use the one the server printed at start (also in .data/setup-code).",
      email,
    };
  }
  await getAuth().api.signInEmail({ body: { email, password }, headers: await headers() });
  redirect("/");
}
