// Writes for re-polling. A poll is recorded in one transaction with everything it
// implies: the job's state (only forward, by the same rule as callbacks:
// job_adopts_state), when to poll next, the missed-callback flag, and (when the
// endpoint forwards) the synthesized delivery, whose ingest statement also queues its
// forwards (the forward outbox). A crash can
// therefore never leave a flagged job whose synthesized event was not queued.
import type pg from "pg";
import { differingFields } from "@/lib/audit/changed-fields";
import { recordAudit } from "@/lib/audit/mutations";
import type { AuditActor } from "@/lib/audit/types";
import { getDb, getPool, Prisma } from "@/lib/db/client";
import { notFound, AppError } from "@/lib/http/app-error";
import { wakeOutboxRelay } from "@/lib/forwarding/outbox-relay";
import { newId } from "@/lib/ids/new-id";
import { storeDelivery } from "@/lib/ingest/mutations";
import { isTerminalState } from "@/lib/job-states/constants";
import { sealSecret } from "@/lib/secrets/secret-box";
import type { CallbackFacts } from "@/lib/providers/types";
import { GIVE_UP_AFTER_MS } from "./schedule";
import { POLL_TASK, SCAN_TASK } from "@/lib/queue/tasks";
import { pollCredentialRebinding } from "./credential-place";
import { pollingSettingsSchema, type PutPollingInput } from "./schema";

/**
 * A stored key is kept only while it goes where it was entered for: a new origin,
 * header or prefix without the key entered again is refused (credential-place.ts).
 */
export async function savePollingSettings(
  endpointId: string,
  input: PutPollingInput,
  actor: AuditActor,
): Promise<void> {
  if (input.credential && input.credentialHeader === null) {
    throw new AppError(
      "validation_failed",
      "credentialHeader: name the header that carries the credential (e.g. Authorization)",
    );
  }
  const { credential, expectTerminalMinutes, ...settings } = input;
  await getDb().$transaction(async (tx) => {
    // Row lock: the check and the write see the same stored settings, so a save that
    // keeps the key cannot pass against settings another save is replacing.
    const [row] = await tx.$queryRaw<
      Array<{ polling: unknown; expect_terminal_minutes: number | null; has_credential: boolean }>
    >`
      SELECT polling, expect_terminal_minutes, poll_credential IS NOT NULL AS has_credential FROM endpoints WHERE id = ${endpointId} FOR UPDATE`;
    if (!row) throw notFound("endpoint");
    const parsed = pollingSettingsSchema.safeParse(row.polling);
    const stored = parsed.success ? parsed.data : null;
    if (credential === undefined && row.has_credential) {
      const reason = pollCredentialRebinding(stored, settings);
      if (reason !== null) throw new AppError("validation_failed", `credential: ${reason}`);
    }
    await tx.endpoint.update({
      where: { id: endpointId },
      data: {
        polling: settings,
        expectTerminalMinutes,
        // undefined keeps the stored credential; null removes it.
        ...(credential !== undefined && {
          pollCredential: credential === null ? null : sealSecret(credential),
        }),
      },
    });
    // The status API's origin is where the credential goes, so it is named; the credential only by what happened to it.
    const details = {
      fields: differingFields(
        stored && { ...stored, expectTerminalMinutes: row.expect_terminal_minutes },
        { ...settings, expectTerminalMinutes },
      ),
      origin: new URL(settings.baseUrl).origin,
      credential: credential === undefined ? "kept" : credential === null ? "removed" : "replaced",
    };
    await recordAudit(
      { actor, action: "polling.updated", target: { type: "endpoint", id: endpointId }, details },
      tx,
    );
  });
}

/** Polling off: settings, credential and missed-callback detection go; recorded polls stay. */
export async function clearPollingSettings(endpointId: string, actor: AuditActor): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.endpoint.updateMany({
      where: { id: endpointId },
      data: { polling: Prisma.DbNull, pollCredential: null, expectTerminalMinutes: null },
    });
    if (count === 0) throw notFound("endpoint");
    await recordAudit(
      { actor, action: "polling.deleted", target: { type: "endpoint", id: endpointId } },
      tx,
    );
  });
}

