"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import type { SchemeGuide } from "./scheme-guide";
import type { FormState } from "@/lib/forms/form-state";

type State = FormState;

const EXTRACTION_FIELDS = [
  { name: "jobIdPath", label: "Job id path", example: "data.id" },
  { name: "statePath", label: "State path", example: "data.status" },
  { name: "eventTypePath", label: "Event type path", example: "type" },
] as const;

/** Create an endpoint: the chosen preset explains, in plain words, what the provider sends and what to paste. */
export function NewEndpointForm({
  guides,
  action,
  defaultBodyLimitKib,
  maxBodyLimitKib,
}: {
  guides: SchemeGuide[];
  action: (previous: State, form: FormData) => Promise<State>;
  defaultBodyLimitKib: number;
  maxBodyLimitKib: number;
}) {
  const { state, formAction, onSubmit, pending } = useFormAction<State>(action, { error: null });
  const [provider, setProvider] = useState(guides[0]?.provider ?? "generic");
  const guide = guides.find((g) => g.provider === provider) ?? guides[0];
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      className="grid max-w-5xl gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]"
    >
      <div className="space-y-4">
        {state.error && <Alert tone="error">{state.error}</Alert>}
        <Field
          label="Name"
          htmlFor="name"
          hint="For people: which pipeline or environment this is, e.g. “Aspect production”."
        >
          <Input id="name" name="name" required maxLength={200} autoFocus />
        </Field>
        <Field
          label="Provider"
          htmlFor="provider"
          hint="Decides how callbacks are verified and how job ids and states are read."
        >
          <Select
            id="provider"
            name="provider"
            value={provider}
            onChange={(e) => setProvider(e.target.value as typeof provider)}
          >
            {guides.map((g) => (
              <option key={g.provider} value={g.provider}>
                {g.label}
              </option>
            ))}
          </Select>
        </Field>
        {guide?.secretHint && (
          <Field
            label={guide.secretRequired ? "Signing secret" : "Token (optional)"}
            htmlFor="secret"
            hint={guide.secretHint}
          >
            <Input
              id="secret"
              name="secret"
              type="password"
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
              required={guide.secretRequired}
              pattern={guide.secretPattern ?? undefined}
              title={guide.secretPattern ? "whsec_ followed by base64" : undefined}
              placeholder={guide.secretPattern ? "whsec_…" : undefined}
            />
          </Field>
        )}
        {guide?.isConfigurable && (
          <fieldset className="space-y-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
            <legend className="px-1 text-sm font-medium text-zinc-800 dark:text-zinc-200">
              Where {guide.label} payloads name the job (optional)
            </legend>
            <p className="text-xs text-zinc-500 dark:text-zinc-400">
              Keys separated by dots, e.g. <code className="font-mono">data.id</code>. Without a job
              id path, callbacks are stored as events but not grouped into jobs.
            </p>
            {EXTRACTION_FIELDS.map((field) => (
              <Field key={field.name} label={field.label} htmlFor={field.name}>
                <Input
                  id={field.name}
                  name={field.name}
                  placeholder={field.example}
                  maxLength={200}
                  spellCheck={false}
                  className="font-mono"
                />
              </Field>
            ))}
          </fieldset>
        )}
        <Field
          label="Body cap (KiB)"
          htmlFor="bodyLimitKib"
          hint={`Larger callbacks are refused with 413 and not stored. At most ${maxBodyLimitKib.toLocaleString("en")} KiB.`}
        >
          <div className="w-40">
            <Input
              id="bodyLimitKib"
              name="bodyLimitKib"
              type="number"
              inputMode="numeric"
              min={1}
              max={maxBodyLimitKib}
              step={1}
              defaultValue={defaultBodyLimitKib}
              required
              className="tabular-nums"
            />
          </div>
        </Field>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Creating…" : "Create endpoint"}
        </Button>
      </div>
      {guide && (
        <aside
          aria-live="polite"
          className="h-fit space-y-2 rounded-lg border border-zinc-200 bg-zinc-50 p-4 text-sm dark:border-zinc-800 dark:bg-zinc-900/60"
        >
          <h2 className="font-semibold text-zinc-900 dark:text-zinc-100">
            How {guide.label} callbacks are checked
          </h2>
          <p className="text-zinc-700 dark:text-zinc-300">{guide.sends}</p>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            Scheme: <span className="font-mono">{guide.scheme}</span> — {guide.summary}
          </p>
        </aside>
      )}
    </form>
  );
}
