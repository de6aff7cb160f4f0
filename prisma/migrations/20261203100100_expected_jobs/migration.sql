-- Expected jobs (issue 11): a team registers a job when it submits it to the provider
-- (POST /api/endpoints/<id>/jobs), so a job whose only callback was lost is still
-- known, and flagged overdue when it is not finished in time.

-- Who registered the job and when (null for jobs first seen in a callback), the
-- window it was given, and the caller's own label and metadata.
ALTER TABLE "jobs"
  ADD COLUMN "registered_at" TIMESTAMPTZ(3),
  ADD COLUMN "registered_by" TEXT,
  ADD COLUMN "registered_by_id" TEXT,
  ADD COLUMN "registered_via" TEXT,
  ADD COLUMN "label" TEXT,
  ADD COLUMN "metadata" JSONB,
  ADD COLUMN "expect_terminal_minutes" INTEGER,
  ADD COLUMN "overdue_at" TIMESTAMPTZ(3);

-- The endpoint's own "overdue after N minutes", used when its polling settings name
-- no expectation; null: only jobs registered with a window of their own (or the
-- 60-minute default for registered jobs) become overdue.
ALTER TABLE "endpoints" ADD COLUMN "overdue_after_minutes" INTEGER;

-- `expected` ranks below `queued`: any callback moves a job out of it, even one whose
-- state the preset cannot read (`unknown`, which otherwise never replaces a state).
CREATE OR REPLACE FUNCTION "job_state_rank"(state "job_state") RETURNS INTEGER LANGUAGE SQL IMMUTABLE AS $$
  SELECT CASE state
    WHEN 'expected' THEN 0
    WHEN 'queued' THEN 1
    WHEN 'processing' THEN 2
    WHEN 'completed' THEN 3
    WHEN 'failed' THEN 3
    WHEN 'cancelled' THEN 3
    ELSE 0
  END
$$;

CREATE OR REPLACE FUNCTION "job_adopts_state"(current_state "job_state", current_at TIMESTAMPTZ, next_state "job_state", next_at TIMESTAMPTZ)
RETURNS BOOLEAN LANGUAGE SQL IMMUTABLE AS $$
  SELECT (current_state = 'expected' AND next_state <> 'expected')
    OR (next_state NOT IN ('unknown', 'expected') AND (
      "job_state_rank"(next_state) > "job_state_rank"(current_state)
      OR ("job_state_rank"(next_state) = "job_state_rank"(current_state) AND next_at > current_at)
    ))
$$;

-- The poll scheduler's scan covers expected jobs too (their callback may be the one lost).
DROP INDEX "jobs_poll_due_idx";
CREATE INDEX "jobs_poll_due_idx" ON "jobs" ("next_poll_at", "first_seen_at") WHERE "state" IN ('expected', 'queued', 'processing', 'unknown');
-- The overdue scan: unfinished jobs not flagged yet, by their last sign of life.
CREATE INDEX "jobs_overdue_due_idx" ON "jobs" ("last_event_at") WHERE "state" IN ('expected', 'queued', 'processing', 'unknown') AND "overdue_at" IS NULL;
-- The Failed view lists flagged jobs.
CREATE INDEX "jobs_overdue_idx" ON "jobs" ("overdue_at" DESC, "id" DESC) WHERE "overdue_at" IS NOT NULL;

-- job.overdue alerts: one message per job and channel, queued in the transaction that
-- flags it (the overdue scan), like the other job alerts.
CREATE FUNCTION "alert_job_overdue"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "queue_alerts"(NEW."endpoint_id", 'job.overdue', 'job.overdue:' || NEW."id", NEW."id", NULL, '/jobs/' || NEW."id", NULL, NULL);
  RETURN NULL;
END
$$;

CREATE TRIGGER "jobs_alert_overdue" AFTER UPDATE OF "overdue_at" ON "jobs"
FOR EACH ROW WHEN (OLD."overdue_at" IS NULL AND NEW."overdue_at" IS NOT NULL) EXECUTE FUNCTION "alert_job_overdue"();
