// Server actions answer with form state, not exceptions: in production Next hides a
// thrown error's message, so a member would see "something went wrong" instead of
// which role they lack. Each action still checks through requireUserWithRole itself
// (its first statement names the role, tests/unit/action-roles.test.ts reads it);
// this only turns that check's refusal into `{ error }`.
import { unstable_rethrow } from "next/navigation";
import { toAppError } from "@/lib/http/error-response";
import type { SignedInUser } from "./session";

export type Refusal = { error: string };

/** The user the check let through, or its refusal; a signed-out caller is still redirected to /login. */
export async function userOrRefusal(check: Promise<SignedInUser>): Promise<SignedInUser | Refusal> {
  try {
    return await check;
  } catch (error) {
    unstable_rethrow(error);
    return { error: toAppError(error).message };
  }
}

export function isRefusal(value: SignedInUser | Refusal): value is Refusal {
  return !("id" in value);
}
