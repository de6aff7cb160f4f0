// Runs INBOX_WEB_PROCESSES web processes (scripts/web-process.ts) with node:cluster, all
// serving one port: this process (the launcher) owns the listening socket and hands
// each new connection to the next web process in turn. One that dies is started again
// (with a growing pause, so one that cannot start does not spin); one that dies before
// the app first got ready fails the start instead, with its output on the terminal.
import cluster, { type Worker } from "node:cluster";
import { getLogger } from "@/lib/log/logger";
import { adoptMetricsChild } from "@/lib/metrics/ipc-collect";
import { entryBeside } from "./entry-beside";
import { restartPacing } from "./restart-pacing";

/** What a web process tells the launcher. */
export type WebProcessMessage = { type: "ready"; port: number } | { type: "outbox-wake" };

const WEB_SCRIPT = entryBeside(import.meta, "web-process");
/**
 * V8 lets a process's old generation grow to several times what the last full collection
 * kept alive, choosing the factor as it goes; under sustained ingest a web process kept
 * growing it long after the live objects stopped growing. A fixed growth of once the live
 * size keeps the web process near what it really uses for a few more full collections
 * (README, "Processes and memory": the peak under load, and the garbage collection time per
 * request, with and without it). Relative, not a ceiling (--max-old-space-size): a burst of
 * large bodies still gets the memory it needs instead of ending the process.
 */
const WEB_V8_FLAGS = ["--heap-growing-percent=100"];
/** Past a web process's own stop deadline (5 s of draining): then it is killed. */
const KILL_AFTER_MS = 8_000;

export type WebProcesses = {
  /** Every web process answers: resolves with the port they share. */
  ready: Promise<number>;
  stop(): Promise<void>;
};

export function runWebProcesses(options: {
  count: number;
  args: string[];
  /** A web process stored a forward into the outbox (lib/forwarding/outbox-relay.ts). */
  onOutboxWake: () => void;
}): WebProcesses {
  cluster.setupPrimary({
    exec: WEB_SCRIPT,
    args: options.args,
    execArgv: [...process.execArgv, ...WEB_V8_FLAGS],
  });
  let stopping = false;
  let started = false;
  const live = new Set<Worker>();
  const restartTimers = new Set<NodeJS.Timeout>();
  let resolveReady: (port: number) => void = () => {};
  let rejectReady: (error: Error) => void = () => {};
  const ready = new Promise<number>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  let readyCount = 0;

  const start = (pacing = restartPacing()) => {
    const startedAt = Date.now();
    const worker = cluster.fork();
    live.add(worker);
    adoptMetricsChild(worker);
    worker.on("message", (message: WebProcessMessage) => {
      if (message.type === "outbox-wake") options.onOutboxWake();
      else if (message.type === "ready" && !started && ++readyCount === options.count) {
        started = true;
        resolveReady(message.port);
      }
    });
    worker.on("exit", (code, signal) => {
      live.delete(worker);
      if (stopping) return;
      const how = signal ?? `code ${code}`;
      if (!started) {
        rejectReady(new Error(`a web process exited (${how}) before the app was ready`));
        return;
      }
      const pause = pacing.pauseAfter(startedAt);
      getLogger().error(
        { exitCode: code, signal, restartInSeconds: pause / 1000 },
        "a web process exited; starting another",
      );
      const timer = setTimeout(() => {
        restartTimers.delete(timer);
        start(pacing);
      }, pause);
      restartTimers.add(timer);
    });
  };
  for (let i = 0; i < options.count; i++) start();

  return {
    ready,
    async stop() {
      stopping = true;
      for (const timer of restartTimers) clearTimeout(timer);
      await Promise.all(
        [...live].map(async (worker) => {
          if (worker.isDead()) return;
          const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
          worker.process.kill("SIGTERM");
          const killer = setTimeout(() => worker.process.kill("SIGKILL"), KILL_AFTER_MS);
          await exited;
          clearTimeout(killer);
        }),
      );
    },
  };
}
