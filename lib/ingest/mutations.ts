// The ingest write: delivery + event + job (+ forward outbox row) in ONE statement (a data-modifying CTE),
// after a token from the endpoint's rate-limit bucket (a statement of its own: see TAKE_RATE_TOKEN).
// One round trip is what decides ingest throughput, and a single statement is atomic
// on its own. Races between concurrent callbacks are settled by the unique indexes
// and ON CONFLICT row locks: ten identical requests at once make one event with
// delivery_count 10. Job and event rules live in SQL functions of the migration
// (job_adopts_state, verification_rank; the job rule in TypeScript, tested against the
// SQL: lib/jobs/state-machine.ts).
// It runs on the pg pool as a named prepared statement, not through Prisma's
// $queryRaw: parsing and planning this CTE on every call plus the client's per-query
// work cost a third of ingest throughput (README, "Benchmark" > "Numbers behind the code").
import { sealCredentialHeaders } from "@/lib/deliveries/sealed-headers";
import { getPool, type Queryable } from "@/lib/db/client";
import { namedParameters } from "@/lib/db/named-parameters";
import { RATE_LIMIT_BURST_FACTOR } from "@/lib/endpoints/schema";
import { AppError } from "@/lib/http/app-error";
import type { JobState } from "@/lib/job-states/constants";
import type { CallbackFacts } from "@/lib/providers/types";
import type { VerificationOutcome } from "@/lib/verify/types";

export type NewDelivery = {
  deliveryId: string;
  eventId: string;
  jobId: string;
  endpointId: string;
  provider: string;
  receivedAt: Date;
  method: string;
  path: string;
  query: string;
  /** As received: credential values are sealed here, just before they are written. */
  headers: ReadonlyArray<readonly [string, string]>;
  /** The endpoint's token header (token scheme): its value is the endpoint secret, whatever its name. */
  tokenHeader: string | null;
  body: Buffer;
  bodySha256: string;
  sourceIp: string | null;
  verification: VerificationOutcome;
  verificationReason: string | null;
  responseStatus: number;
  dedupeKey: string;
  /** JSON text of the payload for the event, or null when the body is not JSON. */
  payloadJson: string | null;
  facts: CallbackFacts;
  /**
   * The endpoint's limit, for a callback that arrived over HTTP; null for ones we make
   * ourselves (polls, the seed), which no stranger can send.
   */
  rateLimitPerSecond: number | null;
};

/** forwardQueued: the statement wrote a forward outbox row (the relay can be woken). */
export type StoredDelivery = {
  deliveryId: string;
  eventId: string;
  jobId: string | null;
  forwardQueued: boolean;
};

/**
 * `db`: the pool, or a client inside a transaction (a delivery synthesized from a poll,
 * never rate limited: a token taken inside a transaction would lock the bucket until it ends).
 */
export async function storeDelivery(
  d: NewDelivery,
  db: Queryable = getPool(),
): Promise<StoredDelivery> {
  if (d.rateLimitPerSecond !== null) await takeRateToken(d.endpointId, d.rateLimitPerSecond, db);
  const { facts } = d;
  // A delivery that failed verification is evidence, not data: it may join an
  // existing job's timeline but never creates a job or moves its state.
  const canAdvance = d.verification !== "failed";
  const jobState: JobState = facts.state ?? "unknown";
  const details = facts.details ? JSON.stringify(facts.details) : null;
  const stored = sealCredentialHeaders(d.headers, d.tokenHeader);
  const { rows } = await db.query<{
    delivery_id: string;
    event_id: string;
    job_id: string | null;
    forward_queued: boolean;
  }>({
    // Named: each pooled connection parses and plans this statement once.
    name: "ingest-store-delivery",
    text: INGEST.text,
    values: INGEST.values({
      canAdvance,
      endpointId: d.endpointId,
      externalJobId: facts.jobId,
      newJobId: d.jobId,
      provider: d.provider,
      jobState,
      providerTimestamp: facts.providerTimestamp,
      outputUrl: facts.outputUrl,
      error: facts.error,
      details,
      receivedAt: d.receivedAt,
      newEventId: d.eventId,
      dedupeKey: d.dedupeKey,
      eventType: facts.eventType,
      eventState: facts.state,
      verification: d.verification,
      payloadJson: d.payloadJson,
      deliveryId: d.deliveryId,
      method: d.method,
      path: d.path,
      query: d.query,
      headers: JSON.stringify(stored.headers),
      credentialKey: stored.credentialKey,
      body: d.body,
      size: d.body.byteLength,
      bodySha256: d.bodySha256,
      sourceIp: d.sourceIp,
      verificationReason: d.verificationReason,
      responseStatus: d.responseStatus,
    }),
  });
  const row = rows[0];
  if (!row) throw new Error("ingest statement returned no row");
  return {
    deliveryId: row.delivery_id,
    eventId: row.event_id,
    jobId: row.job_id,
    forwardQueued: row.forward_queued,
  };
}

