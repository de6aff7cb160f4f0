// Jobs go into graphile-worker's queue with its SQL function add_job, not its Node
// API: route handlers then need no worker utilities of their own, and a retry is
// queued in the same transaction that records the failed attempt. The worker in
// scripts/start.ts runs them (lib/forwarding/worker.ts), woken by LISTEN/NOTIFY.
import { getDb, getPool, type Prisma, type Queryable } from "@/lib/db/client";
import type { ReplayTargetInput } from "@/lib/replay/target";

export const FORWARD_TASK = "forward_event";
export const REPLAY_TASK = "replay_event";

export type ForwardJob = { eventId: string; destinationId: string; attempt: number };
export type ReplayJob = { eventId: string; batchId: string; destinationId: string | null; url: string | null; resign: ReplayTargetInput["resign"] };

/** One job at a time per event and destination: a duplicate callback does not forward twice. */
export const forwardJobKey = (eventId: string, destinationId: string) => `forward:${eventId}:${destinationId}`;

/**
 * After an ingest commits: a new event goes to every enabled destination that takes
 * it (all events, or verified ones when it is verified); a later verified delivery of
 * an existing event goes to the verified-only destinations (the task skips what
 * already went out). When a job for the pair exists already (queued, running, or a
 * retry waiting for its time), "unsafe_dedupe" leaves it alone: replacing it would
 * reset a pending retry's attempt number. Fire-and-forget by the caller: a crash
 * between the ingest's commit and this statement loses these forwards (the event
 * itself is stored).
 */
export async function enqueueForwarding(input: { eventId: string; endpointId: string; isNewEvent: boolean; verified: boolean }, db: Queryable = getPool()): Promise<number> {
  const { rowCount } = await db.query({
    name: "enqueue-forwarding",
    text: `SELECT j.id FROM destinations d
           CROSS JOIN LATERAL graphile_worker.add_job('${FORWARD_TASK}',
             json_build_object('eventId', $1::text, 'destinationId', d.id, 'attempt', 1),
             job_key := 'forward:' || $1::text || ':' || d.id, job_key_mode := 'unsafe_dedupe') j
           WHERE d.endpoint_id = $2 AND d.enabled
             AND (($3::boolean AND (d.forward = 'all' OR $4::boolean)) OR (NOT $3::boolean AND $4::boolean AND d.forward = 'verified'))`,
    values: [input.eventId, input.endpointId, input.isNewEvent, input.verified],
  });
  return rowCount ?? 0;
}

/** The next try of a forward, as a statement for the transaction that records this one. */
export function retryForwardStatement(job: ForwardJob, runAt: Date): Prisma.PrismaPromise<unknown> {
  return getDb().$executeRaw`SELECT 1 FROM graphile_worker.add_job(${FORWARD_TASK}, ${JSON.stringify(job)}::json,
    run_at := ${runAt}::timestamptz, job_key := ${forwardJobKey(job.eventId, job.destinationId)})`;
}

/** One bulk-replay job per event, queued in one statement. */
export function enqueueReplaysStatement(eventIds: string[], job: Omit<ReplayJob, "eventId">): Prisma.PrismaPromise<unknown> {
  return getDb().$executeRaw`SELECT 1 FROM unnest(${eventIds}::text[]) AS e(id)
    CROSS JOIN LATERAL graphile_worker.add_job(${REPLAY_TASK}, (${JSON.stringify(job)}::jsonb || jsonb_build_object('eventId', e.id))::json) j`;
}
