// The job state machine: how far each state is along a job's life, and when a job
// adopts a state a callback or a poll reports. The database applies the same rule
// itself, as the SQL functions job_state_rank and job_adopts_state
// (prisma/migrations/20261123120000_init/migration.sql, redefined for `expected` in
// 20261203100100_expected_jobs), inside the single ingest
// statement (lib/ingest/mutations.ts) and the poll's update (lib/polling/mutations.ts),
// so races are settled under the row lock. This module is the rule in TypeScript, for
// code that reasons about states outside SQL; tests/integration/job-state-machine.test.ts
// holds the two against each other for every pair of states.
import type { JobState } from "@/lib/job-states/constants";

/**
 * Queued, then processing, then a terminal state (all terminal states share a rank).
 * "unknown" (a word no rule recognised) says nothing about progress: rank 0.
 * "expected" (registered, no callback yet: lib/jobs/mutations.ts) is below queued: rank 0.
 */
const RANKS: Readonly<Record<JobState, number>> = {
  expected: 0,
  unknown: 0,
  queued: 1,
  processing: 2,
  completed: 3,
  failed: 3,
  cancelled: 3,
};

/** The state's place in a job's life (SQL job_state_rank). */
export function jobStateRank(state: JobState): number {
  return RANKS[state];
}

/** A job's state with the provider's time of it (null when the provider stamped none). */
export type StampedState = { state: JobState; at: Date | null };

/**
 * Whether a job at `current` takes `next` (SQL job_adopts_state): when it moves forward,
 * or, at the same rank, when the provider stamped it later. So a late progress never
 * undoes a terminal state, and a terminal state is replaced only by another terminal
 * state stamped later. "unknown" is never adopted, except by an expected job, which any
 * callback moves on; nothing goes back to "expected". A missing time is never "later"
 * (SQL compares it as NULL).
 */
export function jobAdoptsState(current: StampedState, next: StampedState): boolean {
  if (current.state === "expected") return next.state !== "expected";
  if (next.state === "unknown" || next.state === "expected") return false;
  const [from, to] = [jobStateRank(current.state), jobStateRank(next.state)];
  if (to !== from) return to > from;
  return next.at !== null && current.at !== null && next.at.getTime() > current.at.getTime();
}
