// npm start / npm run dev - the whole app from one command. This process, the launcher,
// serves no HTTP itself: it prepares and supervises the processes that do the work.
//   1. the database: DATABASE_URL, or the embedded PostgreSQL under .data/
//   2. pending migrations (advisory lock, safe with several processes)
//   3. an API token (INBOX_API_TOKEN, or one generated once into .data/api-token), the
//      session-signing secret (INBOX_AUTH_SECRET, or .data/auth-secret), and the
//      first admin when INBOX_ADMIN_EMAIL and INBOX_ADMIN_PASSWORD are set, else while
//      nobody exists the set-up page's one-time code (INBOX_SETUP_CODE, or one made once
//      per database and written to .data/setup-code); the key that
//      encrypts stored secrets (INBOX_SECRET_KEY, or .data/secret-key), with which any
//      secret stored in plain text or under a previous key is sealed again. The work on
//      the database (migrations, sealing, the admin, the set-up code) runs in
//      scripts/prepare-process.ts, a process that exits when done
//   4. the forward outbox relay (moves forwards that ingest stored into the queue): one
//      per app, here, woken by the processes that store forwards
//   5. INBOX_WEB_PROCESSES web processes (default: one per core; one under --dev), each
//      Next.js behind our own HTTP server, all on one port: scripts/web-process.ts,
//      forked and restarted by scripts/web-processes.ts (node:cluster)
//   6. unless INBOX_WORKER=off, the queue worker in a child process (graphile-worker:
//      forwards events to destinations, bulk replays, polls, sends alerts):
//      scripts/worker-process.ts, restarted if it dies
// Under `npm start` all three are compiled JavaScript (dist/, scripts/build.mjs, which
// `npm start` runs first when a source is newer than the build); `npm run dev` runs
// the TypeScript sources through tsx.
// Ctrl-C (SIGINT) or SIGTERM stops accepting, finishes in-flight requests and stops
// the worker (running jobs finish) and the embedded database cleanly.
import { fork } from "node:child_process";
import { getEnv, reloadEnv } from "@/lib/env";
import { startOutboxRelay, type OutboxRelay } from "@/lib/forwarding/outbox-relay";
import { listenHost, listeningOrigin } from "@/lib/http/listen-host";
import { getLogger } from "@/lib/log/logger";
import { appMetrics } from "@/lib/metrics/app-metrics";
import { startProcessMetrics } from "@/lib/metrics/registry";
import { embeddedDatabaseLabel, openDatabase } from "./database";
import { entryBeside } from "./entry-beside";
import { ignoreClosedOutput } from "./ignore-closed-output";
import { ensureSecret } from "./local-secrets";
import type { PrepareMessage } from "./prepare-process";
import { runWebProcesses, type WebProcesses } from "./web-processes";
import { releaseAbandonedJobs, superviseWorker, type WorkerSupervisor } from "./worker-supervisor";

const isDev = process.argv.includes("--dev");
ignoreClosedOutput();
process.env.NEXT_TELEMETRY_DISABLED = "1";

const PREPARE_SCRIPT = entryBeside(import.meta, "prepare-process");

/**
 * Steps 2 and 3 on the database, in a process that exits when done (prepare-process.ts
 * says why); resolves with the set-up code's line for the banner.
 */
function prepareDatabase(keySource: string): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const child = fork(PREPARE_SCRIPT, [keySource], { stdio: "inherit" });
    let report: PrepareMessage | undefined;
    child.on("message", (message: PrepareMessage) => (report = message));
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (report?.type === "prepared" && code === 0) resolve(report.setupCodeNote);
      else if (report?.type === "failed") reject(new Error(report.message));
      else reject(new Error(`preparing the database stopped (${signal ?? `exit ${code}`})`));
    });
  });
}

/**
 * What a new user needs after `npm start`: where it listens, how to sign in, the API
 * token and the first thing to do (create an endpoint). The "listening on" line is what
 * scripts and tests wait for.
 */
