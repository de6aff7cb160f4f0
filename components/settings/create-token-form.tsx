"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { ShownOnce } from "./shown-once";
import type { FormState } from "@/lib/forms/form-state";

type State = FormState<{ secret?: string }>;

export function CreateTokenForm({
  action,
}: {
  action: (previous: State, form: FormData) => Promise<State>;
}) {
  const { state, formAction, onSubmit, pending } = useFormAction<State>(action, { error: null });
  return (
    <div className="space-y-3">
      <form action={formAction} onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
        <label htmlFor="token-name" className="sr-only">
          Token name
        </label>
        <Input
          id="token-name"
          name="name"
          placeholder="What will use it, e.g. CI deploy script"
          required
          maxLength={100}
          className="max-w-sm flex-1"
        />
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </Button>
      </form>
      {state.error && <Alert tone="error">{state.error}</Alert>}
      {state.secret && (
        <ShownOnce
          title={`Token “${state.done ?? ""}” created. Copy it now: it is shown only once.`}
          value={state.secret}
        >
          Send it as <code>Authorization: Bearer &lt;token&gt;</code>. It acts as you; revoke it
          here when it is no longer needed.
        </ShownOnce>
      )}
    </div>
  );
}
