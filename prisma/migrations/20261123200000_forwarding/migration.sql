-- Forwarding and replay: destinations an endpoint's events are forwarded to, one
-- attempt row per outbound request (automatic, manual or bulk), and bulk replay
-- batches. The queue itself lives in graphile-worker's own schema (graphile_worker),
-- migrated by the worker at start.

-- CreateTable
CREATE TABLE "destinations" (
    "id" TEXT NOT NULL,
    "endpoint_id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "signing_secret" TEXT,
    "resign" TEXT NOT NULL DEFAULT 'none',
    "forward" TEXT NOT NULL DEFAULT 'verified',
    "disabled_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "destinations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "replay_batches" (
    "id" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "replay_batches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attempts" (
    "id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "delivery_id" TEXT NOT NULL,
    "destination_id" TEXT,
    "batch_id" TEXT,
    "url" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "request_headers" JSONB NOT NULL,
    "body_sha256" TEXT NOT NULL,
    "response_status" INTEGER,
    "response_headers" JSONB,
    "response_body" BYTEA,
    "response_truncated" BOOLEAN NOT NULL DEFAULT false,
    "duration_ms" INTEGER,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "attempt_number" INTEGER NOT NULL,
    "trigger" TEXT NOT NULL,
    "idempotency_scope" TEXT,
    "idempotency_key" TEXT,
    "next_retry_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attempts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "destinations_endpoint_id_created_at_idx" ON "destinations"("endpoint_id", "created_at");

-- CreateIndex
CREATE INDEX "attempts_event_id_created_at_id_idx" ON "attempts"("event_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "attempts_destination_id_created_at_id_idx" ON "attempts"("destination_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "attempts_batch_id_idx" ON "attempts"("batch_id");

-- CreateIndex
CREATE UNIQUE INDEX "attempts_idempotency_scope_idempotency_key_key" ON "attempts"("idempotency_scope", "idempotency_key");

-- AddForeignKey
ALTER TABLE "destinations" ADD CONSTRAINT "destinations_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attempts" ADD CONSTRAINT "attempts_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attempts" ADD CONSTRAINT "attempts_destination_id_fkey" FOREIGN KEY ("destination_id") REFERENCES "destinations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attempts" ADD CONSTRAINT "attempts_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "replay_batches"("id") ON DELETE SET NULL ON UPDATE CASCADE;
