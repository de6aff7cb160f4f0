// Runs scripts/worker-process.ts as a child of the launcher: restarted when it dies
// (with a growing pause, so a worker that cannot start does not spin), stopped with
// the app. The IPC channel is what lets the child notice a launcher that was killed,
// what tells the launcher the ids its workers lock jobs under (a job that a dead
// worker held would otherwise wait for graphile-worker's 4-hour lock timeout), and
// what a metrics scrape gathers the worker's counters over (lib/metrics/ipc-collect.ts).
import { fork, type ChildProcess } from "node:child_process";
import { getLogger } from "@/lib/log/logger";
import { adoptMetricsChild } from "@/lib/metrics/ipc-collect";
import { unlockAllJobs, unlockJobsOfWorkers } from "@/lib/queue/mutations";
import { entryBeside } from "./entry-beside";
import { restartPacing } from "./restart-pacing";

const WORKER_SCRIPT = entryBeside(import.meta, "worker-process");
/** Past the worker's own stop deadline (20 s): then it is killed. */
const KILL_AFTER_MS = 25_000;

export type WorkerSupervisor = { stop(): Promise<void> };

/** Jobs the dead process had taken become runnable again (they record what went out already). */
async function unlockJobsOf(workerIds: string[]): Promise<void> {
  await unlockJobsOfWorkers(workerIds).catch((error: unknown) =>
    getLogger().error(
      { err: error, workerIds },
      "could not release the jobs of the stopped queue worker (graphile-worker frees them after 4 hours)",
    ),
  );
}

/**
 * Every job lock left in the queue, for a database only this app uses (the embedded
 * one, whose data directory one server at a time can own): whatever is locked at start
 * was taken by a worker of an earlier run that did not finish it (the database was
 * stopped under it, or the machine went down).
 */
export async function releaseAbandonedJobs(): Promise<void> {
  await unlockAllJobs();
}

export function superviseWorker(options: {
  origin: string;
  /** A job stored a forward into the outbox (a poll that found a missed callback). */
  onOutboxWake: () => void;
}): WorkerSupervisor {
  let child: ChildProcess | undefined;
  let stopping = false;
  const pacing = restartPacing();
  let restartTimer: NodeJS.Timeout | undefined;
  let released: Promise<void> = Promise.resolve();

  const start = () => {
    const startedAt = Date.now();
    // The launcher's own loader flags carry over: under `npm run dev` (tsx) the child
    // runs TypeScript too; under `npm start` both are plain compiled JavaScript.
    const current = fork(WORKER_SCRIPT, ["--origin", options.origin], { stdio: "inherit" });
    const workerIds: string[] = [];
    child = current;
    // Its forwards, polls and alerts are counted there; a scrape here includes them.
    adoptMetricsChild(current);
    current.on("message", (message: { type?: string; id?: unknown }) => {
      if (message.type === "worker-id" && typeof message.id === "string")
        workerIds.push(message.id);
      else if (message.type === "outbox-wake") options.onOutboxWake();
    });
    current.on("exit", (code, signal) => {
      if (child === current) child = undefined;
      // A worker that stopped cleanly (exit 0) released its jobs itself; one that was
      // killed or gave up at its stop deadline may still hold some.
      if (code !== 0 && workerIds.length) released = unlockJobsOf(workerIds);
      if (stopping) return;
      const pause = pacing.pauseAfter(startedAt);
      getLogger().error(
        { exitCode: code, signal, restartInSeconds: pause / 1000 },
        "queue worker exited; starting it again",
      );
      restartTimer = setTimeout(start, pause);
    });
  };
  start();

  return {
    async stop() {
      stopping = true;
      clearTimeout(restartTimer);
      const current = child;
      if (current && current.exitCode === null && current.signalCode === null) {
        const exited = new Promise<void>((resolve) => current.once("exit", () => resolve()));
        current.kill("SIGTERM");
        const killer = setTimeout(() => current.kill("SIGKILL"), KILL_AFTER_MS);
        await exited;
        clearTimeout(killer);
      }
      // Before the database may stop.
      await released;
    },
  };
}
