"use client";

import { useActionState } from "react";
import { setupAction, type SignInState } from "@/app/login/actions";
import { Alert } from "@/components/ui/alert";
import { NewPasswordFields } from "@/components/new-password-fields";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

export function SetupForm({ minLength }: { minLength: number }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(setupAction, {
    error: null,
  });
  return (
    <form action={action} className="space-y-4">
      {state.error && <Alert tone="error">{state.error}</Alert>}
      <Field
        label="Set-up code"
        htmlFor="setup-code"
        hint="Printed by the server at start, and in .data/setup-code next to it."
      >
        <Input
          id="setup-code"
          name="setupCode"
          autoComplete="off"
          spellCheck={false}
          required
          autoFocus
          className="font-mono"
        />
      </Field>
      <Field label="Name" htmlFor="name">
        <Input id="name" name="name" autoComplete="name" required />
      </Field>
      <Field label="Email" htmlFor="email">
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
        />
      </Field>
      <NewPasswordFields minLength={minLength} />
      <Button type="submit" variant="primary" className="w-full" disabled={pending}>
        {pending ? "Creating…" : "Create admin and sign in"}
      </Button>
    </form>
  );
}
