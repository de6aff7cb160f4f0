-- Bulk replays from the dashboard and the API: an Idempotency-Key per caller, so a
-- double click or a retried request answers the batch it started instead of queueing
-- every event again (the unique index settles two requests at the same moment), and
-- the request itself (filter, target, re-signing), so the batch's page can say what it
-- replays and a key reused for another request can be told apart.

-- AlterTable
ALTER TABLE "replay_batches" ADD COLUMN "request" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN "idempotency_scope" TEXT,
ADD COLUMN "idempotency_key" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "replay_batches_idempotency_scope_idempotency_key_key" ON "replay_batches"("idempotency_scope", "idempotency_key");

-- A batch's page lists its attempts newest first, in keyset pages; the same index
-- counts them by batch for the progress.
-- DropIndex
DROP INDEX "attempts_batch_id_idx";

-- CreateIndex
CREATE INDEX "attempts_batch_id_created_at_id_idx" ON "attempts"("batch_id", "created_at" DESC, "id" DESC);
