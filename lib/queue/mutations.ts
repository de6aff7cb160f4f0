// Writes to the queue's own tables outside a task: releasing the jobs a worker that is
// gone had locked (scripts/worker-supervisor.ts), which graphile-worker would otherwise
// leave locked for 4 hours.
import { getPool } from "@/lib/db/client";

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
