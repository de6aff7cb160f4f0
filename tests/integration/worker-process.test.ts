// The queue worker's own process (issue 4): scripts/start.ts forks scripts/worker-process.ts
// through scripts/worker-supervisor.ts. Each test runs the real app on a fresh database
// and watches the launcher's children in /proc: a killed worker comes back and forwards,
// INBOX_WORKER=off runs none (its forwards wait in the queue for a worker elsewhere),
// no way of ending the app leaves a worker behind, and the worker merges the payload
// search index's pending list.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FORWARD_TASK, forwardJobKey } from "@/lib/queue/tasks";
import { startAppServer, type AppServer } from "@/tests/support/app-server";
import { createFreshDatabase, queryDatabase } from "@/tests/support/fresh-database";
import { childPids, procStatFields } from "@/tests/support/processes";
import {
  createForwardingEndpoint,
  forwardChecks,
  sendCallback,
  type ForwardChecks,
} from "@/tests/support/forwarding";
import { startReceiver, type Receiver } from "@/tests/support/receiver";

// App and worker starts under load can take a while; nothing here waits on a clock otherwise.
const POLL = { timeout: 90_000, interval: 200 };
const TEST_TIMEOUT = 300_000;

/** A pid with its start time (jiffies since boot), so a reused pid is not taken for the same process. */
type Proc = { pid: number; startTime: string };

/** State and start time from /proc/<pid>/stat; undefined once the pid is gone. */
function procStat(pid: number): { state: string; startTime: string } | undefined {
  const fields = procStatFields(pid);
  return fields && { state: fields[0] ?? "", startTime: fields[19] ?? "" };
}

/** Still running: neither gone nor a zombie waiting to be reaped (an orphan's reaper may be slow). */
function isRunning(proc: Proc): boolean {
  const stat = procStat(proc.pid);
  return stat !== undefined && stat.state !== "Z" && stat.startTime === proc.startTime;
}

/** Every live child of the process, whichever of its threads started it. */
function childrenOf(pid: number): Proc[] {
  return childPids(pid).flatMap((child) => {
    const stat = procStat(child);
    return stat && stat.state !== "Z" ? [{ pid: child, startTime: stat.startTime }] : [];
  });
}

function launcherPid(app: AppServer): number {
  if (app.process.pid === undefined) throw new Error("the app has no pid");
  return app.process.pid;
}

const isWorker = (proc: Proc) => {
  try {
    return readFileSync(`/proc/${proc.pid}/cmdline`, "utf8").includes("worker-process");
  } catch {
    return false;
  }
};

let database: { url: string; drop(): Promise<void> };
let receiver: Receiver;
let checks: ForwardChecks;
const apps: AppServer[] = [];
/** Every worker seen, so that none outlives its test even when the behaviour under test is broken. */
const workers: Proc[] = [];

beforeEach(async () => {
  database = await createFreshDatabase("worker_process");
  receiver = await startReceiver();
  checks = forwardChecks(database.url, receiver, POLL);
});

afterEach(async () => {
  for (const app of apps.splice(0)) {
    if (app.process.exitCode === null && app.process.signalCode === null)
      workers.push(...childrenOf(launcherPid(app)));
    await app.kill();
  }
  for (const worker of workers.splice(0))
    if (isRunning(worker)) process.kill(worker.pid, "SIGKILL");
  await receiver.close();
  await database.drop();
});

async function startApp(env: Record<string, string> = {}): Promise<AppServer> {
  const app = await startAppServer(database.url, env);
  apps.push(app);
  return app;
}

/** The app's worker child once it is there, other than `previous` (the one that died). */
async function workerOf(app: AppServer, previous?: Proc): Promise<Proc> {
  let found: Proc | undefined;
  const next = () => {
    found = childrenOf(launcherPid(app)).find(
      (child) =>
        isWorker(child) && !(child.pid === previous?.pid && child.startTime === previous.startTime),
    );
    return found !== undefined;
  };
  await expect
    .poll(next, {
      ...POLL,
      message: `no ${previous ? "new " : ""}worker child appeared:\n${app.output()}`,
    })
    .toBe(true);
  if (!found) throw new Error("unreachable: the poll saw a worker");
  workers.push(found);
  return found;
}

