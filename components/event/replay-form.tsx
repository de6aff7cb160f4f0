"use client";

// Send this event again, to one of the endpoint's destinations or to any URL. Each
// rendered form carries its own idempotency key: a double click or a resubmitted form
// sends once; after an answer a fresh key makes the next click a new replay.
import { useState } from "react";
import type { ReplayState } from "@/lib/replay/types";
import { ReplayTargetFields } from "@/components/replay/replay-target-fields";
import { ResignChoice } from "@/components/replay/resign-choice";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";

export type ReplayDestination = { id: string; url: string; enabled: boolean };

type Props = {
  action: (state: ReplayState, form: FormData) => Promise<ReplayState>;
  destinations: ReplayDestination[];
  /** Why re-signing is not offered (the server refuses it the same way); null offers it. */
  resignRefusal: string | null;
};

export function ReplayForm({ action, destinations, resignRefusal }: Props) {
  const [key, setKey] = useState(() => crypto.randomUUID());
  // useFormAction: React would reset the form after the action, and the person
  // usually wants the same target for the next replay.
  const { state, onSubmit, pending } = useFormAction<ReplayState>(
    async (previous, form) => {
      const next = await action(previous, form);
      if (next.attempt) setKey(crypto.randomUUID());
      return next;
    },
    { error: null, attempt: null },
  );
  const [target, setTarget] = useState(destinations[0]?.id ?? "url");
  return (
    // onSubmit only: the action is a client wrapper (it renews the key), which React
    // would render as a javascript: form action for the no-JavaScript case.
    <form onSubmit={onSubmit} className="space-y-3">
      <input type="hidden" name="idempotencyKey" value={key} />
      <div className="grid gap-3 sm:grid-cols-[16rem_1fr]">
        <ReplayTargetFields
          idPrefix="replay"
          options={destinations.map((d) => ({
            id: d.id,
            label: `${d.url}${d.enabled ? "" : " (disabled)"}`,
          }))}
          target={target}
          onTargetChange={setTarget}
        />
      </div>
      <ResignChoice refusal={resignRefusal} />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Sending…" : "Replay"}
        </Button>
        {state.attempt && (
          <span role="status" className="text-sm text-zinc-700 dark:text-zinc-300">
            Attempt <span className="font-mono text-xs">{state.attempt.id}</span>:{" "}
            {state.attempt.status}
            {state.attempt.responseStatus !== null ? ` (HTTP ${state.attempt.responseStatus})` : ""}
            {state.attempt.error ? `: ${state.attempt.error}` : ""}
          </span>
        )}
      </div>
      {state.error && <Alert tone="error">{state.error}</Alert>}
    </form>
  );
}