/** 429 past the endpoint's rate; nothing is stored. */
async function takeRateToken(endpointId: string, perSecond: number, db: Queryable): Promise<void> {
  const { rowCount } = await db.query({
    name: "ingest-take-rate-token",
    text: TAKE_RATE_TOKEN.text,
    values: TAKE_RATE_TOKEN.values({
      endpointId,
      perSecond,
      burst: perSecond * RATE_LIMIT_BURST_FACTOR,
    }),
  });
  if (rowCount) return;
  // Whole callbacks a second: a token is back within a second.
  throw new AppError(
    "rate_limited",
    `this endpoint takes at most ${perSecond} callbacks a second (bursts up to ${perSecond * RATE_LIMIT_BURST_FACTOR}); nothing was stored; retry in a second`,
    { headers: { "retry-after": "1" } },
  );
}

// The endpoint's token bucket, shared by every app process: refilled by the time since
// it was last touched, at most the burst; a row only when a token was taken. The row
// lock of ON CONFLICT orders concurrent callbacks, and clock_timestamp() is read once it
// is held, so time only moves forward for a bucket.
// A statement of its own, not a CTE of INGEST (which would save the round trip): a row
// lock is held until its transaction commits, and INGEST commits after the WAL flush of
// the delivery, so every callback of an endpoint would wait for the one before it to
// be flushed (folding it in cut ingest to a fifth under pgbench: README, "Benchmark" >
// "Numbers behind the code"). On its UNLOGGED table it writes no WAL and its commit waits for no flush, so the lock
// is held for microseconds.
const TAKE_RATE_TOKEN = namedParameters(`
    INSERT INTO endpoint_rate_buckets AS bucket (endpoint_id, tokens, refilled_at)
    VALUES (:endpointId, :burst::double precision - 1, clock_timestamp())
    ON CONFLICT (endpoint_id) DO UPDATE SET
      tokens = LEAST(:burst::double precision,
                     bucket.tokens + :perSecond::double precision * GREATEST(0, EXTRACT(EPOCH FROM clock_timestamp() - bucket.refilled_at))) - 1,
      refilled_at = GREATEST(bucket.refilled_at, clock_timestamp())
    WHERE LEAST(:burst::double precision,
                bucket.tokens + :perSecond::double precision * GREATEST(0, EXTRACT(EPOCH FROM clock_timestamp() - bucket.refilled_at))) >= 1
    RETURNING 1`);

