// The ingest write: delivery + event + job (+ forward outbox row) in ONE statement (a data-modifying CTE),
// after a token from the endpoint's rate-limit bucket (a statement of its own: see TAKE_RATE_TOKENS).
// One round trip is what decides ingest throughput, and a single statement is atomic
// on its own. Callbacks that arrive together are written together (group commit,
// commit-groups.ts): their tokens in one statement per endpoint, their statements in one
// transaction with one commit, each answered only after it. Races between concurrent callbacks are settled by the unique indexes:
// ten identical requests at once make one event with ten deliveries. A repeat of a
// known event writes its delivery and nothing else (no row every delivery of an event
// must lock in turn: a retry storm's deliveries commit side by side). Job and event rules live in SQL functions of the migration
// (job_adopts_state, verification_rank; the job rule in TypeScript, tested against the
// SQL: lib/jobs/state-machine.ts).
// It runs on the pg pool as a named prepared statement, not through Prisma's
// $queryRaw: parsing and planning this CTE on every call plus the client's per-query
// work cost a third of ingest throughput (README, "Benchmark" > "Numbers behind the code").
import type pg from "pg";
import { sealCredentialHeaders } from "@/lib/deliveries/sealed-headers";
import { getPool, type Queryable } from "@/lib/db/client";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { namedParameters } from "@/lib/db/named-parameters";
import { RATE_LIMIT_BURST_FACTOR } from "@/lib/endpoints/schema";
import { AppError } from "@/lib/http/app-error";
import type { JobState } from "@/lib/job-states/constants";
import type { CallbackFacts } from "@/lib/providers/types";
import type { VerificationOutcome } from "@/lib/verify/types";
import { CommitGroups } from "./commit-groups";

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
 * Stores one callback, committed when this resolves. `transaction`: a client inside the
 * caller's transaction (a delivery synthesized from a poll, never rate limited: a token
 * taken inside a transaction would lock the bucket until it ends); without it the
 * callback joins a commit group.
 */
export async function storeDelivery(
  d: NewDelivery,
  transaction?: pg.PoolClient,
): Promise<StoredDelivery> {
  if (!transaction) return commitGroups().submit(d);
  if (d.rateLimitPerSecond !== null)
    await takeRateToken(d.endpointId, d.rateLimitPerSecond, transaction);
  return runIngest(d, transaction);
}

/** The INGEST statement for one callback (its token already taken). */
async function runIngest(d: NewDelivery, db: Queryable): Promise<StoredDelivery> {
  const { facts } = d;
  // A delivery that failed verification is evidence, not data: it may join an
  // existing job's timeline but never creates a job or moves its state.
  const canAdvance = d.verification !== "failed";
  const jobState: JobState = facts.state ?? "unknown";
  const details = facts.details ? JSON.stringify(facts.details) : null;
  const stored = sealCredentialHeaders(d.headers, d.tokenHeader);
  const values = INGEST.values({
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
  });
  // No row: the event was inserted by a concurrent delivery after this statement's
  // snapshot (INGEST's new_event); the next run sees it. Twice would need the event to
  // vanish and come back in between.
  for (let attempt = 1; ; attempt++) {
    const { rows } = await db.query<{
      delivery_id: string;
      event_id: string;
      job_id: string | null;
      forward_queued: boolean;
    }>({
      // Named: each pooled connection parses and plans this statement once.
      name: "ingest-store-delivery",
      text: INGEST.text,
      values,
    });
    const row = rows[0];
    if (row) return toStored(row);
    if (attempt === 3) throw new Error("ingest statement stored nothing three times");
  }
}

// Groups being written at once: each holds one pooled connection while it runs, and the
// pool (INBOX_DB_POOL_SIZE, 10 by default) also serves the dashboard and the live feed.
// Under load a few groups keep both the database and this process busy.
const GROUP_LIMITS = { maxMembers: 64, maxInFlight: 4 };

