// The queue worker: graphile-worker in its own process (scripts/worker-process.ts),
// for forwarding, replays, re-polling and alerts.
// It migrates its own schema (graphile_worker) on start, picks up jobs as they are
// queued (LISTEN/NOTIFY) and jobs that were waiting when the process last stopped,
// and finishes running jobs on stop. Several app processes share the queue safely.
import { EventEmitter } from "node:events";
import { Logger, run, type Task, type WorkerEvents } from "graphile-worker";
import { ALERT_TASK } from "@/lib/alerts/constants";
import { runAlertJob, type AlertJob } from "@/lib/alerts/send-alert";
import { getEnv } from "@/lib/env";
import { FORWARD_TASK, REPLAY_TASK, type ForwardJob, type ReplayJob } from "./queue";
import { runForwardJob, runReplayJob } from "./tasks";
import { POLL_TASK, SCAN_TASK } from "@/lib/polling/mutations";
import {
  runPollJob,
  runSchedulePolls,
  startPollScans,
  type PollJobPayload,
} from "@/lib/polling/tasks";
import { RETENTION_CRONTAB, RETENTION_TASK, runRetentionTask } from "@/lib/retention/tasks";

// Warnings and errors only: a line per job would drown the server's log.
const logger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning")
    console.error(`forwarding worker ${level}: ${message}`);
});

export type ForwardingWorker = { stop(): Promise<void> };

/** onWorkerId: the id under which each of graphile-worker's workers locks the jobs it runs. */
export async function startForwardingWorker(
  connectionString: string,
  onWorkerId: (id: string) => void = () => {},
): Promise<ForwardingWorker> {
  const taskList: Record<string, Task> = {
    [FORWARD_TASK]: (payload) => runForwardJob(payload as ForwardJob),
    [REPLAY_TASK]: (payload) => runReplayJob(payload as ReplayJob),
    [SCAN_TASK]: () => runSchedulePolls(),
    [POLL_TASK]: (payload) => runPollJob(payload as PollJobPayload),
    [ALERT_TASK]: (payload) => runAlertJob(payload as AlertJob),
    [RETENTION_TASK]: () => runRetentionTask(),
  };
  const events: WorkerEvents = new EventEmitter();
  events.on("worker:create", ({ worker }) => onWorkerId(worker.workerId));
  const runner = await run({
    events,
    connectionString,
    concurrency: getEnv().INBOX_FORWARD_CONCURRENCY,
    taskList,
    crontab: RETENTION_CRONTAB,
    logger,
    // scripts/worker-process.ts owns SIGINT/SIGTERM and stops the runner itself.
    noHandleSignals: true,
    // A safety net only: LISTEN/NOTIFY wakes the worker for new and due jobs.
    pollInterval: 2_000,
  });
  await startPollScans();
  return { stop: () => runner.stop() };
}
