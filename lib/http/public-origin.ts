import { getEnv } from "@/lib/env";

/**
 * The origin ingest URLs are built on: INBOX_PUBLIC_URL when set, else what the
 * caller used to reach us (Host, and X-Forwarded-Proto behind a TLS proxy). The
 * request's own URL is no help: Next fills it from its configured port.
 */
export function publicOrigin(request: Request): string {
  const configured = getEnv().INBOX_PUBLIC_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const host = request.headers.get("host");
  if (!host) return new URL(request.url).origin;
  const proto = request.headers.get("x-forwarded-proto") === "https" ? "https" : "http";
  return `${proto}://${host}`;
}
