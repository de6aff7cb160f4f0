// Writes of jobs: registering expected jobs (POST /api/endpoints/<id>/jobs and /jobs/batch)
// and flagging overdue ones (the poll scan, lib/polling/tasks.ts).
// Registration is idempotent on the provider's job id and settled by the database: one
// INSERT ... ON CONFLICT for the whole batch, so two callers registering the same job at
// once (or a registration racing the job's first callback) get one job.
import { recordAudit } from "@/lib/audit/mutations";
import type { AuditActor } from "@/lib/audit/types";
import { getDb, getPool } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/http/app-error";
import { newId } from "@/lib/ids/new-id";
import { DEFAULT_EXPECT_TERMINAL_MINUTES, type RegisterJobInput } from "./schema";

/** How the caller authenticated, kept with the job next to who it was. */
export type RegisteredVia = "session" | "token" | "operator";

export type Registration = { jobId: string; externalId: string; created: boolean };

/**
 * Registers each job (state `expected`) unless the endpoint already has a job with that
 * provider id, which is then returned as it is. In input order; a provider id named twice
 * in one batch is one job.
 */
export async function registerJobs(
  endpointId: string,
  inputs: readonly RegisterJobInput[],
  registrar: { actor: AuditActor; via: RegisteredVia },
): Promise<Registration[]> {
  const distinct = new Map<string, RegisterJobInput>();
  for (const input of inputs)
    if (!distinct.has(input.externalId)) distinct.set(input.externalId, input);
  const rows = [...distinct.values()].map((input) => ({
    id: newId("job"),
    external_id: input.externalId,
    expect_terminal_minutes: input.expectTerminalMinutes ?? null,
    label: input.label ?? null,
    // Left out when absent: jsonb_to_recordset reads a missing key as SQL NULL.
    ...(input.metadata !== undefined && { metadata: input.metadata }),
  }));
  const results = await getDb().$transaction(async (tx) => {
    const [endpoint] = await tx.$queryRaw<Array<{ archived: boolean }>>`
      SELECT archived_at IS NOT NULL AS archived FROM endpoints WHERE id = ${endpointId}`;
    if (!endpoint) throw notFound("endpoint");
    if (endpoint.archived)
      throw new AppError(
        "conflict",
        "the endpoint is archived: it takes no callbacks, so no jobs either",
      );
    // DO UPDATE (a no-op on external_id), not DO NOTHING: it returns the existing row
    // too, under its row lock, also when a concurrent statement inserted it after this
    // one's snapshot was taken. xmax = 0 tells a row this statement inserted.
    const stored = await tx.$queryRaw<Array<{ id: string; external_id: string; created: boolean }>>`
      INSERT INTO jobs (id, endpoint_id, external_id, provider, state, first_seen_at, last_event_at,
                        registered_at, registered_by, registered_by_id, registered_via,
                        label, metadata, expect_terminal_minutes)
      SELECT r.id, e.id, r.external_id, e.provider, 'expected', now(), now(),
             now(), ${registrar.actor.label}, ${registrar.actor.id}, ${registrar.via},
             r.label, r.metadata, r.expect_terminal_minutes
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
           AS r(id text, external_id text, expect_terminal_minutes integer, label text, metadata jsonb)
      CROSS JOIN endpoints e
      WHERE e.id = ${endpointId}
      ON CONFLICT (endpoint_id, external_id) DO UPDATE SET external_id = jobs.external_id
      RETURNING id, external_id, (xmax = 0) AS created`;
    const created = stored.filter((row) => row.created).length;
    if (created > 0) {
      const single = stored.length === 1 ? stored[0] : undefined;
      await recordAudit(
        {
          actor: registrar.actor,
          action: "job.registered",
          target: single ? { type: "job", id: single.id } : { type: "endpoint", id: endpointId },
          details: { endpointId, created, existing: stored.length - created },
        },
        tx,
      );
    }
    return new Map(stored.map((row) => [row.external_id, row]));
  });
  return inputs.map((input) => {
    const row = results.get(input.externalId);
    if (!row) throw new Error(`registration of ${input.externalId} returned no row`);
    return { jobId: row.id, externalId: row.external_id, created: row.created };
  });
}

/**
 * Flags unfinished jobs past their window as overdue: `expectTerminalMinutes` after their
 * last callback (or their registration, for a job still `expected`). The window is the
 * job's own, else the endpoint's polling expectation, else the endpoint's overdue setting,
 * else (registered jobs only) the default. The flag queues the job.overdue alerts (a
 * trigger of the migration) in this statement's transaction. Returns how many it flagged.
 */
export async function flagOverdueJobs(limit: number): Promise<number> {
  const { rowCount } = await getPool().query({
    name: "flag-overdue-jobs",
    text: `WITH due AS (
             SELECT j.id FROM jobs j JOIN endpoints e ON e.id = j.endpoint_id
             WHERE j.state IN ('expected', 'queued', 'processing', 'unknown') AND j.overdue_at IS NULL
               AND e.archived_at IS NULL
               AND j.last_event_at <= now() - make_interval(mins => COALESCE(j.expect_terminal_minutes, e.expect_terminal_minutes,
                     e.overdue_after_minutes, CASE WHEN j.registered_at IS NOT NULL THEN $2::integer END))
             ORDER BY j.last_event_at
             LIMIT $1
             FOR UPDATE OF j SKIP LOCKED
           )
           UPDATE jobs SET overdue_at = now() FROM due WHERE jobs.id = due.id`,
    values: [limit, DEFAULT_EXPECT_TERMINAL_MINUTES],
  });
  return rowCount ?? 0;
}
