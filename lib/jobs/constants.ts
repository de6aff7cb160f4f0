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
