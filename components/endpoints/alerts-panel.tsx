"use client";

// Where this endpoint's alerts go (Slack-compatible or generic webhooks) and the latest
// alerts with how sending went. Channel URLs are credentials: the page only ever gets
// their masked form.
import Link from "next/link";
import { useState, useTransition } from "react";
import { visibleText } from "@/components/json/visible-text";
import { Alert } from "@/components/ui/alert";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormFooter } from "@/components/ui/form-footer";
import { Field, Input, Select } from "@/components/ui/field";
import { RelativeTime } from "@/components/ui/relative-time";
import { RoleNote } from "@/components/ui/role-note";
import { useResettingFormAction } from "@/components/ui/use-form-action";
import {
  DEFAULT_BURST_MINUTES,
  DEFAULT_BURST_THRESHOLD,
  MAX_BURST_MINUTES,
  MAX_BURST_THRESHOLD,
} from "@/lib/alerts/constants";
import type { FormState } from "@/lib/forms/form-state";

type State = FormState;

export type AlertChannelSummary = {
  id: string;
  kind: string;
  urlHint: string;
  enabled: boolean;
  disabledReason: string | null;
  triggers: string[];
  burstThreshold: number;
  burstMinutes: number;
};
export type AlertSummary = {
  id: string;
  type: string;
  path: string;
  status: string;
  attempts: number;
  responseStatus: number | null;
  error: string | null;
  nextRetryAt: string | null;
  createdAt: string;
  channel: { kind: string; urlHint: string } | null;
};

const TRIGGERS: Array<{ value: string; label: string; byDefault?: false }> = [
  { value: "job.failed", label: "A job failed" },
  { value: "job.missed_callback", label: "A callback never came (found by polling)" },
  { value: "job.overdue", label: "A job is overdue (no final callback in time)", byDefault: false },
  { value: "endpoint.verification_failures", label: "A burst of failed verifications" },
];
const TYPE_WORDS: Record<string, string> = {
  "job.failed": "Job failed",
  "job.missed_callback": "Callback missed",
  "job.overdue": "Job overdue",
  "endpoint.verification_failures": "Verification failures",
  test: "Test",
};
const KIND_WORDS: Record<string, string> = { slack: "Slack", webhook: "Webhook" };
const STATUS_TONE: Record<string, Tone> = {
  sent: "green",
  failed: "red",
  blocked: "amber",
  pending: "neutral",
  skipped: "neutral",
};

function describeTriggers(channel: AlertChannelSummary): string {
  return channel.triggers
    .map((trigger) =>
      trigger === "endpoint.verification_failures"
        ? `more than ${channel.burstThreshold} failed verifications in ${channel.burstMinutes} min`
        : (TYPE_WORDS[trigger] ?? trigger).toLowerCase(),
    )
    .join(" · ");
}

