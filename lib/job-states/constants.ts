// The states a job can be in: the vocabulary that providers translate their words into,
// event filters and job lists use, and ingest advances. Below lib/jobs, lib/events and
// lib/providers, which all speak it (lib/jobs reads events and providers).
export const jobStates = [
  "queued",
  "processing",
  "completed",
  "failed",
  "cancelled",
  "unknown",
] as const;
export type JobState = (typeof jobStates)[number];

export const terminalJobStates: readonly JobState[] = ["completed", "failed", "cancelled"];

export function isTerminalState(state: JobState): boolean {
  return terminalJobStates.includes(state);
}
