"use client";

import { Alert } from "@/components/ui/alert";
import { NewPasswordFields } from "@/components/new-password-fields";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormState } from "@/lib/forms/form-state";
import { acceptInvitationAction } from "./actions";

export function AcceptInvitationForm({
  token,
  email,
  minLength,
}: {
  token: string;
  email: string;
  minLength: number;
}) {
  const { state, formAction, onSubmit, pending } = useFormAction<FormState>(
    acceptInvitationAction,
    { error: null },
  );
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4">
      {state.error && <Alert tone="error">{state.error}</Alert>}
      <input type="hidden" name="token" value={token} />
      <Field label="Email" htmlFor="email" hint="The address the invitation was made for.">
        <Input
          id="email"
          type="email"
          value={email}
          readOnly
          autoComplete="username"
          className="bg-zinc-50 dark:bg-zinc-950"
        />
      </Field>
      <Field label="Your name" htmlFor="name">
        <Input id="name" name="name" autoComplete="name" required autoFocus maxLength={100} />
      </Field>
      <NewPasswordFields minLength={minLength} />
      <Button type="submit" variant="primary" className="w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Join and sign in"}
      </Button>
    </form>
  );
}
