"use client";

import Link from "next/link";
import { useActionState } from "react";
import { VerificationBadge } from "@/components/domain-badges";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DescriptionList } from "@/components/ui/panel";
import type { TestCallbackResult } from "@/lib/ingest/test-callback";
import type { FormState } from "@/lib/forms/form-state";

type State = FormState<{ result?: TestCallbackResult }>;

/** Sends the preset's signed sample to this endpoint and shows what the ingest URL answered. */
export function TestCallbackPanel({
  send,
  signedWith,
}: {
  send: () => Promise<State>;
  signedWith: string;
}) {
  const [state, action, pending] = useActionState<State>(send, { error: null });
  const result = state.result;
  return (
    <div className="space-y-3">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{signedWith}</p>
      <form action={action}>
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send a test callback"}
        </Button>
      </form>
      {state.error && <Alert tone="error">{state.error}</Alert>}
      {result && (
        <div
          aria-live="polite"
          data-testid="test-callback-result"
          className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
        >
          <DescriptionList
            items={[
              {
                label: "Answer",
                value: <span className="font-mono tabular-nums">HTTP {result.status}</span>,
              },
              {
                label: "Verification",
                value: result.verification ? (
                  <VerificationBadge value={result.verification} />
                ) : (
                  "—"
                ),
              },
              ...(result.reason ? [{ label: "Reason", value: result.reason }] : []),
              ...(result.error ? [{ label: "Error", value: result.error }] : []),
              {
                label: "Delivery",
                value: (
                  <span className="font-mono text-xs">{result.deliveryId ?? "not stored"}</span>
                ),
              },
              ...(result.eventId
                ? [
                    {
                      label: "Event",
                      value: (
                        <Link
                          href={`/events/${result.eventId}`}
                          className="font-mono text-xs text-indigo-600 hover:underline dark:text-indigo-400"
                        >
                          {result.eventId}
                        </Link>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </div>
      )}
    </div>
  );
}
