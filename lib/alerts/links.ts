// Alerts link to dashboard pages with absolute URLs, but the worker that sends them
// has no request to take an origin from. INBOX_PUBLIC_URL names it; without it, the
// origin this process listens on (scripts/start.ts reports it once listening), which
// is right on the machine itself and behind nothing.
import { getEnv } from "@/lib/env";

// On globalThis: Next's server bundle (route handlers sending test alerts) has its own
// copy of this module, apart from the one scripts/start.ts imported.
const holder = globalThis as typeof globalThis & { __inboxListeningOrigin?: string };

export function rememberListeningOrigin(origin: string): void {
  holder.__inboxListeningOrigin = origin.replace(/\/+$/, "");
}

/**
 * The absolute URL of a dashboard path. Throws before the server listens (a queued
 * alert picked up in the first moment of a start): the queue retries it shortly.
 */
export function dashboardUrl(path: string): string {
  const origin = getEnv().INBOX_PUBLIC_URL?.replace(/\/+$/, "") ?? holder.__inboxListeningOrigin;
  if (origin === undefined)
    throw new Error("alert links need INBOX_PUBLIC_URL or a listening server; retried");
  return `${origin}${path}`;
}
