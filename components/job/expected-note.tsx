// What a registered job is waiting for (issue 11, expected jobs): "waiting for the first
// callback, registered 4 min ago by ana@team.example", and "overdue: no callback since ...".
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { visibleText } from "@/components/json/visible-text";

export type Registration = { at: Date; by: string | null; via: string | null } | null;

/** "ana@team.example (API token)", "the operator token", or "someone" for an old row. */
export function registrarWords(registration: NonNullable<Registration>): string {
  if (registration.via === "operator") return "the operator token";
  const who = registration.by ?? "someone";
  return registration.via === "token" ? `${who} (API token)` : who;
}

/** One line under a job in a list; nothing for a job that is not expected or overdue. */
export function ExpectedLine({
  state,
  registration,
  overdueAt,
  lastEventAt,
}: {
  state: string;
  registration: Registration;
  overdueAt: Date | null;
  lastEventAt: Date;
}) {
  if (state === "expected" && registration)
    return (
      <div
        className="text-xs whitespace-normal text-violet-700 dark:text-violet-300"
        data-testid="expected-line"
      >
        waiting for the first callback, registered{" "}
        <RelativeTime iso={registration.at.toISOString()} /> by{" "}
        {visibleText(registrarWords(registration))}
      </div>
    );
  if (overdueAt)
    return (
      <div className="text-xs whitespace-normal text-amber-700 dark:text-amber-300">
        overdue: no callback since <RelativeTime iso={lastEventAt.toISOString()} />
      </div>
    );
  return null;
}

export function OverdueBadge({ overdueAt, lastEventAt }: { overdueAt: Date; lastEventAt: Date }) {
  return (
    <Badge
      tone="amber"
      title={`Not finished in time: no callback since ${lastEventAt.toISOString()} (flagged ${overdueAt.toISOString()})`}
    >
      overdue
    </Badge>
  );
}
