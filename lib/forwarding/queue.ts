// Jobs go into graphile-worker's queue with its SQL function add_job, not its Node
// API: route handlers then need no worker utilities of their own, and a retry is
// queued by the statement that records the failed attempt (lib/attempts/mutations.ts). The worker
// process (scripts/worker-process.ts, a child of scripts/start.ts) runs them, woken by
// LISTEN/NOTIFY.
// First forwards are queued through the outbox instead (outbox-relay.ts).
import { getDb, type Prisma } from "@/lib/db/client";
import type { ReplayTargetInput } from "@/lib/replay/target";

export const FORWARD_TASK = "forward_event";
export const REPLAY_TASK = "replay_event";

export type ForwardJob = { eventId: string; destinationId: string; attempt: number };
export type ReplayJob = {
  eventId: string;
  batchId: string;
  destinationId: string | null;
  url: string | null;
  resign: ReplayTargetInput["resign"];
};

/** One job at a time per event and destination: a duplicate callback does not forward twice. */
export const forwardJobKey = (eventId: string, destinationId: string) =>
  `forward:${eventId}:${destinationId}`;

/** One bulk-replay job per event, queued in one statement. */
export function enqueueReplaysStatement(
  eventIds: string[],
  job: Omit<ReplayJob, "eventId">,
): Prisma.PrismaPromise<unknown> {
  return getDb().$executeRaw`SELECT 1 FROM unnest(${eventIds}::text[]) AS e(id)
    CROSS JOIN LATERAL graphile_worker.add_job(${REPLAY_TASK}, (${JSON.stringify(job)}::jsonb || jsonb_build_object('eventId', e.id))::json) j`;
}
