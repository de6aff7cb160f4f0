// What a person reads when a connection failed: the cause in words, not an errno.

const KNOWN: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset by the target",
  ENOTFOUND: "the host name does not resolve",
  EAI_AGAIN: "DNS lookup failed (temporary)",
  ETIMEDOUT: "connection timed out",
  EHOSTUNREACH: "host unreachable",
  UND_ERR_SOCKET: "the connection broke",
};

/** Also for fetch's errors, which carry the socket's error as their `cause`. */
export function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (!(cause instanceof Error)) return String(cause);
  const code = (cause as NodeJS.ErrnoException).code;
  return (code && KNOWN[code]) ?? cause.message;
}
