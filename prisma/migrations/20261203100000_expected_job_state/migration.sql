-- A job registered through the API before its first callback (issue 11: "expected
-- jobs") is `expected`: below `queued` in the forward-only order. A migration of its
-- own because a new enum value cannot be used in the transaction that adds it; the
-- next migration (20261203100100_expected_jobs) uses it.
ALTER TYPE "job_state" ADD VALUE IF NOT EXISTS 'expected' BEFORE 'queued';
