// One web process: Next.js behind our own HTTP server, which hands route handlers what
// only the raw Node request knows (headers in order, peer address: lib/http/request-context)
// and holds the limits a stranger meets (header and body timeouts, connections, ingest
// requests and body bytes in flight: README "Security" > "Limits"). scripts/start.ts
// runs INBOX_WEB_PROCESSES of them with node:cluster, all on one port: the launcher
// accepts each connection and hands it to one of them in turn.
//
// The launcher has migrated the database, sealed secrets and set the environment
// (DATABASE_URL, generated secrets) before forking this. It reports { type: "ready",
// port } once Next answers, and relays wake-ups of the forward outbox relay, which runs
// once, in the launcher. SIGINT/SIGTERM: stop accepting, finish in-flight requests
// (a few seconds at most), exit.
import cluster from "node:cluster";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { rememberListeningOrigin } from "@/lib/alerts/links";
import { getEnv } from "@/lib/env";
import { relayWakesElsewhere } from "@/lib/forwarding/outbox-relay";
import { AppError } from "@/lib/http/app-error";
import { rawRequestStore } from "@/lib/http/request-context";
import { dropStalledBody } from "@/lib/http/stalled-body";
import { createInFlightBudget, serverBusy } from "@/lib/ingest/in-flight-budget";
import { routableIngestUrl } from "@/lib/ingest/endpoint-key";
import { listenHost, listeningOrigin } from "@/lib/http/listen-host";
import { REQUEST_ID_HEADER, requestIdFor } from "@/lib/http/request-id";
import { getLogger } from "@/lib/log/logger";
import { appMetrics } from "@/lib/metrics/app-metrics";
import { answerMetricsRequests, gatherThroughParent } from "@/lib/metrics/ipc-collect";
import { startProcessMetrics } from "@/lib/metrics/registry";
import { ignoreClosedOutput } from "./ignore-closed-output";
import type { WebProcessMessage } from "./web-processes";

const isDev = process.argv.includes("--dev");
ignoreClosedOutput();

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

async function main(): Promise<void> {
  // The launcher holds every process of the app: it answers a scrape of this one with
  // all of theirs, and asks this one for its own (lib/metrics/ipc-collect.ts).
  startProcessMetrics("web");
  answerMetricsRequests();
  gatherThroughParent();
  const port = Number(process.env.PORT ?? 3000);
  const host = listenHost(getEnv());
  const report = (message: WebProcessMessage) => {
    if (process.connected) process.send?.(message);
  };
  relayWakesElsewhere(() => report({ type: "outbox-wake" }));
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
  rememberListeningOrigin(listeningOrigin(host, actualPort));
  const app = next({ dev: isDev, dir: process.cwd(), hostname: selfHost, port: actualPort });
  await app.prepare();
  handle = app.getRequestHandler();
  report({ type: "ready", port: actualPort });

  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    // In-flight requests get a few seconds; then stop regardless.
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(0);
    }, 5_000).unref();
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

if (!cluster.isWorker) throw new Error("scripts/web-process.ts is started by scripts/start.ts");
main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
