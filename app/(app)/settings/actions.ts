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
import { requireUserWithRole } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/form-state";
import { formError, runFormAction } from "@/lib/forms/run-form-action";
import { pageOrigin } from "@/lib/http/page-origin";
import { idSchema } from "@/lib/ids/schema";
import { invitationUrl } from "@/lib/team/invitations";
import {
  changeMemberRole,
  createInvitation,
  removeMember,
  revokeInvitation,
} from "@/lib/team/mutations";
import { changeRoleSchema, inviteSchema, newPasswordSchema } from "@/lib/team/schema";

/** `secret` is shown once, in the browser that asked for it, and never stored in clear. */
export type SecretState = FormState<{ secret?: string }>;

const tokenNameSchema = z
  .string()
  .trim()
  .min(1, "Name the token after what uses it, e.g. “CI deploy script”.")
  .max(100);

export async function createTokenAction(
  _previous: SecretState,
  form: FormData,
): Promise<SecretState> {
  return runFormAction(
    requireUserWithRole("viewer"),
    { schema: tokenNameSchema, input: form.get("name") },
    async (name, user) => {
      const { token } = await createApiToken(user.id, name);
      revalidatePath("/settings");
      return { error: null, secret: token, done: name };
    },
  );
}

export async function revokeTokenAction(tokenId: string): Promise<FormState> {
  return runFormAction(requireUserWithRole("viewer"), async (user) => {
    await revokeApiToken(user.id, idSchema.parse(tokenId), auditActorOfPerson(user));
    revalidatePath("/settings");
    return { error: null, done: "Token revoked." };
  });
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
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  return runFormAction(
    requireUserWithRole("viewer"),
    { schema: passwordSchema, input: Object.fromEntries(form) },
    async ({ currentPassword, newPassword }) => {
      try {
        // Better Auth checks the current password, and the nextCookies plugin sets the fresh session cookie.
        await getAuth().api.changePassword({
          body: { currentPassword, newPassword, revokeOtherSessions: true },
          headers: await headers(),
        });
      } catch (error) {
        if (error instanceof APIError) return { error: "The current password is not right." };
        return formError(error);
      }
      // Better Auth replaced every session, this one included: a re-render of this request
      // would still carry the old cookie, so the browser loads the page again with the new one.
      redirect("/settings?password=changed");
    },
  );
}

export async function inviteAction(_previous: SecretState, form: FormData): Promise<SecretState> {
  return runFormAction(
    requireUserWithRole("admin"),
    { schema: inviteSchema, input: Object.fromEntries(form) },
    async (fields, admin) => {
      const { token, invitation } = await createInvitation(auditActorOfPerson(admin), fields);
      revalidatePath("/settings");
      return {
        error: null,
        secret: invitationUrl(await pageOrigin(), token),
        done: invitation.email,
      };
    },
  );
}

export async function revokeInvitationAction(invitationId: string): Promise<FormState> {
  return runFormAction(requireUserWithRole("admin"), async (admin) => {
    await revokeInvitation(idSchema.parse(invitationId), auditActorOfPerson(admin));
    revalidatePath("/settings");
    return { error: null, done: "Invitation revoked." };
  });
}

export async function changeRoleAction(userId: string, role: string): Promise<FormState> {
  return runFormAction(
    requireUserWithRole("admin"),
    { schema: changeRoleSchema, input: { userId, role } },
    async (change, admin) => {
      await changeMemberRole(auditActorOfPerson(admin), change.userId, change.role);
      revalidatePath("/settings");
      return { error: null, done: "Role changed." };
    },
  );
}

export async function removeMemberAction(userId: string): Promise<FormState> {
  return runFormAction(requireUserWithRole("admin"), async (admin) => {
    await removeMember(auditActorOfPerson(admin), idSchema.parse(userId));
    revalidatePath("/settings");
    return { error: null, done: "Member removed." };
  });
}
