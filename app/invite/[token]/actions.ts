"use server";

// Accepting an invitation: the link's token is the only credential, so this action
// needs no session. The claim is single-use in the database (lib/team/invitations).
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/auth/auth";
import { firstIssue, type FormState } from "@/lib/forms/form-state";
import { formError } from "@/lib/forms/run-form-action";
import { acceptInvitation } from "@/lib/team/mutations";
import { acceptInvitationSchema } from "@/lib/team/schema";

export async function acceptInvitationAction(
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const parsed = acceptInvitationSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  const { token, name, password } = parsed.data;
  let email: string;
  try {
    ({ email } = await acceptInvitation(token, { name, password }));
  } catch (error) {
    return formError(error);
  }
  await getAuth().api.signInEmail({ body: { email, password }, headers: await headers() });
  redirect("/");
}