export type PollRecord = {
  id: string;
  jobId: string;
  endpointId: string;
  trigger: "manual" | "scheduled";
  url: string;
  requestHeaders: Array<[string, string]>;
  responseStatus: number | null;
  responseHeaders: Array<[string, string]> | null;
  responseBody: Buffer | null;
  responseTruncated: boolean;
  durationMs: number;
  outcome: "succeeded" | "failed" | "blocked";
  error: string | null;
  /** JSON text of the part of the answer read like a callback. */
  payloadJson: string | null;
  facts: CallbackFacts | null;
  createdAt: Date;
};

/** A delivery made up from the poll's answer, for destinations that missed the real callback. */
export type Synthesis = { provider: string; body: Buffer; bodySha256: string; payloadJson: string };

export type RecordedPoll = { missedCallback: boolean; synthesizedEventId: string | null };

export async function recordPoll(
  poll: PollRecord,
  options: { nextPollAt: Date | null; synthesis: Synthesis | null },
): Promise<RecordedPoll> {
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    // One poll of a job at a time past this point: two concurrent polls that both see
    // "finished, no callback" would otherwise both synthesize.
    await client.query("SELECT 1 FROM jobs WHERE id = $1 FOR UPDATE", [poll.jobId]);
    await insertPoll(client, poll);
    const state = poll.facts?.state ?? null;
    await client.query(
      `UPDATE jobs SET
         last_polled_at = $2, poll_count = poll_count + 1,
         next_poll_at = COALESCE($3::timestamptz, next_poll_at),
         state = CASE WHEN $4::job_state IS NOT NULL AND job_adopts_state(state, state_at, $4::job_state, $5::timestamptz) THEN $4::job_state ELSE state END,
         output_url = CASE WHEN $4::job_state IS NOT NULL AND job_adopts_state(state, state_at, $4::job_state, $5::timestamptz) THEN COALESCE($6::text, output_url) ELSE output_url END,
         error = CASE WHEN $4::job_state IS NOT NULL AND job_adopts_state(state, state_at, $4::job_state, $5::timestamptz) THEN $7::text ELSE error END,
         state_at = CASE WHEN $4::job_state IS NOT NULL AND job_adopts_state(state, state_at, $4::job_state, $5::timestamptz) THEN $5::timestamptz ELSE state_at END
       WHERE id = $1`,
      [
        poll.jobId,
        poll.createdAt,
        options.nextPollAt,
        state,
        poll.facts?.providerTimestamp ?? poll.createdAt,
        poll.facts?.outputUrl ?? null,
        poll.facts?.error ?? null,
      ],
    );
    const missed =
      state !== null &&
      isTerminalState(state) &&
      !(await hasCallbackFor(client, poll.jobId, state));
    let synthesizedEventId: string | null = null;
    if (missed) {
      await client.query(
        "UPDATE jobs SET missed_callback_at = COALESCE(missed_callback_at, $2) WHERE id = $1",
        [poll.jobId, poll.createdAt],
      );
      if (options.synthesis && poll.facts)
        synthesizedEventId = await synthesizeDelivery(client, poll, poll.facts, options.synthesis);
    }
    await client.query("COMMIT");
    if (synthesizedEventId) wakeOutboxRelay();
    return { missedCallback: missed, synthesizedEventId };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function insertPoll(client: pg.PoolClient, poll: PollRecord): Promise<void> {
  await client.query(
    `INSERT INTO polls (id, job_id, endpoint_id, trigger, url, request_headers, response_status, response_headers, response_body,
                        response_truncated, duration_ms, outcome, error, payload, state, provider_timestamp, output_url, created_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::jsonb, $9, $10, $11, $12, $13, $14::jsonb, $15::job_state, $16, $17, $18)`,
    [
      poll.id,
      poll.jobId,
      poll.endpointId,
      poll.trigger,
      poll.url,
      JSON.stringify(poll.requestHeaders),
      poll.responseStatus,
      poll.responseHeaders === null ? null : JSON.stringify(poll.responseHeaders),
      poll.responseBody,
      poll.responseTruncated,
      poll.durationMs,
      poll.outcome,
      poll.error,
      poll.payloadJson,
      poll.facts?.state ?? null,
      poll.facts?.providerTimestamp ?? null,
      poll.facts?.outputUrl ?? null,
      poll.createdAt,
    ],
  );
}

/** Whether a callback (not one that failed verification) ever reported this state for the job. */
async function hasCallbackFor(
  client: pg.PoolClient,
  jobId: string,
  state: string,
): Promise<boolean> {
  const { rowCount } = await client.query(
    "SELECT 1 FROM events WHERE job_id = $1 AND state = $2::job_state AND verification <> 'failed' LIMIT 1",
    [jobId, state],
  );
  return (rowCount ?? 0) > 0;
}

/**
 * Stores the poll's answer as a delivery of the event the missing callback would have
 * made (the preset's dedupe key, so a late real callback joins it instead of making a
 * second event), marks it with the poll; the ingest statement queues it to the
 * endpoint's destinations.
 * It counts as verified: it came from the provider's API over our authenticated
 * request, and verified-only destinations are exactly the ones that need it.
 */
async function synthesizeDelivery(
  client: pg.PoolClient,
  poll: PollRecord,
  facts: CallbackFacts,
  synthesis: Synthesis,
): Promise<string> {
  const deliveryId = newId("dlv");
  const stored = await storeDelivery(
    {
      deliveryId,
      eventId: newId("evt"),
      jobId: newId("job"),
      endpointId: poll.endpointId,
      provider: synthesis.provider,
      receivedAt: poll.createdAt,
      method: "POST",
      path: "",
      query: "",
      headers: [
        ["content-type", "application/json"],
        ["x-inbox-synthesized-from", "poll"],
        ["x-inbox-poll-id", poll.id],
      ],
      tokenHeader: null,
      body: synthesis.body,
      bodySha256: synthesis.bodySha256,
      sourceIp: null,
      verification: "verified",
      verificationReason: `synthesized from poll ${poll.id}: the provider's status API reported "${facts.state}" but no callback for it arrived`,
      responseStatus: 200,
      dedupeKey: facts.dedupeKey ?? `sha256:${synthesis.bodySha256}`,
      payloadJson: synthesis.payloadJson,
      facts,
      rateLimitPerSecond: null,
    },
    client,
  );
  await client.query("UPDATE deliveries SET poll_id = $2 WHERE id = $1", [
    stored.deliveryId,
    poll.id,
  ]);
  return stored.eventId;
}

/**
 * Queues a scheduled poll for every unfinished job that is due: older than its own
 * expectation (registration) or its endpoint's, or flagged overdue; past its
 * next_poll_at; younger than a week. Expected jobs (no callback yet) included. The job key
 * makes a scan that runs again before the poll did a no-op. Returns how many were due.
 */
export async function enqueueDuePolls(limit: number): Promise<number> {
  const { rowCount } = await getPool().query({
    name: "enqueue-due-polls",
    text: `WITH due AS (
             SELECT j.id FROM jobs j JOIN endpoints e ON e.id = j.endpoint_id
             WHERE j.state IN ('expected', 'queued', 'processing', 'unknown')
               AND (j.next_poll_at IS NULL OR j.next_poll_at <= now())
               AND e.polling IS NOT NULL AND e.archived_at IS NULL
               AND (j.first_seen_at <= now() - make_interval(mins => COALESCE(j.expect_terminal_minutes, e.expect_terminal_minutes))
                    OR j.overdue_at IS NOT NULL)
               AND j.first_seen_at > now() - make_interval(secs => $2::double precision / 1000)
             ORDER BY j.next_poll_at NULLS FIRST
             LIMIT $1
           )
           SELECT 1 FROM due CROSS JOIN LATERAL graphile_worker.add_job('${POLL_TASK}', json_build_object('jobId', due.id),
             job_key := 'poll:' || due.id, job_key_mode := 'unsafe_dedupe', max_attempts := 3)`,
    values: [limit, GIVE_UP_AFTER_MS],
  });
  return rowCount ?? 0;
}

/** The scan runs again after `delayMs`, once across all processes (one job key). */
export async function scheduleNextScan(
  delayMs: number,
  mode: "replace" | "preserve_run_at",
): Promise<void> {
  await getPool().query(
    `SELECT graphile_worker.add_job('${SCAN_TASK}', '{}'::json, run_at := now() + make_interval(secs => $1::double precision / 1000),
       job_key := '${SCAN_TASK}', job_key_mode := $2)`,
    [delayMs, mode],
  );
}
