// The app's one logger: JSON lines on stdout (pino), one object per line, for whatever
// log pipeline the operator runs; readable lines in `npm run dev` (pino-pretty, in
// process, loaded only there). INBOX_LOG_LEVEL sets the level. A log line never carries a secret, a
// credential header's value or a body: callers log ids, outcomes and numbers, and the
// redact paths below blank the usual names should one slip into a logged object.
// Request ids come from lib/http/request-context.ts (currentRequestId); this module
// imports nothing of lib/ but env, so any folder may log without an import cycle.
// One instance per process on globalThis: the launcher and Next's compiled route
// bundles load separate copies of this module (as lib/http/request-context.ts says).
import { createRequire } from "node:module";
import pino, { type Logger } from "pino";
import { getEnv } from "@/lib/env";

/** Keys whose values never reach a log line. */
const SECRET_KEYS = [
  "authorization",
  "cookie",
  "headers",
  "body",
  "payload",
  "secret",
  "secrets",
  "password",
  "token",
  "apiKey",
  "url",
];

const LOGGER_KEY = Symbol.for("webhook-inbox.logger");
const holder = globalThis as typeof globalThis & { [LOGGER_KEY]?: Logger };

function createLogger(): Logger {
  const env = getEnv();
  const options: pino.LoggerOptions = {
    level: env.INBOX_LOG_LEVEL,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      // Top-level keys only: "*.key" wildcards tripled the cost of a line (5 -> 16 us of
      // CPU, measured); log calls pass flat objects of ids and numbers anyway.
      paths: SECRET_KEYS,
      censor: "[redacted]",
    },
  };
  return env.NODE_ENV === "development"
    ? pino(options, prettyStream())
    : // Buffered, written off the request's path; pino flushes what is left when the process exits.
      pino(options, pino.destination({ dest: 1, sync: false }));
}

/**
 * Readable lines for `npm run dev`. Required when asked for, not imported: a static
 * import loaded pino-pretty (and its dependencies) into every production process too.
 */
function prettyStream(): pino.DestinationStream {
  const load = createRequire(`${process.cwd()}/`);
  const pretty = load("pino-pretty") as typeof import("pino-pretty");
  return pretty({ colorize: true, ignore: "pid,hostname", sync: true });
}

export function getLogger(): Logger {
  return (holder[LOGGER_KEY] ??= createLogger());
}
