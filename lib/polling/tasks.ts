// The queue's polling tasks (lib/queue/tasks.ts; run by lib/queue/worker.ts).
// schedule_polls: flags overdue jobs (lib/jobs/mutations.ts), finds unfinished jobs that
// are due and queues one poll_job each,
// then queues itself again (a queued job, not a timer: it survives restarts and runs
// once across several app processes). poll_job: one scheduled poll.
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/http/app-error";
import { isTerminalState } from "@/lib/job-states/constants";
import { flagOverdueJobs } from "@/lib/jobs/mutations";
import type { PollJob } from "@/lib/queue/tasks";
import { loadPollContext } from "./data";
import { enqueueDuePolls, scheduleNextScan } from "./mutations";
import { pollJob } from "./poll-job";

const SCAN_BATCH = 200;

export async function runSchedulePolls(): Promise<void> {
  try {
    // A full batch means more are due: look again at once instead of after the interval.
    // Overdue first, so a job flagged now is polled by this same scan.
    await flagOverdueJobs(SCAN_BATCH);
    const queued = await enqueueDuePolls(SCAN_BATCH);
    await scheduleNextScan(
      queued === SCAN_BATCH ? 0 : getEnv().INBOX_POLL_SCAN_SECONDS * 1000,
      "replace",
    );
  } catch (error) {
    await scheduleNextScan(getEnv().INBOX_POLL_SCAN_SECONDS * 1000, "replace");
    throw error;
  }
}

/** Called when the worker starts: keeps a scan already planned, else plans one now. */
export function startPollScans(): Promise<void> {
  return scheduleNextScan(0, "preserve_run_at");
}

export async function runPollJob({ jobId }: PollJob): Promise<void> {
  // Between queueing and now a callback may have finished the job, or polling was
  // switched off, or the job was deleted: then there is nothing to ask.
  const context = await loadPollContext(jobId).catch((error: unknown) =>
    error instanceof AppError ? null : Promise.reject(error),
  );
  if (!context || isTerminalState(context.job.state)) return;
  const { job, endpoint } = context;
  // Scheduled polls: where the endpoint or the job's registration expects an end, or the
  // job was flagged overdue (issue 11: an expected job whose only callback was lost).
  if (
    endpoint.expectTerminalMinutes === null &&
    job.expectTerminalMinutes === null &&
    !job.isOverdue
  )
    return;
  await pollJob(jobId, "scheduled");
}
