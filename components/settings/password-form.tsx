"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

type State = { error: string | null };

export function PasswordForm({ action, minLength }: { action: (previous: State, form: FormData) => Promise<State>; minLength: number }) {
  const [state, formAction, pending] = useActionState<State, FormData>(action, { error: null });
  return (
    <form action={formAction} className="max-w-sm space-y-3">
      {state.error && <Alert tone="error">{state.error}</Alert>}
      <Field label="Current password" htmlFor="current-password">
        <Input id="current-password" name="currentPassword" type="password" autoComplete="current-password" required />
      </Field>
      <Field label="New password" htmlFor="new-password" hint={`At least ${minLength} characters.`}>
        <Input id="new-password" name="newPassword" type="password" autoComplete="new-password" minLength={minLength} required />
      </Field>
      <Field label="Confirm new password" htmlFor="confirm-password">
        <Input id="confirm-password" name="confirm" type="password" autoComplete="new-password" minLength={minLength} required />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
