// Writes of forwarding: the outbox relay's batch move (outbox-relay.ts runs it on its
// schedule). The SQL names the forward task and its job key as lib/queue/tasks.ts does.
import { getPool } from "@/lib/db/client";
import { FORWARD_TASK } from "@/lib/queue/tasks";

export const RELAY_BATCH = 500;
/**
 * A new event goes to every enabled destination that takes it (all events; accepted
 * ones when it is verified or unsigned; verified ones when it is verified); a later
 * delivery of a known event goes to the destinations that may have skipped it before:
 * verified-only and accepted ones when it is verified, accepted ones when it is
 * unsigned (the task skips what went out already). When a job for the
 * pair exists (queued, running, or a retry waiting for its time) "unsafe_dedupe" leaves
 * it alone: replacing it would reset a pending retry's attempt number.
 */
const MOVE_BATCH = `
  WITH moved AS (
    DELETE FROM forward_outbox
    WHERE id IN (SELECT id FROM forward_outbox ORDER BY id LIMIT ${RELAY_BATCH} FOR UPDATE SKIP LOCKED)
    RETURNING id, event_id, endpoint_id, is_new_event, verified, accepted
  ),
  queued AS (
    SELECT j.id FROM (SELECT * FROM moved ORDER BY id) m
    JOIN destinations d ON d.endpoint_id = m.endpoint_id AND d.enabled
      AND ((m.is_new_event AND (d.forward = 'all' OR m.verified OR (m.accepted AND d.forward = 'accepted')))
        OR (NOT m.is_new_event AND d.forward <> 'all' AND (m.verified OR (m.accepted AND d.forward = 'accepted'))))
    CROSS JOIN LATERAL graphile_worker.add_job('${FORWARD_TASK}',
      json_build_object('eventId', m.event_id, 'destinationId', d.id, 'attempt', 1),
      job_key := 'forward:' || m.event_id || ':' || d.id, job_key_mode := 'unsafe_dedupe') j
  )
  SELECT (SELECT count(*) FROM moved)::int AS moved, (SELECT count(*) FROM queued)::int AS queued`;

/** Moves one batch; returns how many outbox rows it took. */
export async function moveOutboxBatch(): Promise<number> {
  const { rows } = await getPool().query<{ moved: number }>({
    name: "forward-outbox-move",
    text: MOVE_BATCH,
  });
  return rows[0]?.moved ?? 0;
}
