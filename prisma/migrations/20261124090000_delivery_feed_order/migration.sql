-- The delivery stream (GET /api/endpoints/<id>/deliveries/stream) resumes from the last
-- delivery a client saw. Deliveries commit out of received_at order under concurrency,
-- so a (received_at, id) cursor can step over one that commits late. Each delivery
-- records the transaction that stored it; the stream reads only deliveries whose
-- transaction is older than every transaction still running (the snapshot's xmin), so
-- everything at or below its cursor is final and nothing can appear behind it later.
-- Stored as bigint (the 64-bit, epoch-extended xid8 never wraps and fits for ages).

-- Existing rows get 0 ("before the stream existed") without rewriting the table; new
-- rows get the id of the transaction that inserts them.
-- AlterTable
ALTER TABLE "deliveries" ADD COLUMN "xact_id" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "deliveries" ALTER COLUMN "xact_id" SET DEFAULT (pg_current_xact_id())::text::bigint;

-- CreateIndex
CREATE INDEX "deliveries_endpoint_id_xact_id_id_idx" ON "deliveries"("endpoint_id", "xact_id", "id");
