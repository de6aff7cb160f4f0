"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/forms/form-state";

/** Archive, after an explicit second step that says what happens. */
export function ArchiveEndpoint({
  name,
  archive,
}: {
  name: string;
  archive: () => Promise<FormState>;
}) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (!confirming) {
    return (
      <Button variant="secondary" onClick={() => setConfirming(true)}>
        Archive endpoint…
      </Button>
    );
  }
  return (
    <div className="space-y-3" role="group" aria-label="Confirm archiving">
      <Alert tone="warning" title={`Archive “${name}”?`}>
        Its ingest URL will answer 410 Gone and store nothing more. Events and deliveries already
        stored stay searchable. This cannot be undone from the dashboard.
      </Alert>
      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex gap-2">
        <Button
          variant="danger"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await archive();
              setError(result.error);
            })
          }
        >
          {pending ? "Archiving…" : "Yes, archive it"}
        </Button>
        <Button variant="ghost" onClick={() => setConfirming(false)} disabled={pending}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
