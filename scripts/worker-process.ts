// The queue worker's own process (graphile-worker: forwards, replays, polls, alerts),
// forked by scripts/start.ts after the database is migrated and the server listens.
// Its own process because at a few hundred callbacks per second the web server and
// the worker each need most of a core, and Node gives a process one thread: together
// they queued each other's work for seconds.
//
//   argv: --origin <http://host:port>  where the web server listens (links in alerts)
//
// It stops on SIGTERM/SIGINT, and when the launcher goes away (the IPC channel
// closes: a killed launcher must not leave a worker behind), letting running jobs
// finish but never for longer than a forward may take.
import { parseArgs } from "node:util";
import { rememberListeningOrigin } from "@/lib/alerts/links";
import { runAlertJob } from "@/lib/alerts/send-alert";
import { runResealDeliveriesTask } from "@/lib/deliveries/tasks";
import { getPool } from "@/lib/db/client";
import { startPayloadIndexMerges } from "@/lib/events/payload-index-merges";
import { requireDatabaseUrl } from "@/lib/env";
import { relayWakesElsewhere } from "@/lib/forwarding/outbox-relay";
import { runForwardJob } from "@/lib/forwarding/tasks";
import { getLogger } from "@/lib/log/logger";
import { answerMetricsRequests } from "@/lib/metrics/ipc-collect";
import { startProcessMetrics } from "@/lib/metrics/registry";
import { runPollJob, runSchedulePolls, startPollScans } from "@/lib/polling/tasks";
import {
  ALERT_TASK,
  FORWARD_TASK,
  POLL_TASK,
  REPLAY_TASK,
  RESEAL_TASK,
  RETENTION_TASK,
  SCAN_TASK,
  USAGE_TASK,
  type TaskHandlers,
} from "@/lib/queue/tasks";
import { queueSingleJob } from "@/lib/queue/mutations";
import { startQueueWorker } from "@/lib/queue/worker";
import { runReplayJob } from "@/lib/replay/replay-task";
import { RETENTION_CRONTAB, runRetentionTask } from "@/lib/retention/tasks";
import { runUsageRecountTask, USAGE_CRONTAB } from "@/lib/usage/tasks";
import { ignoreClosedOutput } from "./ignore-closed-output";

/** A forward times out after 15 s; a stop that takes longer than this is stuck. */
const STOP_DEADLINE_MS = 20_000;

ignoreClosedOutput();
// The launcher's scrape (GET /api/metrics) asks for this process's counters over IPC.
startProcessMetrics("worker");
if (process.send) answerMetricsRequests();
const { values } = parseArgs({ options: { origin: { type: "string" } } });
if (values.origin) rememberListeningOrigin(values.origin);
// The outbox relay runs in the launcher: a poll that stores a missed callback wakes it there.
relayWakesElsewhere(() => {
  if (process.connected) process.send?.({ type: "outbox-wake" });
});

// Stopping is wired up before the worker has started: a launcher killed during the
// seconds a start takes fires 'disconnect' once, and nobody would hear it later.
// The launcher unlocks this worker's jobs if it dies mid-job (worker-supervisor.ts).
// Each task of the queue's task list registers its handler here, the one place that
// sees them all (lib/queue cannot import the domains that import it).
const handlers: TaskHandlers = {
  [FORWARD_TASK]: runForwardJob,
  [REPLAY_TASK]: runReplayJob,
  [SCAN_TASK]: runSchedulePolls,
  [POLL_TASK]: runPollJob,
  [ALERT_TASK]: runAlertJob,
  [RETENTION_TASK]: runRetentionTask,
  [USAGE_TASK]: runUsageRecountTask,
  [RESEAL_TASK]: runResealDeliveriesTask,
};
const started = startQueueWorker(requireDatabaseUrl(), handlers, {
  onWorkerId: (id) => {
    if (process.connected) process.send?.({ type: "worker-id", id });
  },
  // The poll scan keeps a planned run, else plans one now; the usage recount and the
  // reseal of delivery headers (a key rotated since the last start) run now.
  onStarted: async () => {
    await startPollScans();
    await queueSingleJob(USAGE_TASK, "preserve_run_at");
    await queueSingleJob(RESEAL_TASK, "preserve_run_at");
  },
  crontab: `${RETENTION_CRONTAB}\n${USAGE_CRONTAB}`,
});
// Off the ingest path: the search index's pending list (lib/events/payload-index-merges.ts).
const indexMerges = startPayloadIndexMerges();

let stopping = false;
function stop(reason: string): void {
  if (stopping) return;
  stopping = true;
  setTimeout(() => {
    getLogger().error(
      { reason, deadlineSeconds: STOP_DEADLINE_MS / 1000 },
      "queue worker: still stopping at its deadline; exiting",
    );
    // pino writes asynchronously: flush the line before the process ends.
    getLogger().flush(() => process.exit(1));
  }, STOP_DEADLINE_MS).unref();
  void started
    .then((worker) => Promise.all([worker.stop(), indexMerges.stop()]))
    .then(() => getPool().end())
    .then(
      () => process.exit(0),
      (error: unknown) => {
        getLogger().error({ err: error }, "queue worker did not stop cleanly");
        getLogger().flush(() => process.exit(1));
      },
    );
}

process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
process.on("disconnect", () => stop("the launcher is gone"));
// Or it went while this module's imports loaded, before anyone listened. (process.send
// exists only in a forked worker: run on its own, there is no launcher to lose.)
if (process.send && !process.connected) stop("the launcher is gone");

// A worker that cannot start exits with the error; the supervisor starts it again.
await started;
