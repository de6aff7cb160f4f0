"use client";

// "Replay matching events": every event the Inbox's current filters match, sent once
// more to a destination or a URL. The dialog counts them first, asks for the target
// and the signing, names the count in a confirmation, then starts the batch and opens
// its progress page. Each opening of the dialog is a new form with its own
// idempotency key, so a double click or a resubmission starts one batch, not two.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { RESIGN_WORDS } from "@/components/endpoints/resign-words";
import { ReplayTargetFields } from "@/components/replay/replay-target-fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import type { InboxFilters } from "./inbox-url";

export type ReplayTargetOption = {
  id: string;
  url: string;
  enabled: boolean;
  resign: string;
  endpointName: string;
};
export type BulkReplayPreview =
  { error: string } | { matching: number; overCap: boolean; destinations: ReplayTargetOption[] };
/** `resign`: "default" (the destination's own setting; none for a URL) or a re-sign mode. */
export type BulkReplayChoice = {
  target: string;
  url: string;
  resign: string;
  idempotencyKey: string;
};
export type BulkReplayStart = { error: string } | { id: string };

type Props = {
  filters: InboxFilters;
  /** The filters in words, e.g. [["endpoint", "Renders"]]. */
  filterWords: Array<[string, string]>;
  cap: number;
  preview: (filters: InboxFilters) => Promise<BulkReplayPreview>;
  start: (filters: InboxFilters, choice: BulkReplayChoice) => Promise<BulkReplayStart>;
};

export function BulkReplay(props: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [opening, setOpening] = useState(0);
  useEffect(() => {
    if (opening > 0) dialog.current?.showModal();
  }, [opening]);
  return (
    <>
      <Button onClick={() => setOpening((n) => n + 1)}>Replay matching events…</Button>
      <dialog
        ref={dialog}
        aria-labelledby="bulk-replay-title"
        className="m-auto w-full max-w-xl rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
      >
        {opening > 0 && (
          <BulkReplayForm key={opening} {...props} close={() => dialog.current?.close()} />
        )}
      </dialog>
    </>
  );
}

