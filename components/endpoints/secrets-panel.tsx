"use client";

import { useActionState, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { RoleNote } from "@/components/ui/role-note";
import type { FormState } from "@/lib/forms/form-state";

type State = FormState;

/**
 * Write-only secrets: the page knows how many are set, never their values. Rotating
 * is "add the new one, switch the provider over, remove the old one"; both stay
 * active in between so no callback fails during the switch.
 */
export function SecretsPanel({
  count,
  label,
  hint,
  pattern,
  canManage,
  add,
  remove,
}: {
  count: number;
  /** "signing secret" or "token". */
  label: string;
  hint: string;
  pattern: string | null;
  /** Admins change secrets (and so verification); others see how many are set. */
  canManage: boolean;
  add: (previous: State, form: FormData) => Promise<State>;
  remove: (index: number, expectedCount: number) => Promise<State>;
}) {
  const [addState, addAction, adding] = useActionState<State, FormData>(add, { error: null });
  const [removeState, setRemoveState] = useState<State>({ error: null });
  const [removing, startRemoving] = useTransition();
  const state = removeState.error || removeState.done ? removeState : addState;
  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="secret-count">
        {count === 0 ? `No ${label} set.` : `${count} active ${label}${count === 1 ? "" : "s"}.`}{" "}
        <span className="text-zinc-500 dark:text-zinc-400">
          Values are write-only: they are never shown again after saving.
        </span>
      </p>
      {count > 0 && (
        <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {Array.from({ length: count }, (_, index) => (
            <li key={index} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
              <span>
                <span className="font-medium text-zinc-900 dark:text-zinc-100">
                  {label[0]?.toUpperCase()}
                  {label.slice(1)} {index + 1}
                </span>{" "}
                <span className="text-xs text-zinc-500 dark:text-zinc-400">
                  {index === 0 ? "newest · signs test callbacks" : "older"}
                </span>
              </span>
              {canManage && (
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={removing}
                  aria-label={`Remove ${label} ${index + 1}`}
                  onClick={() => {
                    if (
                      !window.confirm(
                        `Remove ${label} ${index + 1}? Callbacks signed with it will fail verification.`,
                      )
                    )
                      return;
                    startRemoving(async () => setRemoveState(await remove(index, count)));
                  }}
                >
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {state.error && <Alert tone="error">{state.error}</Alert>}
      {state.done && <Alert tone="success">{state.done}</Alert>}
      {canManage ? (
        <form
          action={(form) => {
            setRemoveState({ error: null });
            addAction(form);
          }}
          className="flex flex-wrap items-start gap-2"
        >
          <div className="min-w-64 flex-1">
            <Field
              label={count === 0 ? `Set ${label}` : `Add a new ${label} (rotation)`}
              htmlFor="new-secret"
              hint={hint}
            >
              <Input
                id="new-secret"
                name="secret"
                type="password"
                autoComplete="off"
                spellCheck={false}
                required
                className="font-mono"
                pattern={pattern ?? undefined}
                title={pattern ? "whsec_ followed by base64" : undefined}
              />
            </Field>
          </div>
          <Button type="submit" disabled={adding} className="mt-6.5">
            {adding ? "Saving…" : count === 0 ? "Save" : "Add"}
          </Button>
        </form>
      ) : (
        <RoleNote>Only admins can change the {label}s and how callbacks are verified.</RoleNote>
      )}
    </div>
  );
}
