"use server";

// Settings: personal API tokens, password, team (admins only). Every action checks
// the session itself; admin actions answer a member with an error, never silently.
import { APIError } from "better-auth/api";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { auditActorOfPerson } from "@/lib/audit/actor";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { getAuth } from "@/lib/auth/auth";
import { requireUser, requireUserWithRole, type SignedInUser } from "@/lib/auth/session";
import { toAppError } from "@/lib/http/error-response";
import { createInvitation, invitationUrl, revokeInvitation } from "@/lib/team/invitations";
import { changeMemberRole, removeMember } from "@/lib/team/members";
import { changeRoleSchema, inviteSchema, newPasswordSchema } from "@/lib/team/schema";
import { pageOrigin } from "../endpoints/page-origin";

export type ActionState = { error: string | null; done?: string };
/** `secret` is shown once, in the browser that asked for it, and never stored in clear. */
export type SecretState = ActionState & { secret?: string };

const failed = (error: unknown): ActionState => ({ error: toAppError(error).message });
const firstIssue = (error: z.ZodError) => error.issues[0]?.message ?? "Check the form.";

const tokenNameSchema = z.string().trim().min(1, "Name the token after what uses it, e.g. “CI deploy script”.").max(100);

export async function createTokenAction(_previous: SecretState, form: FormData): Promise<SecretState> {
  const user = await requireUser();
  const name = tokenNameSchema.safeParse(form.get("name"));
  if (!name.success) return { error: firstIssue(name.error) };
  try {
    const { token } = await createApiToken(user.id, name.data);
    revalidatePath("/settings");
    return { error: null, secret: token, done: name.data };
  } catch (error) {
    return failed(error);
  }
}

export async function revokeTokenAction(tokenId: string): Promise<ActionState> {
  const user = await requireUser();
  try {
    await revokeApiToken(user.id, z.string().min(1).max(100).parse(tokenId), auditActorOfPerson(user));
  } catch (error) {
    return failed(error);
  }
  revalidatePath("/settings");
  return { error: null, done: "Token revoked." };
}

const passwordSchema = z
  .object({ currentPassword: z.string().min(1, "Enter your current password."), newPassword: newPasswordSchema, confirm: z.string() })
  .refine((v) => v.newPassword === v.confirm, { message: "The two new passwords differ.", path: ["confirm"] });

export async function changePasswordAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  await requireUser();
  const parsed = passwordSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  const { currentPassword, newPassword } = parsed.data;
  try {
    // Better Auth checks the current password, and the nextCookies plugin sets the fresh session cookie.
    await getAuth().api.changePassword({ body: { currentPassword, newPassword, revokeOtherSessions: true }, headers: await headers() });
  } catch (error) {
    if (error instanceof APIError) return { error: "The current password is not right." };
    return failed(error);
  }
  // Better Auth replaced every session, this one included: a re-render of this request
  // would still carry the old cookie, so the browser loads the page again with the new one.
  redirect("/settings?password=changed");
}

/** requireUserWithRole's refusal as form state: a member gets an error, not a silent success. */
async function asAdmin(): Promise<SignedInUser | ActionState> {
  try {
    return await requireUserWithRole("admin");
  } catch (error) {
    unstable_rethrow(error); // the redirect to /login of a signed-out caller
    return failed(error);
  }
}

const isUser = (value: SignedInUser | ActionState): value is SignedInUser => "id" in value;

export async function inviteAction(_previous: SecretState, form: FormData): Promise<SecretState> {
  const admin = await asAdmin();
  if (!isUser(admin)) return admin;
  const parsed = inviteSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  try {
    const { token, invitation } = await createInvitation(auditActorOfPerson(admin), parsed.data);
    revalidatePath("/settings");
    return { error: null, secret: invitationUrl(await pageOrigin(), token), done: invitation.email };
  } catch (error) {
    return failed(error);
  }
}

export async function revokeInvitationAction(invitationId: string): Promise<ActionState> {
  const admin = await asAdmin();
  if (!isUser(admin)) return admin;
  try {
    await revokeInvitation(z.string().min(1).max(100).parse(invitationId), auditActorOfPerson(admin));
  } catch (error) {
    return failed(error);
  }
  revalidatePath("/settings");
  return { error: null, done: "Invitation revoked." };
}

export async function changeRoleAction(userId: string, role: string): Promise<ActionState> {
  const admin = await asAdmin();
  if (!isUser(admin)) return admin;
  const parsed = changeRoleSchema.safeParse({ userId, role });
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  try {
    await changeMemberRole(auditActorOfPerson(admin), parsed.data.userId, parsed.data.role);
  } catch (error) {
    return failed(error);
  }
  revalidatePath("/settings");
  return { error: null, done: "Role changed." };
}

export async function removeMemberAction(userId: string): Promise<ActionState> {
  const admin = await asAdmin();
  if (!isUser(admin)) return admin;
  try {
    await removeMember(auditActorOfPerson(admin), z.string().min(1).max(100).parse(userId));
  } catch (error) {
    return failed(error);
  }
  revalidatePath("/settings");
  return { error: null, done: "Member removed." };
}
