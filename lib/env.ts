// The one place that reads process.env. Parsed lazily so that a route that needs no
// database (GET /api/health) still answers when, say, DATABASE_URL is missing.
import { availableParallelism } from "node:os";
import { z } from "zod";
import { parseAllowList } from "@/lib/net/address-ranges";

/** Comma-separated seconds ("5,30,120") as numbers. */
const secondsList = (name: string, fallback: string) =>
  z
    .string()
    .regex(/^\s*\d+(\.\d+)?(\s*,\s*\d+(\.\d+)?)*\s*$/, `${name} must be comma-separated seconds`)
    .default(fallback)
    .transform((value) => value.split(",").map((part) => Number(part.trim())));

function isAddressList(value: string | undefined): boolean {
  try {
    parseAllowList(value);
    return true;
  } catch {
    return false;
  }
}

const envSchema = z.object({
  DATABASE_URL: z.string().min(1).optional(),
  INBOX_API_TOKEN: z.string().min(16, "INBOX_API_TOKEN must be at least 16 characters").optional(),
  /** Reads GET /api/metrics and nothing else (README "Metrics"); the operator token reads it too. */
  INBOX_METRICS_TOKEN: z
    .string()
    .min(16, "INBOX_METRICS_TOKEN must be at least 16 characters")
    .optional(),
  /** Signs session cookies (32+ characters); npm start generates one into .data/auth-secret when unset. */
  INBOX_AUTH_SECRET: z
    .string()
    .min(32, "INBOX_AUTH_SECRET must be at least 32 characters")
    .optional(),
  /**
   * Encrypts stored secrets at rest (signing secrets, provider API keys, notification
   * URLs); 32+ characters. npm start generates one into .data/secret-key when unset.
   */
  INBOX_SECRET_KEY: z
    .string()
    .min(32, "INBOX_SECRET_KEY must be at least 32 characters")
    .optional(),
  /** Former INBOX_SECRET_KEY values, comma-separated: still open old values; start-up reseals them with the current key. */
  INBOX_SECRET_KEY_PREVIOUS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    ),
  /** With INBOX_ADMIN_PASSWORD: the first admin, created (or its password reset) at start. */
  INBOX_ADMIN_EMAIL: z.email().optional(),
  INBOX_ADMIN_PASSWORD: z
    .string()
    .min(10, "INBOX_ADMIN_PASSWORD must be at least 10 characters")
    .optional(),
  /** Base URL used to build ingest URLs (e.g. https://hooks.example.com); else the request's own origin. */
  INBOX_PUBLIC_URL: z.url().optional(),
  /**
   * Addresses or CIDR ranges that outbound requests (forwarding, replay) may reach even
   * though they are loopback/private, e.g. "127.0.0.1,10.1.2.0/24". Off by default.
   */
  INBOX_OUTBOUND_ALLOW: z
    .string()
    .optional()
    .refine(
      isAddressList,
      "INBOX_OUTBOUND_ALLOW must be a comma-separated list of IP addresses or CIDR ranges",
    ),
  /**
   * Proxies (addresses or CIDR ranges, comma-separated) whose X-Forwarded-For is believed
   * for the client's address (sign-in throttle, a delivery's source address). Unset: none.
   */
  INBOX_TRUSTED_PROXIES: z
    .string()
    .optional()
    .refine(
      isAddressList,
      "INBOX_TRUSTED_PROXIES must be a comma-separated list of IP addresses or CIDR ranges",
    ),
  /** The one-time set-up code (instead of one generated at start); for tests and scripted installs. */
  INBOX_SETUP_CODE: z
    .string()
    .trim()
    .min(12, "INBOX_SETUP_CODE must be at least 12 characters")
    .optional(),
  INBOX_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Seconds a provider is told to wait (Retry-After) when the database is unavailable or ingest is at its in-flight limits. */
  INBOX_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  // Limits a stranger with an ingest URL meets (README "Security" > "Limits").
  /** A request's headers must all arrive within this many seconds, or the connection is closed (408). */
  INBOX_HEADERS_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(15),
  /** A request body that sends nothing for this many seconds is dropped (408 if still answerable, then closed). */
  INBOX_BODY_IDLE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(30),
  /** Open connections per process; more are refused at accept. Keep it below the open-file limit (ulimit -n). */
  INBOX_MAX_CONNECTIONS: z.coerce.number().int().min(16).max(1_000_000).default(1024),
  /** Ingest requests handled at once per process; past it 503 + Retry-After. */
  INBOX_INGEST_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(100_000).default(256),
  /** Bytes of ingest bodies held in memory at once per process; past it 503 + Retry-After. */
  INBOX_INGEST_MAX_IN_FLIGHT_BYTES: z.coerce
    .number()
    .int()
    .min(1024 * 1024)
    .max(16 * 1024 ** 3)
    .default(64 * 1024 * 1024),
  /**
   * Web processes (Next.js + the HTTP server) npm start runs behind its one port; default
   * one per core. Each has its own database pool (INBOX_DB_POOL_SIZE) and limits.
   */
  INBOX_WEB_PROCESSES: z.coerce.number().int().min(1).max(256).default(availableParallelism()),
  /**
   * "off": this process serves HTTP only and runs no queue worker (forwards, replays,
   * polls, alerts); another process with the default "on" must run on the same database.
   */
  INBOX_WORKER: z.enum(["on", "off"]).default("on"),
  /** Forwarding jobs (graphile-worker) run at once per process. */
  INBOX_FORWARD_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(8),
  /**
   * Seconds before each retry of a failed forward, comma-separated; jittered by ±20%.
   * The default adds up to about a day (DESIGN: senders retry for a day or so).
   */
  INBOX_FORWARD_RETRY_SCHEDULE: secondsList(
    "INBOX_FORWARD_RETRY_SCHEDULE",
    "5,30,120,600,1800,3600,10800,21600,43200,86400",
  ),
  /** Seconds before each retry of an alert message (lib/alerts): a few quick ones, alerts are for people. */
  INBOX_ALERT_RETRY_SCHEDULE: secondsList("INBOX_ALERT_RETRY_SCHEDULE", "10,60,300"),
  /** Seconds between scans for unfinished jobs that are due a poll (missed-callback detection). */
  INBOX_POLL_SCAN_SECONDS: z.coerce.number().min(0.1).max(3600).default(30),
  /** The address npm start listens on; wins over HOSTNAME (lib/http/listen-host.ts). */
  HOST: z.string().trim().min(1).optional(),
  /**
   * Next's convention for the listen address, used when HOST is unset and only when it is
   * an IP address or "localhost": shells and containers set HOSTNAME to the machine's name.
   */
  HOSTNAME: z.string().trim().optional(),
  /** Where npm start keeps generated secrets, the set-up code and the embedded database (default ./.data). */
  INBOX_DATA_DIR: z.string().trim().min(1).default(".data"),
  /** Log lines at this level and above (JSON on stdout; readable in npm run dev). README "Logs". */
  INBOX_LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .default("info"),
  /** Days deliveries are kept, unless an endpoint says otherwise (lib/retention); the queue deletes older ones hourly. */
  INBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(36500).default(30),
  /** Days deliveries that failed verification are kept (at most the endpoint's window; "forever" endpoints keep them too). */
  INBOX_FAILED_RETENTION_DAYS: z.coerce.number().int().min(1).max(36500).default(7),
  /** Deliveries one retention statement deletes at most (lib/retention/pace.ts; README "Data and retention"). */
  INBOX_RETENTION_BATCH_SIZE: z.coerce.number().int().min(1).max(100_000).default(500),
  /** Share of wall time (1-100) a retention run may spend deleting; it rests in proportion the rest of the time. */
  INBOX_RETENTION_BUSY_PERCENT: z.coerce.number().int().min(1).max(100).default(25),
  /** Deliveries a second a retention run deletes at most, on average over the run; unset: no budget. */
  INBOX_RETENTION_MAX_ROWS_PER_SECOND: z.coerce.number().int().min(1).max(10_000_000).optional(),
  /** Deliveries the Endpoints page counts live per view, smallest endpoints first; bigger ones show the queue's count (lib/usage). */
  INBOX_USAGE_LIVE_COUNT_LIMIT: z.coerce.number().int().min(0).max(100_000_000).default(200_000),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= envSchema.parse(process.env);
  return cached;
}

/** For launchers that set variables (the embedded DATABASE_URL) after a first read. */
export function reloadEnv(): Env {
  cached = undefined;
  return getEnv();
}

export function requireDatabaseUrl(): string {
  const url = getEnv().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (npm start sets it to the embedded database)");
  return url;
}