function BulkReplayForm({
  filters,
  filterWords,
  cap,
  preview,
  start,
  close,
}: Props & { close: () => void }) {
  const router = useRouter();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [loaded, setLoaded] = useState<BulkReplayPreview | null>(null);
  const [target, setTarget] = useState<string | null>(null);
  const [url, setUrl] = useState("");
  const [resign, setResign] = useState("default");
  const [isConfirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    let isCurrent = true;
    preview(filters).then(
      (answer) => isCurrent && setLoaded(answer),
      () =>
        isCurrent && setLoaded({ error: "The matching events could not be counted. Try again." }),
    );
    return () => {
      isCurrent = false;
    };
  }, [filters, preview]);

  const ready = loaded !== null && !("error" in loaded) ? loaded : null;
  const destinations = ready?.destinations ?? [];
  const chosen = target ?? destinations.find((d) => d.enabled)?.id ?? destinations[0]?.id ?? "url";
  const destination = destinations.find((d) => d.id === chosen) ?? null;
  const count = ready && !ready.overCap ? ready.matching : 0;
  const events = `${count.toLocaleString("en")} ${count === 1 ? "event" : "events"}`;

  const review = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    setConfirming(true);
  };
  const confirm = () =>
    startTransition(async () => {
      const answer = await start(filters, { target: chosen, url, resign, idempotencyKey });
      if ("id" in answer) router.push(`/replays/${encodeURIComponent(answer.id)}`);
      else setError(answer.error);
    });

  return (
    <form onSubmit={review}>
      <header className="flex items-center justify-between border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <h2 id="bulk-replay-title" className="text-sm font-semibold">
          Replay matching events
        </h2>
        <Button variant="ghost" size="sm" onClick={close}>
          Close
        </Button>
      </header>
      <div className="space-y-4 px-4 py-4 text-sm">
        <div>
          <p className="text-xs font-medium text-zinc-500 dark:text-zinc-400">
            The Inbox&apos;s filters
          </p>
          {filterWords.length === 0 ? (
            <p className="mt-1">None: every event in the inbox.</p>
          ) : (
            <ul className="mt-1 flex flex-wrap gap-1.5" aria-label="Filters">
              {filterWords.map(([label, value]) => (
                <li
                  key={label}
                  className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs dark:bg-zinc-800"
                >
                  {label}: <span className="font-mono">{value}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <MatchCount loaded={loaded} cap={cap} />

        {ready && !ready.overCap && count > 0 && !isConfirming && (
          <>
            <ReplayTargetFields
              idPrefix="bulk-replay"
              options={destinations.map((d) => ({
                id: d.id,
                label: `${d.endpointName}: ${d.url}${d.enabled ? "" : " (off)"}`,
              }))}
              target={chosen}
              onTargetChange={setTarget}
              urlInput={{ value: url, onChange: (e) => setUrl(e.target.value) }}
            />
            <Field label="Signature" htmlFor="bulk-replay-resign">
              <Select
                id="bulk-replay-resign"
                value={resign}
                onChange={(e) => setResign(e.target.value)}
              >
                <option value="default">
                  {destination
                    ? `As the destination is set up (${RESIGN_WORDS[destination.resign] ?? destination.resign})`
                    : "Send the provider's headers as received"}
                </option>
                {destination && (
                  <option value="none">Send the provider&apos;s headers as received</option>
                )}
                <option value="standard-webhooks">Re-sign: Standard Webhooks</option>
                <option value="provider">Re-sign: the provider&apos;s scheme</option>
              </Select>
            </Field>
          </>
        )}

        {isConfirming && (
          <Alert tone="warning" title={`Replay ${events}?`}>
            Each is sent once to{" "}
            <span className="font-mono break-all">{destination ? destination.url : url}</span>
            {destination ? ` (a destination of ${destination.endpointName})` : ""},{" "}
            {signingWords(resign, destination)}. Failed sends are not retried.
          </Alert>
        )}
        {error && <Alert tone="error">{error}</Alert>}
      </div>
      <footer className="flex justify-end gap-2 border-t border-zinc-200 px-4 py-3 dark:border-zinc-800">
        {isConfirming ? (
          <>
            <Button variant="ghost" onClick={() => setConfirming(false)} disabled={pending}>
              Back
            </Button>
            <Button variant="primary" onClick={confirm} disabled={pending}>
              {pending ? "Starting…" : "Start replay"}
            </Button>
          </>
        ) : (
          <>
            <Button variant="ghost" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" disabled={count === 0}>
              {count === 0 ? "Replay" : `Replay ${events}…`}
            </Button>
          </>
        )}
      </footer>
    </form>
  );
}

function MatchCount({ loaded, cap }: { loaded: BulkReplayPreview | null; cap: number }) {
  if (loaded === null)
    return <p className="text-zinc-500 dark:text-zinc-400">Counting matching events…</p>;
  if ("error" in loaded) return <Alert tone="error">{loaded.error}</Alert>;
  if (loaded.overCap) {
    return (
      <Alert tone="warning" title={`More than ${cap.toLocaleString("en")} events match`}>
        Narrow the filter (a time range, an endpoint or a job state) to replay them in batches.
      </Alert>
    );
  }
  if (loaded.matching === 0) return <p role="status">No events match these filters.</p>;
  return (
    <p role="status">
      <span className="text-lg font-semibold tabular-nums">
        {loaded.matching.toLocaleString("en")}
      </span>{" "}
      {loaded.matching === 1 ? "event matches" : "events match"}.
    </p>
  );
}

function signingWords(resign: string, destination: ReplayTargetOption | null): string {
  const mode = resign === "default" ? (destination?.resign ?? "none") : resign;
  return RESIGN_WORDS[mode] ?? mode;
}
