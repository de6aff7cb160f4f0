-- A third forward mode, "accepted": events whose signature checked out or that came
-- unsigned (an endpoint with no scheme: Clipzy, Descript), never ones that failed
-- verification. It becomes the default for new destinations, because with "verified"
-- a destination of a provider that cannot sign silently forwarded nothing.
-- Existing destinations keep the mode they were created with: a team's filter is not
-- changed behind its back (switch one with PATCH /api/endpoints/<id>/destinations/<id>
-- {"forward": "accepted"}).
ALTER TABLE "destinations" ALTER COLUMN "forward" SET DEFAULT 'accepted';

-- The ingest statement says on each outbox row whether its delivery was accepted
-- (verified or unsigned), so the relay can tell unsigned from failed for "accepted"
-- destinations. Rows queued before this column existed were read as not accepted;
-- no destination took "accepted" events then.
ALTER TABLE "forward_outbox" ADD COLUMN "accepted" BOOLEAN NOT NULL DEFAULT false;
