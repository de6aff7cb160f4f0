-- Per-endpoint rate limit (README "Security" > "Limits"): a token bucket per endpoint,
-- refilled at rate_limit_per_second up to twice that (the burst). Ingest
-- (lib/ingest/mutations.ts) takes a token just before the statement that stores the
-- callback, so every app process shares one bucket.
-- Existing endpoints get the default too: an ingest URL is public, and unlimited is a
-- choice (null) an admin makes for an endpoint, not the state it starts in.
-- AlterTable
ALTER TABLE "endpoints" ADD COLUMN "rate_limit_per_second" INTEGER DEFAULT 50;

-- UNLOGGED: a bucket is a few numbers that change on every callback. Not in the WAL,
-- taking a token commits without waiting for a WAL flush, so the bucket's row lock,
-- which orders an endpoint's concurrent callbacks, is held for microseconds. After a
-- crash the table is empty: every bucket starts full again, which is harmless.
-- CreateTable
CREATE UNLOGGED TABLE "endpoint_rate_buckets" (
    "endpoint_id" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "refilled_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "endpoint_rate_buckets_pkey" PRIMARY KEY ("endpoint_id")
);

-- AddForeignKey
ALTER TABLE "endpoint_rate_buckets" ADD CONSTRAINT "endpoint_rate_buckets_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;
