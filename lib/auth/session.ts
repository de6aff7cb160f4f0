// Sessions for pages and server actions. Every page and action calls one of these
// itself, so a page that forgets a middleware still cannot show data.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getAuth } from "./auth";
import { asRole, requireRole, type Role } from "./roles";
import { countPeople } from "./data";

export type SignedInUser = { id: string; email: string; name: string; role: Role };

/** Once per request: the layout and the page both ask, the database is asked once. */
export const currentUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await getAuth().api.getSession({ headers: await headers() });
  if (!session) return null;
  const { id, email, name, role } = session.user;
  return { id, email, name, role: asRole(role) };
});

/**
 * The signed-in user, or a redirect: to /setup while nobody exists yet, else to
 * /login with a way back to the page asked for (proxy.ts passes its path along).
 */
export async function requireUser(): Promise<SignedInUser> {
  const user = await currentUser();
  if (user) return user;
  if ((await countPeople()) === 0) redirect("/setup");
  const returnTo = safeReturnPath((await headers()).get("x-inbox-path"));
  redirect(returnTo === "/" ? "/login" : `/login?next=${encodeURIComponent(returnTo)}`);
}

/**
 * For server actions: the signed-in user if they hold `role`, else a 403 AppError
 * naming the role (the same words as the API's). The one place actions check roles.
 */
export async function requireUserWithRole(role: Role): Promise<SignedInUser> {
  const user = await requireUser();
  requireRole(user.role, role);
  return user;
}

/** Whitespace (any Unicode space), control and format characters, backslashes, "//". */
const UNSAFE_IN_PATH = /[\s\p{Cc}\p{Cf}\p{Z}\\]|\/\//u;
/** The same once percent-decoded, where an encoded space ("%20") is ordinary. */
const UNSAFE_ONCE_DECODED = /[\p{Cc}\p{Cf}\\]|\/\//u;
const SAME_ORIGIN_BASE = "http://inbox.invalid";

/**
 * Only a path on this origin: "/jobs?state=failed" yes; "//evil.example", "/\tevil",
 * "/\\evil", "https://...", "javascript:..." and a `next` given twice (an array) no.
 * Browsers drop tabs and newlines and read backslashes as slashes before resolving a
 * Location, so such characters anywhere (also percent-encoded, for a page that decodes
 * once more) make the path unsafe; what is left must still resolve on our origin.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/")) return "/";
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return "/";
  }
  if (UNSAFE_IN_PATH.test(value) || UNSAFE_ONCE_DECODED.test(decoded)) return "/";
  try {
    return new URL(value, SAME_ORIGIN_BASE).origin === SAME_ORIGIN_BASE ? value : "/";
  } catch {
    return "/";
  }
}
