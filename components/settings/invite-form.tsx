"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { ShownOnce } from "./shown-once";
import type { FormState } from "@/lib/forms/form-state";

type State = FormState<{ secret?: string }>;

export function InviteForm({
  action,
  lifetimeDays,
}: {
  action: (previous: State, form: FormData) => Promise<State>;
  lifetimeDays: number;
}) {
  const { state, formAction, onSubmit, pending } = useFormAction<State>(action, { error: null });
  return (
    <div className="space-y-3">
      <form action={formAction} onSubmit={onSubmit} className="flex flex-wrap items-end gap-2">
        <div className="min-w-56 flex-1">
          <Field label="Teammate's email" htmlFor="invite-email">
            <Input id="invite-email" name="email" type="email" required autoComplete="off" />
          </Field>
        </div>
        <div className="w-32">
          <Field label="Role" htmlFor="invite-role">
            <Select id="invite-role" name="role" defaultValue="member">
              <option value="viewer">Viewer</option>
              <option value="member">Member</option>
              <option value="admin">Admin</option>
            </Select>
          </Field>
        </div>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Creating…" : "Create invitation link"}
        </Button>
      </form>
      {state.error && <Alert tone="error">{state.error}</Alert>}
      {state.secret && (
        <ShownOnce
          title={`Invitation for ${state.done ?? ""}. Copy the link now: it is shown only once.`}
          value={state.secret}
        >
          Send it to them yourself (no email is sent). It works once, for {lifetimeDays} days, and
          lets them choose a name and password.
        </ShownOnce>
      )}
    </div>
  );
}
