"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/forms/form-state";

type State = FormState;

/** A button for a destructive action: asks first, then shows the action's error next to it. */
export function ConfirmActionButton({
  label,
  confirm,
  action,
  accessibleName,
}: {
  label: string;
  confirm: string;
  action: () => Promise<State>;
  accessibleName?: string;
}) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      {error && (
        <span role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </span>
      )}
      <Button
        size="sm"
        variant="ghost"
        aria-label={accessibleName}
        disabled={pending}
        onClick={() => {
          if (!window.confirm(confirm)) return;
          startTransition(async () => setError((await action()).error));
        }}
      >
        {pending ? "…" : label}
      </Button>
    </span>
  );
}
