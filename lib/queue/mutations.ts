// Writes to the queue's own tables outside a task: releasing the jobs a worker that is
// gone had locked (scripts/worker-supervisor.ts), which graphile-worker would otherwise
// leave locked for 4 hours; queueing a job that runs once at a time (the usage recount
// here, not in lib/usage, because the retention run that asks for one is itself counted
// by lib/usage).
import { getPool } from "@/lib/db/client";
import type { TaskName, TaskPayloads } from "./tasks";

/** The tasks that take no payload: the only ones queueSingleJob can queue. */
type PayloadlessTask = {
  [K in TaskName]: unknown extends TaskPayloads[K] ? K : never;
}[TaskName];

/** The jobs these workers had taken become runnable again. */
export async function unlockJobsOfWorkers(workerIds: string[]): Promise<void> {
  await getPool().query("SELECT graphile_worker.force_unlock_workers($1::text[])", [workerIds]);
}

/** Every job lock left in the queue: for a database only this app uses, at start. */
export async function unlockAllJobs(): Promise<void> {
  await getPool().query(
    "SELECT graphile_worker.force_unlock_workers(ARRAY(SELECT DISTINCT locked_by FROM graphile_worker.jobs WHERE locked_by IS NOT NULL))",
  );
}

/**
 * Queues a task with no payload to run now, at most one queued across every process (its
 * name is its job key): "replace" moves a queued one to now, "preserve_run_at" keeps a
 * queued one where it is. The usage recount after a retention run removed rows; the
 * worker's start-up jobs.
 */
export async function queueSingleJob(
  task: PayloadlessTask,
  mode: "replace" | "preserve_run_at",
): Promise<void> {
  await getPool().query(
    "SELECT graphile_worker.add_job($1, '{}'::json, job_key := $1, job_key_mode := $2)",
    [task, mode],
  );
}
