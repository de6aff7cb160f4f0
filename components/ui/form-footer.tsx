// The end of a form: its submit button (busy while the action runs), extra controls,
// what the last submit achieved, and its error.
import type { ReactNode } from "react";
import { Alert } from "./alert";
import { Button } from "./button";
import type { FormState } from "@/lib/forms/form-state";

export function FormFooter({
  pending,
  label,
  pendingLabel,
  result,
  children,
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
  result: FormState;
  children?: ReactNode;
}) {
  return (
    <>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? pendingLabel : label}
        </Button>
        {children}
        {result.done && (
          <span role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
            {result.done}
          </span>
        )}
      </div>
      {result.error && <Alert tone="error">{result.error}</Alert>}
    </>
  );
}
