// `npm run db:seed -- --deliveries N`: bulk data for benchmarks, written set-based
// (INSERT ... SELECT over generate_series) in batches of one transaction. Not fed through
// the ingest path (that would take hours for a million rows): the rows are computed
// in SQL with the distributions the ingest path would produce, and every constraint
// (unique dedupe keys, foreign keys, enums) is checked by Postgres as usual.
//
// Shape, for N deliveries: events = 0.8 N (the other 0.2 N deliveries are provider
// retries, one extra delivery for every fourth event); jobs = events / 3, each job a
// queued -> processing -> final callback a few minutes apart; jobs spread evenly over
// the last `days` (default 30) days. Every value derives from (run tag, index), so a batch is
// reproducible and two runs never collide.
import { createHash, randomBytes } from "node:crypto";
import type pg from "pg";
import { namedParameters } from "@/lib/db/named-parameters";
import { providerIds } from "@/lib/providers/schema";
import { currentKeyId, sealSecret } from "@/lib/secrets/secret-box";
import { ERRORS } from "./job-callbacks";
import { createSeedEndpoint, PRESET_ENDPOINT_NAMES, type SeedEndpoint } from "./seed-endpoints";

export const BULK_ENDPOINT_COUNT = 20;
export const DEFAULT_SPAN_DAYS = 30;
const REGIONS = ["eu-west", "us-east", "ap-south"];

/** Words the payloads' free text is made of; searches for other words ("timeout") only find error messages. */
const WORDS = `
  podcast interview keynote webinar trailer episode season chapter intro outro voiceover caption subtitle transcript
  kitchen bedroom garden terrace listing property agent viewing brochure drone walkthrough renovation
  quarterly allhands roadmap launch customer onboarding pricing release demo tutorial recap highlights
  amsterdam berlin lisbon madrid dublin oslo toronto chicago denver austin melbourne singapore
  audio video stereo mono loudness normalize denoise crop resize thumbnail storyboard render proxy preview
  speaker host guest narrator moderator panel audience applause laughter music jingle ambient silence
  h264 hevc prores webm mp4 wav flac aac opus 1080p 720p 4k vertical square landscape portrait
  approved pending review draft final archived published scheduled private public internal external
`
  .trim()
  .split(/\s+/);

export type BulkSeedOptions = {
  deliveries: number;
  /** Deliveries per batch (progress is reported after each). */
  batchSize?: number;
  /** Jobs are spread evenly over this many days before `now` (default 30). */
  days?: number;
  now?: Date;
  /** Progress lines, one per batch and per rebuilt index. */
  log?: (line: string) => void;
};

export type BulkSeedResult = {
  endpoints: SeedEndpoint[];
  events: number;
  deliveries: number;
  jobs: number;
  elapsedMs: number;
};

/** The counts a run of `deliveries` produces. */
export function bulkShape(deliveries: number): {
  events: number;
  duplicates: number;
  jobs: number;
} {
  const events = Math.round(deliveries * 0.8);
  return { events, duplicates: deliveries - events, jobs: Math.ceil(events / 3) };
}

export async function createBulkEndpoints(): Promise<SeedEndpoint[]> {
  const endpoints: SeedEndpoint[] = [];
  for (let i = 0; i < BULK_ENDPOINT_COUNT; i++) {
    const provider = providerIds[i % providerIds.length] ?? "generic";
    const region = REGIONS[Math.floor(i / providerIds.length) % REGIONS.length];
    endpoints.push(
      await createSeedEndpoint(provider, `${PRESET_ENDPOINT_NAMES[provider]} - ${region}`),
    );
  }
  return endpoints;
}

/**
 * Inserts the rows on `client` (one connection: the batch tables are temporary), all
 * in ONE transaction: every index and key of the three tables (and the foreign keys
 * that point at them) is set aside first and put back at the end, so the rows go in as
 * plain appends instead of random inserts into indexes keyed by random ids and a
 * foreign-key trigger per row (README "Numbers behind the code"). Putting them back
 * checks everything Postgres would have checked row by row: a key built over duplicates
 * or a foreign key added over a dangling reference fails, and a failure leaves nothing
 * half-done. Meanwhile other sessions wait on those tables: this is for seeding, not for
 * a live inbox.
 */
