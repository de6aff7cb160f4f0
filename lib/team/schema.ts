// Inputs of the team forms (invitations, roles, accepting an invitation). The zod
// schemas are the source of the types; pages parse FormData with them.
import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/auth";
import { roleSchema } from "@/lib/auth/roles";

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