/** A callback through the app, forwarded exactly once: proof that a worker runs. */
async function expectCallbackForwarded(app: AppServer): Promise<void> {
  const endpoint = await createForwardingEndpoint(app.baseUrl, receiver.url());
  const answer = await sendCallback(
    app.baseUrl,
    endpoint.key,
    JSON.stringify({ id: randomUUID() }),
  );
  expect(answer.status).toBe(200);
  await checks.expectForwardedOnce(((await answer.json()) as { eventId: string }).eventId);
}

describe("the queue worker's own process", () => {
  it(
    "merges the payload search index's pending list, so that no callback's insert has to",
    async () => {
      const app = await startApp();
      await workerOf(app);
      // pgstatginindex reads the list's size without merging it (the test's own extension).
      await queryDatabase(database.url, "CREATE EXTENSION IF NOT EXISTS pgstattuple");
      const endpoint = await createForwardingEndpoint(app.baseUrl, receiver.url());
      for (let i = 0; i < 20; i++) {
        const body = JSON.stringify({ id: randomUUID(), note: `render ${i} finished`.repeat(20) });
        expect((await sendCallback(app.baseUrl, endpoint.key, body)).status).toBe(200);
      }
      // 20 events are far below the list's 4 MB limit and autovacuum's 1,000 inserted rows:
      // only the worker empties it.
      await expect
        .poll(async () => {
          const [index] = await queryDatabase<{ pending_pages: number }>(
            database.url,
            "SELECT pending_pages FROM pgstatginindex('events_payload_trgm_idx')",
          );
          return index?.pending_pages;
        }, POLL)
        .toBe(0);
    },
    TEST_TIMEOUT,
  );

  it(
    "starts a worker killed with SIGKILL again, and the new one forwards exactly once",
    async () => {
      const app = await startApp();
      const first = await workerOf(app);
      process.kill(first.pid, "SIGKILL");
      await workerOf(app, first);
      await expectCallbackForwarded(app);
    },
    TEST_TIMEOUT,
  );

  it(
    "runs no worker with INBOX_WORKER=off: the forward waits queued until an app with a worker delivers it, once",
    async () => {
      const webOnly = await startApp({ INBOX_WORKER: "off" });
      // The supervisor forks before the app reports that it listens: a worker would be here.
      expect(childrenOf(launcherPid(webOnly)).filter(isWorker)).toEqual([]);

      const endpoint = await createForwardingEndpoint(webOnly.baseUrl, receiver.url());
      const answer = await sendCallback(
        webOnly.baseUrl,
        endpoint.key,
        JSON.stringify({ id: randomUUID() }),
      );
      expect(answer.status).toBe(200);
      const { eventId } = (await answer.json()) as { eventId: string };
      // The web process's outbox relay queues the forward; only a worker would send it.
      const queued = async () =>
        (
          await queryDatabase(
            database.url,
            `SELECT id FROM graphile_worker.jobs WHERE task_identifier = $1 AND key = $2`,
            [FORWARD_TASK, forwardJobKey(eventId, endpoint.destinationId)],
          )
        ).length;
      await expect
        .poll(queued, { ...POLL, message: "the web-only app never queued the forward" })
        .toBe(1);
      expect(checks.forwardsOf(eventId)).toBe(0);
      await webOnly.stop();

      await startApp();
      await checks.expectForwardedOnce(eventId);
    },
    TEST_TIMEOUT,
  );

  it(
    "ends the worker when the app is stopped (SIGTERM), and the launcher exits 0",
    async () => {
      const app = await startApp();
      const worker = await workerOf(app);
      await expectCallbackForwarded(app);
      await app.stop();
      expect(app.process.exitCode, app.output()).toBe(0);
      // Not polled: the launcher waits for its worker before it exits.
      expect(isRunning(worker)).toBe(false);
    },
    TEST_TIMEOUT,
  );

  describe("a launcher killed with SIGKILL leaves no worker behind", () => {
    it(
      "when the worker runs",
      async () => {
        const app = await startApp();
        const worker = await workerOf(app);
        await expectCallbackForwarded(app);
        await app.kill();
        await expect
          .poll(() => isRunning(worker), {
            ...POLL,
            message: "the orphaned worker is still running",
          })
          .toBe(false);
      },
      TEST_TIMEOUT,
    );

    it(
      "when the worker is still starting",
      async () => {
        const app = await startApp();
        // The worker was forked before the app reported that it listens, and takes seconds to start.
        const worker = await workerOf(app);
        await app.kill();
        await expect
          .poll(() => isRunning(worker), {
            ...POLL,
            message: "the orphaned worker is still running",
          })
          .toBe(false);
      },
      TEST_TIMEOUT,
    );
  });
});
