// People sign in with email and password through Better Auth (sessions in Postgres via
// its Prisma adapter). Pages call it through server actions and `auth.api` (the
// nextCookies plugin sets the session cookie from a server action), so no browser
// code talks to an auth endpoint directly. Sign-up is closed: the first admin comes
// from the environment or the one-time set-up page, teammates from invitations.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";

export const MIN_PASSWORD_LENGTH = 10;

function createAuth() {
  const env = getEnv();
  const secret = env.INBOX_AUTH_SECRET;
  if (!secret)
    throw new Error(
      "INBOX_AUTH_SECRET is not set (npm start generates one into .data/auth-secret)",
    );
  return betterAuth({
    appName: "Webhook Inbox",
    secret,
    ...(env.INBOX_PUBLIC_URL ? { baseURL: env.INBOX_PUBLIC_URL } : {}),
    database: prismaAdapter(getDb(), { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 256,
    },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "member", input: false },
      },
    },
    // Our Verification enum took the name; Better Auth's model is AuthVerification.
    verification: { modelName: "authVerification" },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

// Per module copy, not on globalThis: the launcher (scripts/start.ts) and Next's
// bundles load separate copies, and the nextCookies plugin must use the `next/headers`
// of the copy that serves the request.
let auth: Auth | undefined;

export function getAuth(): Auth {
  auth ??= createAuth();
  return auth;
}
