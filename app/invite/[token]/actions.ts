"use server";

// Accepting an invitation: the link's token is the only credential, so this action
// needs no session. The claim is single-use in the database (lib/team/invitations).
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/auth/auth";
import { toAppError } from "@/lib/http/error-response";
import { acceptInvitation } from "@/lib/team/mutations";
import { acceptInvitationSchema } from "@/lib/team/schema";

export type AcceptState = { error: string | null };

export async function acceptInvitationAction(
  _previous: AcceptState,
  form: FormData,
): Promise<AcceptState> {
  const parsed = acceptInvitationSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Check the form." };
  const { token, name, password } = parsed.data;
  let email: string;
  try {
    ({ email } = await acceptInvitation(token, { name, password }));
  } catch (error) {
    return { error: toAppError(error).message };
  }
  await getAuth().api.signInEmail({ body: { email, password }, headers: await headers() });
  redirect("/");
}
