// The one shape a server action answers a form with (the state of useActionState), and
// the words for an invalid form. Types and zod only: components import it too.
import type { z } from "zod";

/**
 * `error`: what to show the person, or null; `done`: what the action did. `Extra` is
 * what one form shows besides (a secret shown once, a test callback's result, the
 * e-mail address to keep in the field).
 */
export type FormState<Extra extends object = object> = {
  error: string | null;
  done?: string;
} & Extra;

/** The first invalid field's message (the schemas word theirs for people). */
export function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? "Check the form.";
}