const INGEST = namedParameters(`
    WITH existing_job AS (
      SELECT id FROM jobs
      WHERE NOT :canAdvance::boolean AND endpoint_id = :endpointId AND external_id = :externalJobId::text
    ),
    upserted_job AS (
      INSERT INTO jobs (id, endpoint_id, external_id, provider, state, state_at, output_url, error, details, first_seen_at, last_event_at)
      SELECT :newJobId, :endpointId, :externalJobId::text, :provider, :jobState::job_state, :providerTimestamp::timestamptz,
             :outputUrl::text, :error::text, :details::jsonb, :receivedAt::timestamptz, :receivedAt::timestamptz
      WHERE :canAdvance::boolean AND :externalJobId::text IS NOT NULL
      ON CONFLICT (endpoint_id, external_id) DO UPDATE SET
        -- Concurrent callbacks commit in any order; keep the true first and last arrival.
        first_seen_at = LEAST(jobs.first_seen_at, EXCLUDED.first_seen_at),
        last_event_at = GREATEST(jobs.last_event_at, EXCLUDED.last_event_at),
        -- A callback came: the job is not "overdue, no callback since ..." any more (lib/jobs/mutations.ts).
        overdue_at = NULL,
        state = CASE WHEN job_adopts_state(jobs.state, jobs.state_at, EXCLUDED.state, EXCLUDED.state_at) THEN EXCLUDED.state ELSE jobs.state END,
        state_at = CASE WHEN job_adopts_state(jobs.state, jobs.state_at, EXCLUDED.state, EXCLUDED.state_at) THEN EXCLUDED.state_at ELSE jobs.state_at END,
        output_url = CASE WHEN job_adopts_state(jobs.state, jobs.state_at, EXCLUDED.state, EXCLUDED.state_at) THEN COALESCE(EXCLUDED.output_url, jobs.output_url) ELSE jobs.output_url END,
        error = CASE WHEN job_adopts_state(jobs.state, jobs.state_at, EXCLUDED.state, EXCLUDED.state_at) THEN EXCLUDED.error ELSE jobs.error END,
        details = CASE WHEN job_adopts_state(jobs.state, jobs.state_at, EXCLUDED.state, EXCLUDED.state_at) THEN COALESCE(EXCLUDED.details, jobs.details) ELSE jobs.details END
      RETURNING id
    ),
    job AS (
      SELECT id FROM upserted_job UNION ALL SELECT id FROM existing_job
    ),
    event AS (
      INSERT INTO events (id, endpoint_id, dedupe_key, job_id, external_job_id, type, state, provider_timestamp, verification,
                          payload, payload_delivery_id, delivery_count, first_received_at, last_received_at)
      VALUES (:newEventId, :endpointId, :dedupeKey, (SELECT id FROM job LIMIT 1), :externalJobId::text, :eventType::text,
              :eventState::job_state, :providerTimestamp::timestamptz, :verification::verification,
              :payloadJson::jsonb, :deliveryId, 1, :receivedAt::timestamptz, :receivedAt::timestamptz)
      ON CONFLICT (endpoint_id, dedupe_key) DO UPDATE SET
        delivery_count = events.delivery_count + 1,
        first_received_at = LEAST(events.first_received_at, EXCLUDED.first_received_at),
        last_received_at = GREATEST(events.last_received_at, EXCLUDED.last_received_at),
        job_id = COALESCE(events.job_id, EXCLUDED.job_id),
        -- The payload (and what was read from it) comes from the most trustworthy delivery.
        verification = CASE WHEN verification_rank(EXCLUDED.verification) > verification_rank(events.verification) THEN EXCLUDED.verification ELSE events.verification END,
        payload = CASE WHEN verification_rank(EXCLUDED.verification) > verification_rank(events.verification) THEN EXCLUDED.payload ELSE events.payload END,
        payload_delivery_id = CASE WHEN verification_rank(EXCLUDED.verification) > verification_rank(events.verification) THEN EXCLUDED.payload_delivery_id ELSE events.payload_delivery_id END,
        type = CASE WHEN verification_rank(EXCLUDED.verification) > verification_rank(events.verification) THEN EXCLUDED.type ELSE events.type END,
        state = CASE WHEN verification_rank(EXCLUDED.verification) > verification_rank(events.verification) THEN EXCLUDED.state ELSE events.state END,
        provider_timestamp = CASE WHEN verification_rank(EXCLUDED.verification) > verification_rank(events.verification) THEN EXCLUDED.provider_timestamp ELSE events.provider_timestamp END,
        external_job_id = CASE WHEN verification_rank(EXCLUDED.verification) > verification_rank(events.verification) THEN EXCLUDED.external_job_id ELSE events.external_job_id END
      RETURNING id, job_id
    ),
    -- Forwarding is queued by this same statement (no crash window after the commit):
    -- a new event, or an accepted (verified or unsigned) delivery of a known one (for
    -- destinations that skipped it while it had failed), when the endpoint has an
    -- enabled destination. Which destinations take it is decided when the row is moved
    -- into the queue (outbox-relay.ts).
    outbox AS (
      INSERT INTO forward_outbox (event_id, endpoint_id, is_new_event, verified, accepted)
      SELECT event.id, :endpointId, event.id = :newEventId, :verification::verification = 'verified',
             :verification::verification <> 'failed'
      FROM event
      WHERE (event.id = :newEventId OR :verification::verification <> 'failed')
        AND EXISTS (SELECT 1 FROM destinations WHERE endpoint_id = :endpointId AND enabled)
      RETURNING 1
    )
    INSERT INTO deliveries (id, endpoint_id, event_id, received_at, method, path, query, headers, credential_key, body, size, body_sha256,
                            source_ip, verification, verification_reason, response_status)
    SELECT :deliveryId, :endpointId, event.id, :receivedAt::timestamptz, :method, :path, :query,
           :headers::jsonb, :credentialKey::text, :body, :size::integer, :bodySha256, :sourceIp::text,
           :verification::verification, :verificationReason::text, :responseStatus::integer
    FROM event
    RETURNING id AS delivery_id, event_id, (SELECT job_id FROM event) AS job_id, EXISTS (SELECT 1 FROM outbox) AS forward_queued`);
