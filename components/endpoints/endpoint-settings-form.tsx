"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
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
  retention,
  defaultRetentionDays,
  failedRetentionDays,
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
  /** "default" (INBOX_RETENTION_DAYS), null (forever) or days. */
  retention: number | null | "default";
  defaultRetentionDays: number;
  failedRetentionDays: number;
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
      <Field
        label="Keep deliveries"
        htmlFor="retention-mode"
        hint={`Older deliveries are deleted every hour with their events and jobs. Ones that failed verification go after ${failedRetentionDays} days, or sooner with a shorter window. "Keep forever" keeps all.`}
      >
        <div className="flex flex-wrap items-center gap-2">
          <div className="w-56">
            <Select
              id="retention-mode"
              name="retentionMode"
              defaultValue={
                retention === "default" ? "default" : retention === null ? "forever" : "days"
              }
            >
              <option value="default">Default ({defaultRetentionDays} days)</option>
              <option value="days">This many days:</option>
              <option value="forever">Keep forever</option>
            </Select>
          </div>
          <div className="w-28">
            <Input
              aria-label="Days to keep deliveries"
              name="retentionDays"
              type="number"
              inputMode="numeric"
              min={1}
              max={36500}
              step={1}
              defaultValue={typeof retention === "number" ? retention : ""}
              placeholder="days"
              className="tabular-nums"
            />
          </div>
        </div>
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save changes"}
      </Button>
    </form>
  );
}
