-- Forwarding is decided in the ingest statement itself: when the endpoint has an
-- enabled destination, the statement that stores the delivery also writes an outbox
-- row, so a crash after the commit can no longer lose the forward. The queue worker
-- moves outbox rows into graphile-worker in batches (lib/forwarding/outbox-relay.ts).
--
-- Why not graphile_worker.add_job in the ingest statement: add_job sends a NOTIFY, and
-- Postgres serialises the commits of notifying transactions (one global lock), which
-- capped concurrent ingest at about 200/s. A plain insert here, and one notifying
-- transaction per batch in the relay, keep ingest at full speed.
--
-- No foreign keys: the row lives for milliseconds and the forward task already copes
-- with an event or destination deleted in between; FK checks would cost every ingest.
-- CreateTable
CREATE TABLE "forward_outbox" (
    "id" BIGSERIAL NOT NULL,
    "event_id" TEXT NOT NULL,
    "endpoint_id" TEXT NOT NULL,
    "is_new_event" BOOLEAN NOT NULL,
    "verified" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "forward_outbox_pkey" PRIMARY KEY ("id")
);

-- "Did this automatic forward go out already?" runs before every forward. Without an
-- index it scanned the event's attempts (drifting from 0.1 to over 1 ms per job as
-- attempts grew); only automatic attempts are ever asked about.
CREATE INDEX "attempts_auto_sent_idx" ON "attempts"("event_id", "destination_id", "attempt_number") WHERE "trigger" = 'auto';

-- The ingest path's endpoint cache no longer knows whether an endpoint forwards (the
-- statement above decides it from the destinations table, never stale), so a change
-- of destinations no longer needs to reach the cache.
DROP TRIGGER "destinations_notify_changed" ON "destinations";
DROP FUNCTION "notify_destination_changed"();
