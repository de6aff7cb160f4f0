-- CreateEnum
CREATE TYPE "verification" AS ENUM ('verified', 'failed', 'unsigned');

-- CreateEnum
CREATE TYPE "job_state" AS ENUM ('queued', 'processing', 'completed', 'failed', 'cancelled', 'unknown');

-- CreateTable
CREATE TABLE "endpoints" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "verification" JSONB NOT NULL,
    "extraction" JSONB,
    "secrets" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "body_limit_bytes" INTEGER NOT NULL DEFAULT 10485760,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archived_at" TIMESTAMPTZ(3),

    CONSTRAINT "endpoints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "jobs" (
    "id" TEXT NOT NULL,
    "endpoint_id" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "state" "job_state" NOT NULL,
    "state_at" TIMESTAMPTZ(3),
    "output_url" TEXT,
    "error" TEXT,
    "details" JSONB,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_event_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "events" (
    "id" TEXT NOT NULL,
    "endpoint_id" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "job_id" TEXT,
    "external_job_id" TEXT,
    "type" TEXT,
    "state" "job_state",
    "provider_timestamp" TIMESTAMPTZ(3),
    "verification" "verification" NOT NULL,
    "payload" JSONB,
    "payload_delivery_id" TEXT NOT NULL,
    "delivery_count" INTEGER NOT NULL DEFAULT 1,
    "first_received_at" TIMESTAMPTZ(3) NOT NULL,
    "last_received_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deliveries" (
    "id" TEXT NOT NULL,
    "endpoint_id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "headers" JSONB NOT NULL,
    "body" BYTEA NOT NULL,
    "size" INTEGER NOT NULL,
    "body_sha256" TEXT NOT NULL,
    "source_ip" TEXT,
    "verification" "verification" NOT NULL,
    "verification_reason" TEXT,
    "response_status" INTEGER NOT NULL,

    CONSTRAINT "deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "endpoints_key_key" ON "endpoints"("key");

-- CreateIndex
CREATE INDEX "jobs_first_seen_at_id_idx" ON "jobs"("first_seen_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "jobs_endpoint_id_first_seen_at_id_idx" ON "jobs"("endpoint_id", "first_seen_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "jobs_state_first_seen_at_id_idx" ON "jobs"("state", "first_seen_at" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "jobs_endpoint_id_external_id_key" ON "jobs"("endpoint_id", "external_id");

-- CreateIndex
CREATE INDEX "events_first_received_at_id_idx" ON "events"("first_received_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "events_endpoint_id_first_received_at_id_idx" ON "events"("endpoint_id", "first_received_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "events_job_id_idx" ON "events"("job_id");

-- CreateIndex
CREATE UNIQUE INDEX "events_endpoint_id_dedupe_key_key" ON "events"("endpoint_id", "dedupe_key");

-- CreateIndex
CREATE INDEX "deliveries_event_id_received_at_idx" ON "deliveries"("event_id", "received_at");

-- CreateIndex
CREATE INDEX "deliveries_endpoint_id_received_at_id_idx" ON "deliveries"("endpoint_id", "received_at" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "events" ADD CONSTRAINT "events_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "events" ADD CONSTRAINT "events_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Ingest rules kept in the database so the single ingest statement can apply them
-- under the row lock that ON CONFLICT takes (races settled by Postgres, not by Node).

CREATE FUNCTION "job_state_rank"(state "job_state") RETURNS INTEGER LANGUAGE SQL IMMUTABLE AS $$
  SELECT CASE state
    WHEN 'queued' THEN 1
    WHEN 'processing' THEN 2
    WHEN 'completed' THEN 3
    WHEN 'failed' THEN 3
    WHEN 'cancelled' THEN 3
    ELSE 0
  END
$$;

-- An event's payload comes from its most trustworthy delivery: a verified delivery
-- replaces an unsigned or failed one, never the other way round.
CREATE FUNCTION "verification_rank"(v "verification") RETURNS INTEGER LANGUAGE SQL IMMUTABLE AS $$
  SELECT CASE v WHEN 'verified' THEN 2 WHEN 'unsigned' THEN 1 ELSE 0 END
$$;

-- A job adopts an incoming state when it moves forward (queued < processing <
-- terminal), or, at the same rank, when the provider timestamp is newer. So a late
-- progress never undoes a terminal state, and a terminal state is replaced only by
-- another terminal state the provider stamped later.
CREATE FUNCTION "job_adopts_state"(current_state "job_state", current_at TIMESTAMPTZ, next_state "job_state", next_at TIMESTAMPTZ)
RETURNS BOOLEAN LANGUAGE SQL IMMUTABLE AS $$
  SELECT next_state <> 'unknown' AND (
    "job_state_rank"(next_state) > "job_state_rank"(current_state)
    OR ("job_state_rank"(next_state) = "job_state_rank"(current_state) AND next_at > current_at)
  )
$$;

-- Every process caches endpoints by key for the ingest path; this tells them when an
-- endpoint changed or went away, whoever changed it (API, SQL console, migration).
CREATE FUNCTION "notify_endpoint_changed"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('inbox_endpoint_changed', OLD."key");
  RETURN NULL;
END
$$;

CREATE TRIGGER "endpoints_notify_changed" AFTER UPDATE OR DELETE ON "endpoints"
FOR EACH ROW EXECUTE FUNCTION "notify_endpoint_changed"();
