// Inputs of the team forms (invitations, roles, accepting an invitation). The zod
// schemas are the source of the types; pages parse FormData with them.
import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/auth";
import { roleSchema } from "@/lib/auth/roles";
import { timestampSchema } from "@/lib/http/response-schemas";

export const inviteSchema = z.object({
  email: z.email("Enter a valid email address.").trim().toLowerCase(),
  role: roleSchema,
});
export type InviteInput = z.infer<typeof inviteSchema>;

export const changeRoleSchema = z.object({ userId: z.string().min(1), role: roleSchema });

/** PATCH /api/team/members/<id>: the role is the one thing an admin changes about someone. */
export const patchMemberSchema = z.strictObject({ role: roleSchema });

export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(256);

export const acceptInvitationSchema = z
  .object({
    token: z.string().min(1),
    name: z.string().trim().min(1, "Enter your name.").max(100),
    password: newPasswordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, {
    message: "The two passwords differ.",
    path: ["confirm"],
  });

/** A member with the live personal tokens an admin can revoke (never a token or its hash). */
export const memberResponseSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  createdAt: timestampSchema,
  tokens: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      /** The first characters, to tell tokens apart. */
      tokenPrefix: z.string(),
      createdAt: timestampSchema,
      lastUsedAt: timestampSchema.nullable(),
    }),
  ),
});
export type MemberResponse = z.infer<typeof memberResponseSchema>;

export const invitationResponseSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  invitedBy: z.string(),
  createdAt: timestampSchema,
  expiresAt: timestampSchema,
});
export type InvitationResponse = z.infer<typeof invitationResponseSchema>;

/** POST /api/team/invitations: the url is the one-time link, shown only in this answer. */
export const createdInvitationResponseSchema = z.object({
  id: z.string(),
  url: z.string(),
  expiresAt: timestampSchema,
});
export type CreatedInvitationResponse = z.infer<typeof createdInvitationResponseSchema>;
