"use client";

// Where this endpoint's events are forwarded as they arrive. Secrets are write-only:
// the list says whether one is set, never what it is.
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormFooter } from "@/components/ui/form-footer";
import { Field, Input, Select } from "@/components/ui/field";
import { RoleNote } from "@/components/ui/role-note";
import { useResettingFormAction } from "@/components/ui/use-form-action";
import { RESIGN_WORDS } from "./resign-words";
import type { FormState } from "@/lib/forms/form-state";

type State = FormState;

export type DestinationSummary = {
  id: string;
  url: string;
  enabled: boolean;
  forward: string;
  resign: string;
  hasSigningSecret: boolean;
  disabledReason: string | null;
};

/** The three forward modes (lib/destinations/schema.ts), as the form explains them. */
const FORWARD_MODES = [
  {
    value: "accepted",
    label: "Accepted events",
    row: "accepted events",
    explains:
      "verified and unsigned ones; never one whose signature failed. For providers that cannot sign (Clipzy, Descript) this is every genuine callback.",
  },
  {
    value: "verified",
    label: "Verified events only",
    row: "verified events",
    explains:
      "only those whose signature checked out. An endpoint that checks no signature forwards nothing.",
  },
  {
    value: "all",
    label: "All events",
    row: "all events",
    explains: "failed ones too, as received, never re-signed, marked X-Inbox-Verification: failed.",
  },
] as const;

export function DestinationsPanel({
  destinations,
  canManage,
  add,
  setEnabled,
  remove,
}: {
  destinations: DestinationSummary[];
  /** Admins change forwarding; others see the list without controls. */
  canManage: boolean;
  add: (previous: State, form: FormData) => Promise<State>;
  setEnabled: (destinationId: string, enabled: boolean) => Promise<State>;
  remove: (destinationId: string) => Promise<State>;
}) {
  const {
    state: addState,
    onSubmit,
    pending,
    formKey,
  } = useResettingFormAction<State>(add, { error: null });
  const [rowState, setRowState] = useState<State>({ error: null });
  const [busy, startBusy] = useTransition();
  const [resign, setResign] = useState("none");
  const run = (change: () => Promise<State>) => startBusy(async () => setRowState(await change()));
  return (
    <div className="space-y-4">
      {destinations.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          No destinations: events stay in the inbox. Add your receiver to get every new event
          forwarded, with retries for about a day.
        </p>
      ) : (
        <ul className="divide-y divide-zinc-100 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {destinations.map((d) => (
            <li
              key={d.id}
              data-testid="destination-row"
              className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm"
            >
              <span className="min-w-0 flex-1 font-mono text-xs break-all">{d.url}</span>
              <Badge tone={d.enabled ? "green" : "neutral"} dot>
                {d.enabled ? "on" : "off"}
              </Badge>
              <span className="text-xs text-zinc-600 dark:text-zinc-400">
                {FORWARD_MODES.find((mode) => mode.value === d.forward)?.row ?? d.forward} ·{" "}
                {RESIGN_WORDS[d.resign] ?? d.resign}
                {d.hasSigningSecret ? " · secret set" : ""}
              </span>
              {canManage && (
                <>
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={busy}
                    onClick={() => run(() => setEnabled(d.id, !d.enabled))}
                  >
                    {d.enabled ? "Turn off" : "Turn on"}
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={busy}
                    aria-label={`Remove destination ${d.url}`}
                    onClick={() => {
                      if (
                        window.confirm(
                          `Stop forwarding to ${d.url}? Its attempts stay listed on the events.`,
                        )
                      )
                        run(() => remove(d.id));
                    }}
                  >
                    Remove
                  </Button>
                </>
              )}
              {d.disabledReason && (
                <p className="w-full text-xs text-amber-700 dark:text-amber-400">
                  Turned off: {d.disabledReason}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {rowState.error && <Alert tone="error">{rowState.error}</Alert>}
      {canManage ? (
        <>
          {/* onSubmit only: the action is a client wrapper, which React would render as a javascript: form action. */}
          <form key={formKey} onSubmit={onSubmit} className="space-y-3">
            <Field
              label="Receiver URL"
              htmlFor="destination-url"
              hint="http(s); private and loopback addresses are refused unless the operator allows them (INBOX_OUTBOUND_ALLOW)."
            >
              <Input
                id="destination-url"
                name="url"
                type="url"
                required
                placeholder="https://api.example.com/hooks/render"
              />
            </Field>
            <div className="grid gap-3 sm:grid-cols-2">
              <Field
                label="Forward"
                htmlFor="destination-forward"
                hint={
                  <span data-testid="forward-modes">
                    {FORWARD_MODES.map((mode) => (
                      <span key={mode.value} className="block">
                        <strong className="font-medium">{mode.label}:</strong> {mode.explains}
                      </span>
                    ))}
                  </span>
                }
              >
                <Select id="destination-forward" name="forward" defaultValue="accepted">
                  {FORWARD_MODES.map((mode) => (
                    <option key={mode.value} value={mode.value}>
                      {mode.label}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Signature" htmlFor="destination-resign">
                <Select
                  id="destination-resign"
                  name="resign"
                  value={resign}
                  onChange={(e) => setResign(e.target.value)}
                >
                  <option value="none">Send the provider&apos;s headers as received</option>
                  <option value="standard-webhooks">Re-sign: Standard Webhooks</option>
                  <option value="provider">Re-sign: the provider&apos;s scheme</option>
                </Select>
              </Field>
            </div>
            {resign !== "none" && (
              <Field
                label="Signing secret"
                htmlFor="destination-secret"
                hint={
                  resign === "standard-webhooks"
                    ? "A whsec_ secret your receiver verifies with."
                    : "The secret your receiver verifies the provider's signature with."
                }
              >
                <Input
                  id="destination-secret"
                  name="signingSecret"
                  type="password"
                  autoComplete="off"
                  required
                />
              </Field>
            )}
            <FormFooter
              pending={pending}
              label="Add destination"
              pendingLabel="Adding…"
              result={addState}
            />
          </form>
        </>
      ) : (
        <RoleNote>Only admins can add, turn off or remove destinations.</RoleNote>
      )}
    </div>
  );
}
