"use client";

// Asks the provider's status API about this job now; the answer lands in the timeline.
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/forms/form-state";

type State = FormState;

export function RepollButton({ repoll }: { repoll: () => Promise<State> }) {
  const [state, setState] = useState<State>({ error: null });
  const [pending, startPolling] = useTransition();
  return (
    <div className="space-y-2">
      <Button onClick={() => startPolling(async () => setState(await repoll()))} disabled={pending}>
        {pending ? "Polling…" : "Re-poll"}
      </Button>
      {state.done && (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {state.done}
        </p>
      )}
      {state.error && <Alert tone="error">{state.error}</Alert>}
    </div>
  );
}
