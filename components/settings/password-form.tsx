"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { NewPasswordFields } from "@/components/new-password-fields";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import type { FormState } from "@/lib/forms/form-state";

type State = FormState;

export function PasswordForm({
  action,
  minLength,
}: {
  action: (previous: State, form: FormData) => Promise<State>;
  minLength: number;
}) {
  const [state, formAction, pending] = useActionState<State, FormData>(action, { error: null });
  return (
    <form action={formAction} className="max-w-sm space-y-3">
      {state.error && <Alert tone="error">{state.error}</Alert>}
      <Field label="Current password" htmlFor="current-password">
        <Input
          id="current-password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
        />
      </Field>
      <NewPasswordFields minLength={minLength} name="newPassword" label="New password" />
      <Button type="submit" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
