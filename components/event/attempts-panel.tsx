// Every request sent for this event (automatic forwards, replays) and the replay form.
import { replayAction } from "@/app/(app)/events/[id]/actions";
import { visibleText } from "@/components/json/visible-text";
import { Badge, type Tone } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { RelativeTime } from "@/components/ui/relative-time";
import { ReplayForm, type ReplayDestination } from "./replay-form";

const STATUS_TONE: Record<string, Tone> = { succeeded: "green", failed: "red", blocked: "amber", pending: "neutral" };

export type AttemptRow = {
  id: string;
  url: string;
  method: string;
  status: string;
  responseStatus: number | null;
  error: string | null;
  durationMs: number | null;
  attemptNumber: number;
  trigger: string;
  nextRetryAt: Date | null;
  createdAt: Date;
};

export function AttemptsPanel({ eventId, attempts, destinations }: { eventId: string; attempts: AttemptRow[]; destinations: ReplayDestination[] }) {
  return (
    <Panel title="Forwarding and replay">
      <div className="space-y-4">
        <ReplayForm action={replayAction.bind(null, eventId)} destinations={destinations} />
        {attempts.length === 0 ? (
          <p className="text-xs text-zinc-500 dark:text-zinc-400">Nothing was sent for this event yet.</p>
        ) : (
          <div className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800">
            <table className="w-full text-left text-xs">
              <caption className="sr-only">Attempts, newest first</caption>
              <thead className="bg-zinc-50 text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400">
                <tr>
                  <th scope="col" className="px-3 py-1.5 font-medium">When</th>
                  <th scope="col" className="px-3 py-1.5 font-medium">Outcome</th>
                  <th scope="col" className="px-3 py-1.5 font-medium">Target</th>
                  <th scope="col" className="px-3 py-1.5 font-medium">How</th>
                  <th scope="col" className="px-3 py-1.5 text-right font-medium">Took</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {attempts.map((attempt) => (
                  <tr key={attempt.id} data-testid="attempt-row" className="align-top">
                    <td className="px-3 py-1.5 whitespace-nowrap">
                      <RelativeTime iso={attempt.createdAt.toISOString()} />
                    </td>
                    <td className="px-3 py-1.5">
                      <span className="flex flex-wrap items-center gap-1.5">
                        <Badge tone={STATUS_TONE[attempt.status] ?? "neutral"} dot>
                          {attempt.status}
                        </Badge>
                        {attempt.responseStatus !== null && <span className="font-mono">HTTP {attempt.responseStatus}</span>}
                        {attempt.error && <span className="text-zinc-600 dark:text-zinc-400">{visibleText(attempt.error)}</span>}
                        {attempt.nextRetryAt && (
                          <span className="text-zinc-500 dark:text-zinc-400">
                            retry <RelativeTime iso={attempt.nextRetryAt.toISOString()} />
                          </span>
                        )}
                      </span>
                    </td>
                    <td className="max-w-md px-3 py-1.5 font-mono break-all">
                      {attempt.method} {visibleText(attempt.url)}
                    </td>
                    <td className="px-3 py-1.5 whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                      {attempt.trigger} #{attempt.attemptNumber}
                    </td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{attempt.durationMs === null ? "—" : `${attempt.durationMs} ms`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </Panel>
  );
}
