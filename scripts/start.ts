// npm start / npm run dev - the whole app from one command: this process serves HTTP,
// and (step 6) starts the queue worker as its child process:
//   1. the database: DATABASE_URL, or the embedded PostgreSQL under .data/
//   2. pending migrations (advisory lock, safe with several processes)
//   3. an API token (INBOX_API_TOKEN, or one generated once into .data/api-token), the
//      session-signing secret (INBOX_AUTH_SECRET, or .data/auth-secret), and the
//      first admin when INBOX_ADMIN_EMAIL and INBOX_ADMIN_PASSWORD are set, else while
//      nobody exists the set-up page's one-time code (INBOX_SETUP_CODE, or one made once
//      per database and written to .data/setup-code); the key that
//      encrypts stored secrets (INBOX_SECRET_KEY, or .data/secret-key), with which any
//      secret stored in plain text or under a previous key is sealed again
//   4. the forward outbox relay (moves forwards that ingest stored into the queue)
//   5. Next.js behind our own HTTP server, which hands route handlers what only the
//      raw Node request knows (headers in order, peer address): lib/http/request-context,
//      and holds the limits a stranger meets (header and body timeouts, connections,
//      ingest requests and body bytes in flight: README "Security" > "Limits")
//   6. unless INBOX_WORKER=off, the queue worker in a child process (graphile-worker:
//      forwards events to destinations, bulk replays, polls, sends alerts):
//      scripts/worker-process.ts, restarted if it dies
// Ctrl-C (SIGINT) or SIGTERM stops accepting, finishes in-flight requests and stops
// the worker (running jobs finish) and the embedded database cleanly.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { isIPv6 } from "node:net";
import next from "next";
import { ensureAdminFromEnv } from "@/lib/auth/users";
import { rememberListeningOrigin } from "@/lib/alerts/links";
import { applyMigrations } from "@/lib/db/migrate";
import { getEnv, reloadEnv } from "@/lib/env";
import { startOutboxRelay, type OutboxRelay } from "@/lib/forwarding/outbox-relay";
import { AppError } from "@/lib/http/app-error";
import { rawRequestStore } from "@/lib/http/request-context";
import { resealDeliveryHeaders } from "@/lib/deliveries/mutations";
import { dropStalledBody } from "@/lib/http/stalled-body";
import { createInFlightBudget, serverBusy } from "@/lib/ingest/in-flight-budget";
import { resealStoredSecrets } from "@/lib/secrets/mutations";
import { routableIngestUrl } from "@/lib/ingest/endpoint-key";
import { listenHost } from "@/lib/http/listen-host";
import { REQUEST_ID_HEADER, requestIdFor } from "@/lib/http/request-id";
import { getLogger } from "@/lib/log/logger";
import { appMetrics } from "@/lib/metrics/app-metrics";
import { startProcessMetrics } from "@/lib/metrics/registry";
import { buildIfStale } from "./build-if-stale";
import { embeddedDatabaseLabel, openDatabase } from "./database";
import { ignoreClosedOutput } from "./ignore-closed-output";
import { ensureSecret, ensureSetupCode } from "./local-secrets";
import { releaseAbandonedJobs, superviseWorker, type WorkerSupervisor } from "./worker-supervisor";

const isDev = process.argv.includes("--dev");
ignoreClosedOutput();
process.env.NEXT_TELEMETRY_DISABLED = "1";

/** How long a sender may keep uploading a body we answered without reading. */
const LINGER_MS = 2_000;

/**
 * When we answer before reading the whole body (413, 404), closing at once would
 * reset the connection while the sender is still writing, and many clients then
 * report a broken pipe instead of our answer. Like nginx's lingering close: discard
 * what still arrives for a moment, then close if the upload goes on.
 */
function lingerOnUnreadBody(req: IncomingMessage, res: ServerResponse): void {
  res.once("finish", () => {
    if (req.complete) return;
    const timer = setTimeout(() => req.socket.destroy(), LINGER_MS);
    req.once("end", () => clearTimeout(timer));
    req.once("close", () => clearTimeout(timer));
    req.resume();
  });
}

/**
 * Answers before Next is involved (starting, over the in-flight budget): cheap, so a
 * flood costs little. A refused callback is counted like the ingest route's refusals.
 */
function answerEarly(res: ServerResponse, error: AppError, isIngest: boolean): void {
  if (isIngest) appMetrics().callbacksRejected.inc({ reason: error.code });
  res.writeHead(error.status, {
    "content-type": "application/json",
    "cache-control": "no-store",
    ...error.headers,
  });
  res.end(JSON.stringify({ error: { code: error.code, message: error.message } }));
}

/**
 * How often Node looks for connections past the headers timeout. Its default (30 s)
 * would let a trickling sender keep a connection up to 30 s longer than the timeout.
 */
