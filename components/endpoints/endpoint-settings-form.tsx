"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormState } from "@/lib/forms/form-state";

type State = FormState;

export function EndpointSettingsForm({
  name,
  bodyLimitKib,
  maxBodyLimitKib,
  rateLimitPerSecond,
  maxRateLimitPerSecond,
  burstFactor,
  overdueAfterMinutes,
  pollingExpectMinutes,
  action,
}: {
  name: string;
  bodyLimitKib: number;
  maxBodyLimitKib: number;
  /** null: unlimited (the field is left empty). */
  rateLimitPerSecond: number | null;
  maxRateLimitPerSecond: number;
  burstFactor: number;
  /** null: not set (the field is left empty). */
  overdueAfterMinutes: number | null;
  /** The polling settings' expectation, which wins over this setting when set. */
  pollingExpectMinutes: number | null;
  action: (previous: State, form: FormData) => Promise<State>;
}) {
  const { state, formAction, onSubmit, pending } = useFormAction<State>(action, { error: null });
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4">
      {state.error && <Alert tone="error">{state.error}</Alert>}
      {state.done && <Alert tone="success">{state.done}</Alert>}
      <Field label="Name" htmlFor="endpoint-name">
        <Input id="endpoint-name" name="name" defaultValue={name} required maxLength={200} />
      </Field>
      <Field
        label="Body cap (KiB)"
        htmlFor="body-limit"
        hint={`Larger callbacks are answered 413 and not stored. 1 to ${maxBodyLimitKib.toLocaleString("en")} KiB.`}
      >
        <div className="w-40">
          <Input
            id="body-limit"
            name="bodyLimitKib"
            type="number"
            inputMode="numeric"
            min={1}
            max={maxBodyLimitKib}
            step={1}
            defaultValue={bodyLimitKib}
            required
            className="tabular-nums"
          />
        </div>
      </Field>
      <Field
        label="Rate limit (callbacks a second)"
        htmlFor="rate-limit"
        hint={`Bursts up to ${burstFactor}× this; more are answered 429 with Retry-After and not stored (providers retry). Empty: no limit.`}
      >
        <div className="w-40">
          <Input
            id="rate-limit"
            name="rateLimitPerSecond"
            type="number"
            inputMode="numeric"
            min={1}
            max={maxRateLimitPerSecond}
            step={1}
            defaultValue={rateLimitPerSecond ?? ""}
            placeholder="no limit"
            className="tabular-nums"
          />
        </div>
      </Field>
      <Field
        label="Overdue after (minutes)"
        htmlFor="overdue-after"
        hint={
          pollingExpectMinutes === null
            ? "A job not finished this long after its last callback (or its registration) is flagged overdue. Empty: only registered jobs, after their own window or 60 min."
            : `The polling settings' ${pollingExpectMinutes} min is used while polling is on; this applies when it is off.`
        }
      >
        <div className="w-40">
          <Input
            id="overdue-after"
            name="overdueAfterMinutes"
            type="number"
            inputMode="numeric"
            min={1}
            max={43200}
            step={1}
            defaultValue={overdueAfterMinutes ?? ""}
            placeholder="not set"
            className="tabular-nums"
          />
        </div>
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save changes"}
      </Button>
    </form>
  );
}