export function AlertsPanel({
  channels,
  alerts,
  canManage,
  add,
  sendTest,
  setEnabled,
  remove,
}: {
  channels: AlertChannelSummary[];
  alerts: AlertSummary[];
  /** Admins change alert channels; others see them and the alerts sent. */
  canManage: boolean;
  add: (previous: State, form: FormData) => Promise<State>;
  sendTest: (channelId: string) => Promise<State>;
  setEnabled: (channelId: string, enabled: boolean) => Promise<State>;
  remove: (channelId: string) => Promise<State>;
}) {
  const {
    state: addState,
    onSubmit,
    pending,
    formKey,
  } = useResettingFormAction<State>(add, { error: null });
  const [rowState, setRowState] = useState<State>({ error: null });
  const [busy, startBusy] = useTransition();
  const run = (change: () => Promise<State>) => startBusy(async () => setRowState(await change()));
  return (
    <div className="space-y-5">
      {channels.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          No channels: nobody hears about failed jobs until they look. Add a Slack incoming webhook
          (or any Slack-compatible one) or a JSON webhook.
        </p>
      ) : (
        <ul className="divide-y divide-zinc-100 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {channels.map((channel) => (
            <li
              key={channel.id}
              data-testid="alert-channel-row"
              className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm"
            >
              <Badge tone="violet">{KIND_WORDS[channel.kind] ?? channel.kind}</Badge>
              <span
                className="min-w-0 flex-1 font-mono text-xs break-all"
                title="The rest of the URL is stored encrypted and never shown"
              >
                {channel.urlHint}
              </span>
              <Badge tone={channel.enabled ? "green" : "neutral"} dot>
                {channel.enabled ? "on" : "off"}
              </Badge>
              {canManage && (
                <>
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={busy}
                    onClick={() => run(() => sendTest(channel.id))}
                  >
                    Send test
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={busy}
                    onClick={() => run(() => setEnabled(channel.id, !channel.enabled))}
                  >
                    {channel.enabled ? "Turn off" : "Turn on"}
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={busy}
                    aria-label={`Remove alert channel ${channel.urlHint}`}
                    onClick={() => {
                      if (
                        window.confirm(
                          `Stop sending alerts to ${channel.urlHint}? Its past alerts stay listed.`,
                        )
                      )
                        run(() => remove(channel.id));
                    }}
                  >
                    Remove
                  </Button>
                </>
              )}
              <p className="w-full text-xs text-zinc-600 dark:text-zinc-400">
                {describeTriggers(channel)}
              </p>
              {channel.disabledReason && (
                <p className="w-full text-xs text-amber-700 dark:text-amber-400">
                  Turned off because the URL no longer works ({channel.disabledReason}). Replace the
                  URL or fix it at the receiver, then turn the channel on again.
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {rowState.error && <Alert tone="error">{rowState.error}</Alert>}
      {rowState.done && <Alert tone="success">{rowState.done}</Alert>}

      {canManage ? (
        <>
          {/* onSubmit only: the action is a client wrapper, which React would render as a javascript: form action. */}
          <form key={formKey} onSubmit={onSubmit} className="space-y-3">
            <div className="grid gap-3 sm:grid-cols-[15rem_1fr]">
              <Field label="Channel" htmlFor="alert-kind">
                <Select id="alert-kind" name="kind" defaultValue="slack">
                  <option value="slack">Slack incoming webhook</option>
                  <option value="webhook">JSON webhook</option>
                </Select>
              </Field>
              <Field
                label="Webhook URL"
                htmlFor="alert-url"
                hint="Stored encrypted and never shown again, only its host. Private and loopback addresses are refused unless the operator allows them (INBOX_OUTBOUND_ALLOW)."
              >
                <Input
                  id="alert-url"
                  name="url"
                  type="url"
                  required
                  autoComplete="off"
                  spellCheck={false}
                  placeholder="https://hooks.slack.com/services/…"
                />
              </Field>
            </div>
            <fieldset className="space-y-1.5">
              <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
                Alert when
              </legend>
              <div className="flex flex-wrap gap-x-5 gap-y-1.5">
                {TRIGGERS.map((trigger) => (
                  <label
                    key={trigger.value}
                    className="inline-flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300"
                  >
                    <input
                      type="checkbox"
                      name="triggers"
                      value={trigger.value}
                      defaultChecked={trigger.byDefault ?? true}
                      className="size-4 rounded border-zinc-300 accent-indigo-600 dark:border-zinc-700"
                    />
                    {trigger.label}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="flex flex-wrap items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
              <span>A burst is more than</span>
              <span className="w-24">
                <Input
                  aria-label="Failed verifications in a burst"
                  name="burstThreshold"
                  type="number"
                  min={1}
                  max={MAX_BURST_THRESHOLD}
                  defaultValue={DEFAULT_BURST_THRESHOLD}
                  required
                />
              </span>
              <span>failed verifications within</span>
              <span className="w-24">
                <Input
                  aria-label="Burst window in minutes"
                  name="burstMinutes"
                  type="number"
                  min={1}
                  max={MAX_BURST_MINUTES}
                  defaultValue={DEFAULT_BURST_MINUTES}
                  required
                />
              </span>
              <span>minutes (one alert per window).</span>
            </div>
            <FormFooter
              pending={pending}
              label="Add channel"
              pendingLabel="Adding…"
              result={addState}
            />
          </form>
        </>
      ) : (
        <RoleNote>Only admins can add, test, turn off or remove alert channels.</RoleNote>
      )}

      <div className="space-y-2">
        <h3 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">Recent alerts</h3>
        {alerts.length === 0 ? (
          <p className="text-xs text-zinc-500 dark:text-zinc-400">No alerts yet.</p>
        ) : (
          <div className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800">
            <table className="w-full text-left text-xs">
              <caption className="sr-only">Alerts, newest first</caption>
              <thead className="bg-zinc-50 text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400">
                <tr>
                  <th scope="col" className="px-3 py-1.5 font-medium">
                    When
                  </th>
                  <th scope="col" className="px-3 py-1.5 font-medium">
                    What
                  </th>
                  <th scope="col" className="px-3 py-1.5 font-medium">
                    Channel
                  </th>
                  <th scope="col" className="px-3 py-1.5 font-medium">
                    Outcome
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {alerts.map((alert) => (
                  <tr key={alert.id} data-testid="alert-row" className="align-top">
                    <td className="px-3 py-1.5 whitespace-nowrap">
                      <RelativeTime iso={alert.createdAt} />
                    </td>
                    <td className="px-3 py-1.5 whitespace-nowrap">
                      <Link
                        href={alert.path}
                        className="text-indigo-600 hover:underline dark:text-indigo-400"
                      >
                        {TYPE_WORDS[alert.type] ?? alert.type}
                      </Link>
                    </td>
                    <td className="px-3 py-1.5 font-mono break-all">
                      {alert.channel ? (
                        alert.channel.urlHint
                      ) : (
                        <span className="font-sans text-zinc-500">removed</span>
                      )}
                    </td>
                    <td className="px-3 py-1.5">
                      <span className="flex flex-wrap items-center gap-1.5">
                        <Badge tone={STATUS_TONE[alert.status] ?? "neutral"} dot>
                          {alert.status}
                        </Badge>
                        {alert.responseStatus !== null && (
                          <span className="font-mono">HTTP {alert.responseStatus}</span>
                        )}
                        {alert.attempts > 1 && (
                          <span className="text-zinc-500 dark:text-zinc-400">
                            {alert.attempts} tries
                          </span>
                        )}
                        {alert.error && (
                          <span className="text-zinc-600 dark:text-zinc-400">
                            {visibleText(alert.error)}
                          </span>
                        )}
                        {alert.nextRetryAt && (
                          <span className="text-zinc-500 dark:text-zinc-400">
                            retry <RelativeTime iso={alert.nextRetryAt} />
                          </span>
                        )}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}