const CONNECTION_CHECK_MS = 1_000;

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
  startProcessMetrics("web");
  const port = Number(process.env.PORT ?? 3000);
  const host = listenHost(getEnv());
  const database = await openDatabase();
  let stopping = false;
  let relay: OutboxRelay | undefined;
  let worker: WorkerSupervisor | undefined;
  let workerStopped: Promise<void> | undefined;
  // Once: shutdown starts it (no new jobs while requests drain), the database stop waits for it.
  const stopWorker = () =>
    (workerStopped ??= Promise.all([relay?.stop(), worker?.stop()])
      .then(() => undefined)
      .catch((error: unknown) =>
        getLogger().error({ err: error }, "the queue worker did not stop cleanly"),
      ));
  const stopDatabase = async () => {
    await stopWorker();
    await database.embedded?.stop().catch(() => {});
  };
  try {
    const { applied } = await applyMigrations(database.url);
    if (applied.length) console.log(`migrations applied: ${applied.join(", ")}`);
    const token = await ensureSecret("INBOX_API_TOKEN", "api-token", "inbox_");
    await ensureSecret("INBOX_AUTH_SECRET", "auth-secret", "");
    const secretKey = await ensureSecret("INBOX_SECRET_KEY", "secret-key", "");
    reloadEnv();
    const resealed = await resealStoredSecrets();
    if (resealed)
      console.log(`stored secrets sealed with the key from ${secretKey.source}: ${resealed} rows`);
    const resealedDeliveries = await resealDeliveryHeaders();
    if (resealedDeliveries)
      console.log(
        `credential headers of stored deliveries sealed with the key from ${secretKey.source}: ${resealedDeliveries} rows`,
      );
    const { INBOX_ADMIN_EMAIL: adminEmail, INBOX_ADMIN_PASSWORD: adminPassword } = getEnv();
    if (adminEmail && adminPassword) {
      console.log(`admin ${adminEmail}: ${await ensureAdminFromEnv(adminEmail, adminPassword)}`);
    } else if (adminEmail || adminPassword) {
      console.warn(
        "set both INBOX_ADMIN_EMAIL and INBOX_ADMIN_PASSWORD to create the first admin; ignoring the one given",
      );
    }
    const setupCodeNote = await ensureSetupCode();
    // Test runs build once up front and switch this off for the servers they start: a
    // rebuild under a running server (sources edited mid-run) would break its pages.
    if (!isDev && process.env.INBOX_BUILD_CHECK !== "off") buildIfStale();
    if (!isDev) Object.assign(process.env, { NODE_ENV: "production" });
    relay = startOutboxRelay();

    // Listen first so Next learns the real port (PORT=0 picks a free one): it fetches
    // its own pages on hostname:port to answer a server action that redirects.
    let handle: ReturnType<ReturnType<typeof next>["getRequestHandler"]> | undefined;
    const limits = getEnv();
    const bodyIdleMs = limits.INBOX_BODY_IDLE_TIMEOUT_SECONDS * 1000;
    const ingestBudget = createInFlightBudget({
      maxRequests: limits.INBOX_INGEST_MAX_IN_FLIGHT,
      maxBytes: limits.INBOX_INGEST_MAX_IN_FLIGHT_BYTES,
    });
    const server = createServer(
      {
        headersTimeout: limits.INBOX_HEADERS_TIMEOUT_SECONDS * 1000,
        connectionsCheckingInterval: CONNECTION_CHECK_MS,
      },
      (req, res) => {
        const rawUrl = req.url ?? "/";
        const requestId = requestIdFor(req.headers[REQUEST_ID_HEADER]);
        res.setHeader(REQUEST_ID_HEADER, requestId);
        const ingestUrl = routableIngestUrl(rawUrl);
        req.url = ingestUrl ?? rawUrl;
        lingerOnUnreadBody(req, res);
        dropStalledBody(req, res, bodyIdleMs);
        if (!handle) {
          // The second or so between listening and Next being ready: senders retry.
          answerEarly(
            res,
            new AppError("starting", "the server is starting; retry in a second", {
              headers: { "retry-after": "1" },
            }),
            ingestUrl !== null,
          );
          return;
        }
        const admission = ingestUrl ? ingestBudget.admit() : undefined;
        if (admission === null) {
          answerEarly(res, serverBusy(limits.INBOX_RETRY_AFTER_SECONDS), true);
          return;
        }
        // "close": the answer was sent or the connection went away, whichever comes first.
        if (admission) res.once("close", admission.release);
        const info = {
          rawHeaders: [...req.rawHeaders],
          remoteAddress: req.socket.remoteAddress ?? null,
          rawUrl,
          body: req,
          admission,
          requestId,
        };
        const ready = handle;
        rawRequestStore.run(info, () => {
          ready(req, res).catch((error: unknown) => {
            getLogger().error({ err: error, requestId }, "request failed");
            if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
            res.end(
              '{"error":{"code":"internal_error","message":"something went wrong on our side"}}',
            );
          });
        });
      },
    );
    // Providers may hold connections open; keep-alive beyond typical LB idle timeouts.
    server.keepAliveTimeout = 65_000;
    // Past it Node closes new connections at once: file descriptors and memory stay bounded.
    server.maxConnections = limits.INBOX_MAX_CONNECTIONS;
    await new Promise<void>((resolve) => server.listen(port, host, resolve));
    const address = server.address();
    const actualPort = typeof address === "object" && address ? address.port : port;
    const selfHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
    // The base of links in alerts when INBOX_PUBLIC_URL is unset (lib/alerts/links.ts).
    const linkHost =
      host === "0.0.0.0" || host === "::" ? "localhost" : isIPv6(host) ? `[${host}]` : host;
    const origin = `http://${linkHost}:${actualPort}`;
    rememberListeningOrigin(origin);
    const app = next({ dev: isDev, dir: process.cwd(), hostname: selfHost, port: actualPort });
    await app.prepare();
    handle = app.getRequestHandler();
    if (getEnv().INBOX_WORKER === "on") {
      if (database.embedded) await releaseAbandonedJobs();
      worker = superviseWorker({ origin });
    }
    printBanner({
      url: `http://localhost:${actualPort}`,
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
      void stopWorker();
      server.close(() => {
        void stopDatabase().then(() => process.exit(0));
      });
      server.closeIdleConnections();
      // In-flight requests get a few seconds; then stop regardless.
      setTimeout(() => {
        server.closeAllConnections();
        void stopDatabase().then(() => process.exit(0));
      }, 5_000).unref();
    };
    process.on("SIGINT", () => shutdown("SIGINT"));
    process.on("SIGTERM", () => shutdown("SIGTERM"));
  } catch (error) {
    await stopDatabase();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
