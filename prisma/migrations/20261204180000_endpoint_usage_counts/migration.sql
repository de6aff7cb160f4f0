-- What each endpoint stores, counted by the queue every few minutes and after each
-- retention run (lib/usage). The Endpoints page reads these for its
-- big endpoints: exact counts cost about 140 ms per endpoint of 500,000 deliveries, so a
-- page of 20 such endpoints took 4 s at 10M deliveries. Small endpoints and the usage API
-- still count live.
CREATE TABLE "endpoint_usage_counts" (
    "endpoint_id" TEXT NOT NULL,
    "deliveries" BIGINT NOT NULL,
    "events" BIGINT NOT NULL,
    "jobs" BIGINT NOT NULL,
    "bytes" BIGINT NOT NULL,
    "oldest_delivery_at" TIMESTAMPTZ(3),
    "expiring_deliveries" BIGINT NOT NULL,
    "expiring_failed_deliveries" BIGINT NOT NULL,
    -- The retention windows the expiring counts were taken with (NULL: kept forever):
    -- after a change of an endpoint's window its counts are not used until recounted.
    "window_days" INTEGER,
    "failed_window_days" INTEGER,
    "counted_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "endpoint_usage_counts_pkey" PRIMARY KEY ("endpoint_id"),
    CONSTRAINT "endpoint_usage_counts_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
