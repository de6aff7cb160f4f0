-- A retry storm (many deliveries of one callback at once) no longer makes every delivery
-- update its event's row: that UPDATE's row lock is held until the commit's WAL flush, so
-- the deliveries of one event were stored one flush after another. How many deliveries
-- an event has and when the last one came are read from deliveries instead (the index
-- deliveries(event_id, received_at) answers both), and the ingest statement updates the
-- event only when a delivery changes it: a better verification, an earlier arrival, a
-- job found, or last_touched_at an hour behind.
ALTER TABLE "events" DROP COLUMN "delivery_count";
-- The newest delivery's arrival, to within an hour: what the retention run re-checks on
-- the newest row version, so an event that just got a callback is kept (its window is
-- at least a day).
ALTER TABLE "events" RENAME COLUMN "last_received_at" TO "last_touched_at";
