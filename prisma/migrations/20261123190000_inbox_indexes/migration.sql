-- Inbox filters on a large table: newest-first pages filtered by verification outcome
-- or event type. Without these, a rare value (a few failed signatures among a million
-- events) or a type that matches nothing makes Postgres walk the whole
-- events(first_received_at, id) index; with them it reads one page's worth.

-- CreateIndex
CREATE INDEX "events_verification_first_received_at_id_idx" ON "events"("verification", "first_received_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "events_type_first_received_at_id_idx" ON "events"("type", "first_received_at" DESC, "id" DESC);
