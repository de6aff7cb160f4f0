// The queue worker: graphile-worker in its own process (scripts/worker-process.ts), which
// hands it one handler per task of the task list (tasks.ts): forwards, replays, poll
// scans, polls and alerts. It migrates its own schema (graphile_worker) on start, picks
// up jobs as they are queued (LISTEN/NOTIFY) and jobs that were waiting when the process
// last stopped, and finishes running jobs on stop. Several app processes share the queue
// safely.
import { EventEmitter } from "node:events";
import { Logger, run, type Task, type WorkerEvents } from "graphile-worker";
import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/log/logger";
import type { TaskHandlers } from "./tasks";

// Warnings and errors only: a line per job would drown the server's log.
// graphile-worker hands its error objects over in `meta` (e.g. { error }): kept as `err`
// so the line carries the stack.
const logger = new Logger((scope) => (level, message, meta) => {
  if (level !== "error" && level !== "warning") return;
  const error = (meta as { error?: unknown } | undefined)?.error;
  getLogger()[level === "error" ? "error" : "warn"](
    {
      scope: { label: scope.label, taskIdentifier: scope.taskIdentifier, jobId: scope.jobId },
      ...(error ? { err: error } : {}),
    },
    `queue worker: ${message}`,
  );
});

export type QueueWorker = { stop(): Promise<void> };

export type QueueWorkerOptions = {
  /** The id under which each of graphile-worker's workers locks the jobs it runs. */
  onWorkerId?: (id: string) => void;
  /** Runs once the runner is up (the poll scan plans its first run). */
  onStarted?: () => Promise<void>;
  /** graphile-worker crontab lines (the hourly retention run, the usage recount). */
  crontab?: string;
};

export async function startQueueWorker(
  connectionString: string,
  handlers: TaskHandlers,
  { onWorkerId = () => {}, onStarted = async () => {}, crontab }: QueueWorkerOptions = {},
): Promise<QueueWorker> {
  // The payloads are ours (queued by our own SQL), so each is the type its task names.
  const taskList: Record<string, Task> = Object.fromEntries(
    Object.entries(handlers).map(([name, handler]): [string, Task] => [
      name,
      (payload) => (handler as (payload: unknown) => Promise<void>)(payload),
    ]),
  );
  const events: WorkerEvents = new EventEmitter();
  events.on("worker:create", ({ worker }) => onWorkerId(worker.workerId));
  const runner = await run({
    events,
    connectionString,
    concurrency: getEnv().INBOX_FORWARD_CONCURRENCY,
    taskList,
    crontab,
    logger,
    // scripts/worker-process.ts owns SIGINT/SIGTERM and stops the runner itself.
    noHandleSignals: true,
    // A safety net only: LISTEN/NOTIFY wakes the worker for new and due jobs.
    pollInterval: 2_000,
  });
  await onStarted();
  return { stop: () => runner.stop() };
}
