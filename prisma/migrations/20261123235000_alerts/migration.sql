-- Alerts (lib/alerts): notification channels per endpoint (a Slack-compatible incoming
-- webhook or a generic JSON webhook) and one row per message to a channel.
--
-- The triggers at the end create the alert rows and queue their sending
-- (graphile_worker.add_job, task "send_alert") in the same transaction as the change
-- that caused them, whoever made it: the ingest statement, a poll, a person. No crash
-- between the change and the queueing can lose an alert. The unique (channel_id,
-- dedupe_key) makes one broken job one message per channel, however often and however
-- concurrently its failure arrives. On an endpoint without channels each trigger costs
-- one indexed read of alert_channels, and only for the rare rows its WHEN lets through.

CREATE TABLE "alert_channels" (
  "id" TEXT NOT NULL,
  "endpoint_id" TEXT NOT NULL,
  -- "slack" | "webhook"
  "kind" TEXT NOT NULL,
  -- Sealed (lib/secrets): an incoming-webhook URL is the credential that posts to it.
  "url" TEXT NOT NULL,
  "enabled" BOOLEAN NOT NULL DEFAULT true,
  -- Alert types this channel gets: job.failed, job.missed_callback, endpoint.verification_failures
  "triggers" TEXT[],
  -- A burst: more than burst_threshold failed verifications within burst_minutes.
  "burst_threshold" INTEGER NOT NULL DEFAULT 10,
  "burst_minutes" INTEGER NOT NULL DEFAULT 5,
  -- When the last burst alert fired; the channel gets the next one a window later.
  "burst_fired_at" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "alert_channels_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "alert_channels_endpoint_id_created_at_idx" ON "alert_channels" ("endpoint_id", "created_at");
ALTER TABLE "alert_channels" ADD CONSTRAINT "alert_channels_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "alerts" (
  "id" TEXT NOT NULL,
  "endpoint_id" TEXT NOT NULL,
  "channel_id" TEXT,
  -- job.failed | job.missed_callback | endpoint.verification_failures | test
  "type" TEXT NOT NULL,
  -- What makes two alerts the same message: "job.failed:<job id>", ...
  "dedupe_key" TEXT NOT NULL,
  "job_id" TEXT,
  "event_id" TEXT,
  -- The dashboard page the message links to (/jobs/<id>, /events/<id>); the origin is added when sending.
  "path" TEXT NOT NULL,
  -- Burst alerts: { threshold, minutes, reason }.
  "details" JSONB,
  -- pending (queued or waiting for a retry) | sent | failed | blocked | skipped
  "status" TEXT NOT NULL DEFAULT 'pending',
  "attempts" INTEGER NOT NULL DEFAULT 0,
  "response_status" INTEGER,
  "error" TEXT,
  "next_retry_at" TIMESTAMPTZ(3),
  "last_attempt_at" TIMESTAMPTZ(3),
  "sent_at" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "alerts_channel_id_dedupe_key_key" ON "alerts" ("channel_id", "dedupe_key");
CREATE INDEX "alerts_created_at_id_idx" ON "alerts" ("created_at" DESC, "id" DESC);
CREATE INDEX "alerts_endpoint_id_created_at_id_idx" ON "alerts" ("endpoint_id", "created_at" DESC, "id" DESC);
-- For the ON DELETE SET NULL of jobs and events (an endpoint's deletion removes many).
CREATE INDEX "alerts_job_id_idx" ON "alerts" ("job_id");
CREATE INDEX "alerts_event_id_idx" ON "alerts" ("event_id");
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "alert_channels"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The burst check counts an endpoint's recent failed deliveries. Partial: verified and
-- unsigned deliveries (nearly every row) stay out of it and cost ingest nothing.
CREATE INDEX "deliveries_failed_verification_idx" ON "deliveries" ("endpoint_id", "received_at") WHERE "verification" = 'failed';

-- One alert row per enabled channel of the endpoint that takes this type (or only
-- p_channel_id), each queued for sending; a dedupe key the channel had already is
-- skipped. Ids look like the app's (prefix + random, base64url).
CREATE FUNCTION "queue_alerts"(p_endpoint_id TEXT, p_type TEXT, p_dedupe_key TEXT, p_job_id TEXT, p_event_id TEXT, p_path TEXT, p_details JSONB, p_channel_id TEXT)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_alert_id TEXT;
BEGIN
  FOR v_alert_id IN
    INSERT INTO "alerts" ("id", "endpoint_id", "channel_id", "type", "dedupe_key", "job_id", "event_id", "path", "details")
    SELECT 'alr_' || rtrim(translate(encode(uuid_send(gen_random_uuid()), 'base64'), '+/', '-_'), '='),
           c."endpoint_id", c."id", p_type, p_dedupe_key, p_job_id, p_event_id, p_path, p_details
    FROM "alert_channels" c
    WHERE c."endpoint_id" = p_endpoint_id AND c."enabled" AND p_type = ANY (c."triggers")
      AND (p_channel_id IS NULL OR c."id" = p_channel_id)
    ON CONFLICT ("channel_id", "dedupe_key") DO NOTHING
    RETURNING "id"
  LOOP
    PERFORM graphile_worker.add_job('send_alert', json_build_object('alertId', v_alert_id, 'attempt', 1));
  END LOOP;
END
$$;

CREATE FUNCTION "alert_job_failed"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "queue_alerts"(NEW."endpoint_id", 'job.failed', 'job.failed:' || NEW."id", NEW."id", NULL, '/jobs/' || NEW."id", NULL, NULL);
  RETURN NULL;
END
$$;

CREATE FUNCTION "alert_job_missed_callback"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "queue_alerts"(NEW."endpoint_id", 'job.missed_callback', 'job.missed_callback:' || NEW."id", NEW."id", NULL, '/jobs/' || NEW."id", NULL, NULL);
  RETURN NULL;
END
$$;

-- A flood of forged callbacks (an attack) must stay cheap: a channel that fired is
-- skipped by the first read for the rest of its window, and a count stops at
-- threshold + 1 rows of the partial index.
CREATE FUNCTION "alert_verification_failures"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  v_channel RECORD;
  v_failures INTEGER;
BEGIN
  FOR v_channel IN
    SELECT c."id", c."burst_threshold", c."burst_minutes", make_interval(mins => c."burst_minutes") AS "span"
    FROM "alert_channels" c
    WHERE c."endpoint_id" = NEW."endpoint_id" AND c."enabled" AND 'endpoint.verification_failures' = ANY (c."triggers")
      AND (c."burst_fired_at" IS NULL OR c."burst_fired_at" <= NEW."received_at" - make_interval(mins => c."burst_minutes"))
  LOOP
    SELECT count(*) INTO v_failures FROM (
      SELECT 1 FROM "deliveries" d
      WHERE d."endpoint_id" = NEW."endpoint_id" AND d."verification" = 'failed' AND d."received_at" > NEW."received_at" - v_channel."span"
      LIMIT v_channel."burst_threshold" + 1
    ) AS recent;
    CONTINUE WHEN v_failures <= v_channel."burst_threshold";
    -- Claims the window: of concurrent deliveries that all counted enough, the first
    -- updates the row and the others find the condition false once it commits.
    UPDATE "alert_channels" SET "burst_fired_at" = NEW."received_at"
    WHERE "id" = v_channel."id" AND ("burst_fired_at" IS NULL OR "burst_fired_at" <= NEW."received_at" - v_channel."span");
    CONTINUE WHEN NOT FOUND;
    PERFORM "queue_alerts"(
      NEW."endpoint_id", 'endpoint.verification_failures',
      'endpoint.verification_failures:' || to_char(NEW."received_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      NULL, NEW."event_id", '/events/' || NEW."event_id",
      jsonb_build_object('threshold', v_channel."burst_threshold", 'minutes', v_channel."burst_minutes", 'reason', NEW."verification_reason"),
      v_channel."id");
  END LOOP;
  RETURN NULL;
END
$$;

-- The ingest statement upserts jobs (INSERT ... ON CONFLICT DO UPDATE SET state = ...):
-- a new failed job fires the first trigger, a job that becomes failed the second. A
-- failed job that gets its failure again is failed already and fires neither.
CREATE TRIGGER "jobs_alert_failed_insert" AFTER INSERT ON "jobs"
FOR EACH ROW WHEN (NEW."state" = 'failed') EXECUTE FUNCTION "alert_job_failed"();
CREATE TRIGGER "jobs_alert_failed_update" AFTER UPDATE OF "state" ON "jobs"
FOR EACH ROW WHEN (NEW."state" = 'failed' AND OLD."state" <> 'failed') EXECUTE FUNCTION "alert_job_failed"();
-- Polling (lib/polling) sets missed_callback_at when it finds a job finished without its callback.
CREATE TRIGGER "jobs_alert_missed_callback" AFTER UPDATE OF "missed_callback_at" ON "jobs"
FOR EACH ROW WHEN (OLD."missed_callback_at" IS NULL AND NEW."missed_callback_at" IS NOT NULL) EXECUTE FUNCTION "alert_job_missed_callback"();
CREATE TRIGGER "deliveries_alert_verification_failures" AFTER INSERT ON "deliveries"
FOR EACH ROW WHEN (NEW."verification" = 'failed') EXECUTE FUNCTION "alert_verification_failures"();
