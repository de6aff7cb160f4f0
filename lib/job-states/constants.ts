// The states a job can be in: the vocabulary that providers translate their words into,
// event filters and job lists use, and ingest advances. Below lib/jobs, lib/events and
// lib/providers, which all speak it (lib/jobs reads events and providers).
export const jobStates = [
  /** Registered through the API (lib/jobs/register.ts) and waiting for its first callback. */
  "expected",
  "queued",
  "processing",
  "completed",
  "failed",
  "cancelled",
  "unknown",
] as const;
export type JobState = (typeof jobStates)[number];

/** What a callback or a poll can report: `expected` is only ever set by registration. */
export const reportedJobStates = jobStates.filter((state) => state !== "expected");

export const terminalJobStates: readonly JobState[] = ["completed", "failed", "cancelled"];

export function isTerminalState(state: JobState): boolean {
  return terminalJobStates.includes(state);
}
