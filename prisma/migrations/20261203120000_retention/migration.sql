-- Retention (lib/retention): how long an endpoint keeps its deliveries, and indexes that
-- let the hourly run delete old rows in small batches and the usage panel count what
-- is stored without reading the big tables' rows.

-- NULL: the global default (INBOX_RETENTION_DAYS); 0: keep forever; N: N days. One
-- column for three states, so the retention run reads the window with one CASE. The API
-- shows "default" / null (forever) / N, never 0 (lib/retention/policy.ts).
-- AlterTable
ALTER TABLE "endpoints" ADD COLUMN "retention_days" INTEGER;
ALTER TABLE "endpoints" ADD CONSTRAINT "endpoints_retention_days_check" CHECK ("retention_days" IS NULL OR ("retention_days" >= 0 AND "retention_days" <= 36500));

-- The per-endpoint delivery index carries each delivery's size: the usage panel's
-- count, bytes, oldest and "past the window" read only this index (index-only scan),
-- never the rows with their bodies. Same key as the index it replaces, so the inbox
-- and activity queries that used it use this one.
DROP INDEX "deliveries_endpoint_id_received_at_id_idx";
CREATE INDEX "deliveries_endpoint_usage_idx" ON "deliveries"("endpoint_id", "received_at" DESC, "id" DESC) INCLUDE ("size");

-- Old attempts and polls of records that stay (an event with a newer delivery, a job
-- with newer events) are found by age.
-- CreateIndex
CREATE INDEX "attempts_created_at_id_idx" ON "attempts"("created_at", "id");

-- Replaces polls(endpoint_id): same leading column.
DROP INDEX "polls_endpoint_id_idx";
CREATE INDEX "polls_endpoint_id_created_at_id_idx" ON "polls"("endpoint_id", "created_at", "id");
