// The one helper for server actions: check the caller's role, parse the form with zod,
// call lib/, and turn every way that can go wrong into form state. In production Next
// hides a thrown error's message, so an action answers `{ error }` instead of throwing:
// the role refusal (lib/auth/role-refusal.ts), the first invalid field, and an error
// from lib/ (an AppError's message; anything unexpected is logged and worded
// generically, as the API does). Next's redirect and notFound pass through.
//
// The role check is the action's own first statement, written at the call site:
//   return runFormAction(requireUserWithRole("admin"), { schema, input }, async (data, caller) => ...)
// (tests/unit/action-roles.test.ts reads it there).
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { isRefusal, userOrRefusal } from "@/lib/auth/role-refusal";
import type { SignedInUser } from "@/lib/auth/session";
import { toAppError } from "@/lib/http/error-response";
import { firstIssue, type FormState } from "./form-state";

/** How the form's fields are read: the schema, the raw input, and (optionally) how an invalid form is worded. */
export type FormInput<Input> = {
  schema: z.ZodType<Input>;
  input: unknown;
  describe?: (error: z.ZodError) => string;
};

/** A thrown error as form state: an AppError's message, else the generic one (and a log line). */
export function formError(error: unknown): FormState {
  unstable_rethrow(error);
  return { error: toAppError(error).message };
}

export function runFormAction<Result extends FormState>(
  check: Promise<SignedInUser>,
  run: (caller: SignedInUser) => Promise<Result>,
): Promise<Result | FormState>;
export function runFormAction<Input, Result extends FormState>(
  check: Promise<SignedInUser>,
  form: FormInput<Input>,
  run: (input: Input, caller: SignedInUser) => Promise<Result>,
): Promise<Result | FormState>;
export async function runFormAction<Input, Result extends FormState>(
  check: Promise<SignedInUser>,
  formOrRun: FormInput<Input> | ((caller: SignedInUser) => Promise<Result>),
  maybeRun?: (input: Input, caller: SignedInUser) => Promise<Result>,
): Promise<Result | FormState> {
  const caller = await userOrRefusal(check);
  if (isRefusal(caller)) return caller;
  let call: () => Promise<Result>;
  if (typeof formOrRun === "function") {
    call = () => formOrRun(caller);
  } else {
    const parsed = formOrRun.schema.safeParse(formOrRun.input);
    if (!parsed.success)
      return { error: (formOrRun.describe ?? firstIssue)(parsed.error as z.ZodError) };
    const run = maybeRun;
    if (!run) throw new Error("runFormAction: a form needs a run function");
    call = () => run(parsed.data, caller);
  }
  try {
    return await call();
  } catch (error) {
    return formError(error);
  }
}