export async function seedBulkDeliveries(
  client: pg.ClientBase,
  endpoints: SeedEndpoint[],
  options: BulkSeedOptions,
): Promise<BulkSeedResult> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const shape = bulkShape(options.deliveries);
  const run = randomBytes(6).toString("hex");
  const seed = randomBytes(4).readInt32BE();
  await client.query("BEGIN");
  try {
    await client.query("SET LOCAL work_mem = '64MB'");
    await client.query("SET LOCAL maintenance_work_mem = '1GB'");
    await client.query(
      "CREATE TEMP TABLE seed_snippets (n int PRIMARY KEY, text text NOT NULL) ON COMMIT DROP",
    );
    await client.query(SNIPPETS.text, SNIPPETS.values({ words: WORDS, seed }));
    await client.query("ANALYZE seed_snippets");
    await client.query(ID_FUNCTION);
    const aside = await setAsideKeysAndIndexes(client);
    const deliveryValues = {
      sealedTokens: JSON.stringify(sealedTokens(endpoints)),
      credentialKey: currentKeyId(),
    };

    const eventsPerBatch = 3 * Math.max(1, Math.floor(((options.batchSize ?? 100_000) * 0.8) / 3));
    for (let from = 0; from < shape.events; from += eventsPerBatch) {
      const to = Math.min(from + eventsPerBatch, shape.events);
      await client.query(
        BATCH.text,
        BATCH.values({
          run,
          seed,
          from,
          to,
          events: shape.events,
          duplicates: shape.duplicates,
          jobs: shape.jobs,
          endpointIds: endpoints.map((e) => e.id),
          providers: endpoints.map((e) => e.provider),
          signed: endpoints.map((e) => e.verification.scheme !== "none" && e.secrets.length > 0),
          now: options.now ?? new Date(),
          spanSeconds: (options.days ?? DEFAULT_SPAN_DAYS) * 86_400,
          errors: ERRORS,
          // A parameter, not inline: its colons would read as placeholders.
          isoFormat: 'YYYY-MM-DD"T"HH24:MI:SS"Z"',
        }),
      );
      await client.query(INSERT_JOBS);
      await client.query(INSERT_EVENTS);
      await client.query(INSERT_DELIVERIES.text, INSERT_DELIVERIES.values(deliveryValues));
      await client.query("DROP TABLE seed_batch");
      const done = to + Math.floor((to * shape.duplicates) / shape.events);
      log(
        `  ${done.toLocaleString("en")} / ${options.deliveries.toLocaleString("en")} deliveries, ${seconds(started)} s`,
      );
    }
    await putBack(client, aside, log);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
  // VACUUM too: it sets the visibility map, so the usage panel's counts are index-only
  // scans at once (autovacuum would get there on its own, minutes later).
  await client.query("VACUUM (ANALYZE) endpoints, jobs, events, deliveries");
  return {
    endpoints,
    events: shape.events,
    deliveries: options.deliveries,
    jobs: shape.jobs,
    elapsedMs: Date.now() - started,
  };
}

const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);

type Aside = {
  /** Primary keys and foreign keys: `ALTER TABLE ... ADD CONSTRAINT` puts them back. */
  keys: Array<{ table: string; name: string; definition: string; isForeign: boolean }>;
  /** Every other index, unique ones included: `CREATE [UNIQUE] INDEX ...`. */
  indexes: Array<{ name: string; definition: string }>;
};

const SEEDED_TABLES = "('jobs'::regclass, 'events'::regclass, 'deliveries'::regclass)";

/**
 * Drops the three tables' constraints (and the foreign keys of other tables that point at
 * them) and then their remaining indexes, remembering each definition as Postgres prints it.
 */
async function setAsideKeysAndIndexes(client: pg.ClientBase): Promise<Aside> {
  const { rows: keys } = await client.query<Aside["keys"][number]>(`
    SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition,
           c.contype = 'f' AS "isForeign"
    FROM pg_constraint c
    WHERE (c.conrelid IN ${SEEDED_TABLES} AND c.contype IN ('p', 'u', 'f'))
       OR (c.confrelid IN ${SEEDED_TABLES} AND c.contype = 'f')
    ORDER BY c.contype = 'f' DESC, c.conname`);
  for (const key of keys)
    await client.query(
      `ALTER TABLE ${key.table} DROP CONSTRAINT ${client.escapeIdentifier(key.name)}`,
    );
  const { rows: indexes } = await client.query<Aside["indexes"][number]>(`
    SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    WHERE i.indrelid IN ${SEEDED_TABLES}
    ORDER BY c.relname`);
  for (const index of indexes)
    await client.query(`DROP INDEX ${client.escapeIdentifier(index.name)}`);
  return { keys, indexes };
}

