-- The ingest function again, with one change: the UPDATE of a known event (changed_event)
-- finds its row by the event's id as a value, `e.id = (SELECT id FROM known_event)`, where
-- it joined known_event before. enable_seqscan = off (20261205090000) kept the plan a
-- connection keeps from reading events whole by a sequential scan, but not by an index: a
-- plan made while events was nearly empty put events on the outer side of that join and
-- read all of events_pkey for every callback, new or repeat, as PostgreSQL's auto_explain
-- showed under `npm run bench` (Rows Removed by Filter: 7,858 for one callback; 2,000 -
-- 6,000 µs of PostgreSQL a callback on the connections that had made that plan).
-- tests/integration/ingest-plan.test.ts counts 60,016 rows of events read by index for
-- three callbacks with the join, 5 without.
-- A whole function, because PostgreSQL replaces a function's body whole; the earlier
-- migration stays as it was (applied migrations are never edited).

CREATE OR REPLACE FUNCTION "ingest_callbacks"("callbacks" jsonb, "bodies" bytea)
RETURNS SETOF "ingest_stored"
LANGUAGE plpgsql VOLATILE
-- Every table it reads is read by key. A plan made while the tables are nearly empty
-- (a new install, a fresh endpoint) would otherwise scan them whole, and a cached plan
-- is kept until the next ANALYZE: as the tables grew, each callback read them all.
SET enable_seqscan = off
-- One plan per connection, made once: by key, the parameters do not change the plan.
SET plan_cache_mode = force_generic_plan
AS $fn$
DECLARE
  cb ingest_callback;
  stored ingest_stored;
  v_body bytea;
  v_payload jsonb;
