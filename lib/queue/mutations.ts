// Writes to the queue's own tables outside a task: releasing the jobs a worker that is
// gone had locked (scripts/worker-supervisor.ts), which graphile-worker would otherwise
// leave locked for 4 hours; queueing the usage recount (here, not in lib/usage, because
// the retention run that asks for one is itself counted by lib/usage).
import { getPool } from "@/lib/db/client";
import { USAGE_TASK } from "./tasks";

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
 * Queues a usage recount (lib/usage) to run now, after a retention run removed rows or
 * when the worker starts. One at a time across every process (one job key): "replace"
 * moves a queued one to now, "preserve_run_at" keeps a queued one where it is.
 */
export async function queueUsageRecount(mode: "replace" | "preserve_run_at"): Promise<void> {
  await getPool().query(
    `SELECT graphile_worker.add_job('${USAGE_TASK}', '{}'::json, job_key := '${USAGE_TASK}', job_key_mode := $1)`,
    [mode],
  );
}