function printBanner(info: {
  url: string;
  boundTo: string;
  database: string;
  tokenSource: string;
  adminEmail: string | undefined;
  setupCodeNote: string | null;
}): void {
  const { url } = info;
  const bound =
    info.boundTo === "0.0.0.0" || info.boundTo === "::" ? "all addresses" : info.boundTo;
  const tokenFile = info.tokenSource.startsWith("INBOX_") ? null : info.tokenSource;
  const lines = [
    `Webhook Inbox ${isDev ? "(dev) " : ""}listening on ${url} (on ${bound})`,
    `database: ${info.database}`,
    `API token: from ${info.tokenSource} (send as Authorization: Bearer <token>)`,
    info.adminEmail
      ? `sign in: ${url}/login as ${info.adminEmail}`
      : info.setupCodeNote
        ? `sign in: nobody has an account yet; open ${url}/setup and enter the set-up code to create the first admin`
        : `sign in: ${url}/login`,
    ...(info.setupCodeNote ? [info.setupCodeNote] : []),
    `next: create an endpoint at ${url}/endpoints/new, or with the API token:`,
    `  curl -s ${url}/api/endpoints -H "Authorization: Bearer ${tokenFile ? `$(cat ${tokenFile})` : `$${info.tokenSource}`}" -H 'Content-Type: application/json' -d '{"name": "Renders", "provider": "generic"}'`,
  ];
  console.log(lines.join("\n"));
}

async function main(): Promise<void> {
  // The launcher's own metrics (the outbox relay's pool, its heap) join every scrape;
  // appMetrics() registers the pool gauges now, as nothing else here counts anything.
  startProcessMetrics("launcher");
  appMetrics();
  const host = listenHost(getEnv());
  const database = await openDatabase();
  let stopping = false;
  let relay: OutboxRelay | undefined;
  let web: WebProcesses | undefined;
  let worker: WorkerSupervisor | undefined;
  let workerStopped: Promise<void> | undefined;
  // Once: shutdown starts it (no new jobs while requests drain), the database stop waits for it.
  const stopWorker = () =>
    (workerStopped ??= Promise.all([relay?.stop(), worker?.stop()])
      .then(() => undefined)
      .catch((error: unknown) =>
        getLogger().error({ err: error }, "the queue worker did not stop cleanly"),
      ));
  const stopAll = async () => {
    await Promise.all([stopWorker(), web?.stop()]);
    await database.embedded?.stop().catch(() => {});
  };
  try {
    const token = await ensureSecret("INBOX_API_TOKEN", "api-token", "inbox_");
    await ensureSecret("INBOX_AUTH_SECRET", "auth-secret", "");
    const secretKey = await ensureSecret("INBOX_SECRET_KEY", "secret-key", "");
    reloadEnv();
    const setupCodeNote = await prepareDatabase(secretKey.source);
    const { INBOX_ADMIN_EMAIL: adminEmail } = getEnv();
    if (!isDev) Object.assign(process.env, { NODE_ENV: "production" });
    const outbox = startOutboxRelay();
    relay = outbox;

    // The web processes inherit this environment: the database URL and generated secrets set above.
    web = runWebProcesses({
      // Next's dev server compiles on demand and watches files: one is enough, and several
      // would compile the same pages each.
      count: isDev ? 1 : getEnv().INBOX_WEB_PROCESSES,
      args: isDev ? ["--dev"] : [],
      onOutboxWake: () => outbox.wake(),
    });
    const port = await web.ready;
    const origin = listeningOrigin(host, port);
    if (getEnv().INBOX_WORKER === "on") {
      if (database.embedded) await releaseAbandonedJobs();
      worker = superviseWorker({ origin, onOutboxWake: () => outbox.wake() });
    }
    printBanner({
      url: `http://localhost:${port}`,
      boundTo: host,
      database: database.embedded
        ? `embedded PostgreSQL in ${embeddedDatabaseLabel()}`
        : "DATABASE_URL",
      tokenSource: token.source,
      adminEmail,
      setupCodeNote,
    });

    const shutdown = (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`${signal}: shutting down`);
      void stopAll().then(() => process.exit(0));
    };
    process.on("SIGINT", () => shutdown("SIGINT"));
    process.on("SIGTERM", () => shutdown("SIGTERM"));
  } catch (error) {
    await stopAll();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
