// Every request sent for this event (automatic forwards, replays) and the replay form.
import { AttemptsTable, type AttemptRow } from "@/components/attempts/attempts-table";
import { Panel } from "@/components/ui/panel";
import { RoleNote } from "@/components/ui/role-note";
import type { ReplayState } from "@/lib/replay/types";
import { ReplayForm, type ReplayDestination } from "./replay-form";

type Props = {
  /** The page's replay server action, bound to this event. */
  replayAction: (state: ReplayState, form: FormData) => Promise<ReplayState>;
  attempts: AttemptRow[];
  destinations: ReplayDestination[];
  /** Members and admins replay; a viewer sees the attempts only. */
  canReplay: boolean;
  /** Why this person may not have this event re-signed (it failed verification, or is unsigned and they are no admin); null when they may. */
  resignRefusal: string | null;
};

export function AttemptsPanel({
  replayAction,
  attempts,
  destinations,
  canReplay,
  resignRefusal,
}: Props) {
  return (
    <Panel title="Forwarding and replay">
      <div className="space-y-4">
        {canReplay ? (
          <ReplayForm
            action={replayAction}
            destinations={destinations}
            resignRefusal={resignRefusal}
          />
        ) : (
          <RoleNote>Members and admins can replay events.</RoleNote>
        )}
        {attempts.length === 0 ? (
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            Nothing was sent for this event yet.
          </p>
        ) : (
          <AttemptsTable attempts={attempts} caption="Attempts, newest first" />
        )}
      </div>
    </Panel>
  );
}
