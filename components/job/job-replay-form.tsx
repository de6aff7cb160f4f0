"use client";

// Replay a job's whole story: its events in provider order to a destination or a URL,
// spaced as the provider spaced them (divided by the speed) or back to back. The page
// shows the batch's progress once it started (the action opens ?replay=<id>).
import { useState } from "react";
import { ReplayTargetFields } from "@/components/replay/replay-target-fields";
import { ResignChoice } from "@/components/replay/resign-choice";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";

export type JobReplayDestination = { id: string; url: string; enabled: boolean };

type Props = {
  action: (state: { error: string | null }, form: FormData) => Promise<{ error: string | null }>;
  destinations: JobReplayDestination[];
  eventCount: number;
  /** Why re-signing is not offered (the server refuses it the same way); null offers it. */
  resignRefusal: string | null;
};

export function JobReplayForm({ action, destinations, eventCount, resignRefusal }: Props) {
  const { state, onSubmit, pending } = useFormAction(action, { error: null });
  const [target, setTarget] = useState(destinations[0]?.id ?? "url");
  const [timing, setTiming] = useState("original");
  return (
    // onSubmit only: React would render a client wrapper as a javascript: form action.
    <form onSubmit={onSubmit} className="space-y-3" data-testid="job-replay-form">
      <div className="grid gap-3 sm:grid-cols-[16rem_1fr]">
        <ReplayTargetFields
          idPrefix="job-replay"
          options={destinations.map((d) => ({
            id: d.id,
            label: `${d.url}${d.enabled ? "" : " (disabled)"}`,
          }))}
          target={target}
          onTargetChange={setTarget}
        />
      </div>
      <div className="grid gap-3 sm:grid-cols-[16rem_10rem]">
        <Field
          label="Timing"
          htmlFor="job-replay-timing"
          hint={
            timing === "original"
              ? "Gaps as the provider made them: its timestamps, else arrival times."
              : "One after another, in provider order."
          }
        >
          <Select
            id="job-replay-timing"
            name="timing"
            value={timing}
            onChange={(e) => setTiming(e.target.value)}
          >
            <option value="original">Keep the provider&apos;s gaps</option>
            <option value="none">Back to back</option>
          </Select>
        </Field>
        {timing === "original" && (
          <Field label="Speed" htmlFor="job-replay-speed" hint="10 = ten times faster">
            <Input
              id="job-replay-speed"
              name="speed"
              type="number"
              min="0.01"
              step="any"
              defaultValue="1"
              required
            />
          </Field>
        )}
      </div>
      <ResignChoice refusal={resignRefusal} />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={pending || eventCount === 0}>
          {pending
            ? "Starting…"
            : `Replay ${eventCount.toLocaleString("en")} ${eventCount === 1 ? "event" : "events"}`}
        </Button>
      </div>
      {state.error && <Alert tone="error">{state.error}</Alert>}
    </form>
  );
}
