"use client";

// The provider's job-status API for re-polling, with what the provider's docs give
// already filled in and a plain statement of what they leave to the user. The API key
// is write-only: the form says whether one is stored, never what it is.
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormFooter } from "@/components/ui/form-footer";
import { Field, Input } from "@/components/ui/field";
import { RoleNote } from "@/components/ui/role-note";
import { useResettingFormAction } from "@/components/ui/use-form-action";
import { pollCredentialRebinding } from "@/lib/polling/credential-place";
import type { FormState } from "@/lib/forms/form-state";

type State = FormState;

export type PollingSummary = {
  enabled: boolean;
  baseUrl: string | null;
  pathTemplate: string | null;
  credentialHeader: string | null;
  credentialPrefix: string;
  hasCredential: boolean;
  expectTerminalMinutes: number | null;
  preset: {
    baseUrl: string | null;
    pathTemplate: string | null;
    credentialHeader: string | null;
    credentialPrefix: string;
    notes: string;
  };
};

export function PollingPanel({
  polling,
  canManage,
  save,
  clear,
}: {
  polling: PollingSummary;
  /** Admins change polling settings; others see what is set up. */
  canManage: boolean;
  save: (previous: State, form: FormData) => Promise<State>;
  clear: () => Promise<State>;
}) {
  // A fresh form after each save: the typed API key is not left in the page, and the
  // fields show what was stored.
  const { state, onSubmit, pending, formKey } = useResettingFormAction<State>(save, {
    error: null,
  });
  // What the form would change the key's place to, as typed (tagged with the form it was typed in).
  const [typed, setTyped] = useState<{ formKey: number; edit: PlaceEdit } | null>(null);
  const rebinding = typed?.formKey === formKey ? keyRebinding(polling, typed.edit) : null;
  const [clearState, setClearState] = useState<State>({ error: null });
  const [clearing, startClearing] = useTransition();
  const value = (own: string | null, preset: string | null) =>
    (polling.enabled ? own : preset) ?? "";
  const shown = clearState.done && !state.done ? clearState : state;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={polling.enabled ? "green" : "neutral"} dot>
          {polling.enabled ? "set up" : "not set up"}
        </Badge>
        {polling.enabled && (
          <span
            className="min-w-0 break-all font-mono text-xs text-zinc-600 dark:text-zinc-400"
            data-testid="polling-summary"
          >
            GET {polling.baseUrl?.replace(/\/+$/, "")}
            {polling.pathTemplate}
            {polling.credentialHeader && polling.hasCredential
              ? ` · ${polling.credentialHeader}: ${polling.credentialPrefix}••••`
              : ""}
          </span>
        )}
        {polling.enabled && (
          <Badge tone={polling.expectTerminalMinutes ? "violet" : "neutral"}>
            {polling.expectTerminalMinutes
              ? `missed-callback check after ${polling.expectTerminalMinutes} min`
              : "no missed-callback check"}
          </Badge>
        )}
      </div>
      <Alert tone="info">{polling.preset.notes}</Alert>
      {canManage ? (
        <>
          {/* onSubmit only: the action is a bound server action called from the client. */}
          <form
            key={formKey}
            onSubmit={onSubmit}
            onChange={(event) => setTyped({ formKey, edit: placeEditOf(event.currentTarget) })}
            className="space-y-3"
          >
            <div className="grid gap-3 sm:grid-cols-2">
              <Field
                label="Base URL"
                htmlFor="polling-base"
                hint={
                  polling.preset.baseUrl
                    ? "From the provider's docs; change it for a self-hosted or test server."
                    : "The docs name no host: your provider's API address."
                }
              >
                <Input
                  id="polling-base"
                  name="baseUrl"
                  type="url"
                  required
                  defaultValue={value(polling.baseUrl, polling.preset.baseUrl)}
                  placeholder="https://api.provider.example"
                />
              </Field>
              <Field
                label="Status path"
                htmlFor="polling-path"
                hint={
                  <>
                    Where the job id goes: <code className="font-mono">{"{jobId}"}</code>
                  </>
                }
              >
                <Input
                  id="polling-path"
                  name="pathTemplate"
                  required
                  defaultValue={value(polling.pathTemplate, polling.preset.pathTemplate)}
                  placeholder="/v1/jobs/{jobId}"
                  className="font-mono"
                />
              </Field>
            </div>
            <div className="grid gap-3 sm:grid-cols-3">
              <Field
                label="Credential header"
                htmlFor="polling-header"
                hint={
                  polling.preset.credentialHeader
                    ? "From the docs."
                    : "The docs name none; empty sends no credential."
                }
              >
                <Input
                  id="polling-header"
                  name="credentialHeader"
                  defaultValue={value(polling.credentialHeader, polling.preset.credentialHeader)}
                  placeholder="Authorization"
                />
              </Field>
              <Field
                label="Value prefix"
                htmlFor="polling-prefix"
                hint="Written before the key, e.g. “Bearer ”."
              >
                <Input
                  id="polling-prefix"
                  name="credentialPrefix"
                  defaultValue={
                    polling.enabled ? polling.credentialPrefix : polling.preset.credentialPrefix
                  }
                />
              </Field>
              <Field
                label="API key"
                htmlFor="polling-credential"
                hint={
                  rebinding ? (
                    <span
                      className="text-amber-700 dark:text-amber-400"
                      data-testid="polling-credential-rebinding"
                    >
                      {rebinding.charAt(0).toUpperCase()}
                      {rebinding.slice(1)}.
                    </span>
                  ) : polling.hasCredential ? (
                    "A key is stored (encrypted) for this address and header. Leave empty to keep it."
                  ) : (
                    "Stored encrypted; never shown again."
                  )
                }
              >
                <Input
                  id="polling-credential"
                  name="credential"
                  type="password"
                  autoComplete="off"
                  // A new place needs the key typed again (the server refuses otherwise); without a header, removing it is the way.
                  required={rebinding !== null && typed?.edit.credentialHeader !== null}
                  placeholder={
                    polling.hasCredential
                      ? rebinding
                        ? "enter the key again"
                        : "•••••••• (stored)"
                      : ""
                  }
                />
              </Field>
            </div>
            {polling.hasCredential && (
              <label className="flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
                <input
                  type="checkbox"
                  name="removeCredential"
                  className="rounded border-zinc-300 dark:border-zinc-700"
                />{" "}
                Remove the stored key
              </label>
            )}
            <Field
              label="Expect a terminal callback within (minutes)"
              htmlFor="polling-expect"
              hint="Empty = off. Jobs still unfinished this long after their first callback are polled on a schedule; a job the provider finished without calling back is flagged “missed callback”."
            >
              <Input
                id="polling-expect"
                name="expectTerminalMinutes"
                type="number"
                min={1}
                max={10080}
                step={1}
                defaultValue={polling.expectTerminalMinutes ?? ""}
                className="max-w-40"
              />
            </Field>
            <FormFooter
              pending={pending}
              label={polling.enabled ? "Save polling" : "Set up polling"}
              pendingLabel="Saving…"
              result={shown}
            >
              {polling.enabled && (
                <Button
                  type="button"
                  variant="ghost"
                  disabled={clearing}
                  onClick={() => {
                    if (
                      window.confirm(
                        "Turn polling off? The stored key is deleted; recorded polls stay.",
                      )
                    )
                      startClearing(async () => setClearState(await clear()));
                  }}
                >
                  Turn off
                </Button>
              )}
            </FormFooter>
          </form>
        </>
      ) : (
        <RoleNote>Only admins can change polling settings.</RoleNote>
      )}
    </div>
  );
}

