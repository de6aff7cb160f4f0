-- A poll that finds a job failed without its callback both fails the job and flags the
-- missed callback, in one transaction: a channel taking both triggers got two messages
-- about one broken job. When the job is failed, the missed-callback alert now shares
-- the failed alert's dedupe key, so such a channel gets one message (the job.failed one,
-- queued first; its link opens the job page, which shows the missed callback). A
-- channel that takes only job.missed_callback still gets it.
CREATE OR REPLACE FUNCTION "alert_job_missed_callback"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "queue_alerts"(NEW."endpoint_id", 'job.missed_callback',
    CASE WHEN NEW."state" = 'failed' THEN 'job.failed:' ELSE 'job.missed_callback:' END || NEW."id",
    NEW."id", NULL, '/jobs/' || NEW."id", NULL, NULL);
  RETURN NULL;
END
$$;