/** Keys first (each built by one sort), then the other indexes, then the foreign keys (each one validating join). */
async function putBack(
  client: pg.ClientBase,
  aside: Aside,
  log: (line: string) => void,
): Promise<void> {
  const timed = async (name: string, statement: string) => {
    const at = Date.now();
    await client.query(statement);
    log(`  rebuilt ${name} in ${seconds(at)} s`);
  };
  const addKey = (key: Aside["keys"][number]) =>
    timed(
      key.name,
      `ALTER TABLE ${key.table} ADD CONSTRAINT ${client.escapeIdentifier(key.name)} ${key.definition}`,
    );
  for (const key of aside.keys.filter((k) => !k.isForeign)) await addKey(key);
  for (const index of aside.indexes) await timed(index.name, index.definition);
  for (const key of aside.keys.filter((k) => k.isForeign)) await addKey(key);
}

/** 1,000 blocks of 10-130 words: the free text (titles, notes, transcript excerpts) payloads carry. */
const SNIPPETS = namedParameters(`
  INSERT INTO seed_snippets
  SELECT n, array_to_string(ARRAY(
           SELECT (:words::text[])[1 + abs(hashint8extended(n * 1000 + k, :seed)) % cardinality(:words::text[])]
           FROM generate_series(1, 10 + abs(hashint8extended(n, :seed + 1)) % 120) AS k), ' ') AS text
  FROM generate_series(0, 999) AS n`);

/** Our id format (lib/ids/new-id.ts: prefix + 15 bytes base64url), derived from a seed text. */
const ID_FUNCTION = `
  CREATE OR REPLACE FUNCTION pg_temp.seed_id(prefix text, seed text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT prefix || '_' || translate(encode(substr(decode(md5(seed), 'hex'), 1, 15), 'base64'), '+/', '-_')
  $$`;

/**
 * One row per event of the batch with everything the three inserts need. Event i
 * is step i % 3 of job i / 3; the job's endpoint and fate come from hashing j, so
 * all its events agree. Only a middle (progress) callback ever fails verification:
 * failed deliveries never move a job, and the job's first and last events stay linked.
 * The steps are MATERIALIZED: inlined, each reference to a computed column would
 * repeat its whole expression tree (README, "Benchmark" > "Numbers behind the code").
 */
