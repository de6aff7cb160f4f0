"use server";

// Settings: personal API tokens and password (anyone signed in, for themselves), team
// (admins only). Every action checks its role first and answers a refusal as form
// state, never silently.
import { APIError } from "better-auth/api";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auditActorOfPerson } from "@/lib/audit/actor";
import { createApiToken, revokeApiToken } from "@/lib/auth/mutations";
import { getAuth } from "@/lib/auth/auth";
import { isRefusal, userOrRefusal } from "@/lib/auth/role-refusal";
import { requireUserWithRole } from "@/lib/auth/session";
import { toAppError } from "@/lib/http/error-response";
import { invitationUrl } from "@/lib/team/invitations";
import {
  changeMemberRole,
  createInvitation,
  removeMember,
  revokeInvitation,
} from "@/lib/team/mutations";
import { changeRoleSchema, inviteSchema, newPasswordSchema } from "@/lib/team/schema";
import { pageOrigin } from "../endpoints/page-origin";

export type ActionState = { error: string | null; done?: string };
/** `secret` is shown once, in the browser that asked for it, and never stored in clear. */
export type SecretState = ActionState & { secret?: string };

const failed = (error: unknown): ActionState => ({ error: toAppError(error).message });
const firstIssue = (error: z.ZodError) => error.issues[0]?.message ?? "Check the form.";

const tokenNameSchema = z
  .string()
  .trim()
  .min(1, "Name the token after what uses it, e.g. “CI deploy script”.")
  .max(100);

export async function createTokenAction(
  _previous: SecretState,
  form: FormData,
): Promise<SecretState> {
  const user = await userOrRefusal(requireUserWithRole("viewer"));
  if (isRefusal(user)) return user;
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
  const user = await userOrRefusal(requireUserWithRole("viewer"));
  if (isRefusal(user)) return user;
  try {
    await revokeApiToken(
      user.id,
      z.string().min(1).max(100).parse(tokenId),
      auditActorOfPerson(user),
    );
  } catch (error) {
    return failed(error);
  }
  revalidatePath("/settings");
  return { error: null, done: "Token revoked." };
}

const passwordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password."),
    newPassword: newPasswordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.newPassword === v.confirm, {
    message: "The two new passwords differ.",
    path: ["confirm"],
  });

export async function changePasswordAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const caller = await userOrRefusal(requireUserWithRole("viewer"));
  if (isRefusal(caller)) return caller;
  const parsed = passwordSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  const { currentPassword, newPassword } = parsed.data;
  try {
    // Better Auth checks the current password, and the nextCookies plugin sets the fresh session cookie.
    await getAuth().api.changePassword({
      body: { currentPassword, newPassword, revokeOtherSessions: true },
      headers: await headers(),
    });
  } catch (error) {
    if (error instanceof APIError) return { error: "The current password is not right." };
    return failed(error);
  }
  // Better Auth replaced every session, this one included: a re-render of this request
  // would still carry the old cookie, so the browser loads the page again with the new one.
  redirect("/settings?password=changed");
}

export async function inviteAction(_previous: SecretState, form: FormData): Promise<SecretState> {
  const admin = await userOrRefusal(requireUserWithRole("admin"));
  if (isRefusal(admin)) return admin;
  const parsed = inviteSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  try {
    const { token, invitation } = await createInvitation(auditActorOfPerson(admin), parsed.data);
    revalidatePath("/settings");
    return {
      error: null,
      secret: invitationUrl(await pageOrigin(), token),
      done: invitation.email,
    };
  } catch (error) {
    return failed(error);
  }
}

export async function revokeInvitationAction(invitationId: string): Promise<ActionState> {
  const admin = await userOrRefusal(requireUserWithRole("admin"));
  if (isRefusal(admin)) return admin;
  try {
    await revokeInvitation(
      z.string().min(1).max(100).parse(invitationId),
      auditActorOfPerson(admin),
    );
  } catch (error) {
    return failed(error);
  }
  revalidatePath("/settings");
  return { error: null, done: "Invitation revoked." };
}

export async function changeRoleAction(userId: string, role: string): Promise<ActionState> {
  const admin = await userOrRefusal(requireUserWithRole("admin"));
  if (isRefusal(admin)) return admin;
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
  const admin = await userOrRefusal(requireUserWithRole("admin"));
  if (isRefusal(admin)) return admin;
  try {
    await removeMember(auditActorOfPerson(admin), z.string().min(1).max(100).parse(userId));
  } catch (error) {
    return failed(error);
  }
  revalidatePath("/settings");
  return { error: null, done: "Member removed." };
}
