// Classifies database errors. "Unavailable" (cannot connect, connection lost, server
// shutting down, pool exhausted) is answered 503 + Retry-After so senders retry;
// anything else is a bug or a constraint and is handled where it happens.

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "EAI_AGAIN",
]);
// Prisma: can't reach server, timed out, connection closed, pool timeout.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// PostgreSQL SQLSTATE classes 08 (connection exception) and 57P (operator intervention).
const SQLSTATE_UNAVAILABLE = /^(08|57P)/;
// Prisma driver-adapter error kinds; raw queries ($queryRaw) report them under P2010.
const ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
const MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connect ECONNREFUSED/i,
  /Connection refused/i,
  /server closed the connection/i,
  /terminating connection/i,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const { code, message, cause, originalCode, kind, meta } = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      originalCode?: unknown;
      kind?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    for (const c of [code, originalCode]) {
      if (
        typeof c === "string" &&
        (NETWORK_CODES.has(c) || PRISMA_CODES.has(c) || SQLSTATE_UNAVAILABLE.test(c))
      )
        return true;
    }
    if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
    if (typeof message === "string" && MESSAGES.some((m) => m.test(message))) return true;
    current = cause ?? meta?.driverAdapterError;
  }
  return false;
}

/** Postgres unique_violation, directly or as Prisma's P2002. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "P2002" || code === "23505";
}

/** Postgres undefined_table or invalid_schema_name (3F000): a schema another component creates is not there yet. */
export function isUndefinedTable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "42P01" || code === "3F000";
}