type PlaceEdit = {
  baseUrl: string;
  credentialHeader: string | null;
  credentialPrefix: string;
  changesKey: boolean;
};

const formText = (form: HTMLFormElement, name: string) => {
  const value = new FormData(form).get(name);
  return typeof value === "string" ? value : "";
};

/** The fields that decide where the key goes, as the server action reads them. */
function placeEditOf(form: HTMLFormElement): PlaceEdit {
  return {
    baseUrl: formText(form, "baseUrl").trim(),
    credentialHeader: formText(form, "credentialHeader").trim() || null,
    credentialPrefix: formText(form, "credentialPrefix"),
    // A key typed in, or the stored one removed: nothing stored goes anywhere new.
    changesKey:
      formText(form, "removeCredential") === "on" || formText(form, "credential").trim() !== "",
  };
}

/** Why the stored key cannot stay with the typed settings (the server's own rule), or null. */
function keyRebinding(polling: PollingSummary, edit: PlaceEdit): string | null {
  if (!polling.hasCredential || edit.changesKey || edit.baseUrl === "") return null;
  const stored =
    polling.enabled && polling.baseUrl !== null
      ? {
          baseUrl: polling.baseUrl,
          credentialHeader: polling.credentialHeader,
          credentialPrefix: polling.credentialPrefix,
        }
      : null;
  return pollCredentialRebinding(stored, edit);
}
