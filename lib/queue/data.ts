// Reads of the queue's own tables (graphile-worker's public jobs view) for the metrics
// scrape: how many jobs wait per task and how long the oldest due one has waited.
import { getPool } from "@/lib/db/client";
import { isUndefinedTable } from "@/lib/db/errors";
import { TASK_NAMES } from "./tasks";

export type QueueDepth = {
  task: string;
  /** Runnable now and not taken: the backlog. */
  due: number;
  /** Planned for later (retries, the next poll scan). */
  scheduled: number;
  /** Taken by a worker. */
  running: number;
  /** Out of graphile-worker attempts: never run again on their own. */
  failed: number;
  /** Seconds the oldest due job has waited past its run time; 0 when none is due. */
  oldestDueSeconds: number;
};

const QUEUE_DEPTH = `
  SELECT task_identifier AS task,
         count(*) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts AND run_at <= now())::int AS due,
         count(*) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts AND run_at > now())::int AS scheduled,
         count(*) FILTER (WHERE locked_at IS NOT NULL)::int AS running,
         count(*) FILTER (WHERE locked_at IS NULL AND attempts >= max_attempts)::int AS failed,
         COALESCE(EXTRACT(EPOCH FROM now() - min(run_at) FILTER (
           WHERE locked_at IS NULL AND attempts < max_attempts AND run_at <= now())), 0)::float8 AS oldest_due_seconds
  FROM graphile_worker.jobs
  GROUP BY task_identifier`;

const idle = (task: string): QueueDepth => ({
  task,
  due: 0,
  scheduled: 0,
  running: 0,
  failed: 0,
  oldestDueSeconds: 0,
});

/** Every task of ours (zeros when it has no jobs), and any other task that has jobs. */
export async function readQueueDepth(): Promise<QueueDepth[]> {
  const byTask = new Map(TASK_NAMES.map((task) => [task as string, idle(task)]));
  try {
    const { rows } = await getPool().query<{
      task: string;
      due: number;
      scheduled: number;
      running: number;
      failed: number;
      oldest_due_seconds: number;
    }>(QUEUE_DEPTH);
    for (const { oldest_due_seconds, ...row } of rows)
      byTask.set(row.task, { ...row, oldestDueSeconds: oldest_due_seconds });
  } catch (error) {
    // No worker has created the queue's schema yet: nothing is queued.
    if (!isUndefinedTable(error)) throw error;
  }
  return [...byTask.values()];
}