BEGIN
  FOR cb IN SELECT * FROM jsonb_populate_recordset(NULL::ingest_callback, callbacks) LOOP
    v_body := substring(bodies FROM cb.body_offset + 1 FOR cb.size);
    v_payload := cb.payload_json::jsonb;
    -- No row: the event was inserted by a concurrent transaction after this statement's
    -- snapshot (new_event's ON CONFLICT DO NOTHING); the next run sees it. Three times
    -- would need the event to vanish and come back in between.
    FOR attempt IN 1..3 LOOP
      WITH known_event AS (
        -- The event of an earlier delivery, as this statement's snapshot sees it.
        SELECT id, job_id, verification FROM events
        WHERE endpoint_id = cb.endpoint_id AND dedupe_key = cb.dedupe_key
      ),
      -- A repeat of a known event with no better verification brings nothing new to the
      -- job: it joins the job as it is instead of upserting (and locking) the job row,
      -- unless the job is overdue or its last callback is an hour old (a repeat still says
      -- "a callback came": lib/jobs/mutations.ts, and retention re-checks last_event_at).
      job_news AS (
        SELECT NOT EXISTS (
                 SELECT 1 FROM known_event
                 WHERE verification_rank(verification) >= verification_rank(cb.verification))
               OR EXISTS (
                 SELECT 1 FROM jobs
                 WHERE endpoint_id = cb.endpoint_id AND external_id = cb.external_job_id
                   AND (overdue_at IS NOT NULL OR last_event_at < cb.received_at - interval '1 hour')) AS news
      ),
      existing_job AS (
        SELECT id FROM jobs
        WHERE NOT (cb.can_advance AND (SELECT news FROM job_news))
          AND endpoint_id = cb.endpoint_id AND external_id = cb.external_job_id
      ),
      upserted_job AS (
        INSERT INTO jobs (id, endpoint_id, external_id, provider, state, state_at, output_url, error, details, first_seen_at, last_event_at)
        SELECT cb.new_job_id, cb.endpoint_id, cb.external_job_id, cb.provider, cb.job_state, cb.provider_timestamp,
               cb.output_url, cb.error, cb.details, cb.received_at, cb.received_at
        WHERE cb.can_advance AND (SELECT news FROM job_news) AND cb.external_job_id IS NOT NULL
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
      -- and the loop runs the statement again (a new snapshot, which sees the event).
      new_event AS (
        INSERT INTO events (id, endpoint_id, dedupe_key, job_id, external_job_id, type, state, provider_timestamp, verification,
                            payload, payload_delivery_id, first_received_at, last_touched_at)
        SELECT cb.new_event_id, cb.endpoint_id, cb.dedupe_key, (SELECT id FROM job LIMIT 1), cb.external_job_id, cb.event_type,
               cb.event_state, cb.provider_timestamp, cb.verification,
               v_payload, cb.delivery_id, cb.received_at, cb.received_at
        WHERE NOT EXISTS (SELECT 1 FROM known_event)
        ON CONFLICT (endpoint_id, dedupe_key) DO NOTHING
        RETURNING id, job_id
      ),
      -- A later delivery updates its event only when it changes it, which is rare; the
      -- condition is false for a plain repeat, and an UPDATE whose condition is false locks
      -- nothing, so the deliveries of one event never wait for each other's commits.
      changed_event AS (
        UPDATE events e SET
          first_received_at = LEAST(e.first_received_at, cb.received_at),
          last_touched_at = GREATEST(e.last_touched_at, cb.received_at),
          job_id = COALESCE(e.job_id, (SELECT id FROM job LIMIT 1)),
          -- The payload (and what was read from it) comes from the most trustworthy delivery.
          verification = CASE WHEN verification_rank(cb.verification) > verification_rank(e.verification) THEN cb.verification ELSE e.verification END,
          payload = CASE WHEN verification_rank(cb.verification) > verification_rank(e.verification) THEN v_payload ELSE e.payload END,
          payload_delivery_id = CASE WHEN verification_rank(cb.verification) > verification_rank(e.verification) THEN cb.delivery_id ELSE e.payload_delivery_id END,
          type = CASE WHEN verification_rank(cb.verification) > verification_rank(e.verification) THEN cb.event_type ELSE e.type END,
          state = CASE WHEN verification_rank(cb.verification) > verification_rank(e.verification) THEN cb.event_state ELSE e.state END,
          provider_timestamp = CASE WHEN verification_rank(cb.verification) > verification_rank(e.verification) THEN cb.provider_timestamp ELSE e.provider_timestamp END,
          external_job_id = CASE WHEN verification_rank(cb.verification) > verification_rank(e.verification) THEN cb.external_job_id ELSE e.external_job_id END
        -- The event's id as a value, not a join: a join let a plan made on near-empty
        -- tables read every event and match each against known_event (see above).
        WHERE e.id = (SELECT id FROM known_event)
          AND (verification_rank(cb.verification) > verification_rank(e.verification)
               OR e.first_received_at > cb.received_at
               OR (e.job_id IS NULL AND EXISTS (SELECT 1 FROM job))
               -- Retention keeps an event whose newest row version shows a callback after its cutoff.
               OR e.last_touched_at < cb.received_at - interval '1 hour')
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
      -- into the queue (lib/forwarding/outbox-relay.ts).
      outbox AS (
        INSERT INTO forward_outbox (event_id, endpoint_id, is_new_event, verified, accepted)
        SELECT event.id, cb.endpoint_id, event.id = cb.new_event_id, cb.verification = 'verified',
               cb.verification <> 'failed'
        FROM event
        WHERE (event.id = cb.new_event_id OR cb.verification <> 'failed')
          AND EXISTS (SELECT 1 FROM destinations WHERE endpoint_id = cb.endpoint_id AND enabled)
        RETURNING 1
      )
      INSERT INTO deliveries (id, endpoint_id, event_id, received_at, method, path, query, headers, credential_key, body, size, body_sha256,
                              source_ip, verification, verification_reason, response_status)
      SELECT cb.delivery_id, cb.endpoint_id, event.id, cb.received_at, cb.method, cb.path, cb.query,
             cb.headers, cb.credential_key, v_body, cb.size, cb.body_sha256, cb.source_ip,
             cb.verification, cb.verification_reason, cb.response_status
      FROM event
      RETURNING id, event_id, (SELECT job_id FROM event), EXISTS (SELECT 1 FROM outbox)
      INTO stored;
      EXIT WHEN FOUND;
      IF attempt = 3 THEN
        RAISE EXCEPTION 'ingest statement stored nothing three times (delivery %)', cb.delivery_id;
      END IF;
    END LOOP;
    RETURN NEXT stored;
  END LOOP;
END
$fn$;
