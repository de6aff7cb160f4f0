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
                {d.forward === "all" ? "all events" : "verified events"} ·{" "}
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
                hint="All events: those whose signature failed go as received, never re-signed, marked X-Inbox-Verification: failed."
              >
                <Select id="destination-forward" name="forward" defaultValue="verified">
                  <option value="verified">Verified events only</option>
                  <option value="all">All events</option>
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