const BATCH = namedParameters(`
  CREATE TEMP TABLE seed_batch AS
  WITH base AS (
    SELECT i, i / 3 AS j, (i % 3)::int AS s FROM generate_series(:from::bigint, :to::bigint - 1) AS i
  ),
  rolled AS MATERIALIZED (
    SELECT base.*,
      1 + abs(hashint8extended(j, :seed)) % cardinality(:endpointIds::text[]) AS ep,
      abs(hashint8extended(j, :seed + 1)) % 100 AS fate_roll,
      abs(hashint8extended(i, :seed + 2)) % 100 AS roll,
      abs(hashint8extended(i, :seed + 3)) % 1000 AS snippet,
      abs(hashint8extended(i, :seed + 4)) % 1000 AS jitter,
      md5(:run::text || '/j/' || j) AS jh,
      md5(:run::text || '/i/' || i) AS ih
    FROM base
  ),
  fated AS MATERIALIZED (
    SELECT rolled.*,
      (:endpointIds::text[])[ep] AS endpoint_id,
      (:providers::text[])[ep] AS provider,
      (:signed::boolean[])[ep] AS signed,
      -- Aspect has no cancel event: its cancelled tasks report task.failed.
      CASE WHEN fate_roll < 68 THEN 'completed' WHEN fate_roll < 78 THEN 'failed'
           WHEN fate_roll < 81 THEN CASE (:providers::text[])[ep] WHEN 'aspect' THEN 'failed' ELSE 'cancelled' END
           WHEN fate_roll < 93 THEN 'processing' ELSE 'queued' END AS fate,
      :now::timestamptz - interval '25 minutes' - make_interval(secs => :spanSeconds::float8 * (1 - (j + 0.5) / :jobs::float8)) AS job_start
    FROM rolled
  ),
  stepped AS MATERIALIZED (
    SELECT fated.*,
      -- The provider's word for this step; distinct per step so payload-based dedupe keys never clash.
      CASE s WHEN 0 THEN 'queued' WHEN 1 THEN CASE fate WHEN 'queued' THEN 'waiting' ELSE 'started' END
             ELSE CASE fate WHEN 'queued' THEN 'pending' ELSE fate END END AS word,
      CASE s WHEN 0 THEN 'queued' WHEN 1 THEN CASE fate WHEN 'queued' THEN 'queued' ELSE 'processing' END
             ELSE fate END::job_state AS state,
      job_start + make_interval(secs => CASE s WHEN 0 THEN 0 WHEN 1 THEN 30 + jitter % 270 ELSE 400 + jitter END) AS at,
      CASE WHEN s = 1 AND signed AND roll < 8 THEN 'failed' WHEN signed THEN 'verified' ELSE 'unsigned' END::verification AS verification,
      (i + 1) * :duplicates::bigint / :events::bigint > i * :duplicates::bigint / :events::bigint AS duplicated,
      CASE provider WHEN 'aspect' THEN jh::uuid::text WHEN 'descript' THEN jh::uuid::text WHEN 'scriptix' THEN 'stt_' || left(jh, 12)
        WHEN 'json2video' THEN left(jh, 12) WHEN 'clipzy' THEN 'job_' || left(jh, 12) WHEN 'standard-webhooks' THEN 'rnd_' || left(jh, 12)
        ELSE 'enc-' || left(jh, 10) END AS external_id,
      'msg_' || left(ih, 26) AS message_id,
      (:errors::text[])[1 + jitter % cardinality(:errors::text[])] AS error_text
    FROM fated
  ),
  described AS MATERIALIZED (
    SELECT stepped.*, (SELECT text FROM seed_snippets WHERE n = stepped.snippet) AS notes,
      to_char(at AT TIME ZONE 'UTC', :isoFormat::text) AS ts,
      -- What the preset reads as the provider's timestamp: the payload's, where it has one.
      CASE WHEN provider IN ('aspect', 'scriptix', 'standard-webhooks', 'generic') THEN date_trunc('second', at) END AS provider_at,
      CASE WHEN state = 'completed' THEN CASE provider
          WHEN 'json2video' THEN 'https://assets.json2video.com/clients/acme/' || external_id || '.mp4'
          WHEN 'clipzy' THEN 'file:///storage/' || external_id || '/output.mp4'
          WHEN 'descript' THEN 'https://web.descript.com/prj_' || left(jh, 6)
          WHEN 'standard-webhooks' THEN 'https://cdn.renderfarm.example/out/' || external_id || '.mp4'
          WHEN 'generic' THEN 'https://media.example.com/encoded/' || external_id || '.mp4' END END AS output_url,
      CASE WHEN state = 'failed' THEN CASE provider WHEN 'aspect' THEN 'failed features: transcription, visual' ELSE error_text END END AS error,
      CASE provider
        WHEN 'aspect' THEN CASE state WHEN 'completed' THEN 'task.completed' WHEN 'failed' THEN 'task.failed' WHEN 'cancelled' THEN 'task.failed' ELSE 'task.progress' END
        WHEN 'scriptix' THEN 'transcription.' || word
        WHEN 'json2video' THEN CASE word WHEN 'completed' THEN 'done' WHEN 'failed' THEN 'error' ELSE word END
        WHEN 'descript' THEN 'import/project_media'
        WHEN 'clipzy' THEN word
        WHEN 'standard-webhooks' THEN 'render.' || word
        ELSE 'job.' || word END AS type
    FROM stepped
  ),
  payloads AS MATERIALIZED (
    SELECT described.*, jsonb_strip_nulls(CASE provider
      WHEN 'aspect' THEN jsonb_build_object(
        'timestamp', ts, 'user_id', md5(endpoint_id)::uuid, 'event_id', ih::uuid, 'event_type', type,
        'data', jsonb_build_object('task', jsonb_build_object(
          'id', external_id, 'asset_id', md5(jh || 'asset')::uuid,
          'features', jsonb_build_object('transcription', jsonb_build_object('state', state), 'visual', jsonb_build_object('state', CASE WHEN s = 2 THEN state::text ELSE 'queued' END),
                                         'preview', jsonb_build_object('state', CASE state WHEN 'queued' THEN 'queued' ELSE 'completed' END), 'proxy', jsonb_build_object('state', 'na')),
          'user_id', md5(endpoint_id)::uuid, 'created', to_char(job_start AT TIME ZONE 'UTC', :isoFormat::text), 'updated', ts,
          'title', left(notes, 40), 'transcript_preview', notes)))
      WHEN 'scriptix' THEN jsonb_build_object(
        'event', type, 'timestamp', ts,
        'data', jsonb_build_object('id', external_id, 'status', word, 'document_id', jitter, 'duration_seconds', 60 + jitter * 3, 'language', 'en',
                                   'filename', left(jh, 8) || '.mp3', 'error', error, 'transcript_excerpt', notes))
      WHEN 'json2video' THEN jsonb_build_object(
        'project', external_id, 'status', type, 'url', output_url, 'message', error, 'duration', 24, 'size', 5421988 + jitter,
        'client-data', jsonb_build_object('listing_id', 'L-' || (4000 + jitter), 'property_address', (100 + jitter) || ' Oak Street', 'agent_id', 'AG-42', 'notes', notes))
      WHEN 'descript' THEN jsonb_build_object(
        'job_id', external_id, 'job_type', type,
        'job_state', CASE WHEN state IN ('completed', 'failed') THEN 'stopped' ELSE word END,
        'project_id', 'prj_' || left(jh, 6), 'project_url', 'https://web.descript.com/prj_' || left(jh, 6), 'prompt', notes,
        'result', CASE state WHEN 'completed' THEN jsonb_build_object('status', 'success', 'agent_response', left(notes, 120), 'ai_credits_used', jitter % 40)
                             WHEN 'failed' THEN jsonb_build_object('status', 'error', 'error', error) END)
      WHEN 'clipzy' THEN jsonb_build_object(
        'job_id', external_id, 'status', word, 'progress_percent', CASE state WHEN 'completed' THEN 100 WHEN 'queued' THEN 0 ELSE 40 END,
        'output_video_url', output_url, 'error', error, 'processing_time_seconds', 900.0, 'title', left(notes, 40), 'description', notes)
      WHEN 'standard-webhooks' THEN jsonb_build_object(
        'type', type, 'timestamp', ts,
        'data', jsonb_build_object('render_id', external_id, 'status', word, 'template', 'listing-vertical-v2', 'output_url', output_url, 'error', error, 'notes', notes))
      ELSE jsonb_build_object(
        'event', type, 'sent_at', ts,
        'job', jsonb_build_object('id', external_id, 'state', word, 'preset', 'h264-1080p', 'output', output_url, 'error', error, 'log', notes))
      END) AS payload
    FROM described
  )
  SELECT payloads.*,
    convert_to(payload::text, 'UTF8') AS body,
    pg_temp.seed_id('job', jh) AS job_id,
    pg_temp.seed_id('evt', ih || '/e') AS event_id,
    pg_temp.seed_id('dlv', ih || '/d') AS delivery_id,
    pg_temp.seed_id('dlv', ih || '/r') AS retry_delivery_id,
    at + make_interval(secs => 5 + jitter % 600) AS retry_at,
    '203.0.113.' || (1 + ep) AS source_ip
  FROM payloads`);

