-- Re-polling providers (lib/polling): per-endpoint status API settings, the polls we
-- made, missed-callback detection on jobs, and deliveries synthesized from a poll.

-- { baseUrl, pathTemplate, credentialHeader, credentialPrefix }; the credential itself
-- is sealed apart (lib/secrets) and never returned.
ALTER TABLE "endpoints"
  ADD COLUMN "polling" JSONB,
  ADD COLUMN "poll_credential" TEXT,
  ADD COLUMN "expect_terminal_minutes" INTEGER;

ALTER TABLE "jobs"
  ADD COLUMN "missed_callback_at" TIMESTAMPTZ(3),
  ADD COLUMN "last_polled_at" TIMESTAMPTZ(3),
  ADD COLUMN "next_poll_at" TIMESTAMPTZ(3),
  ADD COLUMN "poll_count" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "polls" (
  "id" TEXT NOT NULL,
  "job_id" TEXT NOT NULL,
  "endpoint_id" TEXT NOT NULL,
  "trigger" TEXT NOT NULL,
  "url" TEXT NOT NULL,
  "request_headers" JSONB NOT NULL,
  "response_status" INTEGER,
  "response_headers" JSONB,
  "response_body" BYTEA,
  "response_truncated" BOOLEAN NOT NULL DEFAULT false,
  "duration_ms" INTEGER,
  "outcome" TEXT NOT NULL,
  "error" TEXT,
  "payload" JSONB,
  "state" "job_state",
  "provider_timestamp" TIMESTAMPTZ(3),
  "output_url" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "polls_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "polls_job_id_created_at_id_idx" ON "polls" ("job_id", "created_at" DESC, "id" DESC);
CREATE INDEX "polls_endpoint_id_idx" ON "polls" ("endpoint_id");
ALTER TABLE "polls" ADD CONSTRAINT "polls_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "polls" ADD CONSTRAINT "polls_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A delivery we made up from a poll's answer (the provider finished a job but its
-- callback never came); null for every real callback.
ALTER TABLE "deliveries" ADD COLUMN "poll_id" TEXT;
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_poll_id_fkey" FOREIGN KEY ("poll_id") REFERENCES "polls"("id") ON DELETE SET NULL ON UPDATE CASCADE;
-- Partial: real callbacks (nearly every row) stay out of it, so ingest pays nothing.
CREATE INDEX "deliveries_poll_id_idx" ON "deliveries" ("poll_id") WHERE "poll_id" IS NOT NULL;

-- The scheduler's scan: unfinished jobs by when they are due. Finished jobs (most
-- rows) stay out of it.
CREATE INDEX "jobs_poll_due_idx" ON "jobs" ("next_poll_at", "first_seen_at") WHERE "state" IN ('queued', 'processing', 'unknown');
-- The Failed view lists flagged jobs next to failed ones.
CREATE INDEX "jobs_missed_callback_idx" ON "jobs" ("missed_callback_at" DESC, "id" DESC) WHERE "missed_callback_at" IS NOT NULL;