// On globalThis: the ingest route and the dashboard's test callback may be separate
// bundles in one process, and callbacks from both belong in the same groups.
const holder = globalThis as typeof globalThis & {
  __inboxIngestGroups?: CommitGroups<NewDelivery, StoredDelivery>;
};

function commitGroups(): CommitGroups<NewDelivery, StoredDelivery> {
  holder.__inboxIngestGroups ??= new CommitGroups(writeGroup, GROUP_LIMITS);
  return holder.__inboxIngestGroups;
}

type Outcome = PromiseSettledResult<StoredDelivery>;

/**
 * One group on one connection: the members' rate tokens, then their statements in one
 * transaction and one commit. A member refused a token is answered 429 alone. When a
 * statement fails it takes the transaction down with it: the group is rolled back and
 * each member written alone, so only the broken one fails. A lost database fails all.
 */
async function writeGroup(members: NewDelivery[]): Promise<Outcome[]> {
  const client = await getPool().connect();
  let lost: Error | undefined;
  try {
    const outcomes: Array<Outcome | undefined> = await takeGroupTokens(members, client);
    // One lock order for every group: jobs, then events, by key. Two groups writing the
    // same job or event then wait for each other instead of deadlocking.
    const admitted = members
      .map((d, index) => ({ d, index, order: lockOrderKey(d) }))
      .filter(({ index }) => outcomes[index] === undefined)
      .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
    if (admitted.length > 1) {
      const stored = await inOneTransaction(
        client,
        admitted.map(({ d }) => d),
      );
      admitted.forEach(({ index }, k) => {
        const one = stored?.[k];
        if (one) outcomes[index] = { status: "fulfilled", value: one };
      });
    }
    for (const { d, index } of admitted) {
      outcomes[index] ??= await runIngest(d, client).then(
        (value): Outcome => ({ status: "fulfilled", value }),
        (reason: unknown): Outcome => {
          if (isDatabaseUnavailable(reason) && reason instanceof Error) lost = reason;
          return { status: "rejected", reason };
        },
      );
    }
    return outcomes.map(
      (outcome) =>
        outcome ?? { status: "rejected", reason: new Error("a group member was not written") },
    );
  } catch (error) {
    if (error instanceof Error) lost = error;
    throw error;
  } finally {
    // A connection that failed mid-way is not handed to the next caller.
    client.release(lost);
  }
}

/** The members' statements in one transaction; null when one failed (all rolled back). */
async function inOneTransaction(
  client: pg.PoolClient,
  members: NewDelivery[],
): Promise<StoredDelivery[] | null> {
  await client.query("BEGIN");
  try {
    const stored: StoredDelivery[] = [];
    for (const d of members) stored.push(await runIngest(d, client));
    await client.query("COMMIT");
    return stored;
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw error;
    await client.query("ROLLBACK");
    return null;
  }
}

function lockOrderKey(d: NewDelivery): string {
  return `${d.endpointId}\u0000${d.facts.jobId ?? ""}\u0000${d.dedupeKey}`;
}

/**
 * The members' rate tokens, an outcome (429) for each member refused one. An endpoint's
 * members take theirs in one statement when its bucket holds them all; otherwise one by
 * one, as each would alone.
 */
async function takeGroupTokens(
  members: NewDelivery[],
  db: Queryable,
): Promise<Array<Outcome | undefined>> {
  const outcomes: Array<Outcome | undefined> = members.map(() => undefined);
  const byBucket = new Map<string, { endpointId: string; perSecond: number; indexes: number[] }>();
  members.forEach(({ endpointId, rateLimitPerSecond: perSecond }, index) => {
    if (perSecond === null) return;
    const key = `${endpointId}:${perSecond}`;
    const bucket = byBucket.get(key) ?? { endpointId, perSecond, indexes: [] };
    bucket.indexes.push(index);
    byBucket.set(key, bucket);
  });
  for (const { endpointId, perSecond, indexes } of byBucket.values()) {
    if (indexes.length > 1 && (await tryTakeRateTokens(endpointId, perSecond, indexes.length, db)))
      continue;
    for (const index of indexes) {
      if (!(await tryTakeRateTokens(endpointId, perSecond, 1, db)))
        outcomes[index] = { status: "rejected", reason: rateLimited(perSecond) };
    }
  }
  return outcomes;
}