/** A job's row comes from its last callback (or the run's very last event, when that job is cut short). */
const INSERT_JOBS = `
  INSERT INTO jobs (id, endpoint_id, external_id, provider, state, state_at, output_url, error, details, first_seen_at, last_event_at)
  SELECT job_id, endpoint_id, external_id, provider, state, provider_at, output_url, error,
         CASE provider WHEN 'aspect' THEN jsonb_build_object('features', payload #> '{data,task,features}')
                       WHEN 'json2video' THEN jsonb_build_object('clientData', payload -> 'client-data') END,
         job_start, CASE WHEN duplicated THEN retry_at ELSE at END
  FROM seed_batch
  WHERE s = 2 OR i = (SELECT max(i) FROM seed_batch)`;

const INSERT_EVENTS = `
  INSERT INTO events (id, endpoint_id, dedupe_key, job_id, external_job_id, type, state, provider_timestamp, verification,
                      payload, payload_delivery_id, first_received_at, last_touched_at)
  SELECT event_id, endpoint_id,
         CASE provider WHEN 'aspect' THEN 'svix:' || message_id WHEN 'standard-webhooks' THEN 'webhook:' || message_id
           WHEN 'scriptix' THEN 'scriptix:' || type || ':' || external_id
           WHEN 'json2video' THEN 'json2video:' || external_id || ':' || type
           WHEN 'descript' THEN 'descript:' || external_id || ':' || (payload ->> 'job_state')
           WHEN 'clipzy' THEN 'clipzy:' || external_id || ':' || word
           ELSE 'sha256:' || encode(sha256(body), 'hex') END,
         CASE WHEN verification = 'failed' THEN NULL ELSE job_id END, external_id, type, state, provider_at, verification,
         payload, delivery_id, at, CASE WHEN duplicated THEN retry_at ELSE at END
  FROM seed_batch`;

