// Providers name the same few states with many words; this is the shared vocabulary
// behind presets whose docs don't pin one down, and behind configured state paths.
import type { JobState } from "@/lib/job-states/constants";

const wordStates: ReadonlyMap<string, JobState> = new Map([
  ...["completed", "complete", "done", "success", "succeeded", "finished"].map(
    (w) => [w, "completed"] as const,
  ),
  ...["failed", "failure", "error", "errored"].map((w) => [w, "failed"] as const),
  ...["cancelled", "canceled", "aborted"].map((w) => [w, "cancelled"] as const),
  ...["processing", "running", "in_progress", "started", "progress"].map(
    (w) => [w, "processing"] as const,
  ),
  ...["queued", "pending", "waiting", "scheduled", "created"].map((w) => [w, "queued"] as const),
]);

/** Longest word above; anything longer is not worth lower-casing. */
const MAX_WORD_CHARS = 16;

/**
 * The JobState a provider's state word stands for, or null for unknown words and
 * non-strings. Case-insensitive; "in-progress" and "in progress" read as in_progress.
 */
export function normalizeJobStateWord(word: unknown): JobState | null {
  if (typeof word !== "string") return null;
  const trimmed = word.trim();
  if (trimmed.length > MAX_WORD_CHARS) return null;
  return wordStates.get(trimmed.toLowerCase().replace(/[- ]/g, "_")) ?? null;
}
