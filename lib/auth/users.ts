// Creating people and resetting passwords without a signed-in request: the admin from
// the environment at start, the one-time set-up page, accepted invitations. Password
// hashing is Better Auth's own (scrypt), through its context, so sign-in can verify it.
import { auditActorOfPerson } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/mutations";
import { getAuth } from "./auth";
import { countPeople, findUserIdByEmail, hasPasswordAccount } from "./data";
import { deleteSetupCode, makeAdmin, withAdminLock } from "./mutations";
import type { Role } from "./roles";
import { isSetupCodeCorrect } from "./setup-code";

export type PersonInput = { email: string; name: string; password: string; role: Role };

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** Creates the user with an email-and-password account. Fails on a taken email (unique index). */
export async function createPerson(input: PersonInput): Promise<{ id: string }> {
  const ctx = await getAuth().$context;
  const email = normalizeEmail(input.email);
  const user = await ctx.internalAdapter.createUser(
    { email, name: input.name, emailVerified: true, role: input.role },
    { method: "admin" },
  );
  await ctx.internalAdapter.linkAccount({
    userId: user.id,
    providerId: "credential",
    accountId: user.id,
    password: await ctx.password.hash(input.password),
  });
  return { id: user.id };
}

/** Sets a new password and signs the user out everywhere else. */
export async function resetPassword(userId: string, password: string): Promise<void> {
  const ctx = await getAuth().$context;
  await ctx.internalAdapter.updatePassword(userId, await ctx.password.hash(password));
  await ctx.internalAdapter.deleteUserSessions(userId);
}

export type FirstAdminOutcome =
  { outcome: "created"; id: string } | { outcome: "someone-exists" } | { outcome: "wrong-code" };

/**
 * The set-up page's admin: only while nobody exists, and only with the set-up code
 * (lib/auth/setup-code.ts), which is then used up.
 */
export function createFirstAdmin(
  input: Omit<PersonInput, "role">,
  setupCode: string,
): Promise<FirstAdminOutcome> {
  return withAdminLock(async () => {
    if ((await countPeople()) > 0) return { outcome: "someone-exists" };
    if (!(await isSetupCodeCorrect(setupCode))) return { outcome: "wrong-code" };
    const { id } = await createPerson({ ...input, role: "admin" });
    await deleteSetupCode();
    const email = normalizeEmail(input.email);
    await recordAudit({
      actor: auditActorOfPerson({ id, email }),
      action: "setup.completed",
      target: { type: "user", id },
      details: { email },
    });
    return { outcome: "created", id };
  });
}

/**
 * INBOX_ADMIN_EMAIL + INBOX_ADMIN_PASSWORD: create that admin, or if the email exists,
 * make it an admin and reset its password (the way back in when a password is lost).
 */
export function ensureAdminFromEnv(email: string, password: string): Promise<"created" | "reset"> {
  return withAdminLock(async () => {
    const existing = await findUserIdByEmail(normalizeEmail(email));
    if (!existing) {
      await createPerson({ email, name: email.split("@")[0] ?? "Admin", password, role: "admin" });
      // Someone exists now: a set-up code made before has nothing left to set up.
      await deleteSetupCode();
      return "created";
    }
    await makeAdmin(existing.id);
    const hasPassword = await hasPasswordAccount(existing.id);
    const ctx = await getAuth().$context;
    if (hasPassword) await resetPassword(existing.id, password);
    else
      await ctx.internalAdapter.linkAccount({
        userId: existing.id,
        providerId: "credential",
        accountId: existing.id,
        password: await ctx.password.hash(password),
      });
    return "reset";
  });
}