/**
 * The first delivery of every event, and the provider's retry for the duplicated ones.
 * A token-scheme endpoint's Authorization value is sealed with INBOX_SECRET_KEY as ingest
 * would seal it, once per endpoint (`:sealedTokens`, SQL cannot seal): rows left 'plain'
 * would make the app's next start seal millions of them before it listens.
 */
const INSERT_DELIVERIES = namedParameters(`
  INSERT INTO deliveries (id, endpoint_id, event_id, received_at, method, path, query, credential_key, headers, body, size, body_sha256,
                          source_ip, verification, verification_reason, response_status)
  SELECT d.id, endpoint_id, event_id, d.received_at, 'POST', '', '',
         CASE WHEN provider = 'json2video' THEN :credentialKey END,
         jsonb_build_array(
           jsonb_build_array('Host', 'hooks.inbox.example.com'),
           jsonb_build_array('User-Agent', CASE provider WHEN 'aspect' THEN 'Svix-Webhooks/1.62.0' WHEN 'scriptix' THEN 'Scriptix-Webhooks/2.0'
             WHEN 'json2video' THEN 'JSON2Video-Webhook/1.0' WHEN 'descript' THEN 'Descript-Callbacks/1.0' WHEN 'clipzy' THEN 'python-requests/2.32.3'
             WHEN 'standard-webhooks' THEN 'render-farm-notifier/3.4' ELSE 'curl/8.5.0' END),
           jsonb_build_array('Content-Type', 'application/json'),
           jsonb_build_array('Content-Length', octet_length(body)::text)
         ) || CASE provider
           WHEN 'aspect' THEN jsonb_build_array(jsonb_build_array('svix-id', message_id), jsonb_build_array('svix-timestamp', extract(epoch FROM d.received_at)::bigint::text),
                                                jsonb_build_array('svix-signature', 'v1,' || encode(sha256(body || convert_to(d.id, 'UTF8')), 'base64')))
           WHEN 'standard-webhooks' THEN jsonb_build_array(jsonb_build_array('webhook-id', message_id), jsonb_build_array('webhook-timestamp', extract(epoch FROM d.received_at)::bigint::text),
                                                jsonb_build_array('webhook-signature', 'v1,' || encode(sha256(body || convert_to(d.id, 'UTF8')), 'base64')))
           WHEN 'scriptix' THEN jsonb_build_array(jsonb_build_array('X-Scriptix-Signature', 'sha256=' || encode(sha256(body || convert_to(d.id, 'UTF8')), 'hex')))
           WHEN 'json2video' THEN jsonb_build_array(jsonb_build_array('Authorization', :sealedTokens::jsonb ->> endpoint_id))
           ELSE '[]'::jsonb END,
         body, octet_length(body), encode(sha256(body), 'hex'), source_ip, verification,
         CASE verification
           WHEN 'verified' THEN CASE provider WHEN 'scriptix' THEN 'HMAC-SHA256 signature matched secret 1 of 1'
             WHEN 'json2video' THEN 'token matched secret 1 of 1'
             ELSE 'v1 signature matched secret 1 of 1' END
           WHEN 'failed' THEN CASE provider WHEN 'json2video' THEN 'Authorization header does not match the configured token'
             ELSE 'no matching signature: tried 1 secret' END
         END,
         CASE verification WHEN 'failed' THEN 401 ELSE 200 END
  FROM seed_batch
  CROSS JOIN LATERAL (VALUES (delivery_id, at), (CASE WHEN duplicated THEN retry_delivery_id END, retry_at)) AS d(id, received_at)
  WHERE d.id IS NOT NULL`);

/** Each token-scheme endpoint's Authorization value, sealed (by endpoint id). */
function sealedTokens(endpoints: SeedEndpoint[]): Record<string, string> {
  return Object.fromEntries(
    endpoints
      .filter((e) => e.provider === "json2video")
      .map((e) => [e.id, sealSecret(`Bearer ${seedToken(e.id)}`)]),
  );
}

/** The token a seeded token-scheme delivery carries: stable per endpoint. */
function seedToken(endpointId: string): string {
  return createHash("md5").update(endpointId).digest("hex").slice(0, 24);
}