function toStored(row: {
  delivery_id: string;
  event_id: string;
  job_id: string | null;
  forward_queued: boolean;
}): StoredDelivery {
  return {
    deliveryId: row.delivery_id,
    eventId: row.event_id,
    jobId: row.job_id,
    forwardQueued: row.forward_queued,
  };
}

/** 429 past the endpoint's rate; nothing is stored. */
async function takeRateToken(endpointId: string, perSecond: number, db: Queryable): Promise<void> {
  if (!(await tryTakeRateTokens(endpointId, perSecond, 1, db))) throw rateLimited(perSecond);
}

/** Takes `count` tokens from the endpoint's bucket, all or none: false when it holds fewer. */
async function tryTakeRateTokens(
  endpointId: string,
  perSecond: number,
  count: number,
  db: Queryable,
): Promise<boolean> {
  const { rowCount } = await db.query({
    name: "ingest-take-rate-tokens",
    text: TAKE_RATE_TOKENS.text,
    values: TAKE_RATE_TOKENS.values({
      endpointId,
      perSecond,
      burst: perSecond * RATE_LIMIT_BURST_FACTOR,
      count,
    }),
  });
  return Boolean(rowCount);
}

function rateLimited(perSecond: number): AppError {
  // Whole callbacks a second: a token is back within a second.
  return new AppError(
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
// is held for microseconds. A commit group takes its members' tokens at once (`count`).
const TAKE_RATE_TOKENS = namedParameters(`
    INSERT INTO endpoint_rate_buckets AS bucket (endpoint_id, tokens, refilled_at)
    SELECT :endpointId, :burst::double precision - :count::integer, clock_timestamp()
    WHERE :count::integer <= :burst::double precision
    ON CONFLICT (endpoint_id) DO UPDATE SET
      tokens = LEAST(:burst::double precision,
                     bucket.tokens + :perSecond::double precision * GREATEST(0, EXTRACT(EPOCH FROM clock_timestamp() - bucket.refilled_at))) - :count::integer,
      refilled_at = GREATEST(bucket.refilled_at, clock_timestamp())
    WHERE LEAST(:burst::double precision,
                bucket.tokens + :perSecond::double precision * GREATEST(0, EXTRACT(EPOCH FROM clock_timestamp() - bucket.refilled_at))) >= :count::integer
    RETURNING 1`);

const INGEST = namedParameters(`
    WITH known_event AS (
      -- The event of an earlier delivery, as this statement's snapshot sees it.
      SELECT id, job_id, verification FROM events
      WHERE endpoint_id = :endpointId AND dedupe_key = :dedupeKey
    ),
    -- A repeat of a known event with no better verification brings nothing new to the
    -- job: it joins the job as it is instead of upserting (and locking) the job row,
    -- unless the job is overdue or its last callback is an hour old (a repeat still says
    -- "a callback came": lib/jobs/mutations.ts, and retention re-checks last_event_at).
    job_news AS (
      SELECT NOT EXISTS (
               SELECT 1 FROM known_event
               WHERE verification_rank(verification) >= verification_rank(:verification::verification))
             OR EXISTS (
               SELECT 1 FROM jobs
               WHERE endpoint_id = :endpointId AND external_id = :externalJobId::text
                 AND (overdue_at IS NOT NULL OR last_event_at < :receivedAt::timestamptz - interval '1 hour')) AS news
    ),
    existing_job AS (
      SELECT id FROM jobs
      WHERE NOT (:canAdvance::boolean AND (SELECT news FROM job_news))
        AND endpoint_id = :endpointId AND external_id = :externalJobId::text
    ),
    upserted_job AS (
      INSERT INTO jobs (id, endpoint_id, external_id, provider, state, state_at, output_url, error, details, first_seen_at, last_event_at)
      SELECT :newJobId, :endpointId, :externalJobId::text, :provider, :jobState::job_state, :providerTimestamp::timestamptz,
             :outputUrl::text, :error::text, :details::jsonb, :receivedAt::timestamptz, :receivedAt::timestamptz
      WHERE :canAdvance::boolean AND (SELECT news FROM job_news) AND :externalJobId::text IS NOT NULL
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
    -- Only the first delivery of an event inserts it. ON CONFLICT DO NOTHING: when another
    -- delivery inserted it after this statement's snapshot was taken, nothing is stored
    -- and storeDelivery runs the statement again (a new snapshot, which sees the event).
    new_event AS (
      INSERT INTO events (id, endpoint_id, dedupe_key, job_id, external_job_id, type, state, provider_timestamp, verification,
                          payload, payload_delivery_id, first_received_at, last_touched_at)
      SELECT :newEventId, :endpointId, :dedupeKey, (SELECT id FROM job LIMIT 1), :externalJobId::text, :eventType::text,
             :eventState::job_state, :providerTimestamp::timestamptz, :verification::verification,
             :payloadJson::jsonb, :deliveryId, :receivedAt::timestamptz, :receivedAt::timestamptz
      WHERE NOT EXISTS (SELECT 1 FROM known_event)
      ON CONFLICT (endpoint_id, dedupe_key) DO NOTHING
      RETURNING id, job_id
    ),
    -- A later delivery updates its event only when it changes it, which is rare; the
    -- condition is false for a plain repeat, and an UPDATE whose condition is false locks
    -- nothing, so the deliveries of one event never wait for each other's commits.
    changed_event AS (
      UPDATE events e SET
        first_received_at = LEAST(e.first_received_at, :receivedAt::timestamptz),
        last_touched_at = GREATEST(e.last_touched_at, :receivedAt::timestamptz),
        job_id = COALESCE(e.job_id, (SELECT id FROM job LIMIT 1)),
        -- The payload (and what was read from it) comes from the most trustworthy delivery.
        verification = CASE WHEN verification_rank(:verification::verification) > verification_rank(e.verification) THEN :verification::verification ELSE e.verification END,
        payload = CASE WHEN verification_rank(:verification::verification) > verification_rank(e.verification) THEN :payloadJson::jsonb ELSE e.payload END,
        payload_delivery_id = CASE WHEN verification_rank(:verification::verification) > verification_rank(e.verification) THEN :deliveryId ELSE e.payload_delivery_id END,
        type = CASE WHEN verification_rank(:verification::verification) > verification_rank(e.verification) THEN :eventType::text ELSE e.type END,
        state = CASE WHEN verification_rank(:verification::verification) > verification_rank(e.verification) THEN :eventState::job_state ELSE e.state END,
        provider_timestamp = CASE WHEN verification_rank(:verification::verification) > verification_rank(e.verification) THEN :providerTimestamp::timestamptz ELSE e.provider_timestamp END,
        external_job_id = CASE WHEN verification_rank(:verification::verification) > verification_rank(e.verification) THEN :externalJobId::text ELSE e.external_job_id END
      FROM known_event k
      WHERE e.id = k.id
        AND (verification_rank(:verification::verification) > verification_rank(e.verification)
             OR e.first_received_at > :receivedAt::timestamptz
             OR (e.job_id IS NULL AND EXISTS (SELECT 1 FROM job))
             -- Retention keeps an event whose newest row version shows a callback after its cutoff.
             OR e.last_touched_at < :receivedAt::timestamptz - interval '1 hour')
      RETURNING e.id, e.job_id
    ),
    event AS (
      SELECT id, job_id FROM new_event
      UNION ALL SELECT id, job_id FROM changed_event
      UNION ALL SELECT id, job_id FROM known_event WHERE NOT EXISTS (SELECT 1 FROM changed_event)
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
