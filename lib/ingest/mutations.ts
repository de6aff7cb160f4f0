// The ingest write: delivery + event + job (+ forward outbox row) of each callback, by the
// SQL function ingest_callbacks (a data-modifying CTE per callback; its types in the
// migration 20261205090000_ingest_callbacks_function, its current body in the newest
// migration that replaces it, 20261205120000_ingest_event_update_by_id), after a token from
// the endpoint's rate-limit bucket (a statement of its own: see TAKE_RATE_TOKENS).
// Callbacks that arrive together are written together (group commit, commit-groups.ts):
// their tokens in one statement per endpoint, then the whole group in one call of the
// function, one round trip and one commit, each answered only after it. Races between
// concurrent callbacks are settled by the unique indexes: ten identical requests at once
// make one event with ten deliveries.
// A repeat of a known event writes its delivery and nothing else (no row every delivery
// of an event must lock in turn: a retry storm's deliveries commit side by side). Job and
// event rules live in SQL functions of the migrations (job_adopts_state,
// verification_rank; the job rule in TypeScript, tested against the SQL:
// lib/jobs/state-machine.ts).
// It runs on the pg pool as a named prepared statement, not through Prisma's $queryRaw:
// the client's per-query work cost a third of ingest throughput (README, "Benchmark" >
// "Numbers behind the code").
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
import { CommitGroups, type GroupLimits } from "./commit-groups";

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

/** One callback's statement (its token already taken): a group of one. */
async function runIngest(d: NewDelivery, db: Queryable): Promise<StoredDelivery> {
  const [stored] = await ingestCallbacks([d], db);
  if (!stored) throw new Error("ingest_callbacks answered no row");
  return stored;
}

/**
 * The callbacks written by one call of the SQL function ingest_callbacks (migrations
 * 20261205090000 and 20261205120000): delivery + event + job (+ forward outbox row) of each, in order, in
 * one statement, so a group costs one round trip however many it holds. The bodies go
 * as one binary parameter (no text encoding of the bytes), each callback naming its
 * slice; the rest as JSON in the function's ingest_callback shape.
 */
async function ingestCallbacks(members: NewDelivery[], db: Queryable): Promise<StoredDelivery[]> {
  let offset = 0;
  const callbacks = members.map((d) => {
    const row = toCallbackRow(d, offset);
    offset += d.body.byteLength;
    return row;
  });
  const bodies =
    members.length === 1
      ? members[0]!.body
      : Buffer.concat(
          members.map((d) => d.body),
          offset,
        );
  const { rows } = await db.query<StoredRow>({
    // Named: each pooled connection parses it once.
    name: "ingest-callbacks",
    text: "SELECT * FROM ingest_callbacks($1::jsonb, $2::bytea)",
    values: [JSON.stringify(callbacks), bodies],
  });
  return rows.map(toStored);
}

/** One callback as the function's ingest_callback record (its JSON keys are the field names). */
function toCallbackRow(d: NewDelivery, bodyOffset: number) {
  const { facts } = d;
  const stored = sealCredentialHeaders(d.headers, d.tokenHeader);
  return {
    // A delivery that failed verification is evidence, not data: it may join an
    // existing job's timeline but never creates a job or moves its state.
    can_advance: d.verification !== "failed",
    endpoint_id: d.endpointId,
    external_job_id: facts.jobId,
    new_job_id: d.jobId,
    provider: d.provider,
    job_state: facts.state ?? ("unknown" satisfies JobState),
    provider_timestamp: facts.providerTimestamp,
    output_url: facts.outputUrl,
    error: facts.error,
    details: facts.details ?? null,
    received_at: d.receivedAt,
    new_event_id: d.eventId,
    dedupe_key: d.dedupeKey,
    event_type: facts.eventType,
    event_state: facts.state,
    verification: d.verification,
    payload_json: d.payloadJson,
    delivery_id: d.deliveryId,
    method: d.method,
    path: d.path,
    query: d.query,
    headers: stored.headers,
    credential_key: stored.credentialKey,
    body_offset: bodyOffset,
    size: d.body.byteLength,
    body_sha256: d.bodySha256,
    source_ip: d.sourceIp,
    verification_reason: d.verificationReason,
    response_status: d.responseStatus,
  };
}

// Groups being written at once: each holds one pooled connection while it runs, and the
// pool (INBOX_DB_POOL_SIZE, 10 by default) also serves the dashboard and the live feed.
// Under load a few groups keep both the database and this process busy. A group's bodies
// travel in one parameter: a few MB at most, however large each endpoint's limit.
const GROUP_LIMITS: GroupLimits<NewDelivery> = {
  maxMembers: 64,
  maxInFlight: 4,
  maxBytes: 4 * 2 ** 20,
  sizeOf: (d) => d.body.byteLength,
};

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
 * One group on one connection: the members' rate tokens, then all of them in one call
 * (one commit). A member refused a token is answered 429 alone. When one member fails
 * it takes the call down with it: nothing of the group is stored and each member is
 * written alone, so only the broken one fails. A lost database fails all.
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
      const stored = await inOneCall(
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

/** The members in one call (atomic: all or none); null when one failed (none stored). */
async function inOneCall(
  client: pg.PoolClient,
  members: NewDelivery[],
): Promise<StoredDelivery[] | null> {
  try {
    return await ingestCallbacks(members, client);
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw error;
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

/** A row of ingest_callbacks (its ingest_stored type). */
type StoredRow = {
  delivery_id: string;
  event_id: string;
  job_id: string | null;
  forward_queued: boolean;
};

function toStored(row: StoredRow): StoredDelivery {
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
// A statement of its own, not a CTE of ingest_callbacks (which would save the round trip): a row
// lock is held until its transaction commits, and the ingest commits after the WAL flush of
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
