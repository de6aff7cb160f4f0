// The queue's task list: every graphile-worker task this app queues, by name, with the
// payload it carries. Jobs are queued in SQL (graphile_worker.add_job) by the statement
// that has the reason to queue them: the outbox relay (forwarding/mutations.ts), a failed
// attempt's retry (attempts/mutations.ts), a bulk replay (replay/mutations.ts), the poll
// scan (polling/mutations.ts) and the alert triggers of the alerts migration. They run in
// the worker (worker.ts), which takes one handler per task: TaskHandlers makes a task
// without a handler a type error.
import type { ReplayTargetInput } from "@/lib/replay/target";

/** One automatic forward of an event to a destination, retried on our own schedule. */
export const FORWARD_TASK = "forward_event";
/** One event of a bulk replay, sent once. */
export const REPLAY_TASK = "replay_event";
/** Finds the jobs due for a poll and queues one poll_job each, then queues itself again. */
export const SCAN_TASK = "schedule_polls";
/** One scheduled poll of a job's status URL. */
export const POLL_TASK = "poll_job";
/**
 * One alert message. Also queued by the SQL triggers of the alerts migration
 * (prisma/migrations/20261123235000_alerts), which spell "send_alert": change them together.
 */
export const ALERT_TASK = "send_alert";

/** The hourly retention run (lib/retention), queued by the worker's crontab (worker.ts). */
export const RETENTION_TASK = "retention_run";
/** Counts what each endpoint stores for the Endpoints page (lib/usage), every few minutes. */
export const USAGE_TASK = "recount_usage";
/** Seals stored deliveries' credential headers with the current key (lib/deliveries), after a start. */
export const RESEAL_TASK = "reseal_deliveries";

export type ForwardJob = { eventId: string; destinationId: string; attempt: number };
export type ReplayJob = {
  eventId: string;
  batchId: string;
  destinationId: string | null;
  url: string | null;
  resign: ReplayTargetInput["resign"];
};
export type PollJob = { jobId: string };
export type AlertJob = { alertId: string; attempt: number };

export type TaskPayloads = {
  [FORWARD_TASK]: ForwardJob;
  [REPLAY_TASK]: ReplayJob;
  [SCAN_TASK]: unknown;
  [POLL_TASK]: PollJob;
  [ALERT_TASK]: AlertJob;
  [RETENTION_TASK]: unknown;
  [USAGE_TASK]: unknown;
  [RESEAL_TASK]: unknown;
};
export type TaskName = keyof TaskPayloads;
export type TaskHandlers = { [K in TaskName]: (payload: TaskPayloads[K]) => Promise<void> };

/** One job at a time per event and destination: a duplicate callback does not forward twice. */
export const forwardJobKey = (eventId: string, destinationId: string) =>
  `forward:${eventId}:${destinationId}`;

// A Record, so that a task added above and forgotten here does not compile.
const TASKS: Record<TaskName, true> = {
  [FORWARD_TASK]: true,
  [REPLAY_TASK]: true,
  [SCAN_TASK]: true,
  [POLL_TASK]: true,
  [ALERT_TASK]: true,
  [RETENTION_TASK]: true,
  [USAGE_TASK]: true,
  [RESEAL_TASK]: true,
};
/** Every task name (the metrics report each, with zeros when it has no jobs). */
export const TASK_NAMES = Object.keys(TASKS) as TaskName[];
